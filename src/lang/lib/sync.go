// Package sync: mutual exclusion and coordination, on chanlab's runtime.
// Mutex, RWMutex, WaitGroup and Cond keep their state in a runtime object
// stored by value in the struct (copying the struct copies the state, as in
// Go); their methods are natives that block through the scheduler, so the
// screen and the detectors see every waiter.
package sync

import "sync/atomic"

// Locker is implemented by Mutex and RWMutex (and RWMutex.RLocker()).
type Locker interface {
	Lock()
	Unlock()
}

// mutexState, rwmutexState, waitGroupState and condState are the runtime's
// objects, embedded by value (opaque to Go code).
type mutexState struct{}
type rwmutexState struct{}
type waitGroupState struct{}
type condState struct{}

// A Mutex is a mutual exclusion lock; the zero value is unlocked.
type Mutex struct {
	s mutexState
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

// An RWMutex is a reader/writer lock with writer preference.
type RWMutex struct {
	s rwmutexState
}

func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool

type rlocker struct {
	rw *RWMutex
}

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }

// RLocker returns a Locker that read-locks rw.
func (rw *RWMutex) RLocker() Locker {
	return rlocker{rw}
}

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	s waitGroupState
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()

// Go calls f in a new goroutine and adds that task to the WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Cond is a condition variable associated with the Locker L.
type Cond struct {
	L Locker
	s condState
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

func (c *Cond) Signal()
func (c *Cond) Broadcast()

// Wait atomically unlocks c.L and suspends the goroutine; it locks c.L
// again before returning.
func (c *Cond) Wait() {
	t := c.add()
	c.L.Unlock()
	c.park(t)
	c.L.Lock()
}

// add takes a ticket in c's notify list; park waits until that ticket is
// signalled (at once if it already was).
func (c *Cond) add() uint32
func (c *Cond) park(t uint32)

// Once performs exactly one action; a panicking f still counts as done.
// done is read without the lock on the fast path, so it is atomic (as in
// Go): the store after f happens before every load that sees it, and the
// race detector sees no race.
type Once struct {
	m    Mutex
	done uint32
}

func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) != 0 {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if atomic.LoadUint32(&o.done) == 0 {
		defer o.setDone()
		f()
	}
}

func (o *Once) setDone() { atomic.StoreUint32(&o.done, 1) }

// OnceFunc returns a function that calls f only once; if f panics, every
// call panics with the same value.
func OnceFunc(f func()) func() {
	var once Once
	var valid bool
	var p any
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// Map is a map safe for concurrent use (here: a Mutex around a Go map,
// with the same methods and results as Go's sync.Map).
type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, ok = m.m[key]
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, key)
}

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	previous, loaded = m.m[key]
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return
}

func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}

func (m *Map) Clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.m)
}

// Pool caches allocated but unused items (here: a plain free list).
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// OnceValue returns a function that calls f only once and returns its
// result. It is generic in Go (OnceValue[T any](f func() T) func() T): the
// checker types each call from its argument, and this body only moves the
// value along (an interface value is the dynamic value itself at run time).
func OnceValue(f func() any) func() any {
	var once Once
	var valid bool
	var p any
	var result any
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() any {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues is OnceValue for a function with two results
// (OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) in Go).
func OnceValues(f func() (any, any)) func() (any, any) {
	var once Once
	var valid bool
	var p any
	var r1, r2 any
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (any, any) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}
