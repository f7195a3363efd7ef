// Package strconv: conversions to and from strings.
package strconv

import "errors"

// ErrRange and ErrSyntax are the errors inside a *NumError.
var ErrRange = errors.New("value out of range")
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

const IntSize = 64

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteRune(r rune) string

// CanBackquote reports whether s can be written as a raw string literal:
// valid UTF-8 with no control characters but tab, and no backquote.
func CanBackquote(s string) bool

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func AppendInt(dst []byte, i int64, base int) []byte { return append(dst, FormatInt(i, base)...) }
func AppendQuote(dst []byte, s string) []byte        { return append(dst, Quote(s)...) }

// parseInt returns the value and 0 (ok), 1 (syntax) or 2 (range).
func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
func parseFloat(s string, bitSize int) (float64, int)
func unquote(s string) (string, bool)

func numError(fn, s string, code int) error {
	if code == 1 {
		return &NumError{fn, s, ErrSyntax}
	}
	return &NumError{fn, s, ErrRange}
}

// argError is the error ParseInt and ParseUint give for a base outside 0
// and 2..36 or a bit size outside 0..64 (after an empty number's syntax
// error, which comes first); nil when the arguments are good.
func argError(fn, s, digits string, base, bitSize int) error {
	switch {
	case digits == "":
		return nil
	case base != 0 && (base < 2 || base > 36):
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case bitSize < 0 || bitSize > 64:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return nil
}

func ParseInt(s string, base int, bitSize int) (int64, error) {
	digits := s
	if s != "" && (s[0] == '+' || s[0] == '-') {
		digits = s[1:]
	}
	if err := argError("ParseInt", s, digits, base, bitSize); err != nil {
		return 0, err
	}
	v, code := parseInt(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseInt", s, code)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	if err := argError("ParseUint", s, s, base, bitSize); err != nil {
		return 0, err
	}
	v, code := parseUint(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseUint", s, code)
	}
	return v, nil
}

func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != 0 {
		return int(v), numError("Atoi", s, code)
	}
	return int(v), nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != 0 {
		return v, numError("ParseFloat", s, code)
	}
	return v, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func Unquote(s string) (string, error) {
	out, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return out, nil
}
