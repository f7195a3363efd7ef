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
