package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	root, cancel := context.WithCancel(context.Background())
	a, cancelA := context.WithCancel(root)
	b := context.WithValue(a, "k", "v")
	c, cancelC := context.WithTimeout(b, time.Hour)
	defer cancelA()
	defer cancelC()
	cancel()
	<-c.Done()
	fmt.Println(a.Err(), c.Err(), c.Value("k"))
	d, cancelD := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancelD()
	e, cancelE := context.WithTimeout(d, time.Hour)
	defer cancelE()
	dl1, _ := d.Deadline()
	dl2, _ := e.Deadline()
	fmt.Println(dl1.Equal(dl2))
	<-e.Done()
	fmt.Println(e.Err(), context.Cause(e))
	stop := context.AfterFunc(root, func() {})
	fmt.Println(stop())
}

// Output:
// context canceled context canceled v
// true
// context deadline exceeded context deadline exceeded
// false
