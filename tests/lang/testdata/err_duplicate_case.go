package main

func main() {
	x := 1
	switch x {
	case 1:
	case 1:
	}
}

// ERROR 7:7: duplicate case 1 (constant of type int) in expression switch\n\tx.go:6:7: previous case
