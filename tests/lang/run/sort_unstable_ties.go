package main

// sort.Slice is not stable: with equal keys, Go's pattern-defeating
// quicksort leaves the records in an order a stable sort would not, and
// chanlab must print the same order. SliceStable keeps input order.

import (
	"fmt"
	"sort"
)

type result struct {
	name  string
	score int
}

func main() {
	rs := []result{
		{"ana", 3}, {"bo", 1}, {"cy", 3}, {"di", 2}, {"ed", 1}, {"flo", 3},
		{"gus", 2}, {"hal", 1}, {"ivy", 3}, {"jo", 2}, {"kim", 1}, {"lu", 3},
		{"max", 2}, {"ned", 1}, {"oli", 3}, {"pat", 2}, {"quin", 1},
	}
	a := append([]result(nil), rs...)
	sort.Slice(a, func(i, j int) bool { return a[i].score < a[j].score })
	fmt.Println("Slice:      ", a)

	b := append([]result(nil), rs...)
	sort.SliceStable(b, func(i, j int) bool { return b[i].score < b[j].score })
	fmt.Println("SliceStable:", b)

	// Descending by score, the usual leaderboard.
	c := append([]result(nil), rs...)
	sort.Slice(c, func(i, j int) bool { return c[i].score > c[j].score })
	for i, r := range c[:6] {
		fmt.Printf("%d. %-5s %d\n", i+1, r.name, r.score)
	}

	// Short slices (12 or fewer) are insertion-sorted, which is stable.
	d := append([]result(nil), rs[:12]...)
	sort.Slice(d, func(i, j int) bool { return d[i].score < d[j].score })
	fmt.Println("12:", d)
}

// Output:
// Slice:       [{hal 1} {bo 1} {quin 1} {ned 1} {ed 1} {kim 1} {max 2} {gus 2} {jo 2} {di 2} {pat 2} {ivy 3} {flo 3} {lu 3} {ana 3} {oli 3} {cy 3}]
// SliceStable: [{bo 1} {ed 1} {hal 1} {kim 1} {ned 1} {quin 1} {di 2} {gus 2} {jo 2} {max 2} {pat 2} {ana 3} {cy 3} {flo 3} {ivy 3} {lu 3} {oli 3}]
// 1. ivy   3
// 2. oli   3
// 3. cy    3
// 4. ana   3
// 5. lu    3
// 6. flo   3
// 12: [{bo 1} {ed 1} {hal 1} {kim 1} {di 2} {gus 2} {jo 2} {ana 3} {cy 3} {flo 3} {ivy 3} {lu 3}]
