package main

type Number interface {
	~int | ~float64
}

func main() {}

// CHANLAB 4:2: type constraint is not supported by chanlab
