package main

import "net/http"

func main() {
	_ = http.Get
}

// CHANLAB 3:8: package net/http is not supported by chanlab
