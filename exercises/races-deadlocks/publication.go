// A config is published through a plain bool: no happens-before edge.
package main

import (
	"fmt"
	"runtime"
)

type config struct {
	port int
	name string
}

var (
	cfg   *config
	ready bool
)

func main() {
	go func() {
		cfg = &config{port: 8080, name: "api"}
		ready = true // a plain write: nothing orders it for other goroutines
	}()
	for !ready {
		runtime.Gosched()
	}
	fmt.Println(cfg.name, "listens on", cfg.port)
}
