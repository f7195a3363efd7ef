package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 8))
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	fmt.Println(ss)
	people := []struct {
		Name string
		Age  int
	}{{"A", 30}, {"B", 25}, {"C", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	big := make([]int, 100)
	for i := range big {
		big[i] = (i * 37) % 101
	}
	sort.Ints(big)
	fmt.Println(big[:5], big[95:])
	fmt.Println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
}

// Output:
// [1 2 3 5 8 9] true 4
// [apple fig pear]
// [{B 25} {A 30} {C 35}]
// [a bb ccc]
// [9 8 5 3 2 1]
// [0 1 2 3 4] [96 97 98 99 100]
// 8
