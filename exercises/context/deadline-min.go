// A child context can shorten its parent's deadline but never extend it:
// asking for an hour under a 200 ms parent still ends at the parent's
// deadline. Code deeper in the tree can read the remaining budget.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	long, cancelLong := context.WithTimeout(parent, time.Hour)
	defer cancelLong()
	short, cancelShort := context.WithTimeout(parent, 10*time.Millisecond)
	defer cancelShort()

	pd, _ := parent.Deadline()
	ld, _ := long.Deadline()
	sd, _ := short.Deadline()
	fmt.Println("1h child keeps the parent's deadline:", ld.Equal(pd))
	fmt.Println("10ms child has an earlier deadline:", sd.Before(pd))
	fmt.Println("budget left at most 200ms:", time.Until(ld) <= 200*time.Millisecond)

	<-short.Done()
	fmt.Println("short:", short.Err(), "| parent:", parent.Err())
	<-long.Done()
	fmt.Println("long:", long.Err(), "| parent:", parent.Err())
}
