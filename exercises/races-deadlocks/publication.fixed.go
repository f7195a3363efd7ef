// An atomic store and load of the flag carry the config write with them.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type config struct {
	port int
	name string
}

var (
	cfg   *config
	ready atomic.Bool
)

func main() {
	go func() {
		cfg = &config{port: 8080, name: "api"}
		ready.Store(true) // synchronises with the Load that observes true
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println(cfg.name, "listens on", cfg.port)
}
