package main

func main() {
	break
}

// ERROR 4:2: break is not in a loop, switch, or select
