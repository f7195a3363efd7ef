// A logger started in the background with no way to stop it or flush it.
package main

import (
	"fmt"
	"strings"
	"time"
)

type logger struct {
	entries chan string
}

func newLogger() *logger {
	l := &logger{entries: make(chan string)}
	go func() { // who stops this goroutine, and when? nobody, never
		var batch []string
		for e := range l.entries {
			batch = append(batch, e)
			if len(batch) == 2 {
				fmt.Println("flush:", strings.Join(batch, " "))
				batch = nil
			}
		}
	}()
	return l
}

func main() {
	l := newLogger()
	for _, e := range []string{"a", "b", "c"} {
		l.entries <- e
	}
	time.Sleep(10 * time.Millisecond) // the logger is waiting for a fourth entry
	fmt.Println("main done")          // "c" is never flushed
}
