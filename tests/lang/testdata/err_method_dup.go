package main

type T struct{}

func (T) M() {}

func (T) M() {}

func main() {}

// ERROR 7:10: method T.M already declared at x.go:5:10
