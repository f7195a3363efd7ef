package main

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

type Logger interface {
	Log(msg string)
}

type LevelLogger interface {
	Logger
	Level() int
}

type base struct{ lines []string }

func (b *base) Log(msg string) { b.lines = append(b.lines, msg) }

type leveled struct {
	*base
	level int
}

func (l leveled) Level() int { return l.level }

func compute() (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			result = -1
		}
	}()
	var m map[string]int
	m["x"] = 1
	return 1, nil
}

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	var ll LevelLogger = leveled{&base{}, 2}
	ll.Log("hi")
	logf := ll.Log
	logf("method value")
	logExpr := (*base).Log
	logExpr(&base{}, "method expression")
	var l Logger = ll
	switch v := l.(type) {
	case LevelLogger, nil:
		fmt.Println("leveled", v)
	case *base:
		fmt.Println("base", len(v.lines))
	}

	var u8 uint8 = 250
	u8 += 10
	var i32 int32 = math.MaxInt32
	i32++
	const typed int16 = 1 << 10
	shift := uint(3)
	fmt.Println(u8, i32, typed>>shift, 1<<shift, math.Sqrt(2), -7/2, -7%2, 7&^5)

	ch := make(chan int, 1)
	quit := make(chan struct{})
loop:
	for i := 0; ; i++ {
		select {
		case ch <- i:
		case v := <-ch:
			if v > 3 {
				break loop
			}
		case <-quit:
			return
		default:
		}
	}

	res, err := compute()
	fmt.Println(res, err)

	var sb strings.Builder
	sb.WriteString("abc")
	words := strings.Fields(" a bb  ccc ")
	sort.Sort(byLen(words))
	sort.Slice(words, func(i, j int) bool { return words[i] > words[j] })
	fmt.Println(sb.String(), strings.Join(words, ","), strings.ToUpper("x"))

	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Duration(rand.Intn(10))*time.Second >= 0)
	rnd := rand.New(rand.NewSource(1))
	_ = rnd.Intn(3)
	var once sync.Once
	f := sync.OnceFunc(func() {})
	once.Do(f)
	ts := syscall.Timespec{Sec: 0, Nsec: 1000}
	_ = syscall.Nanosleep(&ts, nil)
	fmt.Fprintf(os.Stdout, "%d %s %q %v %T\n", syscall.Getpid(), "s", "q", []int{1}, d)
	var grid [3][3]rune
	for r := range grid {
		for c := range grid[r] {
			grid[r][c] = '.'
		}
	}
	counts := map[string][]int{}
	counts["a"] = append(counts["a"], 1)
	for k, v := range counts {
		fmt.Println(k, v)
	}
}
