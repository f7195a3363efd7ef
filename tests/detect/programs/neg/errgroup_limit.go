// want: none
// errgroup.SetLimit bounds the tasks in flight; results go through a
// mutex-protected map.
package main

import (
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var mu sync.Mutex
	squares := map[int]int{}
	for i := 1; i <= 6; i++ {
		g.Go(func() error {
			mu.Lock()
			squares[i] = i * i
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(squares), squares[6])
}
