package main

type MyErr int

func main() {
	panic(MyErr(42))
}
