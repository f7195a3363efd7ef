// Package runtime: scheduler controls and the run-time error types whose
// values the interpreter panics with.
package runtime

// Error identifies a run-time error (index out of range, nil map write...).
type Error interface {
	error
	RuntimeError()
}

// errorString is a run-time error: "runtime error: " + text.
type errorString string

func (e errorString) RuntimeError() {}
func (e errorString) Error() string { return "runtime error: " + string(e) }

// boundsError: index and slice bounds failures.
type boundsError struct {
	msg string
}

func (e boundsError) RuntimeError() {}
func (e boundsError) Error() string { return "runtime error: " + e.msg }

// plainError is a run-time error printed without the "runtime error: "
// prefix (send on closed channel, assignment to entry in nil map...).
type plainError string

func (e plainError) RuntimeError() {}
func (e plainError) Error() string { return string(e) }

// TypeAssertionError: a failed x.(T).
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError()   {}
func (e *TypeAssertionError) Error() string { return e.msg }

// makeError builds the value the interpreter panics with: kind 0
// errorString, 1 boundsError, 2 plainError, 3 TypeAssertionError.
func makeError(kind int, msg string) error {
	switch kind {
	case 1:
		return boundsError{msg}
	case 2:
		return plainError(msg)
	case 3:
		return &TypeAssertionError{msg}
	}
	return errorString(msg)
}

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// GOMAXPROCS sets the number of simulated processors (when n > 0) and
// returns the previous setting.
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs chanlab simulates.
func NumCPU() int

// Stack formats the current goroutine's stack (or all of them) into buf.
func Stack(buf []byte, all bool) int

// GC runs a garbage collection.
func GC()

// Goexit ends the calling goroutine after running its deferred calls.
func Goexit()

// KeepAlive marks x as reachable up to this point.
func KeepAlive(x any) {}

// Compiler is the toolchain whose behaviour chanlab reproduces: "gc", as in
// a binary that `go build` makes (programs test it for "gccgo").
const Compiler = "gc"
