// want: none
// errgroup: each task writes its own result slot; Wait returns after every
// task has returned, with the first error.
package main

import (
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	sizes := make([]int, 4)
	for i := range sizes {
		g.Go(func() error {
			if i == 2 {
				return errors.New("task 2 failed")
			}
			sizes[i] = (i + 1) * 10
			return nil
		})
	}
	err := g.Wait()
	fmt.Println(sizes, err)
}
