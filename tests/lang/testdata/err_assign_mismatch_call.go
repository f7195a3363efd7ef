package main

func f() (int, int) { return 1, 2 }

func main() {
	x := f()
	_ = x
}

// ERROR 6:7: assignment mismatch: 1 variable but f returns 2 values
