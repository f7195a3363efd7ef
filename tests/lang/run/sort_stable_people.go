package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	ps := []Person{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 20}, {"e", 25}}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age })
	fmt.Println(ps)
	fs := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fs)
	fmt.Println(fs)
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"))
}

// Output:
// [{b 20} {d 20} {e 25} {a 30} {c 30}]
// [-1 0 2.5 3.25]
// 2
