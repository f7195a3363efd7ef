// Package fmt: formatted I/O, as Go's fmt. The formatting engine is native
// (lib_fmt.c); writers are anything with a Write method (os.Stdout,
// os.Stderr, *strings.Builder).
package fmt

import (
	"errors"
	"os"
	"runtime"
)

// keepRuntime uses package runtime so that its error types (runtime.Error
// and the values run-time panics carry) are part of every program that
// uses fmt.
func keepRuntime() { runtime.KeepAlive(nil) }

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

// writer is io.Writer (package io is not part of chanlab's subset).
type writer interface {
	Write(p []byte) (n int, err error)
}

func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

// errorf formats like Sprintf but lets %w take an error; it also returns
// the indexes of the arguments %w consumed.
func errorf(format string, a ...any) (string, []int)

func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintf(format, a...))
}

func Print(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprint(a...))
}

func Println(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintln(a...))
}

func Fprintf(w writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

func Fprint(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

// Errorf formats like Sprintf; with one %w verb the result wraps that
// argument (Unwrap() error), with several it wraps them all (Unwrap() []error).
func Errorf(format string, a ...any) error {
	s, idx := errorf(format, a...)
	if len(idx) == 0 {
		return errors.New(s)
	}
	if len(idx) == 1 {
		e, _ := a[idx[0]].(error)
		return &wrapError{msg: s, err: e}
	}
	var errs []error
	for k, i := range idx {
		if k > 0 && idx[k-1] == i {
			continue
		}
		if e, ok := a[i].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{msg: s, errs: errs}
}
