// want: none
// sync.Once: the first Do runs the initialiser, and its return happens
// before every Do returns, in every goroutine.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	inits  int
)

func load() map[string]string {
	once.Do(func() {
		inits++
		config = map[string]string{"region": "eu"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	regions := make([]string, 5)
	for i := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			regions[i] = load()["region"]
		}()
	}
	wg.Wait()
	fmt.Println(regions, "inits:", inits)
}
