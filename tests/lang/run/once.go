package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { fmt.Println("init once") })
		}()
	}
	wg.Wait()
	var o2 sync.Once
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		o2.Do(func() { panic("in once") })
	}()
	o2.Do(func() { fmt.Println("not again") })
	fmt.Println("end")
}

// Output:
// init once
// recovered in once
// end
