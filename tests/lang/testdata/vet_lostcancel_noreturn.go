package main

import (
	"context"
	"time"
)

type S struct{}

func (S) fatal() { for {} }

func loopForever() {
	for {
		time.Sleep(time.Second)
	}
}

func a(n int) {
	if n > 0 {
		b(n - 1)
	}
	panic("x")
}

func b(n int) { a(n) }

func m1(ctx context.Context, s S, bad bool) {
	_, cancel := context.WithCancel(ctx)
	if bad {
		s.fatal()
	}
	cancel()
}

func m2(ctx context.Context, bad bool) {
	_, cancel := context.WithCancel(ctx)
	if bad {
		a(1)
	}
	cancel()
}

func m3(ctx context.Context, ch chan int) int {
	_, cancel := context.WithCancel(ctx)
L:
	select {
	case <-ch:
		break L
	case ch <- 1:
		cancel()
		return 1
	}
	return 0
}

func m4(ctx context.Context) {
	var (
		c, cancel = context.WithCancel(ctx)
		d         = 1
	)
	_, _ = c, d
	if d > 0 {
		return
	}
	cancel()
}

func m5(ctx context.Context) {
	var cancel context.CancelFunc
	f := func() {
		ctx, cancel = context.WithCancel(ctx)
	}
	f()
	cancel()
}

func m6(ctx context.Context, n int) {
	switch _, cancel := context.WithCancel(ctx); n {
	case 1:
		fallthrough
	default:
		cancel()
	case 2:
		return
	}
}

func m7(ctx context.Context, ch chan int) {
	_, cancel := context.WithCancel(ctx)
	select {
	case <-ch:
		cancel()
	}
}

func m8(ctx context.Context, ch chan int) {
	_, cancel := context.WithCancel(ctx)
	for range ch {
		go loopForever()
	}
	if cancel == nil {
		return
	}
}

func m9(ctx context.Context) {
	_, cancel := context.WithCancel(ctx)
	defer func() {
		if cancel != nil {
			cancel()
		}
	}()
}

func m10(ctx context.Context, xs []int) (err error) {
	_, cancel := context.WithCancel(ctx)
	for i := range xs {
		switch {
		case i > 2:
			continue
		case i < 0:
			return nil
		}
		cancel()
	}
	return
}

func main() {
	go func() {
		_, cancel := context.WithCancel(context.Background())
		if time.Now().IsZero() {
			return
		}
		cancel()
	}()
}

// WARN 44:2: the cancel function is not used on all paths (possible context leak)
// WARN 53:2: this return statement may be reached without using the cancel var defined on line 44
// WARN 58:3: the cancel function is not used on all paths (possible context leak)
// WARN 63:3: this return statement may be reached without using the cancel var defined on line 58
// WARN 78:9: the cancel function is not used on all paths (possible context leak)
// WARN 84:3: this return statement may be reached without using the cancel var defined on line 78
// WARN 116:2: the cancel function is not used on all paths (possible context leak)
// WARN 122:4: this return statement may be reached without using the cancel var defined on line 116
// WARN 131:3: the cancel function is not used on all paths (possible context leak)
// WARN 133:4: this return statement may be reached without using the cancel var defined on line 131
