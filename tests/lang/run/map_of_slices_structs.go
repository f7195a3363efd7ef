package main

import (
	"fmt"
)

type Item struct {
	Name string
	Qty  int
}

func main() {
	inv := map[string][]Item{}
	inv["fruit"] = append(inv["fruit"], Item{"apple", 3}, Item{"pear", 1})
	inv["veg"] = append(inv["veg"], Item{"kale", 2})
	total := 0
	for _, items := range inv {
		for _, it := range items {
			total += it.Qty
		}
	}
	fmt.Println(total, inv)
	m := map[string]*Item{"x": {"x", 1}}
	m["x"].Qty++
	fmt.Println(*m["x"])
	s := map[string]Item{"y": {"y", 1}}
	it := s["y"]
	it.Qty = 99
	fmt.Println(s["y"].Qty)
}

// Output:
// 6 map[fruit:[{apple 3} {pear 1}] veg:[{kale 2}]]
// {x 2}
// 1
