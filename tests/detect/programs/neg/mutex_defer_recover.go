// want: none
// A deferred Unlock runs even when the critical section panics and the
// panic is recovered, so the next goroutine can take the lock.
package main

import (
	"fmt"
	"sync"
)

var (
	mu  sync.Mutex
	log []string
)

func record(s string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	mu.Lock()
	defer mu.Unlock()
	if s == "" {
		panic("empty entry")
	}
	log = append(log, s)
	return nil
}

func main() {
	errs := make(chan error, 3)
	var wg sync.WaitGroup
	for _, s := range []string{"a", "", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- record(s)
		}()
		wg.Wait()
	}
	close(errs)
	for err := range errs {
		fmt.Println(err)
	}
	fmt.Println(log)
}
