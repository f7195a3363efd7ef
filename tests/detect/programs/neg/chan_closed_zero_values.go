// want: none
// A receive from a closed channel returns at once with ok == false, and is
// ordered after the close and after everything written before it.
package main

import "fmt"

func main() {
	ch := make(chan int)
	var last string
	go func() {
		ch <- 1
		last = "producer finished"
		close(ch)
	}()
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok, last)
	v, ok = <-ch
	fmt.Println(v, ok)
}
