package main

func seq(yield func(int) bool) {}

func main() {
	for x := range seq {
		_ = x
	}
}

// CHANLAB 6:17: range over function (iterator) is not supported by chanlab
