package main

func main() {
	select {
	case x := 1:
		_ = x
	}
}

// ERROR 5:7: select case must be send or receive (possibly with assignment)
