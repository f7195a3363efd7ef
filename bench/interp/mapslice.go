// mapslice.go: CPU only: build a slice of 200,000 ints, count them into a
// map by residue, and sum the map.
package main

import "fmt"

func main() {
	var xs []int
	for i := 0; i < 200000; i++ {
		xs = append(xs, i*7919%100003)
	}
	counts := make(map[int]int)
	for _, x := range xs {
		counts[x%1000]++
	}
	total := 0
	for k, v := range counts {
		total += k * v
	}
	fmt.Println(len(xs), len(counts), total)
}
