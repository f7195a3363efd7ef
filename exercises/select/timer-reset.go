// Go 1.23 timer semantics: a timer that fired while nobody was reading
// holds no stale value after Reset. Before 1.23 the old value sat in the
// buffered channel C, and <-t.C returned at once unless you drained it.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(30 * time.Millisecond) // the timer expires; nobody reads C
	fmt.Println("len(t.C) after expiry:", len(t.C))
	t.Reset(50 * time.Millisecond) // no drain needed since Go 1.23
	start := time.Now()
	<-t.C
	waited := time.Since(start)
	fmt.Println("waited the full 50ms after Reset:", waited >= 50*time.Millisecond)
	fmt.Println("Stop after firing reports:", t.Stop())
}
