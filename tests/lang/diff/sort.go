// Differential test of package sort (run by tests/lang/test_diff.c, which
// sets the seed and compares this program's stdout under chanlab with Go
// 1.23's). Slices of records with many equal keys, in several patterns and
// sizes, are sorted by sort.Sort, sort.Slice, sort.Stable, sort.SliceStable
// and with a Less that answers at random; every Less and Swap call is
// hashed, so the same output means the same calls in the same order, not only
// the same result. Small results are printed whole.
package main

import (
	"fmt"
	"sort"
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

type item struct {
	key, id int
}

// rec sorts items by key, hashing every call; with coin > 0 its Less ignores
// the keys and says true with probability coin/8.
type rec struct {
	xs    []item
	h     uint64
	calls int
	coin  int
}

func (r *rec) mix(op, i, j int) {
	r.h ^= uint64(op*1000003 + i*1009 + j)
	r.h *= 1099511628211
	r.calls++
}
func (r *rec) Len() int { return len(r.xs) }
func (r *rec) Less(i, j int) bool {
	r.mix(1, i, j)
	if r.coin > 0 {
		return int(rnd()%8) < r.coin
	}
	return r.xs[i].key < r.xs[j].key
}
func (r *rec) Swap(i, j int) {
	r.mix(2, i, j)
	r.xs[i], r.xs[j] = r.xs[j], r.xs[i]
}

// gen makes n items in one of several patterns: random keys below distinct,
// runs, descending runs, sawtooth, organ pipe, nearly sorted, all equal,
// random ascending and random descending.
func gen(n, pattern, distinct int) []item {
	xs := make([]item, n)
	for i := range xs {
		k := 0
		switch pattern {
		case 0:
			k = int(rnd() % uint64(distinct))
		case 1:
			k = i / 3
		case 2:
			k = (n - i) / 2
		case 3:
			k = i % distinct
		case 4:
			if i < n/2 {
				k = i
			} else {
				k = n - i
			}
		case 5:
			k = i
			if rnd()%16 == 0 {
				k = int(rnd() % uint64(n+1))
			}
		case 6:
			k = 7
		case 7:
			k = i*distinct/(n+1) + int(rnd()%2)
		case 8:
			k = (n-i)*distinct/(n+1) + int(rnd()%2)
		}
		xs[i] = item{k, i}
	}
	return xs
}

func ids(xs []item) uint64 {
	var h uint64 = 14695981039346656037
	for _, x := range xs {
		h ^= uint64(x.id)
		h *= 1099511628211
	}
	return h
}

func show(xs []item) string {
	if len(xs) > 24 {
		return ""
	}
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintf(&b, " %d:%d", x.key, x.id)
	}
	return b.String()
}

func check(what string, xs []item, stable bool) {
	for i := 1; i < len(xs); i++ {
		if xs[i].key < xs[i-1].key || stable && xs[i].key == xs[i-1].key && xs[i].id < xs[i-1].id {
			fmt.Println("BAD", what, "not sorted at", i, show(xs))
			return
		}
	}
}

func sorts(n, p, d int) {
	base := gen(n, p, d)
	tag := fmt.Sprintf("n=%d p=%d d=%d", n, p, d)

	r := &rec{xs: append([]item(nil), base...)}
	sort.Sort(r)
	check(tag+" Sort", r.xs, false)
	fmt.Printf("%s Sort %d %x%s\n", tag, r.calls, r.h^ids(r.xs), show(r.xs))

	xs := append([]item(nil), base...)
	var h uint64
	c := 0
	sort.Slice(xs, func(i, j int) bool {
		h = h*31 + uint64(i*7919+j)
		c++
		return xs[i].key < xs[j].key
	})
	check(tag+" Slice", xs, false)
	fmt.Printf("%s Slice %d %x\n", tag, c, h^ids(xs))

	r2 := &rec{xs: append([]item(nil), base...)}
	sort.Stable(r2)
	check(tag+" Stable", r2.xs, true)
	xs2 := append([]item(nil), base...)
	c2 := 0
	sort.SliceStable(xs2, func(i, j int) bool { c2++; return xs2[i].key < xs2[j].key })
	check(tag+" SliceStable", xs2, true)
	fmt.Printf("%s Stable %d %x %d %x\n", tag, r2.calls, r2.h^ids(r2.xs), c2, ids(xs2))

	// A Less that answers at random drives the algorithm down paths sorted
	// data never takes (lopsided partitions, pattern breaking, heapsort).
	r3 := &rec{xs: append([]item(nil), base...), coin: 1 + int(rnd()%7)}
	sort.Sort(r3)
	fmt.Printf("%s Random %d %d %x\n", tag, r3.coin, r3.calls, r3.h^ids(r3.xs))

	keys := make([]int, n)
	words := make([]string, n)
	for i, x := range base {
		keys[i] = x.key
		words[i] = fmt.Sprint("w", x.key%10)
	}
	sort.Ints(keys)
	sort.Strings(words)
	sort.Sort(sort.Reverse(sort.IntSlice(keys)))
	if !sort.IsSorted(sort.Reverse(sort.IntSlice(keys))) || !sort.StringsAreSorted(words) {
		fmt.Println("BAD", tag, "Ints/Strings")
	}
	if n > 0 {
		fmt.Println(tag, "Ints", keys[0], keys[n-1], words[0], words[n-1],
			sort.SearchInts([]int{1, 3, 3, 5}, keys[n/2]%6), sort.SearchStrings(words, "w5"))
	}
}

func main() {
	s := uint64(seed)
	state = s*0x9E3779B97F4A7C15 + 1
	sizes := []int{0, 1, 2, 3, 7, 8, 11, 12, 13, 20, 21, 33, 40, 49, 50, 51, 64, 99, 100, 129, 200, 257, 500, 1000, 2049}
	for _, n := range sizes {
		for p := 0; p <= 8; p++ {
			for _, d := range []int{2, 5, 50} {
				if p != 0 && p != 3 && p != 7 && p != 8 && d != 5 {
					continue
				}
				sorts(n, p, d)
			}
		}
	}
	for _, n := range []int{8, 20, 100, 1000, 3000} {
		for coin := 1; coin <= 7; coin++ {
			r := &rec{xs: gen(n, 0, 3), coin: coin}
			sort.Sort(r)
			fmt.Printf("random n=%d coin=%d %d %x\n", n, coin, r.calls, r.h^ids(r.xs))
		}
	}

	// Equal floats that print differently: 0 and -0, and NaNs.
	var zero float64
	for _, n := range []int{5, 13, 60, 300} {
		fs := make([]float64, n)
		for i := range fs {
			switch rnd() % 5 {
			case 0:
				fs[i] = zero
			case 1:
				fs[i] = -zero
			case 2:
				fs[i] = zero / zero
			default:
				fs[i] = float64(rnd() % 4)
			}
		}
		gs := append([]float64(nil), fs...)
		sort.Float64s(fs)
		sort.Sort(sort.Float64Slice(gs))
		if !sort.Float64sAreSorted(fs) {
			fmt.Println("BAD Float64s", fs)
		}
		fmt.Println("Float64s", n, fs)
		fmt.Println("Float64Slice", n, gs)
	}
}
