package main

func main() {
L:
	goto L
}

// CHANLAB 5:2: goto is not supported by chanlab
