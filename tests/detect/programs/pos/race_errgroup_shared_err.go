// want: race 1
// Two errgroup tasks record their status in one captured variable instead
// of returning it.
package main

import (
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	status := "ok"
	g.Go(func() error {
		status = "task 1 failed"
		return nil
	})
	g.Go(func() error {
		time.Sleep(10 * time.Millisecond)
		status = "task 2 failed"
		return nil
	})
	g.Wait()
	fmt.Println("status set:", status != "")
}
