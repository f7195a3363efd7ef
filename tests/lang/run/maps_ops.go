package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 5
	m["c"]++
	v, ok := m["z"]
	fmt.Println(len(m), m["a"], m["b"], m["c"], v, ok)
	delete(m, "a")
	delete(m, "nope")
	_, ok = m["a"]
	fmt.Println(ok, len(m))
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	type key struct{ x, y int }
	grid := map[key]string{{1, 2}: "a"}
	grid[key{3, 4}] = "b"
	fmt.Println(grid[key{1, 2}], grid[key{3, 4}], len(grid))
	var iface = map[interface{}]int{1: 1, "1": 2, 1.5: 3}
	fmt.Println(iface[1], iface["1"], iface[1.5], iface[2])
	clear(m)
	fmt.Println(len(m), m)
	total := 0
	for k := range counts {
		total += counts[k]
	}
	fmt.Println(total)
	sm := map[string][]int{}
	sm["x"] = append(sm["x"], 1, 2)
	fmt.Println(sm)
}

// Output:
// 3 1 5 1 0 false
// false 2
// map[105:4 109:1 112:2 115:4]
// a b 2
// 1 2 3 0
// 0 map[]
// 11
// map[x:[1 2]]
