package main

// The sequence of Less and Swap calls is observable: this Interface logs
// every call. sort.Sort on 16 elements chooses a median-of-three pivot and
// partitions; sort.Stable insertion-sorts blocks of 20 and merges.

import (
	"fmt"
	"sort"
	"strings"
)

type logged struct {
	xs  []int
	log strings.Builder
	n   int
}

func (l *logged) Len() int { return len(l.xs) }
func (l *logged) Less(i, j int) bool {
	l.note(fmt.Sprintf("L%d,%d", i, j))
	return l.xs[i] < l.xs[j]
}
func (l *logged) Swap(i, j int) {
	l.note(fmt.Sprintf("S%d,%d", i, j))
	l.xs[i], l.xs[j] = l.xs[j], l.xs[i]
}
func (l *logged) note(s string) {
	if l.n > 0 && l.n%16 == 0 {
		l.log.WriteString("\n")
	} else if l.n > 0 {
		l.log.WriteString(" ")
	}
	l.log.WriteString(s)
	l.n++
}

func run(name string, xs []int, sorter func(sort.Interface)) {
	l := &logged{xs: xs}
	sorter(l)
	fmt.Printf("%s: %d calls -> %v\n%s\n", name, l.n, l.xs, l.log.String())
}

func main() {
	run("Sort", []int{5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3}, sort.Sort)
	run("Sort sorted", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, sort.Sort)
	run("Sort reversed", []int{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, sort.Sort)
	xs := make([]int, 24)
	for i := range xs {
		xs[i] = (i * 7) % 5
	}
	run("Stable", xs, sort.Stable)
}

// Output:
// Sort: 71 calls -> [1 1 2 3 3 4 5 5 5 5 6 7 8 9 9 9]
// L8,4 L12,8 L8,4 L1,0 S0,8 L1,0 L2,0 L3,0 L4,0 L15,0 S4,15 L5,0 L14,0 L13,0 L12,0 L11,0
// L10,0 L9,0 S5,9 L6,0 L7,0 L8,0 L7,0 S6,0 L1,0 S1,0 L2,1 L3,2 S3,2 L2,1 S2,1 L1,0
// L4,3 S4,3 L3,2 L5,4 S5,4 L4,3 L8,7 S8,7 L9,8 L10,9 S10,9 L9,8 S9,8 L8,7 L11,10 S11,10
// L10,9 L12,11 L13,12 S13,12 L12,11 S12,11 L11,10 S11,10 L10,9 L14,13 L15,14 S15,14 L14,13 S14,13 L13,12 S13,12
// L12,11 S12,11 L11,10 S11,10 L10,9 S10,9 L9,8
// Sort sorted: 15 calls -> [1 2 3 4 5 6 7 8 9 10 11 12 13]
// L6,3 L9,6 L6,3 L1,0 L2,1 L3,2 L4,3 L5,4 L6,5 L7,6 L8,7 L9,8 L10,9 L11,10 L12,11
// Sort reversed: 51 calls -> [1 2 3 4 5 6 7 8 9 10 11 12 13]
// L6,3 L9,3 L9,6 S0,6 L1,0 L12,0 S1,12 L2,0 L11,0 S2,11 L3,0 L10,0 S3,10 L4,0 L9,0 S4,9
// L5,0 L8,0 S5,8 L6,0 L7,0 S6,7 S6,0 L1,0 S1,0 L2,1 S2,1 L1,0 L3,2 S3,2 L2,1 L4,3
// S4,3 L3,2 L5,4 S5,4 L4,3 L8,7 S8,7 L9,8 S9,8 L8,7 L10,9 S10,9 L9,8 L11,10 S11,10 L10,9
// L12,11 S12,11 L11,10
// Stable: 212 calls -> [0 0 0 0 0 1 1 1 1 1 2 2 2 2 2 3 3 3 3 4 4 4 4 4]
// L1,0 L2,1 L3,2 S3,2 L2,1 S2,1 L1,0 L4,3 S4,3 L3,2 L5,4 S5,4 L4,3 S4,3 L3,2 S3,2
// L2,1 S2,1 L1,0 L6,5 S6,5 L5,4 S5,4 L4,3 L7,6 L8,7 S8,7 L7,6 S7,6 L6,5 S6,5 L5,4
// S5,4 L4,3 S4,3 L3,2 L9,8 S9,8 L8,7 S8,7 L7,6 L10,9 S10,9 L9,8 S9,8 L8,7 S8,7 L7,6
// S7,6 L6,5 S6,5 L5,4 S5,4 L4,3 S4,3 L3,2 S3,2 L2,1 L11,10 S11,10 L10,9 S10,9 L9,8 S9,8
// L8,7 S8,7 L7,6 L12,11 L13,12 S13,12 L12,11 S12,11 L11,10 S11,10 L10,9 S10,9 L9,8 S9,8 L8,7 S8,7
// L7,6 S7,6 L6,5 S6,5 L5,4 L14,13 S14,13 L13,12 S13,12 L12,11 S12,11 L11,10 L15,14 S15,14 L14,13 S14,13
// L13,12 S13,12 L12,11 S12,11 L11,10 S11,10 L10,9 S10,9 L9,8 S9,8 L8,7 S8,7 L7,6 S7,6 L6,5 S6,5
// L5,4 S5,4 L4,3 S4,3 L3,2 L16,15 S16,15 L15,14 S15,14 L14,13 S14,13 L13,12 S13,12 L12,11 S12,11 L11,10
// S11,10 L10,9 L17,16 L18,17 S18,17 L17,16 S17,16 L16,15 S16,15 L15,14 S15,14 L14,13 S14,13 L13,12 S13,12 L12,11
// S12,11 L11,10 S11,10 L10,9 S10,9 L9,8 S9,8 L8,7 S8,7 L7,6 L19,18 S19,18 L18,17 S18,17 L17,16 S17,16
// L16,15 S16,15 L15,14 L21,20 L22,21 L23,22 S23,22 L22,21 S22,21 L21,20 L21,10 L22,9 S10,20 S11,21 S12,20 S13,21
// S14,20 S15,21 S16,20 S17,21 S18,20 S19,21 L10,5 L11,4 S5,10 S6,10 S7,10 S8,10 S9,10 L5,2 L5,4 L5,3
// S5,4 L11,8 L11,10 L11,9 S11,10 S10,9 L22,17 L23,16 S17,22 S18,22 S19,22 S20,22 S21,22 L17,14 L17,13 S17,16
// S16,15 S15,14 L23,20 L23,22
