package main

func (int) M() {}

func main() {}

// ERROR 3:7: cannot define new methods on non-local type int
