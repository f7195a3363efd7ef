package main

type T struct{ M int }

func (T) M() {}

func main() {}

// ERROR 5:10: field and method with the same name M\n\tx.go:3:16: other declaration of M
