package main

import "reflect"

func main() {
	_ = reflect.TypeOf(1)
}

// CHANLAB 3:8: package reflect is not supported by chanlab
