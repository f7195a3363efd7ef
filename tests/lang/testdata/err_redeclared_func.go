package main

func f() {}

func f() {}

func main() {}

// ERROR 5:6: f redeclared in this block\n\tx.go:3:6: other declaration of f
