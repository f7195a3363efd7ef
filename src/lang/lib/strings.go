// Package strings: the string functions programs commonly use, and Builder.
package strings

func Index(s, substr string) int
func LastIndex(s, substr string) int
func IndexByte(s string, c byte) int
func IndexRune(s string, r rune) int
func Repeat(s string, count int) string
func ToUpper(s string) string
func ToLower(s string) string
func TrimSpace(s string) string
func Fields(s string) []string
func Replace(s, old, new string, n int) string
func EqualFold(s, t string) bool
func Title(s string) string

func Contains(s, substr string) bool     { return Index(s, substr) >= 0 }
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) >= 0 }
func ContainsAny(s, chars string) bool   { return IndexAny(s, chars) >= 0 }
func HasPrefix(s, prefix string) bool    { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

func IndexAny(s, chars string) int {
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

func Count(s, substr string) int {
	if len(substr) == 0 {
		return runeCount(s) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

func TrimLeft(s, cutset string) string {
	for len(s) > 0 {
		r, n := firstRune(s)
		if IndexRune(cutset, r) < 0 {
			break
		}
		s = s[n:]
	}
	return s
}

func TrimRight(s, cutset string) string {
	for len(s) > 0 {
		r, n := lastRune(s)
		if IndexRune(cutset, r) < 0 {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func Trim(s, cutset string) string { return TrimRight(TrimLeft(s, cutset), cutset) }

func TrimFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, n := firstRune(s)
		if !f(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := lastRune(s)
		if !f(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

func firstRune(s string) (rune, int)
func lastRune(s string) (rune, int)

// Split slices s into all substrings separated by sep.
func Split(s, sep string) []string { return SplitN(s, sep, -1) }

func SplitN(s, sep string, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		var out []string
		for _, r := range s {
			if n > 0 && len(out) == n-1 {
				break
			}
			out = append(out, string(r))
		}
		if n > 0 && len(out) == n-1 {
			rest := s
			for _, p := range out {
				rest = rest[len(p):]
			}
			if rest != "" {
				out = append(out, rest)
			}
		}
		return out
	}
	var out []string
	for n < 0 || len(out) < n-1 {
		i := Index(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
	return append(out, s)
}

func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// Join concatenates elems with sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	var b Builder
	b.WriteString(elems[0])
	for _, s := range elems[1:] {
		b.WriteString(sep)
		b.WriteString(s)
	}
	return b.String()
}

func Map(mapping func(rune) rune, s string) string {
	var b Builder
	for _, r := range s {
		if m := mapping(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// A Builder builds a string with Write methods; the zero value is ready.
type Builder struct {
	buf []byte
}

func (b *Builder) String() string { return string(b.buf) }
func (b *Builder) Len() int       { return len(b.buf) }
func (b *Builder) Cap() int       { return cap(b.buf) }
func (b *Builder) Reset()         { b.buf = nil }

func (b *Builder) Grow(n int) {
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		nb := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(nb, b.buf)
		b.buf = nb
	}
}

func (b *Builder) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Builder) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

func (b *Builder) WriteRune(r rune) (int, error) {
	n := len(b.buf)
	b.buf = append(b.buf, string(r)...)
	return len(b.buf) - n, nil
}

func (b *Builder) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// NewReplacer is not supported; Replace and ReplaceAll are.
