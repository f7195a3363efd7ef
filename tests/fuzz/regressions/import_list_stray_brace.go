package main

import (
	"context"
package main

func f() {}

func main() {
	x := f()
	_ = x
}

// ERROR 6:7: f() (no value) used as value
dd(time.Second))
	defer cancel()
	select {J=	case <-ctx.Done():
	default:
	}
}
