// One request, one deadline, three backend calls. When the 100 ms deadline
// passes, ctx.Done() closes and every call still waiting returns at once
// with ctx.Err(); the fast call had already finished.
package main

import (
	"context"
	"fmt"
	"sort"
	"time"
)

func call(ctx context.Context, name string, d time.Duration) string {
	select {
	case <-time.After(d): // the backend's simulated latency
		return name + ": ok"
	case <-ctx.Done():
		return name + ": " + ctx.Err().Error()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	latency := map[string]time.Duration{"auth": 5 * time.Millisecond, "search": 400 * time.Millisecond, "ads": time.Hour}
	results := make(chan string)
	for name, d := range latency {
		go func() { results <- call(ctx, name, d) }()
	}
	var got []string
	for range latency {
		got = append(got, <-results)
	}
	sort.Strings(got)
	for _, r := range got {
		fmt.Println(r)
	}
}
