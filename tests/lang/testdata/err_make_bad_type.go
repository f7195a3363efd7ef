package main

func main() {
	_ = make(int)
}

// ERROR 4:11: invalid argument: cannot make int; type must be slice, map, or channel
