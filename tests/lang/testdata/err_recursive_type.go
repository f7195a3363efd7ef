package main

type A struct {
	x int
	b B
}

type B struct {
	a A
}

type C [2]C

type D struct{ d D }

type E struct {
	f [3]F
}
type F struct{ e E }

type OK struct {
	p *OK
	s []OK
	m map[int]OK
	c chan OK
	f func(OK) OK
}

type G = struct{ g *G2 }
type G2 struct{ h H }
type H struct{ g2 G2 }

func main() {
	type L struct{ l L }
	var a A
	_ = a
}

// ERROR 3:6: invalid recursive type A\n\tx.go:3:6: A refers to\n\tx.go:8:6: B refers to\n\tx.go:3:6: A
// ERROR 12:6: invalid recursive type: C refers to itself
// ERROR 14:6: invalid recursive type: D refers to itself
// ERROR 16:6: invalid recursive type E\n\tx.go:16:6: E refers to\n\tx.go:19:6: F refers to\n\tx.go:16:6: E
// ERROR 30:6: invalid recursive type G2\n\tx.go:30:6: G2 refers to\n\tx.go:31:6: H refers to\n\tx.go:30:6: G2
// ERROR 34:7: invalid recursive type: L refers to itself
