// The logger has an owner: Close ends the loop, flushes the rest, and waits.
package main

import (
	"fmt"
	"strings"
)

type logger struct {
	entries chan string
	stopped chan struct{}
}

func newLogger() *logger {
	l := &logger{entries: make(chan string), stopped: make(chan struct{})}
	go func() {
		defer close(l.stopped)
		var batch []string
		for e := range l.entries {
			batch = append(batch, e)
			if len(batch) == 2 {
				fmt.Println("flush:", strings.Join(batch, " "))
				batch = nil
			}
		}
		if len(batch) > 0 { // the channel is closed: flush what is left
			fmt.Println("flush:", strings.Join(batch, " "))
		}
	}()
	return l
}

// Close stops the background goroutine and returns once it has exited.
func (l *logger) Close() {
	close(l.entries)
	<-l.stopped
}

func main() {
	l := newLogger()
	for _, e := range []string{"a", "b", "c"} {
		l.entries <- e
	}
	l.Close()
	fmt.Println("main done")
}
