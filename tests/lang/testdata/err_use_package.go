package main

import (
	"fmt"
)

func main() {
	_ = fmt
}

// ERROR 4:2: "fmt" imported and not used
// ERROR 8:6: use of package fmt not in selector
