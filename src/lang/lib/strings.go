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

func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfter slices s after each instance of sep.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// genSplit splits s at sep, keeping keep bytes of each separator with the
// piece before it, into at most n pieces (all when n < 0); n == 0 gives nil.
func genSplit(s, sep string, keep, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	out := make([]string, 0, n)
	for len(out) < n-1 {
		i := Index(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[:i+keep])
		s = s[i+len(sep):]
	}
	return append(out, s)
}

// explode splits s into its UTF-8 sequences (an invalid byte alone), at
// most n pieces, the last holding the rest.
func explode(s string, n int) []string {
	l := runeCount(s)
	if n < 0 || n > l {
		n = l
	}
	out := make([]string, n)
	for i := 0; i < n-1; i++ {
		_, size := firstRune(s)
		out[i] = s[:size]
		s = s[size:]
	}
	if n > 0 {
		out[n-1] = s
	}
	return out
}

func Compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func LastIndexAny(s, chars string) int {
	for i := len(s); i > 0; {
		r, n := lastRune(s[:i])
		i -= n
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

func IndexFunc(s string, f func(rune) bool) int {
	for i, r := range s {
		if f(r) {
			return i
		}
	}
	return -1
}

func LastIndexFunc(s string, f func(rune) bool) int {
	for i := len(s); i > 0; {
		r, n := lastRune(s[:i])
		i -= n
		if f(r) {
			return i
		}
	}
	return -1
}

func ContainsFunc(s string, f func(rune) bool) bool { return IndexFunc(s, f) >= 0 }

func TrimLeftFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, n := firstRune(s)
		if !f(r) {
			break
		}
		s = s[n:]
	}
	return s
}

func TrimRightFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, n := lastRune(s)
		if !f(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// FieldsFunc splits s around each run of runes satisfying f.
func FieldsFunc(s string, f func(rune) bool) []string {
	var out []string
	start := -1
	for i, r := range s {
		if f(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// A Replacer replaces a list of strings with replacements.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a Replacer of the old, new pairs: at each position of
// the target the first pair (in argument order) whose old string matches
// there is replaced; matches do not overlap. An odd count panics.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

func (r *Replacer) Replace(s string) string {
	var b Builder
	for i := 0; i <= len(s); {
		matched := false
		for k := 0; k < len(r.oldnew); k += 2 {
			old := r.oldnew[k]
			if HasPrefix(s[i:], old) {
				b.WriteString(r.oldnew[k+1])
				if old != "" {
					i += len(old)
					matched = true
				}
				break
			}
		}
		if matched {
			continue
		}
		if i == len(s) {
			break
		}
		_, n := firstRune(s[i:])
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
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
