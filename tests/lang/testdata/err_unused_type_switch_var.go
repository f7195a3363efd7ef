package main

func main() {
	var i any
	switch v := i.(type) {
	case int:
	}
}

// ERROR 5:9: v declared and not used
