// Package sort: sorting slices and user-defined collections, with the same
// algorithms as Go 1.23's sort package, so every result and every sequence of
// Less and Swap calls is the one a compiled program sees:
//
//   - Sort, Slice, Ints, Strings, Float64s: pattern-defeating quicksort
//     (pdqsort), which is not stable. Equal elements end up in the order Go's
//     pdqsort leaves them, which differs from a stable sort's. (Go 1.22+ sorts
//     Ints/Strings/Float64s with slices.Sort, the same algorithm comparing the
//     elements directly; Float64Slice's Less gives the same answers, so the
//     order of 0 and -0, or of NaNs, comes out the same.)
//   - Stable, SliceStable: insertion sort of blocks of 20 elements, then
//     rounds of SymMerge (Kim and Kutzner) with block-swap rotations.
package sort

// An Interface is a collection sortable by Sort: the methods name elements
// by index.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// lenOf returns len(x) for a slice x and panics as reflect's Swapper does
// for anything else; swap exchanges x[i] and x[j].
func lenOf(x any) int
func swap(x any, i, j int)

// funcs adapts a slice and a less function to Interface, as Go's lessSwap
// pairs the function with reflect's Swapper.
type funcs struct {
	x    any
	less func(i, j int) bool
}

func (f funcs) Len() int           { return lenOf(f.x) }
func (f funcs) Less(i, j int) bool { return f.less(i, j) }
func (f funcs) Swap(i, j int)      { swap(f.x, i, j) }

// bitLen is math/bits.Len(uint(n)): the number of bits needed for n >= 0.
func bitLen(n int) int {
	k := 0
	for u := uint(n); u != 0; u >>= 1 {
		k++
	}
	return k
}

// Sort sorts data in ascending order by its Less. It calls data.Len once.
// Not stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bitLen(n))
}

// Slice sorts the slice x by less; it panics if x is not a slice. Not stable.
func Slice(x any, less func(i, j int) bool) {
	n := lenOf(x)
	pdqsort(funcs{x, less}, 0, n, bitLen(n))
}

// SliceStable sorts the slice x by less, keeping equal elements in order.
func SliceStable(x any, less func(i, j int) bool) {
	n := lenOf(x)
	stable(funcs{x, less}, n)
}

// Stable sorts data, keeping equal elements in their original order.
func Stable(data Interface) {
	stable(data, data.Len())
}

func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := lenOf(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
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

// ---- pdqsort -------------------------------------------------------------

// Hints choosePivot gives about the range's order, from the comparisons it
// made while choosing.
const (
	hintUnknown = iota
	hintIncreasing
	hintDecreasing
)

// pdqsort sorts data[a:b]. limit counts the badly unbalanced partitions
// still allowed before the range is heapsorted instead.
func pdqsort(data Interface, a, b, limit int) {
	const smallRange = 12 // ranges this short are insertion-sorted

	balanced := true    // the previous partition was not lopsided
	partitioned := true // the previous partition moved nothing
	for {
		n := b - a
		if n <= smallRange {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			breakPatterns(data, a, b)
			limit--
		}

		pivot, hint := choosePivot(data, a, b)
		if hint == hintDecreasing {
			// Every sample compared in descending order: reverse the
			// range, and the pivot moves to the mirrored index.
			reverseRange(data, a, b)
			pivot = (b - 1) - (pivot - a)
			hint = hintIncreasing
		}

		// The samples were in order and nothing suggested disorder: try
		// to finish with a few insertion steps.
		if balanced && partitioned && hint == hintIncreasing {
			if partialInsertionSort(data, a, b) {
				return
			}
		}

		// data[a-1] is the pivot of an enclosing partition and nothing in
		// data[a:b] is smaller; if it is not smaller than this pivot
		// either, the range starts with a run of elements equal to it.
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}

		mid, already := partition(data, a, b, pivot)
		partitioned = already

		// Recurse into the shorter side, loop on the longer one.
		left, right := mid-a, b-mid
		minSide := n / 8
		if left < right {
			balanced = left >= minSide
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= minSide
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

// insertionSort sorts data[a:b] by sinking each element leftwards.
func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// siftDown restores the max-heap property below root in the heap stored at
// data[off:off+hi] (heap indices are relative to off).
func siftDown(data Interface, root, hi, off int) {
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(off+child, off+child+1) {
			child++
		}
		if !data.Less(off+root, off+child) {
			return
		}
		data.Swap(off+root, off+child)
		root = child
	}
}

// heapSort sorts data[a:b] in place with a max-heap.
func heapSort(data Interface, a, b int) {
	n := b - a
	for i := (n - 1) / 2; i >= 0; i-- {
		siftDown(data, i, n, a)
	}
	for i := n - 1; i >= 0; i-- {
		data.Swap(a, a+i)
		siftDown(data, 0, i, a)
	}
}

// partition moves data[pivot] to a, gathers the elements less than it on
// the left and the rest on the right, and puts it between them at mid. It
// reports whether no element had to cross over.
func partition(data Interface, a, b, pivot int) (mid int, already bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1 // data[i..j] is still unexamined
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

// partitionEqual, for a range holding nothing smaller than data[pivot],
// gathers the elements equal to it first and returns where the greater ones
// begin.
func partitionEqual(data Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			return i
		}
		data.Swap(i, j)
		i++
		j--
	}
}

// partialInsertionSort fixes up to five out-of-order neighbours in
// data[a:b] (only when the range has at least 50 elements) and reports
// whether the range ended up sorted.
func partialInsertionSort(data Interface, a, b int) bool {
	const (
		maxFixes = 5
		minLen   = 50
	)
	i := a + 1
	for fix := 0; fix < maxFixes; fix++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < minLen {
			return false
		}
		data.Swap(i, i-1)
		// The smaller of the pair sinks left, the greater rises right.
		// (The left walk stops at index 1, not a: Go's does too.)
		if i-a >= 2 {
			for k := i - 1; k >= 1 && data.Less(k, k-1); k-- {
				data.Swap(k, k-1)
			}
		}
		if b-i >= 2 {
			for k := i + 1; k < b && data.Less(k, k-1); k++ {
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// breakPatterns swaps three elements around the middle of data[a:b] with
// positions drawn from an xorshift generator seeded with the length, so an
// input crafted against the pivot choice stops being one.
func breakPatterns(data Interface, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	seed := uint64(n)
	mask := uint(1)<<uint(bitLen(n)) - 1 // next power of two above n, minus 1
	for idx := a + (n/4)*2 - 1; idx <= a+(n/4)*2+1; idx++ {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		other := int(uint(seed) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(idx, a+other)
	}
}

// choosePivot picks the pivot of data[a:b]: the element at a+n/2 below 8
// elements, the median of three samples (at n/4, n/2, 3n/4) below 50, and
// otherwise the median of the three samples' medians with their neighbours
// (Tukey's ninther). The hint reports whether the comparisons swapped
// nothing (increasing) or everything (decreasing).
func choosePivot(data Interface, a, b int) (pivot int, hint int) {
	const (
		nintherFrom = 50
		allSwapped  = 12 // 4 medians of 3 comparisons each
	)
	n := b - a
	swaps := 0
	i, j, k := a+n/4, a+n/4*2, a+n/4*3
	if n >= 8 {
		if n >= nintherFrom {
			i = median3(data, i-1, i, i+1, &swaps)
			j = median3(data, j-1, j, j+1, &swaps)
			k = median3(data, k-1, k, k+1, &swaps)
		}
		j = median3(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, hintIncreasing
	case allSwapped:
		return j, hintDecreasing
	}
	return j, hintUnknown
}

// median3 returns the index of the median of data[x], data[y], data[z],
// counting in *swaps the comparisons that found a pair out of order.
func median3(data Interface, x, y, z int, swaps *int) int {
	if data.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	if data.Less(z, y) {
		*swaps++
		y, z = z, y
	}
	if data.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	return y
}

// reverseRange reverses data[a:b].
func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// ---- stable sort ------------------------------------------------------------

// stable sorts data[0:n]: insertion sort on blocks of 20, then merges of
// neighbouring blocks, doubling the block size each round.
func stable(data Interface, n int) {
	block := 20
	a, b := 0, block
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += block
	}
	insertionSort(data, a, n)

	for block < n {
		a, b = 0, 2*block
		for b <= n {
			symMerge(data, a, a+block, b)
			a = b
			b += 2 * block
		}
		if m := a + block; m < n {
			symMerge(data, a, m, n)
		}
		block *= 2
	}
}

// symMerge merges the sorted runs data[a:m] and data[m:b] (both non-empty)
// in place and stably: it finds the split that lets the middle of the two
// runs swap places by one rotation, then merges each half recursively. A
// run of one element is inserted with a binary search instead.
func symMerge(data Interface, a, m, b int) {
	if m-a == 1 {
		// First index in data[m:b] not less than data[a].
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if data.Less(h, a) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := a; k < lo-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// First index in data[a:m] greater than data[m].
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !data.Less(m, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := m; k > lo; k-- {
			data.Swap(k, k-1)
		}
		return
	}

	mid := int(uint(a+b) >> 1)
	span := mid + m
	var lo, hi int
	if m > mid {
		lo, hi = span-b, mid
	} else {
		lo, hi = a, m
	}
	last := span - 1
	for lo < hi {
		c := int(uint(lo+hi) >> 1)
		if !data.Less(last-c, c) {
			lo = c + 1
		} else {
			hi = c
		}
	}
	end := span - lo
	if lo < m && m < end {
		rotate(data, lo, m, end)
	}
	if a < lo && lo < mid {
		symMerge(data, a, lo, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// rotate turns data[a:m] data[m:b] into data[m:b] data[a:m] by swapping
// equal-length blocks (at most b-a swaps); both parts are non-empty.
func rotate(data Interface, a, m, b int) {
	i, j := m-a, b-m
	for i != j {
		if i > j {
			swapBlocks(data, m-i, m, j)
			i -= j
		} else {
			swapBlocks(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapBlocks(data, m-i, m, i)
}

// swapBlocks swaps data[x:x+n] with data[y:y+n].
func swapBlocks(data Interface, x, y, n int) {
	for k := 0; k < n; k++ {
		data.Swap(x+k, y+k)
	}
}

// ---- convenience types ------------------------------------------------------

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Float64Slice orders NaNs before every other value.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// Ints, Strings and Float64s are slices.Sort in Go 1.22+: pdqsort from 0 to
// len(x) with no early return (a no-op below two elements anyway).
func Ints(x []int)         { pdqsort(IntSlice(x), 0, len(x), bitLen(len(x))) }
func Strings(x []string)   { pdqsort(StringSlice(x), 0, len(x), bitLen(len(x))) }
func Float64s(x []float64) { pdqsort(Float64Slice(x), 0, len(x), bitLen(len(x))) }

func IntsAreSorted(x []int) bool         { return IsSorted(IntSlice(x)) }
func StringsAreSorted(x []string) bool   { return IsSorted(StringSlice(x)) }
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns data with the order of Less turned round.
func Reverse(data Interface) Interface { return &reverse{data} }

// ---- search -------------------------------------------------------------------

// Search returns the smallest index i in [0, n) at which f(i) is true,
// assuming f is false then true over the range; n if there is none.
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

// Find returns the smallest index i in [0, n) at which cmp(i) <= 0, and
// whether cmp(i) == 0 there.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
