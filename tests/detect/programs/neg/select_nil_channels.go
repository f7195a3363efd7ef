// want: none
// Merging two producers with select: a channel that is closed is set to
// nil so its case is never chosen again, and the loop ends when both are.
package main

import "fmt"

func produce(from, to int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := from; i <= to; i++ {
			ch <- i
		}
	}()
	return ch
}

func main() {
	a, b := produce(1, 5), produce(10, 12)
	sum, n := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
			n++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
			n++
		}
	}
	fmt.Println(n, "values, sum", sum)
}
