// GOMAXPROCS=4: four goroutines each sum a quarter of the slice in parallel.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(4) // four Ps: four goroutines can run Go code at once
	nums := make([]int, 100000)
	for i := range nums {
		nums[i] = i % 10
	}
	parts := make([]int, 4)
	chunk := len(nums) / 4
	var wg sync.WaitGroup
	for p := 0; p < 4; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for _, v := range nums[p*chunk : (p+1)*chunk] {
				s += v
			}
			parts[p] = s // each goroutine writes only its own element
		}()
	}
	wg.Wait()
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("parts:", parts)
	fmt.Println("total:", parts[0]+parts[1]+parts[2]+parts[3])
}
