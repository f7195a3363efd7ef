// want: none
// The fixed early-return sender: the reply channel has room for one value,
// so the late worker can always send and exit after the caller gave up.
package main

import (
	"errors"
	"fmt"
	"time"
)

func slow() int {
	time.Sleep(60 * time.Millisecond)
	return 7
}

func search(timeout time.Duration) (int, error) {
	ch := make(chan int, 1) // the fix: a buffer of one
	go func() { ch <- slow() }()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return 0, errors.New("timed out")
	}
}

func main() {
	_, err := search(10 * time.Millisecond)
	fmt.Println("first:", err)
	v, err := search(300 * time.Millisecond)
	fmt.Println("second:", v, err)
	time.Sleep(200 * time.Millisecond) // the first worker has sent and exited
}
