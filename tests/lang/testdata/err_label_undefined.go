package main

func main() {
	for {
		break L
	}
}

// ERROR 5:9: break label not defined: L
