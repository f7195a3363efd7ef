package main

func main() {
	defer println("deferred runs")
	panic("boom")
}
