package main

import "unsafe"

func main() {
	_ = unsafe.Sizeof(1)
}

// CHANLAB 3:8: package unsafe is not supported by chanlab
