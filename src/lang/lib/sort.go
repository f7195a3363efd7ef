// Package sort: sorting slices and user-defined collections. The sorts are
// stable (a merge of insertion-sorted runs), which is one of the orders Go's
// unstable sorts may produce.
package sort

// An Interface is a collection sortable by Sort.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// lenOf returns len(x) for a slice x; swap exchanges x[i] and x[j].
func lenOf(x any) int
func swap(x any, i, j int)

type funcs struct {
	x    any
	less func(i, j int) bool
}

func (f funcs) Len() int           { return lenOf(f.x) }
func (f funcs) Less(i, j int) bool { return f.less(i, j) }
func (f funcs) Swap(i, j int)      { swap(f.x, i, j) }

func Sort(data Interface)                         { Stable(data) }
func Slice(x any, less func(i, j int) bool)       { Stable(funcs{x, less}) }
func SliceStable(x any, less func(i, j int) bool) { Stable(funcs{x, less}) }

func SliceIsSorted(x any, less func(i, j int) bool) bool {
	return IsSorted(funcs{x, less})
}

func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Stable sorts data, keeping the order of equal elements: insertion sort on
// blocks of 20, then in-place merges by rotation.
func Stable(data Interface) {
	n := data.Len()
	const block = 20
	for a := 0; a < n; a += block {
		b := a + block
		if b > n {
			b = n
		}
		insertion(data, a, b)
	}
	for size := block; size < n; size *= 2 {
		for a := 0; a+size < n; a += 2 * size {
			m := a + size
			b := m + size
			if b > n {
				b = n
			}
			merge(data, a, m, b)
		}
	}
}

func insertion(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// merge merges the sorted runs [a,m) and [m,b) in place.
func merge(data Interface, a, m, b int) {
	if m-a == 0 || b-m == 0 {
		return
	}
	if m-a == 1 && b-m == 1 {
		if data.Less(m, a) {
			data.Swap(m, a)
		}
		return
	}
	var p, q int
	if m-a >= b-m {
		p = a + (m-a)/2
		q = lowerBound(data, m, b, p)
	} else {
		q = m + (b-m)/2
		p = upperBound(data, a, m, q)
	}
	rotate(data, p, m, q)
	np := p + (q - m)
	merge(data, a, p, np)
	merge(data, np, q, b)
}

// lowerBound: first i in [lo,hi) with !(data[i] < data[x]).
func lowerBound(data Interface, lo, hi, x int) int {
	for lo < hi {
		h := lo + (hi-lo)/2
		if data.Less(h, x) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// upperBound: first i in [lo,hi) with data[x] < data[i].
func upperBound(data Interface, lo, hi, x int) int {
	for lo < hi {
		h := lo + (hi-lo)/2
		if !data.Less(x, h) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

func reverse(data Interface, i, j int) {
	for j--; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// rotate turns [a,m)[m,b) into [m,b)[a,m).
func rotate(data Interface, a, m, b int) {
	reverse(data, a, m)
	reverse(data, m, b)
	reverse(data, a, b)
}

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }

type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()              { Sort(x) }

type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()         { Sort(x) }

func Ints(x []int)         { Sort(IntSlice(x)) }
func Strings(x []string)   { Sort(StringSlice(x)) }
func Float64s(x []float64) { Sort(Float64Slice(x)) }

func IntsAreSorted(x []int) bool       { return IsSorted(IntSlice(x)) }
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

type reverseIface struct {
	Interface
}

func (r reverseIface) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface { return &reverseIface{data} }

// Search returns the smallest index i in [0, n) at which f(i) is true.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
