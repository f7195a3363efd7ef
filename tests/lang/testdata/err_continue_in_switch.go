package main

func main() {
	switch {
	case true:
		continue
	}
}

// ERROR 6:3: continue is not in a loop
