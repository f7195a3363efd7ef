// Package syscall: a real blocking system call (Nanosleep), so the
// scheduler's P hand-off can be shown, and Getpid.
package syscall

// Timespec is a time interval in seconds and nanoseconds.
type Timespec struct {
	Sec  int64
	Nsec int64
}

// NsecToTimespec converts nanoseconds to a Timespec.
func NsecToTimespec(nsec int64) Timespec {
	return Timespec{Sec: nsec / 1e9, Nsec: nsec % 1e9}
}

// Nanosleep blocks the calling goroutine in a simulated system call for the
// given virtual time; its P is handed off meanwhile.
func Nanosleep(time *Timespec, leftover *Timespec) (err error)

// Getpid returns a fixed process id (1), so runs are reproducible.
func Getpid() (pid int) { return 1 }
