// Package time: durations, instants and timers on chanlab's virtual clock.
// The clock advances only when every goroutine is blocked and a timer is
// due, so Sleep(time.Hour) costs nothing and runs are exact.
package time

import "errors"

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns the duration as Go formats it: "72h3m0.5s", "1.5µs", "0s"
// (native: lib_time.c).
func (d Duration) String() string

func (d Duration) Nanoseconds() int64  { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }
func (d Duration) Seconds() float64    { return float64(d/Second) + float64(d%Second)/1e9 }
func (d Duration) Minutes() float64    { return float64(d/Minute) + float64(d%Minute)/(60*1e9) }
func (d Duration) Hours() float64      { return float64(d/Hour) + float64(d%Hour)/(60*60*1e9) }
func (d Duration) Abs() Duration {
	if d >= 0 {
		return d
	}
	return -d
}

func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round rounds d to the nearest multiple of m, halves away from zero.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	neg := d < 0
	if neg {
		d = -d
	}
	q := d / m
	if d-q*m >= m-(d-q*m) {
		q++
	}
	if neg {
		return -q * m
	}
	return q * m
}

// A Time is an instant on the virtual clock, in nanoseconds since the
// Unix epoch (runs start at 2009-11-10 23:00:00 UTC, like the playground).
type Time struct {
	ns int64
}

// now returns the virtual clock in nanoseconds since the epoch.
func now() int64

func Now() Time                       { return Time{now()} }
func Since(t Time) Duration           { return Duration(now() - t.ns) }
func Until(t Time) Duration           { return Duration(t.ns - now()) }
func Unix(sec int64, nsec int64) Time { return Time{sec*1e9 + nsec} }
func UnixMilli(msec int64) Time       { return Time{msec * 1e6} }
func (t Time) Sub(u Time) Duration    { return Duration(t.ns - u.ns) }
func (t Time) Add(d Duration) Time    { return Time{t.ns + int64(d)} }
func (t Time) Before(u Time) bool     { return t.ns < u.ns }
func (t Time) After(u Time) bool      { return t.ns > u.ns }
func (t Time) Equal(u Time) bool      { return t.ns == u.ns }
func (t Time) Compare(u Time) int {
	if t.ns < u.ns {
		return -1
	}
	if t.ns > u.ns {
		return 1
	}
	return 0
}
func (t Time) IsZero() bool     { return t.ns == 0 }
func (t Time) Unix() int64      { return t.ns / 1e9 }
func (t Time) UnixNano() int64  { return t.ns }
func (t Time) UnixMilli() int64 { return t.ns / 1e6 }
func (t Time) UnixMicro() int64 { return t.ns / 1e3 }
func (t Time) Nanosecond() int  { return int(t.ns % 1e9) }
func (t Time) Second() int      { return int(t.ns / 1e9 % 60) }
func (t Time) Minute() int      { return int(t.ns / 6e10 % 60) }
func (t Time) Hour() int        { return int(t.ns / 36e11 % 24) }
func (t Time) Truncate(d Duration) Time {
	if d <= 0 {
		return t
	}
	return Time{t.ns - t.ns%int64(d)}
}

// String formats t as Go does for UTC times, without the monotonic part.
func (t Time) String() string { return t.Format("2006-01-02 15:04:05.999999999 -0700 MST") }

// Format supports the layout of String and RFC3339 / Kitchen-style clocks
// ("15:04:05", "15:04:05.000").
func (t Time) Format(layout string) string

const (
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	DateTime    = "2006-01-02 15:04:05"
	TimeOnly    = "15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
)

// Sleep pauses the current goroutine for at least d of virtual time.
func Sleep(d Duration)

// newTimer arms a runtime timer firing after d (and then every period
// when period > 0: a ticker); its channel receives the time of each firing.
func newTimer(d Duration, period Duration) (c chan Time, id int)

// afterFunc arms a runtime timer that starts f in its own goroutine.
func afterFunc(d Duration, f func()) int

// stopTimer disarms the timer; reports whether it was pending. No value
// sent before the call can be received after it (Go 1.23).
func stopTimer(id int) bool

// resetTimer re-arms the timer to fire after d (for a ticker, d is also the
// new period); reports whether it was pending.
func resetTimer(id int, d Duration) bool

// The Timer type represents a single event.
type Timer struct {
	C  <-chan Time
	id int
}

func NewTimer(d Duration) *Timer {
	c, id := newTimer(d, 0)
	return &Timer{C: c, id: id}
}

func (t *Timer) Stop() bool {
	if t.id == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.id)
}

func (t *Timer) Reset(d Duration) bool {
	if t.id == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.id, d)
}

func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{id: afterFunc(d, f)}
}

// A Ticker holds a channel that delivers ticks at intervals.
type Ticker struct {
	C  <-chan Time
	id int
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c, id := newTimer(d, d)
	return &Ticker{C: c, id: id}
}

func (t *Ticker) Stop() {
	if t.id != 0 {
		stopTimer(t.id)
	}
}

func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.id == 0 {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.id, d)
}

func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// ParseDuration parses "300ms", "-1.5h", "2h45m".
func ParseDuration(s string) (Duration, error) {
	d, ok := parseDuration(s)
	if !ok {
		return 0, errors.New("time: invalid duration " + quote(s))
	}
	return d, nil
}

func parseDuration(s string) (Duration, bool)
func quote(s string) string
