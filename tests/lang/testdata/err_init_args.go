package main

func init(x int) {}

func main() {}

// ERROR 3:6: func init must have no arguments and no return values
