package main

func main() {
	a := [3]int{1, 2, 3
	}
	_ = a
}

// ERROR 4:21: syntax error: unexpected newline in composite literal; possibly missing comma or }
