package main

func Map[T any](xs []T) []T { return xs }

func main() {}

// CHANLAB 3:9: generic function is not supported by chanlab
