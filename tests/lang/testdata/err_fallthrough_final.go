package main

func main() {
	switch {
	case true:
		fallthrough
	}
}

// ERROR 6:3: cannot fallthrough final case in switch
