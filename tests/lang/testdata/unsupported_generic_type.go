package main

type Box[T any] struct{ v T }

func main() {}

// CHANLAB 3:9: generic type is not supported by chanlab
