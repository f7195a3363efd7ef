package main

import "fmt"

func f() (result int) {
	defer func() { result *= 2 }()
	defer fmt.Println("deferred print", result)
	result = 5
	return result + 1
}

func loop() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
}

func main() {
	fmt.Println(f())
	loop()
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	func() {
		defer func() {
			fmt.Println("inner defer")
		}()
		fmt.Println("inner body")
	}()
}

// Output:
// deferred print 0
// 12
// defer 2
// defer 1
// defer 0
// inner body
// inner defer
// x at defer time: 1
