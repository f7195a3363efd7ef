package main

func main() {
	go func() {
		y := 2
	}()
}

// ERROR 5:3: declared and not used: y
