package main

type MyErr int

func main() {
	panic(MyErr(42))
}

// Exit: 2
// Stderr: panic: main.MyErr(42)
// Output:
