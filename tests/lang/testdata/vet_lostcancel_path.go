package main

import (
	"context"
	"errors"
)

func work(fail bool) error {
	ctx, cancel := context.WithCancel(context.Background())
	if fail {
		return errors.New("fail")
	}
	defer cancel()
	_ = ctx
	return nil
}

func main() {
	_ = work(false)
}

// WARN 9:2: the cancel function is not used on all paths (possible context leak)
// WARN 11:3: this return statement may be reached without using the cancel var defined on line 9
