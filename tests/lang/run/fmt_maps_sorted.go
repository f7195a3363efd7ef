package main

import "fmt"

type K struct {
	A int
	B string
}

func main() {
	m := map[string]int{"zeta": 1, "alpha": 2, "mid": 3, "beta": 4}
	fmt.Println(m)
	n := map[int]bool{5: true, -1: false, 3: true, 100: false}
	fmt.Println(n)
	f := map[float64]string{2.5: "b", -1: "a", 10: "c"}
	fmt.Println(f)
	k := map[K]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3}
	fmt.Println(k)
	fmt.Printf("%v %d\n", map[string][]int{"b": {1}, "a": {2, 3}}, len(m))
	nested := map[string]map[string]int{"x": {"b": 1, "a": 2}}
	fmt.Println(nested)
}
