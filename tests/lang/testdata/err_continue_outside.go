package main

func main() {
	continue
}

// ERROR 4:2: continue is not in a loop
