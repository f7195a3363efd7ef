// Package errors: creating, wrapping and inspecting errors, as Go's errors.
package errors

type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

// New returns an error whose Error method returns text; each call makes a
// distinct error.
func New(text string) error {
	return &errorString{text}
}

// ErrUnsupported is Go's errors.ErrUnsupported.
var ErrUnsupported = New("unsupported operation")

type unwrapper interface {
	Unwrap() error
}

type multiUnwrapper interface {
	Unwrap() []error
}

type iser interface {
	Is(error) bool
}

// Unwrap returns the result of err's Unwrap method, or nil.
func Unwrap(err error) error {
	u, ok := err.(unwrapper)
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// comparable reports whether err's dynamic type supports ==.
func comparable(err error) bool

// Is reports whether any error in err's tree matches target.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	isComparable := comparable(target)
	return is(err, target, isComparable)
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && comparable(err) && err == target {
			return true
		}
		if x, ok := err.(iser); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case unwrapper:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case multiUnwrapper:
			for _, err := range x.Unwrap() {
				if is(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// assignTo stores err into *target when err's dynamic type is assignable to
// target's element type and reports whether it did; it panics as Go's
// errors.As does when target is not a non-nil pointer.
func assignTo(err error, target any) bool

type aser interface {
	As(any) bool
}

// As finds the first error in err's tree that can be stored in *target.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(aser); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case unwrapper:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case multiUnwrapper:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	s := e.errs[0].Error()
	for _, err := range e.errs[1:] {
		s += "\n" + err.Error()
	}
	return s
}

func (e *joinError) Unwrap() []error { return e.errs }

// Join returns an error wrapping the non-nil errs, or nil if there are none.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}
