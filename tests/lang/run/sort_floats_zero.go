package main

// 0 and -0 compare equal, as do NaNs (which sort first), so where each one
// ends up depends on the algorithm: sort.Float64s must place them as Go's
// slices.Sort does.

import (
	"fmt"
	"math"
	"sort"
)

func main() {
	var zero float64
	neg := -zero
	nan := math.NaN()
	xs := []float64{0, neg, 2, nan, neg, 1, 0, math.Inf(-1), neg, 0, 0.5, nan, neg, 0, math.Inf(1), -1, neg}
	ys := append([]float64(nil), xs...)
	sort.Float64s(xs)
	fmt.Println(xs)
	sort.Stable(sort.Float64Slice(ys))
	fmt.Println(ys)
	fmt.Println(sort.Float64sAreSorted(xs), sort.SearchFloat64s(xs, 0), sort.SearchFloat64s(xs, 0.7))
	i, found := sort.Find(len(xs), func(i int) int {
		switch {
		case 1 < xs[i]:
			return -1
		case 1 > xs[i]:
			return 1
		}
		return 0
	})
	fmt.Println(i, found)
}

// Output:
// [NaN NaN -Inf -1 -0 0 -0 0 0 -0 0 -0 -0 0.5 1 2 +Inf]
// [NaN NaN -Inf -1 0 -0 -0 0 -0 0 -0 0 -0 0.5 1 2 +Inf]
// true 4 14
// 14 true
