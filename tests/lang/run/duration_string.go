package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, 1000, 1500, time.Millisecond, 1500 * time.Microsecond, time.Second, 90 * time.Second, time.Hour + 30*time.Minute + 5*time.Second, -2 * time.Second, 100 * time.Hour, 2*time.Second + 300*time.Millisecond}
	for _, d := range ds {
		fmt.Println(d, d.String(), int64(d))
	}
	fmt.Printf("%v %s %d\n", time.Second, 2*time.Minute, time.Millisecond)
	fmt.Println(time.Duration(1500)*time.Millisecond, (90 * time.Minute).Hours(), (1500 * time.Millisecond).Seconds())
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err)
	_, err = time.ParseDuration("bogus")
	fmt.Println(err)
	fmt.Println(time.Duration(1234567890).Round(time.Millisecond), time.Duration(1234567890).Truncate(time.Second))
}

// Output:
// 0s 0s 0
// 1ns 1ns 1
// 999ns 999ns 999
// 1µs 1µs 1000
// 1.5µs 1.5µs 1500
// 1ms 1ms 1000000
// 1.5ms 1.5ms 1500000
// 1s 1s 1000000000
// 1m30s 1m30s 90000000000
// 1h30m5s 1h30m5s 5405000000000
// -2s -2s -2000000000
// 100h0m0s 100h0m0s 360000000000000
// 2.3s 2.3s 2300000000
// 1s 2m0s 1000000
// 1.5s 1.5 1.5
// 1h15m30.5s <nil>
// time: invalid duration "bogus"
// 1.235s 1s
