package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const big = 1 << 100

func main() {
	fmt.Println(Sunday, Monday, Tuesday, KB, MB, GB)
	fmt.Printf("%v %d %s\n", Tuesday, Tuesday, Monday)
	fmt.Println(big >> 98)
	const f = 1.0 / 3
	fmt.Println(f, float32(f))
	var x uint8 = 255
	fmt.Println(x + 1)
}

// Output:
// Sun Mon Tue 1024 1048576 1073741824
// Tue 2 Mon
// 4
// 0.3333333333333333 0.33333334
// 0
