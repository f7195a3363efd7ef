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

// Output:
// map[alpha:2 beta:4 mid:3 zeta:1]
// map[-1:false 3:true 5:true 100:false]
// map[-1:a 2.5:b 10:c]
// map[{1 a}:3 {1 b}:2 {2 a}:1]
// map[a:[2 3] b:[1]] 4
// map[x:map[a:2 b:1]]
