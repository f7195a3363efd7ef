package main

import "os"

func main() {}

// ERROR 3:8: "os" imported and not used
