package main

func main() {
	x := 1
	switch x.(type) {
	}
}

// ERROR 5:9: x (variable of type int) is not an interface
