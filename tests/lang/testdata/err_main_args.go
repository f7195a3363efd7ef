package main

func main(x int) {}

// ERROR 3:6: func main must have no arguments and no return values
