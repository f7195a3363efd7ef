// A ticker delivers a value every period until stopped. Stop ends the
// ticks (it does not close C). Before Go 1.23 an unstopped ticker was
// never garbage-collected; since 1.23 it is, once unreachable, but defer
// Stop is still the clear way to say "done".
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	start := time.Now()
	for i := 1; i <= 3; i++ {
		<-t.C
		fmt.Println("tick", i)
	}
	t.Stop()
	select {
	case <-t.C:
		fmt.Println("a tick after Stop")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no tick for 50ms after Stop")
	}
	fmt.Println("at least 30ms elapsed:", time.Since(start) >= 30*time.Millisecond)
}
