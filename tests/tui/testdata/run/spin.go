// spin.go: two goroutines that never block; the Run screen must still
// pause, step and quit at once.
package main

func main() {
	n := 0
	go func() {
		for {
			n++
		}
	}()
	for {
		n--
	}
}
