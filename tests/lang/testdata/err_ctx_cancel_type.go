package main

import (
	"context"
)

func main() {
	ctx := context.Background()
	var s string = ctx
	_ = s
}

// ERROR 9:17: cannot use ctx (variable of type context.Context) as string value in variable declaration
