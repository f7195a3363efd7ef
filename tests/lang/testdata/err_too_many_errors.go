package main

func main() {
	v0 := 1
	v1 := 1
	v2 := 1
	v3 := 1
	v4 := 1
	v5 := 1
	v6 := 1
	v7 := 1
	v8 := 1
	v9 := 1
	v10 := 1
	v11 := 1
}

// ERROR 4:2: declared and not used: v0
// ERROR 5:2: declared and not used: v1
// ERROR 6:2: declared and not used: v2
// ERROR 7:2: declared and not used: v3
// ERROR 8:2: declared and not used: v4
// ERROR 9:2: declared and not used: v5
// ERROR 10:2: declared and not used: v6
// ERROR 11:2: declared and not used: v7
// ERROR 12:2: declared and not used: v8
// ERROR 13:2: declared and not used: v9
// CHANLAB 13:2: too many errors
