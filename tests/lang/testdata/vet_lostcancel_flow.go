package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

type holder struct{ cancel context.CancelFunc }

func ifElse(ctx context.Context, a bool) error {
	ctx, cancel := context.WithCancel(ctx)
	if a {
		cancel()
	} else {
		return errors.New("a")
	}
	_ = ctx
	return nil
}

func bothBranches(ctx context.Context, a bool) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	if a {
		defer cancel()
	} else {
		cancel()
	}
	_ = ctx
}

func switchNoDefault(ctx context.Context, n int) int {
	ctx, cancel := context.WithCancel(ctx)
	switch n {
	case 1:
		cancel()
		return 1
	case 2:
		defer cancel()
		return 2
	}
	_ = ctx
	return 0
}

func switchDefault(ctx context.Context, n int) int {
	_, cancel := context.WithCancel(ctx)
	switch n {
	case 1:
		cancel()
	case 2:
		fallthrough
	case 3:
		go cancel()
	default:
		cancel()
	}
	return 0
}

func selectCase(ctx context.Context, ch chan int) int {
	ctx, stop := context.WithDeadline(ctx, time.Now())
	select {
	case v := <-ch:
		stop()
		return v
	case <-ctx.Done():
		return -1
	}
}

func forBreak(ctx context.Context, xs []int) {
	ctx, cancel := context.WithCancel(ctx)
	for i := 0; i < len(xs); i++ {
		if xs[i] < 0 {
			break
		}
		if xs[i] == 0 {
			cancel()
			return
		}
	}
	_ = ctx
}

func forever(ctx context.Context, ch chan int) {
	ctx, cancel := context.WithCancel(ctx)
	_ = ctx
	for {
		if <-ch > 0 {
			cancel()
			return
		}
	}
}

func early(ctx context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(ctx)
	if fail {
		return errors.New("fail")
	}
	defer cancel()
	_ = ctx
	return nil
}

func passed(ctx context.Context) {
	_, cancel := context.WithCancel(ctx)
	register(cancel)
}

func register(f func()) { f() }

func stored(ctx context.Context) *holder {
	_, cancel := context.WithCancel(ctx)
	return &holder{cancel: cancel}
}

func returned(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	return ctx, cancel
}

func named(ctx context.Context) (c context.Context, cancel context.CancelFunc) {
	c, cancel = context.WithCancel(ctx)
	return
}

func closure(ctx context.Context) {
	_, cancel := context.WithCancel(ctx)
	go func() {
		cancel()
	}()
}

func panics(ctx context.Context, bad bool) {
	_, cancel := context.WithCancel(ctx)
	if bad {
		panic("bad")
	}
	cancel()
}

func exits(ctx context.Context, bad bool) {
	_, cancel := context.WithCancel(ctx)
	if bad {
		os.Exit(1)
	}
	cancel()
}

func die(msg string) {
	fmt.Println(msg)
	panic(msg)
}

func dies(ctx context.Context, bad bool) {
	_, cancel := context.WithCancel(ctx)
	if bad {
		die("bad")
	}
	cancel()
}

func fallsOff(ctx context.Context, a bool) {
	_, cancel := context.WithCancel(ctx)
	if a {
		cancel()
	}
}

func varSpec(ctx context.Context, a bool) error {
	var c, cancel = context.WithTimeout(ctx, time.Second)
	if a {
		return c.Err()
	}
	cancel()
	return nil
}

func labeled(ctx context.Context, xs [][]int) {
	_, cancel := context.WithCancel(ctx)
outer:
	for _, row := range xs {
		for _, x := range row {
			if x < 0 {
				break outer
			}
			if x == 0 {
				continue outer
			}
		}
	}
	cancel()
}

func typeSwitch(ctx context.Context, v any) string {
	_, cancel := context.WithCancel(ctx)
	switch v.(type) {
	case int:
		cancel()
		return "int"
	case string:
		return "string"
	}
	cancel()
	return "other"
}

func rangeReturn(ctx context.Context, xs []int) int {
	_, cancel := context.WithCancel(ctx)
	for _, x := range xs {
		if x > 0 {
			return x
		}
	}
	cancel()
	return 0
}

func literal(ctx context.Context) func() error {
	return func() error {
		ctx, cancel := context.WithCancel(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		cancel()
		return nil
	}
}

func discard(ctx context.Context) {
	ctx, _ = context.WithCancel(ctx)
	_ = ctx
}

func inIf(ctx context.Context) error {
	if ctx, cancel := context.WithCancel(ctx); ctx.Err() != nil {
		return ctx.Err()
	} else {
		cancel()
	}
	return nil
}

func reassigned(ctx context.Context, a bool) {
	c, cancel := context.WithCancel(ctx)
	if a {
		c, cancel = context.WithCancel(c)
	}
	_ = c
	cancel()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	if ctx.Err() != nil {
		return
	}
	cancel()
}

// WARN 14:2: the cancel function is not used on all paths (possible context leak)
// WARN 18:3: this return statement may be reached without using the cancel var defined on line 14
// WARN 35:2: the cancel function is not used on all paths (possible context leak)
// WARN 45:2: this return statement may be reached without using the cancel var defined on line 35
// WARN 64:2: the stop function is not used on all paths (possible context leak)
// WARN 70:3: this return statement may be reached without using the stop var defined on line 64
// WARN 75:2: the cancel function is not used on all paths (possible context leak)
// WARN 86:1: this return statement may be reached without using the cancel var defined on line 75
// WARN 100:2: the cancel function is not used on all paths (possible context leak)
// WARN 102:3: this return statement may be reached without using the cancel var defined on line 100
// WARN 168:2: the cancel function is not used on all paths (possible context leak)
// WARN 172:1: this return statement may be reached without using the cancel var defined on line 168
// WARN 175:6: the cancel function is not used on all paths (possible context leak)
// WARN 177:3: this return statement may be reached without using the cancel var defined on line 175
// WARN 200:2: the cancel function is not used on all paths (possible context leak)
// WARN 206:3: this return statement may be reached without using the cancel var defined on line 200
// WARN 213:2: the cancel function is not used on all paths (possible context leak)
// WARN 216:4: this return statement may be reached without using the cancel var defined on line 213
// WARN 225:3: the cancel function is not used on all paths (possible context leak)
// WARN 227:4: this return statement may be reached without using the cancel var defined on line 225
// WARN 235:7: the cancel function returned by context.WithCancel should be called, not discarded, to avoid a context leak
// WARN 240:5: the cancel function is not used on all paths (possible context leak)
// WARN 241:3: this return statement may be reached without using the cancel var defined on line 240
