// select has no priorities: among ready cases it picks at random. To serve
// "urgent" first, try it alone with a default, and only then wait on both.
package main

import "fmt"

func main() {
	urgent := make(chan string, 3)
	normal := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		normal <- fmt.Sprint("normal ", i)
		urgent <- fmt.Sprint("urgent ", i)
	}
	close(urgent)
	close(normal)
	for urgent != nil || normal != nil {
		select {
		case m, ok := <-urgent: // first: urgent alone
			if !ok {
				urgent = nil
				continue
			}
			fmt.Println(m)
			continue
		default:
		}
		select { // nothing urgent now: wait for either
		case m, ok := <-urgent:
			if !ok {
				urgent = nil
				continue
			}
			fmt.Println(m)
		case m, ok := <-normal:
			if !ok {
				normal = nil
				continue
			}
			fmt.Println(m)
		}
	}
}
