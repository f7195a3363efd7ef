// Differential test of fmt, strconv and strings (run by
// tests/lang/test_diff.c, which sets the seed and compares this program's
// stdout under chanlab with Go 1.23's). Random format directives (flags,
// width, precision, verb) are applied to random values of every kind the
// subset has: integers of every width at their edges, floats with random
// bits and the special values, strings with invalid UTF-8, composites with
// nil inside, Stringers and errors. Pointers print only where no address
// shows.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

const seed = 1

var state uint64

func rnd() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

func pick(n int) int { return int(rnd() % uint64(n)) }

type point struct {
	X, Y int
}

type label string

func (l label) String() string { return "label:" + string(l) }

type code int

func (c code) Error() string { return "code " + strconv.Itoa(int(c)) }

type rec struct {
	Name  string
	Vals  []float64
	Tags  map[string]int
	Any   any
	Err   error
	inner point
}

type nilsafe struct{ n int }

func (p *nilsafe) String() string {
	if p == nil {
		return "nilsafe(nil)"
	}
	return "nilsafe"
}

type panicky int

func (p panicky) String() string {
	if p < 0 {
		panic("negative")
	}
	return "ok"
}

func randInt() any {
	edges := []int64{0, 1, -1, 7, 42, 127, -128, 255, 32767, -32768, 65535, 1 << 31, -1 << 31, 1<<32 - 1, math.MaxInt64, math.MinInt64}
	v := edges[pick(len(edges))]
	if pick(3) == 0 {
		v = int64(rnd()) >> uint(pick(64))
	}
	switch pick(12) {
	case 0:
		return int8(v)
	case 1:
		return int16(v)
	case 2:
		return int32(v)
	case 3:
		return int64(v)
	case 4:
		return uint8(v)
	case 5:
		return uint16(v)
	case 6:
		return uint32(v)
	case 7:
		return uint64(v)
	case 8:
		return uint(v)
	case 9:
		return uintptr(v)
	case 10:
		return rune(v & 0x1fffff)
	}
	return int(v)
}

func randFloat() float64 {
	var zero float64
	specials := []float64{0, -zero, 1, -1, 0.5, 0.1, 2.5, 1e21, 1e20, 1e-7, 1e-5, 123456.789, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 1.0 / 3, 100, 9.999999e6}
	switch pick(3) {
	case 0:
		return specials[pick(len(specials))]
	case 1:
		return math.Float64frombits(rnd())
	}
	return float64(int64(rnd())>>uint(pick(64))) / math.Pow(10, float64(pick(12)))
}

func randString() string {
	parts := []string{"", "a", "hello", "é", "日本", "\x00", "\xff", "\t", "\n", "\"", "`", "\\", "\u2028", "\U0001F600", " ", "x y", "\x7f", "\u00a0", "'"}
	var b strings.Builder
	for i := pick(4); i > 0; i-- {
		b.WriteString(parts[pick(len(parts))])
	}
	return b.String()
}

func randValue(depth int) any {
	k := pick(14)
	if depth > 1 && k >= 9 {
		k = pick(9)
	}
	switch k {
	case 0, 1:
		return randInt()
	case 2:
		return randFloat()
	case 3:
		return float32(randFloat())
	case 4:
		return randString()
	case 5:
		return pick(2) == 0
	case 6:
		return label(randString())
	case 7:
		return code(pick(100))
	case 8:
		return nil
	case 9:
		return []any{randValue(depth + 1), randValue(depth + 1)}
	case 10:
		return map[string]any{"k" + strconv.Itoa(pick(5)): randValue(depth + 1), "a": randValue(depth + 1)}
	case 11:
		var e error
		if pick(2) == 0 {
			e = code(pick(50))
		}
		return rec{randString(), []float64{randFloat()}, map[string]int{"x": pick(9)}, randValue(depth + 1), e, point{pick(5), -pick(5)}}
	case 12:
		if depth == 0 {
			return &point{pick(10), pick(10)}
		}
	}
	return [2]point{{1, 2}, {pick(3), 4}}
}

func directive(v any) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, f := range "+-# 0" {
		if pick(5) == 0 {
			b.WriteRune(f)
		}
	}
	if pick(2) == 0 {
		b.WriteString(strconv.Itoa(pick(14)))
	}
	if pick(3) == 0 {
		b.WriteString("." + strconv.Itoa(pick(9)))
	}
	verbs := "vvvdsqxXbcoOUeEfFgGt"
	switch v.(type) {
	case float64, float32:
		verbs = "vvveEfFgGxXbd"
	case string, label:
		verbs = "vvsqxXd"
	}
	b.WriteByte(verbs[pick(len(verbs))])
	return b.String()
}

func main() {
	s := uint64(seed)
	state = s*0x9E3779B97F4A7C15 + 1
	for i := 0; i < 3000; i++ {
		v := randValue(0)
		d := directive(v)
		fmt.Printf("%d %s [%T] [", i, strconv.Quote(d), v)
		fmt.Printf(d, v)
		fmt.Println("]")
		if i%10 == 0 {
			fmt.Println(v)
			fmt.Print(v, v, "\n")
			fmt.Println(fmt.Sprint("x", v, 3, v))
		}
	}
	// Methods that cope with nil, and methods that panic.
	var ns *nilsafe
	fmt.Println(ns, &nilsafe{}, []*nilsafe{nil}, panicky(1), panicky(-1), []panicky{-2})
	fmt.Printf("%s|%d|%v|%x\n", panicky(-1), panicky(-1), map[string]panicky{"a": -1}, ns)

	// strconv
	for i := 0; i < 300; i++ {
		f := randFloat()
		fmts := "beEfgGxX"
		c := fmts[pick(len(fmts))]
		prec := pick(20) - 1
		bits := 64
		if pick(4) == 0 {
			bits = 32
		}
		out := strconv.FormatFloat(f, c, prec, bits)
		back, err := strconv.ParseFloat(out, bits)
		fmt.Println(i, string(c), prec, bits, out, back, err)
	}
	numbers := []string{"", "0", "-0", "+5", "12", "-129", "128", "255", "256", "0x1F", "0X1f", "0b101", "0o17", "017", "08", "1_000", "_1", "1__0", "0x", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1e3", "1.5", ".5", "5.", "-.5e-3", "0x1p-2", "0x1.8p1", "0x1f", "inf", "+Inf", "-infinity", "nan", "NaN", "1e400", "-1e400", "1e-400", " 1", "1 ", "abc", "٣"}
	for _, n := range numbers {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 8, 16, 32, 64, 65} {
				v, err := strconv.ParseInt(n, base, bits)
				u, uerr := strconv.ParseUint(n, base, bits)
				fmt.Println(strconv.Quote(n), base, bits, v, err, u, uerr)
			}
		}
		a, aerr := strconv.Atoi(n)
		f, ferr := strconv.ParseFloat(n, 64)
		f32, f32err := strconv.ParseFloat(n, 32)
		b, berr := strconv.ParseBool(n)
		fmt.Println(strconv.Quote(n), a, aerr, f, ferr, f32, f32err, b, berr)
	}
	for i := 0; i < 200; i++ {
		str := randString()
		q := strconv.Quote(str)
		uq, err := strconv.Unquote(q)
		fmt.Println(q, strconv.QuoteToASCII(str), strconv.CanBackquote(str), uq == str, err)
		mangled := q
		if len(q) > 2 {
			mangled = q[:1+pick(len(q)-1)]
		}
		uq, err = strconv.Unquote(mangled)
		fmt.Printf("%q %q %v\n", mangled, uq, err)
	}
	for _, q := range []string{"''", "'a'", "'ab'", "'\\''", "'\"'", "\"'\"", "\"\\'\"", "`a\rb`", "`a`b`", "\"\\x41\\101\\u00e9\\U0001F600\"", "\"\\400\"", "\"\\uD800\"", "\"\\z\"", "\"a\nb\"", "'\xff'", "\"\xff\""} {
		uq, err := strconv.Unquote(q)
		fmt.Printf("%q %q %v\n", q, uq, err)
	}
	for _, r := range []rune{0, 'a', '\'', '"', '\n', 0x7f, 0xa0, 0x2028, 0xFFFD, 0x1F600, -1, 0x110000, 0xD800} {
		fmt.Println(strconv.QuoteRune(r), fmt.Sprintf("%q %+q %#q %c %U", r, r, r, r, r))
	}

	// strings
	texts := []string{"", "a,b,,c", " a  b\tc\n", "héllo wörld", "xxhixx", "ab\xffcd", "日本語テキスト", "a-b_c d", "ÀÉÎ ÕÜ ß ÿ", "ΑΒΓ αβγ ς", "Привет Мир"}
	seps := []string{"", ",", " ", "x", "ab", "本"}
	for _, t := range texts {
		fmt.Printf("%q %q %q %d %q %q\n", strings.ToUpper(t), strings.ToLower(t), strings.Fields(t), strings.Count(t, ""), strings.TrimSpace(t), strings.Title(t))
		for _, sep := range seps {
			fmt.Printf("%q %q %q %q %d %d %d %v %q\n", sep, strings.Split(t, sep), strings.SplitN(t, sep, 2), strings.SplitAfter(t, sep),
				strings.Index(t, sep), strings.LastIndex(t, sep), strings.Count(t, sep), strings.Contains(t, sep), strings.ReplaceAll(t, sep, "<>"))
			fmt.Printf("%q %q %q %q %d %d\n", strings.Trim(t, sep), strings.TrimLeft(t, sep), strings.TrimRight(t, sep), strings.TrimPrefix(t, sep), strings.IndexAny(t, sep), strings.LastIndexAny(t, sep))
		}
		fmt.Println(strings.IndexFunc(t, func(r rune) bool { return r > 127 }), strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return r + 1
		}, t), strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ' ' }), strings.EqualFold(t, strings.ToUpper(t)))
	}
	r := strings.NewReplacer("a", "1", "bb", "2", "", "_")
	fmt.Println(r.Replace("abba cab"), strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace("<a><b>"))
}
