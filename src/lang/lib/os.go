// Package os: the parts concurrency programs use: Exit, Args and the
// standard streams.
package os

// File is an open stream; only Stdout and Stderr exist.
type File struct {
	fd int
}

var (
	Stdin  = &File{0}
	Stdout = &File{1}
	Stderr = &File{2}
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = args()

func args() []string

// write sends b to stream fd (1 or 2).
func write(fd int, b []byte) int
func writeString(fd int, s string) int

func (f *File) Write(b []byte) (n int, err error) {
	return write(f.fd, b), nil
}

func (f *File) WriteString(s string) (n int, err error) {
	return writeString(f.fd, s), nil
}

// Exit ends the program at once with the given status; deferred calls do
// not run.
func Exit(code int)

// Getpid returns the process id (a fixed 1 under chanlab, so runs are
// reproducible).
func Getpid() int { return 1 }
