package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func worker(ctx context.Context, out chan<- string) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- "stopped: " + ctx.Err().Error()
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	go worker(ctx, out)
	time.Sleep(35 * time.Millisecond)
	cancel()
	fmt.Println(<-out)
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	<-tctx.Done()
	fmt.Println(tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))

	parent, pcancel := context.WithCancel(context.Background())
	child, ccancel := context.WithCancel(parent)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child:", child.Err())

	vctx := context.WithValue(context.Background(), "key", 42)
	fmt.Println(vctx.Value("key"), vctx.Value("other"))

	cctx, ccause := context.WithCancelCause(context.Background())
	ccause(errors.New("my cause"))
	fmt.Println(cctx.Err(), context.Cause(cctx))
	_, ok := context.Background().Deadline()
	dctx, dcancel := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	_, ok2 := dctx.Deadline()
	dcancel()
	fmt.Println(ok, ok2, dctx.Err())
	fmt.Println(context.Background(), context.TODO())
}

// Output:
// stopped: context canceled
// context canceled true
// context deadline exceeded true
// child: context canceled
// 42 <nil>
// context canceled my cause
// false true context canceled
// context.Background context.TODO
