package main

import "C"

func main() {}

// CHANLAB 3:8: cgo is not supported by chanlab
