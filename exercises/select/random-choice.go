// Both cases are ready on every round. select picks one uniformly at
// random, so over many rounds each side wins about half the time; neither
// channel can starve the other.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	const rounds = 10000
	wins := map[string]int{}
	for i := 0; i < rounds; i++ {
		a <- i // refill both, so both cases are ready
		b <- i
		select {
		case <-a:
			wins["a"]++
			<-b // empty the other one for the next round
		case <-b:
			wins["b"]++
			<-a
		}
	}
	for _, k := range []string{"a", "b"} {
		share := float64(wins[k]) / rounds
		fmt.Printf("%s won between 45%% and 55%% of rounds: %t\n", k, share > 0.45 && share < 0.55)
	}
}
