package main

import f "fmt"

func main() {}

// ERROR 3:8: "fmt" imported as f and not used
