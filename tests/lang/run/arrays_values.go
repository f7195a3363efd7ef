package main

import (
	"fmt"
)

func main() {
	var a [3]int
	b := a
	b[0] = 1
	fmt.Println(a, b, len(a))
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	g2 := grid
	g2[1][2] = 60
	fmt.Println(grid, g2)
	p := &grid
	p[0][0] = 10
	fmt.Println(grid[0])
	for i, row := range grid {
		row[0] = -1
		fmt.Println(i, row)
	}
	fmt.Println(grid)
	s := grid[1][:]
	s[0] = 40
	fmt.Println(grid[1])
	x := [...]string{2: "c", 0: "a"}
	fmt.Println(len(x), x)
}

// Output:
// [0 0 0] [1 0 0] 3
// [[1 2 3] [4 5 6]] [[1 2 3] [4 5 60]]
// [10 2 3]
// 0 [-1 2 3]
// 1 [-1 5 6]
// [[10 2 3] [4 5 6]]
// [40 5 6]
// 3 [a  c]
