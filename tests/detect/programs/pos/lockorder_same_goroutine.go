// want: lockorder 1
// One goroutine takes A then B in one function and B then A in another.
// It never deadlocks alone, but two goroutines calling the two functions
// at once could, and the order graph has the cycle either way.
package main

import (
	"fmt"
	"sync"
)

var muA, muB sync.Mutex
var x, y int

func forward() {
	muA.Lock()
	muB.Lock()
	x++
	muB.Unlock()
	muA.Unlock()
}

func backward() {
	muB.Lock()
	muA.Lock()
	y++
	muA.Unlock()
	muB.Unlock()
}

func main() {
	forward()
	backward()
	fmt.Println(x, y)
}
