package main

// print and println write addresses in hex as Go does: nil is 0x0.

func main() {
	defer println("deferred:", (chan int)(nil), []int(nil))
	var p *int
	var e any
	println((chan int)(nil), []int(nil), (map[string]int)(nil), (func())(nil), p, e)
}

// Stderr: 0x0 [0/0]0x0 0x0 0x0 0x0 (0x0,0x0)
