/* runtime.h: the public interface of chanlab's green-thread runtime.
 *
 * The runtime runs Go-style goroutines on one OS thread, deterministically,
 * and simulates Go's GMP scheduler closely enough that a program prints what
 * it prints under Go with the same GOMAXPROCS (for GOMAXPROCS=1, exactly).
 * Everything lives in a handle (struct rt); two runtimes in one process are
 * independent. Nothing here knows about Go syntax: the host (the interpreter,
 * or a plain C test) spawns goroutines with a C entry function and calls the
 * blocking operations below from inside them.
 *
 * Goroutine states
 * ----------------
 * A goroutine (G) is, at any moment, in exactly one state:
 *
 *   RT_G_RUNNABLE  ready to run; on exactly one run queue (below).
 *   RT_G_RUNNING   owns a P and is the P's current G. Only one G executes C
 *                  code at a time (one OS thread); with GOMAXPROCS > 1 the
 *                  other Ps' current Gs are "running" but suspended until the
 *                  scheduler turns to their P again.
 *   RT_G_WAITING   parked on an object, with a wait reason in the words of
 *                  current Go ("chan receive", "sync.Mutex.Lock", "sleep", ...
 *                  see rt_wait_reason_text), the object, and the virtual time
 *                  it parked at.
 *   RT_G_SYSCALL   in a simulated blocking system call (rt_syscall); it holds
 *                  no P. When the call ends it takes an idle P or goes to the
 *                  global run queue.
 *   RT_G_DEAD      its entry returned; the record and stack are reused.
 *
 * Queues
 * ------
 * A runnable G is in one of: a P's runnext slot (a `go` statement and a
 * wake-up by a channel operation put the G there, as Go does, so the woken G
 * runs next but the waker keeps running), a P's local run queue (a ring of
 * 256), or the global run queue (overflow, preempted and yielded Gs, Gs back
 * from a syscall). A P looks at the global queue first every 61st schedule
 * tick, then runnext, the local queue, the global queue, and finally steals
 * half of another P's local queue. A waiting G is on exactly one wait queue:
 * a channel's senders or receivers queue (a G in select is on several, one
 * entry per case), the runtime's semaphore table (mutexes, RWMutexes,
 * WaitGroups, Conds: keyed by the object's address, as Go's semtable is, so
 * the sync structs below are plain values), the timer heap (sleep), or on no
 * queue at all (nil channel operations and `select {}` block forever).
 *
 * Deadlock
 * --------
 * Go's rule: when no G is runnable or running, none is in a syscall and no
 * timer is pending, every remaining G is blocked forever; if main has not
 * returned, the run ends with "fatal error: all goroutines are asleep -
 * deadlock!". When nothing is runnable but timers are pending, the virtual
 * clock jumps to the earliest timer instead (so time.Sleep(time.Hour) is
 * instant); a program blocked forever beside a live ticker never deadlocks, in
 * Go and here: rt_run then keeps returning RT_RUNNING as its budget runs out.
 *
 * Errors
 * ------
 * What Go turns into a recoverable panic (send on closed channel, close of nil
 * or closed channel, negative WaitGroup counter) comes back to the calling
 * goroutine as a non-zero enum rt_err; the host raises the panic itself, so a
 * deferred recover can catch it. What Go makes a fatal error (deadlock,
 * unlock of an unlocked Mutex, RUnlock/Unlock of an unlocked RWMutex, stack
 * overflow, too many goroutines) ends the run: the call does not return,
 * rt_run returns RT_FATAL or RT_DEADLOCK, and rt_failure_peek gives Go's text
 * followed by a goroutine dump in Go's format. The host process never aborts
 * because a Go program failed; a broken invariant of the runtime itself is
 * asserted.
 *
 * Contract for code running on a goroutine
 * ----------------------------------------
 * When main returns (or the run ends otherwise), the other goroutines are
 * never resumed again: their C stacks are simply dropped by rt_free. So code
 * running on a goroutine must not hold malloc'd memory (or any resource that
 * needs an explicit release) across a call that can block or switch (every
 * rt_ function marked "may switch"); keep such memory in the host's
 * per-goroutine data (rt_g_set_data) or in GC-managed memory, which the host
 * can release through the g_free hook.
 *
 * Blocking operations ("may switch") must be called from inside a goroutine;
 * calling them from outside is a broken invariant (assert). Time is virtual,
 * in nanoseconds since rt_new (int64_t, as Go's time.Duration).
 */
#ifndef CHANLAB_RUNTIME_H
#define CHANLAB_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* rt_version returns the runtime's version string; static storage. */
const char *rt_version(void);

struct rt;       /* a runtime: scheduler, Ps, clock, goroutines, channels */
struct rt_g;     /* a goroutine; valid until it exits (or rt_free) */
struct rt_chan;  /* a channel; owned by the runtime */
struct rt_timer; /* a timer or ticker; owned by the runtime */

/* ---- configuration and hooks ---------------------------------------------- */

/* When a preemption point (rt_preempt) switches to another goroutine. */
enum rt_preempt_policy {
    RT_PREEMPT_NEVER = 0, /* only blocking operations and rt_gosched switch */
    RT_PREEMPT_EVERY,     /* every preempt_every-th point */
    RT_PREEMPT_RANDOM,    /* each point with probability preempt_prob (seeded) */
    RT_PREEMPT_CHOOSER,   /* ask the chooser callback */
};

/* How the scheduler picks the next P when GOMAXPROCS > 1. */
enum rt_p_order {
    RT_P_ROUND_ROBIN = 0, /* the next P with work after the last one */
    RT_P_RANDOM,          /* the first P with work from a seeded random start */
};

/* One frame of a goroutine's stack as the host renders it; the strings must
 * stay valid for the life of the runtime (the interpreter interns them). */
struct rt_frame {
    const char *func; /* Go's name: "main.main", "main.worker.func1" */
    const char *file; /* absolute or display path; NULL when unknown */
    int line;         /* 1-based; 0 when unknown */
};

struct rt_event;   /* below */
struct rt_finding; /* below */

/* Callbacks into the host; every member may be NULL. ud is passed back. */
struct rt_hooks {
    void *ud;
    /* frames writes at most max frames of g, innermost first, into out and
     * returns how many; data is g's host data (rt_g_set_data). Called for
     * dumps and snapshots, with g suspended (or current). */
    size_t (*frames)(void *ud, const struct rt_g *g, void *data, struct rt_frame *out, size_t max);
    /* render writes a short text for one channel element (NUL-terminated,
     * at most size bytes) for snapshots; elem_type is the channel's type
     * name. Without it elements are shown as hex bytes. */
    void (*render)(void *ud, const struct rt_chan *c, const char *elem_type, const void *elem,
                   char *buf, size_t size);
    /* event sees every trace event as it happens (detectors attach here). It
     * must not block or call operations that may switch. */
    void (*event)(void *ud, const struct rt_event *ev);
    /* g_free is called by rt_free for every goroutine that still has host
     * data (abandoned when the run ended), and when a goroutine exits with
     * host data still set. */
    void (*g_free)(void *ud, struct rt_g *g, void *data);
    /* site returns the interned call stack (rt_site_intern) of goroutine g
     * at the statement it is running now, or 0 when unknown. The lock-order
     * detector asks for it at every Lock and RLock; the leak report at the
     * end of a run. Called with g current or suspended. */
    uint32_t (*site)(void *ud, const struct rt_g *g, void *data);
    /* finding is called once for every finding as it is made (rt_findings
     * keeps them all too); the race detector's report is printed from here
     * by `chanlab run`, as Go prints a race the moment it sees it. */
    void (*finding)(void *ud, const struct rt_finding *f);
};

struct rt_config {
    uint64_t seed;     /* the one PRNG's seed; 0 is a valid seed */
    int procs;         /* GOMAXPROCS; <= 0 means 1 */
    size_t stack_size; /* bytes per goroutine stack; 0: 256 KiB */
    /* stack_max: bytes of C stack one goroutine may hold in all, its own
     * stack and the segments of rt_call_on_new_stack together; below
     * stack_size (0 included) it is stack_size: no segments. */
    size_t stack_max;
    /* stack_limit_shown: the N of the overflow text "goroutine stack
     * exceeds N-byte limit"; 0: stack_max. (The interpreter shows Go's
     * 1000000000: its own frames are not Go's, so no byte figure of its C
     * stack would be the one a Go programmer knows.) */
    size_t stack_limit_shown;
    int64_t max_goroutines; /* live goroutines allowed; 0: 10,000,000 */
    enum rt_preempt_policy preempt;
    uint32_t preempt_every; /* RT_PREEMPT_EVERY: N (0 counts as 1) */
    double preempt_prob;    /* RT_PREEMPT_RANDOM: p in [0, 1] */
    /* RT_PREEMPT_CHOOSER: returns true to switch at this point. */
    bool (*chooser)(void *ud, struct rt *rt, const struct rt_g *g);
    void *chooser_ud;
    enum rt_p_order p_order;
    size_t trace_capacity; /* events kept in the ring; 0: 4,096 */
    /* trace_off: keep no ring (rt_trace_read returns nothing; sequence
     * numbers still count); the event hook still sees every event. Like
     * Go's execution tracer, which is off unless asked for. */
    bool trace_off;
    struct rt_hooks hooks;
    /* ---- detectors (see "detectors" below); all off by default ---- */
    bool race;      /* happens-before race detection (rt_race_read/write) */
    bool lockorder; /* the lock-acquisition order graph */
    /* sched: RT_SCHED_GO is Go's queue order (above); RT_SCHED_PCT is PCT
     * (Burckhardt et al., ASPLOS 2010) for the explorer: each goroutine gets
     * a random priority when it is created, the highest-priority runnable
     * goroutine always runs (every preemption point switches to it), and at
     * pct_depth - 1 change points, drawn from the seed uniformly among the
     * first pct_steps preemption points, the running goroutine drops below
     * every other. Any such schedule is one Go may produce with enough Ps.
     * Under PCT cfg.preempt is ignored (PCT decides at every point), and a
     * goroutine that yields (Gosched, or 10,000 preemption points in a row,
     * as Go's sysmon preempts) drops below every other one, demoted ones
     * included, so spin loops make progress. Same seed and config, same
     * trace. */
    enum rt_sched_mode { RT_SCHED_GO = 0, RT_SCHED_PCT } sched;
    int pct_depth;      /* RT_SCHED_PCT: d >= 1 (0 counts as 3) */
    uint64_t pct_steps; /* RT_SCHED_PCT: k, the preemption points the change
                           points are drawn from (0 counts as 1,000) */
};

/* rt_new makes a runtime (caller owns; rt_free). cfg may be NULL for all
 * defaults (seed 0, one P). Returns NULL only when the config is invalid
 * (stack_size below 16 KiB); out of memory aborts. */
struct rt *rt_new(const struct rt_config *cfg);

/* rt_free releases the runtime with every goroutine (their stacks included,
 * running g_free on their host data), channel and timer. Must be called from
 * outside rt_run. rt_free(NULL) is safe. */
void rt_free(struct rt *rt);

/* ---- goroutines and the scheduler ----------------------------------------- */

typedef void rt_entry_fn(struct rt *rt, void *arg);

/* rt_go spawns a goroutine running entry(rt, arg). The first goroutine is
 * goroutine 1, main: the run ends when its entry returns. Later ids follow
 * Go's numbering (the first goroutine main starts is 5; ids 2-4 are Go's own
 * runtime goroutines). Called from a goroutine it is Go's `go` statement: the
 * new G goes into the creator's P's runnext slot (the G it displaces to the
 * tail of the local queue) and the caller keeps running. Called from outside
 * goroutines, main goes to P 0's runnext; from a timer callback (the
 * interpreter's AfterFunc) the new G goes to runnext of the P the scheduler
 * served last, as Go's `go f()` in its timer goroutine does; from the host
 * between runs, to the tail of that P's local queue. Returns the new G, or NULL when max_goroutines
 * would be exceeded: from a goroutine that is Go's fatal error and the call does not return. Does
 * not switch. */
struct rt_g *rt_go(struct rt *rt, rt_entry_fn *entry, void *arg);

/* What rt_run saw. */
enum rt_status {
    RT_RUNNING = 0, /* budget used up; goroutines remain (call rt_run again) */
    RT_EXITED,      /* main returned, or rt_exit was called */
    RT_DEADLOCK,    /* Go's global deadlock (rt_failure_peek has the text) */
    RT_FATAL,       /* another fatal error (rt_failure_peek has the text) */
};

/* rt_run runs at most budget scheduling events (a goroutine resumed until it
 * switches away, a timer fired, the clock advanced) from outside any
 * goroutine, and returns with every goroutine suspended. budget < 0 means no
 * limit. Once the run has ended it returns the same final status again
 * without running anything. Never called from a goroutine. */
enum rt_status rt_run(struct rt *rt, int64_t budget);

/* rt_status returns the status the last rt_run returned (RT_RUNNING before
 * the first). */
enum rt_status rt_status(const struct rt *rt);

/* rt_failure_peek returns, after RT_DEADLOCK or RT_FATAL, the whole text Go
 * prints on stderr: "fatal error: ...\n\ngoroutine 1 [...]:\n..." (without
 * Go's "exit status 2"); otherwise NULL. Valid until rt_free. */
const char *rt_failure_peek(const struct rt *rt);

/* rt_exit ends the run from inside a goroutine with RT_EXITED (os.Exit, or
 * the host's own unrecovered panic after it printed it). Does not return. */
_Noreturn void rt_exit(struct rt *rt, int code);

/* rt_goexit is runtime.Goexit: the calling goroutine ends here (the host
 * has run its deferred calls). For main the run goes on without it; when
 * nothing is left to run it ends as Go's does: "no goroutines (main called
 * runtime.Goexit) - deadlock!" if no goroutine remains, else the usual
 * deadlock. Does not return. */
_Noreturn void rt_goexit(struct rt *rt);

/* rt_exit_code returns the code given to rt_exit (0 when main returned). */
int rt_exit_code(const struct rt *rt);

/* rt_fatal ends the run from inside a goroutine with RT_FATAL; the failure
 * text becomes "fatal error: TEXT\n\n" plus the dump (calling goroutine
 * first, as "[running]"). Does not return. */
_Noreturn void rt_fatal(struct rt *rt, const char *text);

/* rt_current returns the running goroutine, or NULL outside goroutines. */
struct rt_g *rt_current(const struct rt *rt);

/* rt_gosched is runtime.Gosched: the caller goes to the global run queue and
 * another goroutine runs. May switch. */
void rt_gosched(struct rt *rt);

/* rt_preempt is a preemption point: the interpreter calls it at every
 * statement and inside read-modify-writes. Depending on the policy it returns
 * at once or switches (with GOMAXPROCS 1 the caller is preempted to the
 * global queue as Go's preemption does; with more Ps the scheduler turns to
 * another P while the caller stays the running G of its own). Whatever the
 * policy, once rt_run's budget is spent a preemption point hands control
 * back to the host (the caller stays its P's running G and resumes in the
 * next rt_run), so stepping works through loops that never block. May
 * switch. rt_preempt_point below is the same point, inline. */
void rt_preempt(struct rt *rt);

/* The runtime state the inline preemption point reads: the first member of
 * every struct rt, so a struct rt pointer converts to it. preempt_left
 * counts the preemption points still to pass before one can do anything;
 * the runtime sets it from the policy each time rt_preempt_due runs (and at
 * rt_new and rt_run): a large number under RT_PREEMPT_NEVER without a
 * budget, the points left to the next switch under RT_PREEMPT_EVERY, and 1
 * (every point goes to the runtime) under RT_PREEMPT_RANDOM, _CHOOSER, PCT
 * and whenever rt_run has a budget (stepping), so the points that consume
 * random numbers or can stop a step are exactly the points of before. Only
 * the runtime writes it, except the decrement in rt_preempt_point. */
struct rt_fast {
    int64_t preempt_left;
};

/* rt_preempt_due is the out-of-line part of a preemption point, called by
 * rt_preempt_point when the countdown reaches 0. May switch. */
void rt_preempt_due(struct rt *rt);

/* rt_preempt_point is rt_preempt inline: one decrement and a predictable
 * branch at the points the policy lets pass. */
static inline void rt_preempt_point(struct rt *rt)
{
    struct rt_fast *f = (struct rt_fast *)(void *)rt;
    if (__builtin_expect(--f->preempt_left > 0, 1))
        return;
    rt_preempt_due(rt);
}

/* rt_stack_left returns how many bytes of the C stack the current goroutine
 * runs on (its own stack or its newest segment) remain below the caller's
 * frame (SIZE_MAX outside goroutines). Cheap. */
size_t rt_stack_left(const struct rt *rt);

/* rt_stack_check ends the run with Go's stack overflow text when fewer than
 * need bytes remain ("runtime: goroutine stack exceeds N-byte limit" then
 * "fatal error: stack overflow", N = cfg.stack_limit_shown); otherwise
 * returns. Pure C goroutines that never call it are still protected by a
 * guard page while the runtime holds fewer than 8,192 stacks (segments
 * always have one), and beyond that by a check of the stack pointer at every
 * switch (which catches an overflow late, after it has written below the
 * stack). */
void rt_stack_check(struct rt *rt, size_t need);

/* rt_call_on_new_stack runs fn(arg) on a fresh C stack segment of at least
 * size bytes that belongs to the current goroutine, and returns true when
 * fn returns (segmented stacks, as Rust's stacker grows a thread's stack).
 * Meanwhile the goroutine may park, be preempted and resume as usual, and
 * call rt_call_on_new_stack again from the segment; rt_stack_left, the
 * switch-time bounds check, the guard page handler and the sanitizer's
 * fiber bounds all follow the newest segment, and are restored on return.
 * Segments are mappings reserved with MAP_NORESERVE (memory is committed as
 * frames touch it) with a guard page; each is at least as large as the
 * goroutine's stacks so far (doubling them, up to 64 MiB a segment). One
 * released segment is kept per goroutine for the next call; the rest are
 * unmapped, and a goroutine's segments all go when it exits or the runtime
 * is freed, whether it left them by returning or not (Goexit, rt_end, a
 * stack overflow). Returns false without calling fn outside a goroutine,
 * when the goroutine's stacks would exceed cfg.stack_max, or when the
 * address space is exhausted. Memory: the runtime owns the segments; fn and
 * arg stay the caller's. */
bool rt_call_on_new_stack(struct rt *rt, size_t size, void (*fn)(void *), void *arg);

/* rt_stack_unwound must be called after a longjmp (or any jump) that may
 * have left segments of the current goroutine for a frame further down its
 * chain: it releases the segments the stack pointer has left and restores
 * the bounds (and the sanitizer's) of the stack it is on. Returns true if
 * it released any (the caller's cached bounds are stale then). Cheap when
 * the goroutine is on no segment. Without it the segments stay mapped
 * until the goroutine's next switch, whose bounds check pops them (and
 * rt_stack_left finds the stack the caller is on meanwhile); but under
 * AddressSanitizer the call is required, first thing after landing: the
 * frames the jump abandoned on this stack keep their poisoned redzones
 * (the sanitizer's longjmp cleans only the stack it jumps from) until this
 * call cleans them. */
bool rt_stack_unwound(struct rt *rt);

/* Goroutine accessors. Ids are Go's goroutine ids. Labels are copied. */
int64_t rt_g_id(const struct rt_g *g);
void rt_g_set_data(struct rt_g *g, void *data);
void *rt_g_data(const struct rt_g *g);
void rt_g_set_label(struct rt_g *g, const char *label);
const char *rt_g_label(const struct rt_g *g); /* "" when unset */
/* rt_g_creator returns the id of the goroutine that ran rt_go (0 for main
 * and for goroutines spawned from outside). */
int64_t rt_g_creator(const struct rt_g *g);
/* rt_g_set_created_by records the frame of the `go` statement, printed as
 * "created by FUNC in goroutine N" in dumps; func and file as in rt_frame. */
void rt_g_set_created_by(struct rt_g *g, struct rt_frame frame);

/* rt_g_each calls fn for every goroutine that has not exited, in id order
 * (the interpreter's GC walks their data as roots). */
void rt_g_each(struct rt *rt, void (*fn)(void *ud, struct rt_g *g), void *ud);

/* ---- errors --------------------------------------------------------------- */

enum rt_err {
    RT_OK = 0,
    RT_ERR_SEND_CLOSED,       /* panic: send on closed channel */
    RT_ERR_CLOSE_NIL,         /* panic: close of nil channel */
    RT_ERR_CLOSE_CLOSED,      /* panic: close of closed channel */
    RT_ERR_WG_NEGATIVE,       /* panic: sync: negative WaitGroup counter */
    RT_ERR_UNLOCK_UNLOCKED,   /* fatal error: sync: unlock of unlocked mutex */
    RT_ERR_RUNLOCK_UNLOCKED,  /* fatal error: sync: RUnlock of unlocked RWMutex */
    RT_ERR_RWUNLOCK_UNLOCKED, /* fatal error: sync: Unlock of unlocked RWMutex */
    RT_ERR_TICKER_INTERVAL,   /* panic: non-positive interval for NewTicker */
    RT_ERR_TOO_MANY,          /* fatal: too many goroutines (max_goroutines) */
    RT_ERR_WG_REUSED, /* panic: sync: WaitGroup is reused before previous Wait has returned */
};

/* rt_error_text returns Go's exact text for code, without the "panic: " or
 * "fatal error: " prefix ("send on closed channel"); static storage. */
const char *rt_error_text(enum rt_err code);

/* rt_error_is_fatal says whether Go makes code a fatal error (the run ends)
 * rather than a panic (returned to the caller). */
bool rt_error_is_fatal(enum rt_err code);

/* ---- channels ------------------------------------------------------------- */

/* rt_chan_new makes a channel of elements of elem_size bytes (0 allowed, as
 * chan struct{}) and capacity cap. elem_type is the element type's name for
 * snapshots ("int", "string"; copied; NULL means ""). A NULL channel pointer
 * is Go's nil channel everywhere below. Owned by the runtime. */
struct rt_chan *rt_chan_new(struct rt *rt, size_t elem_size, size_t cap, const char *elem_type);

/* rt_chan_release tells the runtime the host no longer references c (the
 * host's GC found it unreachable). It is freed now, or when rt_free runs if
 * goroutines still wait on it. Safe with NULL. */
void rt_chan_release(struct rt *rt, struct rt_chan *c);

/* rt_chan_send is `c <- *elem` (elem_size bytes copied from elem). Returns
 * RT_OK, or RT_ERR_SEND_CLOSED when c is or becomes closed. A nil c blocks
 * forever ("chan send (nil chan)"). May switch. */
enum rt_err rt_chan_send(struct rt *rt, struct rt_chan *c, const void *elem);

/* rt_chan_recv is `v, ok := <-c`: copies the element into elem (NULL to
 * discard) and sets *ok (NULL allowed) to false, with elem zeroed, when the
 * channel is closed and drained. A nil c blocks forever. May switch. */
void rt_chan_recv(struct rt *rt, struct rt_chan *c, void *elem, bool *ok);

/* rt_chan_close is close(c): RT_OK, RT_ERR_CLOSE_NIL or RT_ERR_CLOSE_CLOSED.
 * Wakes every waiting receiver (zero value, ok false) and every waiting
 * sender (which then gets RT_ERR_SEND_CLOSED). Does not switch. */
enum rt_err rt_chan_close(struct rt *rt, struct rt_chan *c);

/* Non-blocking forms, usable from timer callbacks and from outside
 * goroutines too: *done says whether the operation happened. */
enum rt_err rt_chan_trysend(struct rt *rt, struct rt_chan *c, const void *elem, bool *done);
void rt_chan_tryrecv(struct rt *rt, struct rt_chan *c, void *elem, bool *ok, bool *done);

/* len(c) and cap(c); 0 for nil (and, as in Go 1.23, for timer channels). */
size_t rt_chan_len(const struct rt_chan *c);
size_t rt_chan_cap(const struct rt_chan *c);
bool rt_chan_closed(const struct rt_chan *c);
size_t rt_chan_elem_size(const struct rt_chan *c);
int64_t rt_chan_id(const struct rt_chan *c);                  /* 1, 2, ... in creation order */
void rt_chan_set_label(struct rt_chan *c, const char *label); /* copied */
const char *rt_chan_label(const struct rt_chan *c);           /* "" when unset */

/* rt_chan_each_elem calls fn for every element the channel holds: those in
 * its buffer and those offered by blocked senders (plain sends and select
 * send cases). The interpreter's tracing GC uses it to see pointers. */
void rt_chan_each_elem(const struct rt_chan *c, void (*fn)(void *ud, const void *elem), void *ud);

/* ---- select --------------------------------------------------------------- */

enum rt_dir { RT_SEND = 1, RT_RECV = 2 };

/* One case of a select. chan may be NULL (a nil channel: never ready). */
struct rt_case {
    struct rt_chan *chan;
    enum rt_dir dir;
    void *elem; /* send: the value to send; recv: where to store (or NULL) */
    bool ok;    /* recv, out: false when the channel was closed */
};

/* rt_select runs a select over n cases. With has_default and no case ready
 * it returns at once with *chosen = -1. Otherwise it blocks until a case can
 * proceed and sets *chosen to its index; among several ready cases it picks
 * uniformly at random (Go's poll order, from the runtime's PRNG). n == 0
 * without default is `select {}`: it blocks forever ("select (no cases)").
 * One case without default is the plain channel operation, as Go compiles
 * it (its wait reason is "chan receive", not "select").
 * Returns RT_ERR_SEND_CLOSED when the chosen case is a send on a closed
 * channel, else RT_OK. May switch. */
enum rt_err rt_select(struct rt *rt, struct rt_case *cases, size_t n, bool has_default,
                      int *chosen);

/* ---- sync: plain structs, zero value ready, embedded by value ------------- */

/* The host embeds these in its own memory; a zero-filled struct is an
 * unlocked Mutex, an empty WaitGroup, and so on. Copying one copies its state,
 * as copying a Go struct does; the goroutines waiting on an object are kept by
 * the runtime keyed by the object's address, so a copy has no waiters. The
 * fields are the runtime's: read them only through the functions. */
struct rt_mutex {
    int32_t state; /* Go's: locked, woken and starving bits, waiters << 3 */
    uint32_t sema; /* unused: the waiters are in the semaphore table */
};
struct rt_rwmutex {
    struct rt_mutex w;   /* held by a writer, and by writers queuing */
    int32_t readers;     /* active readers; negative while a writer is pending */
    int32_t reader_wait; /* readers the pending writer still waits for */
};
struct rt_waitgroup {
    int64_t counter;
    uint32_t waiters;
};
struct rt_once {
    uint32_t done;
    struct rt_mutex m;
};
struct rt_cond {
    uint32_t wait_ticket;   /* next ticket handed to a waiter */
    uint32_t notify_ticket; /* next ticket to be notified */
};

/* Lock and RLock may switch. Unlock of an unlocked Mutex, RUnlock or Unlock
 * of an unlocked RWMutex are Go fatal errors: the run ends and they do not
 * return; otherwise they return RT_OK. The Mutex is Go's algorithm: Unlock
 * wakes the oldest waiter without handing it the lock, so the unlocker may
 * take it again first (barging); a waiter kept waiting more than 1 ms of
 * virtual time switches the Mutex to starvation mode, where Unlock hands
 * the lock to the first waiter and yields to it. A waiting writer blocks
 * new readers of an RWMutex. */
void rt_mutex_lock(struct rt *rt, struct rt_mutex *m);
bool rt_mutex_trylock(struct rt *rt, struct rt_mutex *m);
enum rt_err rt_mutex_unlock(struct rt *rt, struct rt_mutex *m);
void rt_rw_lock(struct rt *rt, struct rt_rwmutex *rw);
enum rt_err rt_rw_unlock(struct rt *rt, struct rt_rwmutex *rw);
void rt_rw_rlock(struct rt *rt, struct rt_rwmutex *rw);
enum rt_err rt_rw_runlock(struct rt *rt, struct rt_rwmutex *rw);
/* RWMutex TryLock and TryRLock, Go's algorithm: never wait; true when the
 * lock was taken. TryLock fails while a reader holds it or a writer holds
 * or waits for it; TryRLock fails while a writer holds or waits for it. */
bool rt_rw_trylock(struct rt *rt, struct rt_rwmutex *rw);
bool rt_rw_tryrlock(struct rt *rt, struct rt_rwmutex *rw);

/* wg.Add(delta) (Done is Add(-1)): RT_ERR_WG_NEGATIVE when the counter goes
 * below zero (the counter is left as Go leaves it: negative). When it reaches
 * zero every Wait returns. Wait may switch; it returns RT_ERR_WG_REUSED
 * when, between the wake-up and the moment the waiter runs again, the
 * WaitGroup was used again (an Add, or another Wait), as Go's Wait checks.
 * Go's other misuse panic, "Add called concurrently with Wait", needs an
 * Add to interleave with a Wait inside their atomic steps, which cannot
 * happen here (neither has a preemption point), so it is never returned. */
enum rt_err rt_wg_add(struct rt *rt, struct rt_waitgroup *wg, int64_t delta);
enum rt_err rt_wg_wait(struct rt *rt, struct rt_waitgroup *wg);

/* once.Do(f): runs fn(rt, arg) on the calling goroutine the first time; other
 * callers wait until it has returned. May switch. If fn ends the goroutine
 * (the host's panic unwinding through it) the host must call rt_once_done. */
void rt_once_do(struct rt *rt, struct rt_once *once, rt_entry_fn *fn, void *arg);
/* The two halves for a host that runs f itself: rt_once_begin returns true
 * when the caller must run f (it holds the Once's mutex until rt_once_end),
 * false when f already ran. rt_once_end marks it done and releases. */
bool rt_once_begin(struct rt *rt, struct rt_once *once);
void rt_once_end(struct rt *rt, struct rt_once *once);

/* cond.Wait with a Mutex as L: unlocks m, parks, relocks m. May switch.
 * For any other Locker the host does Go's three steps itself:
 *   t = rt_cond_ticket(rt, c); L.Unlock(); rt_cond_wait_ticket(rt, c, t);
 *   L.Lock(). */
void rt_cond_wait(struct rt *rt, struct rt_cond *c, struct rt_mutex *m);
uint32_t rt_cond_ticket(struct rt *rt, struct rt_cond *c);
void rt_cond_wait_ticket(struct rt *rt, struct rt_cond *c, uint32_t ticket);
void rt_cond_signal(struct rt *rt, struct rt_cond *c);    /* wakes the oldest waiter */
void rt_cond_broadcast(struct rt *rt, struct rt_cond *c); /* wakes all */

/* ---- atomics (sync/atomic; each one a trace event for the detectors) ------ */

int32_t rt_atomic_load32(struct rt *rt, const int32_t *p);
int64_t rt_atomic_load64(struct rt *rt, const int64_t *p);
void rt_atomic_store32(struct rt *rt, int32_t *p, int32_t v);
void rt_atomic_store64(struct rt *rt, int64_t *p, int64_t v);
int32_t rt_atomic_add32(struct rt *rt, int32_t *p, int32_t delta); /* returns new */
int64_t rt_atomic_add64(struct rt *rt, int64_t *p, int64_t delta); /* returns new */
int32_t rt_atomic_swap32(struct rt *rt, int32_t *p, int32_t v);    /* returns old */
int64_t rt_atomic_swap64(struct rt *rt, int64_t *p, int64_t v);    /* returns old */
bool rt_atomic_cas32(struct rt *rt, int32_t *p, int32_t old, int32_t v);
bool rt_atomic_cas64(struct rt *rt, int64_t *p, int64_t old, int64_t v);

/* ---- virtual time --------------------------------------------------------- */

/* rt_now returns the virtual clock: nanoseconds since rt_new. */
int64_t rt_now(const struct rt *rt);

/* rt_sleep is time.Sleep(ns): parks ("sleep") until the clock reaches now+ns;
 * ns <= 0 returns at once. Timers due at the same instant fire together, in
 * the order they were set, each woken goroutine going to runnext (so the
 * last one set runs first, as Go 1.23 shows). May switch. */
void rt_sleep(struct rt *rt, int64_t ns);

/* A callback a timer runs in the scheduler when it fires (outside any
 * goroutine): it may use rt_chan_trysend/tryrecv, rt_go and the timer
 * functions, nothing that blocks. */
typedef void rt_timer_fn(struct rt *rt, struct rt_timer *t, void *arg);

/* rt_timer_new is time.NewTimer(d): its channel (rt_timer_chan) receives the
 * virtual time (int64_t ns) when it fires. rt_ticker_new is time.NewTicker:
 * fires every period, dropping ticks a slow reader misses (period <= 0 gives
 * NULL: Go panics with RT_ERR_TICKER_INTERVAL's text). rt_after_func is
 * time.AfterFunc with fn run by the scheduler (the interpreter's AfterFunc
 * calls rt_go from it); it has no channel. All owned by the runtime. */
struct rt_timer *rt_timer_new(struct rt *rt, int64_t d);
struct rt_timer *rt_ticker_new(struct rt *rt, int64_t period);
struct rt_timer *rt_after_func(struct rt *rt, int64_t d, rt_timer_fn *fn, void *arg);
struct rt_chan *rt_timer_chan(const struct rt_timer *t); /* NULL for AfterFunc */

/* Stop and Reset with Go 1.23 semantics: after either returns, no value sent
 * before the call can be received. Stop returns true when it stopped a
 * pending timer; Reset (d, and for a ticker the new period) returns true when
 * the timer was pending. */
bool rt_timer_stop(struct rt *rt, struct rt_timer *t);
bool rt_timer_reset(struct rt *rt, struct rt_timer *t, int64_t d);

/* rt_timer_release: the host no longer references t (GC); it is stopped and
 * freed. Safe with NULL. */
void rt_timer_release(struct rt *rt, struct rt_timer *t);

/* rt_syscall simulates a blocking system call of ns virtual nanoseconds: the
 * caller enters RT_G_SYSCALL and hands its P to other runnable goroutines;
 * when the call completes it takes an idle P or waits in the global queue.
 * May switch. */
void rt_syscall(struct rt *rt, int64_t ns);

/* ---- detectors -------------------------------------------------------------
 *
 * Findings are values the runtime collects for the host: data races
 * (cfg.race), lock-order inversions (cfg.lockorder) and goroutine leaks (the
 * host adds those: only it can tell what is reachable). Positions are sites:
 * an interned call stack, innermost frame first, built by the host one frame
 * at a time, so storing "where" with every memory access costs one integer. */

typedef uint32_t rt_site; /* 0: unknown */

/* rt_site_intern returns the site of frame (func, file, line) called from
 * site parent (0: the outermost frame). Equal arguments give the same id;
 * strings are compared by pointer, so the host passes interned strings that
 * outlive the runtime. Cheap (one hash probe); usable from anywhere. */
rt_site rt_site_intern(struct rt *rt, rt_site parent, const char *func, const char *file, int line);
/* rt_site_frames writes at most max frames of s, innermost first; returns
 * how many. */
size_t rt_site_frames(const struct rt *rt, rt_site s, struct rt_frame *out, size_t max);
/* rt_g_set_created_site records the stack of the `go` statement that made g
 * (the race report's "Goroutine 7 (running) created at:"). */
void rt_g_set_created_site(struct rt_g *g, rt_site s);
rt_site rt_g_created_site(const struct rt_g *g);

enum rt_finding_kind {
    RT_FIND_RACE,       /* a data race (cfg.race) */
    RT_FIND_LOCK_ORDER, /* a cycle in the lock-order graph (cfg.lockorder) */
    RT_FIND_LEAK,       /* a goroutine blocked forever (added by the host) */
};
const char *rt_finding_kind_text(enum rt_finding_kind k); /* "data race", ... */

#define RT_FINDING_MAX_G 4

/* One finding. Strings belong to the runtime; valid until rt_free. */
struct rt_finding {
    enum rt_finding_kind kind;
    const char *summary; /* one line for the TUI and `check`, no newline:
                            "data race: write at x.go:10 by goroutine 7 vs
                            write at x.go:10 by goroutine 6" */
    const char *report;  /* the full text `chanlab run` prints on stderr, ending
                            in a newline; a race in the Go race detector's
                            format, from "==================" to
                            "==================" */
    size_t ng;
    int64_t g[RT_FINDING_MAX_G];    /* goroutines involved, most relevant first */
    rt_site site[RT_FINDING_MAX_G]; /* where each one was (same order) */
    int64_t time;                   /* virtual time it was found */
};

/* rt_findings returns every finding so far, in the order found; *n gets the
 * count. The array is the runtime's (valid until the next call that may add
 * one). */
const struct rt_finding *rt_findings(const struct rt *rt, size_t *n);
size_t rt_findings_count(const struct rt *rt, enum rt_finding_kind kind);

/* rt_finding_add records a finding made by the host (leaks); the strings and
 * arrays are copied. The finding hook sees it at once. */
void rt_finding_add(struct rt *rt, const struct rt_finding *f);

/* Data races (cfg.race; without it these return at once). The host calls
 * them for every load and store of memory that two goroutines could share:
 * addr identifies one variable (a slice element, a struct field, a map as a
 * whole, a captured cell), site is where the current goroutine touches it.
 * Called from outside goroutines (a timer callback, the host between runs)
 * they count as the scheduler's accesses. Happens-before comes from the
 * runtime's own operations (go, channels, select, Mutex, RWMutex, WaitGroup,
 * Once, Cond, atomics, timers); the host adds its own edges with
 * rt_race_release / rt_race_acquire on an address. A race is reported once
 * per pair of sites (either order); as in Go's race detector, a race found
 * on an address also forgets that address's earlier accesses and does not
 * record the racing one, so detection there starts afresh. Atomic operations
 * (rt_atomic_*) count as accesses too, at the site the site hook gives:
 * they never race with each other, but a plain access concurrent with one
 * does. */
void rt_race_read(struct rt *rt, const void *addr, rt_site site);
void rt_race_write(struct rt *rt, const void *addr, rt_site site);
void rt_race_release(struct rt *rt, const void *obj); /* the current G's clock into obj */
void rt_race_acquire(struct rt *rt, const void *obj); /* obj's clock into the current G */
/* rt_race_forget: the host freed [addr, addr + size); drop its shadow state
 * and the clocks of sync objects in it (a new object at the same address
 * starts clean). Costs min(size, shadow table size) probes. */
void rt_race_forget(struct rt *rt, const void *addr, size_t size);

/* rt_lock_set_label names a Mutex or RWMutex for lock-order reports
 * ("mu", "a.mu"); copied; a no-op when lockorder is off. Without a label
 * the report names the lock "lock@x.go:LINE" after the site of its first
 * Lock ("lock#N", N in order of first use, when the host has no site
 * hook). A report reads:
 *   POTENTIAL DEADLOCK: lock-order inversion between 2 locks
 *     goroutine 6 locked mu2 at /p/x.go:20 (main.worker)
 *       while holding mu1, locked at /p/x.go:19
 *     goroutine 7 locked mu1 at /p/x.go:31 (main.other)
 *       while holding mu2, locked at /p/x.go:30
 * with "read-locked" for RLock; its summary "lock-order inversion: mu1 ->
 * mu2 (x.go:19, x.go:20) and mu2 -> mu1 (x.go:30, x.go:31)"; g[] and
 * site[] give each edge's goroutine and the site of its second lock, the
 * oldest edge first. Not reported: re-locking a held lock, and cycles
 * whose every edge was made holding one same Mutex (a gate lock). */
void rt_lock_set_label(struct rt *rt, const void *lock, const char *label);
/* rt_lock_forget: the host freed [addr, addr + size); a lock found there
 * later is a new lock for the lock-order graph (the old one keeps its
 * edges). Without it a reused address continues the old lock's history.
 * Costs a walk over the locks seen so far; no-op when lockorder is off. */
void rt_lock_forget(struct rt *rt, const void *addr, size_t size);

/* rt_g_wait_objs writes at most max objects a waiting goroutine is parked
 * on (every channel of a select, the channel, or the sync object) and
 * returns how many; 0 when g is not waiting on an object (running,
 * runnable, sleeping, nil channel, select {}). The leak detector asks which
 * of them is still reachable. */
size_t rt_g_wait_objs(const struct rt_g *g, const void **out, size_t max);

/* ---- trace ---------------------------------------------------------------- */

/* X(name, text): every kind of event; text is the word rt_event_format uses. */
#define RT_EVENT_KINDS(X)                                                                          \
    X(CREATE, "create")                                                                            \
    X(START, "start")                                                                              \
    X(EXIT, "exit")                                                                                \
    X(BLOCK, "block")                                                                              \
    X(UNBLOCK, "unblock")                                                                          \
    X(RESUME, "resume")                                                                            \
    X(GOSCHED, "gosched")                                                                          \
    X(PREEMPT, "preempt")                                                                          \
    X(STEAL, "steal")                                                                              \
    X(SEND, "send")                                                                                \
    X(RECV, "recv")                                                                                \
    X(CLOSE, "close")                                                                              \
    X(SELECT, "select")                                                                            \
    X(LOCK, "lock")                                                                                \
    X(UNLOCK, "unlock")                                                                            \
    X(RLOCK, "rlock")                                                                              \
    X(RUNLOCK, "runlock")                                                                          \
    X(WG_ADD, "wg-add")                                                                            \
    X(WG_WAIT, "wg-wait")                                                                          \
    X(ONCE, "once")                                                                                \
    X(COND_WAIT, "cond-wait")                                                                      \
    X(COND_SIGNAL, "cond-signal")                                                                  \
    X(COND_BROADCAST, "cond-broadcast")                                                            \
    X(ATOMIC_LOAD, "atomic-load")                                                                  \
    X(ATOMIC_STORE, "atomic-store")                                                                \
    X(ATOMIC_RMW, "atomic-rmw")                                                                    \
    X(TIMER_SET, "timer-set")                                                                      \
    X(TIMER_STOP, "timer-stop")                                                                    \
    X(TIMER_FIRE, "timer-fire")                                                                    \
    X(CLOCK, "clock")                                                                              \
    X(SYSCALL_ENTER, "syscall-enter")                                                              \
    X(SYSCALL_EXIT, "syscall-exit")                                                                \
    X(HANDOFF, "handoff")

enum rt_event_kind {
#define RT_EV_ENUM(name, text) RT_EV_##name,
    RT_EVENT_KINDS(RT_EV_ENUM)
#undef RT_EV_ENUM
        RT_EV_COUNT
};

/* One scheduling event. Fields that do not apply are 0 / NULL. */
struct rt_event {            /* 64 bytes: one cache line */
    uint64_t seq;            /* 1, 2, ... per runtime, never reused */
    int64_t time;            /* virtual clock */
    int64_t g;               /* the goroutine it happened on (0: the scheduler) */
    enum rt_event_kind kind; /* 4 bytes */
    int32_t p;               /* the P (-1: none) */
    int64_t peer;            /* the other goroutine: created, woken, matched, robbed P */
    int64_t chan;            /* channel id for channel events */
    const void *obj;         /* the object: channel, mutex, waitgroup, timer, address */
    int64_t arg;             /* kind-specific: wait reason (BLOCK), count (STEAL),
                                delta (WG_ADD), value (atomics), chosen case (SELECT),
                                clock target (CLOCK), duration (SYSCALL_ENTER) */
};

/* rt_trace_read copies up to max events with seq >= from, oldest first,
 * into out and returns how many. Events older than the ring's capacity are
 * gone; the first copied event's seq says where the copy starts. */
size_t rt_trace_read(const struct rt *rt, uint64_t from, struct rt_event *out, size_t max);

/* rt_trace_last_seq returns the seq of the newest event (0 when none). */
uint64_t rt_trace_last_seq(const struct rt *rt);

/* rt_event_format writes one line (no newline) for ev into buf, such as
 * "12 t=0 p0 g1 send ch1 peer=5"; returns the length it needed. The same
 * seed gives byte-identical lines. Object addresses are not printed. */
size_t rt_event_format(const struct rt_event *ev, char *buf, size_t size);
const char *rt_event_name(enum rt_event_kind kind);

/* ---- inspection ----------------------------------------------------------- */

enum rt_gstate { RT_G_RUNNABLE, RT_G_RUNNING, RT_G_WAITING, RT_G_SYSCALL, RT_G_DEAD };

/* Why a goroutine waits; rt_wait_reason_text gives current Go's words. */
enum rt_wait_reason {
    RT_WAIT_NONE = 0,
    RT_WAIT_CHAN_SEND,       /* "chan send" */
    RT_WAIT_CHAN_RECV,       /* "chan receive" */
    RT_WAIT_CHAN_SEND_NIL,   /* "chan send (nil chan)" */
    RT_WAIT_CHAN_RECV_NIL,   /* "chan receive (nil chan)" */
    RT_WAIT_SELECT,          /* "select" */
    RT_WAIT_SELECT_NO_CASES, /* "select (no cases)" */
    RT_WAIT_MUTEX,           /* "sync.Mutex.Lock" */
    RT_WAIT_RWMUTEX_R,       /* "sync.RWMutex.RLock" */
    RT_WAIT_RWMUTEX_W,       /* "sync.RWMutex.Lock" */
    RT_WAIT_WAITGROUP,       /* "sync.WaitGroup.Wait" */
    RT_WAIT_COND,            /* "sync.Cond.Wait" */
    RT_WAIT_SLEEP,           /* "sleep" */
    RT_WAIT_SYSCALL,         /* "syscall" */
    RT_WAIT_COUNT
};
const char *rt_wait_reason_text(enum rt_wait_reason r);
const char *rt_gstate_text(enum rt_gstate s); /* "runnable", "running", ... */

/* rt_g_state and rt_g_wait_reason: where g is now (detectors: the leak detector tells
 * blocked goroutines from running, runnable, sleeping and syscall ones
 * without a whole snapshot). The reason is RT_WAIT_NONE unless g waits. */
enum rt_gstate rt_g_state(const struct rt_g *g);
enum rt_wait_reason rt_g_wait_reason(const struct rt_g *g);

#define RT_SNAP_FRAMES 32 /* at most this many frames per goroutine in a snapshot */

struct rt_snap_g {
    int64_t id;
    enum rt_gstate state;
    enum rt_wait_reason reason;
    const void *wait_obj; /* channel, sync object or timer; NULL if none */
    int64_t wait_chan;    /* channel id when waiting on one channel, else 0 */
    int64_t wait_since;   /* virtual time it parked (or entered syscall) */
    int p;                /* P it runs on / whose queue holds it; -1 none */
    const char *label;    /* "" when unset */
    void *data;           /* host data */
    size_t nframes;
    struct rt_frame *frames;    /* nframes, innermost first, from the frames hook */
    struct rt_frame created_by; /* func NULL when unknown */
    int64_t creator;            /* goroutine that ran rt_go; 0 none */
};

struct rt_snap_chan {
    int64_t id;
    const char *label;
    const char *elem_type;
    size_t cap, len;
    char **elems; /* len rendered buffer elements, oldest first */
    bool closed;
    bool timer;      /* a timer's or ticker's channel */
    size_t nsenders; /* goroutines queued to send */
    int64_t *senders;
    size_t nreceivers;
    int64_t *receivers;
};

struct rt_snap_p {
    int id;
    int64_t running; /* current G id, 0 when idle */
    int64_t runnext; /* 0 when empty */
    size_t nrunq;
    int64_t *runq; /* local queue, head first */
};

struct rt_counters {
    uint64_t events;   /* scheduling events run */
    uint64_t switches; /* goroutine resumptions */
    uint64_t created;  /* goroutines created */
    uint64_t exited;
    uint64_t sends, recvs, closes, selects;
    uint64_t steals;      /* work-stealing successes */
    uint64_t preemptions; /* rt_preempt calls that switched */
    uint64_t timers_fired;
    uint64_t syscalls;
    uint64_t handoffs; /* Ps handed to another G by a syscall */
    uint64_t sched_ticks;
};

/* A copy of the runtime's state; independent of later changes. */
struct rt_snapshot {
    int64_t now;
    enum rt_status status;
    int64_t current; /* G running at snapshot time (0 from outside) */
    size_t ng;
    struct rt_snap_g *gs; /* id order, live goroutines only */
    size_t nchans;
    struct rt_snap_chan *chans; /* id order, channels not yet released */
    size_t nps;
    struct rt_snap_p *ps;
    size_t nglobal;
    int64_t *globalq;   /* head first */
    size_t ntimers;     /* timers pending */
    int64_t next_timer; /* when the earliest fires; -1 none */
    struct rt_counters counters;
};

/* rt_snapshot_new takes a snapshot (caller owns; rt_snapshot_free, NULL
 * safe). Usable from outside rt_run and from inside a goroutine. */
struct rt_snapshot *rt_snapshot_new(struct rt *rt);
void rt_snapshot_free(struct rt_snapshot *s);

/* rt_counters copies the counters. */
struct rt_counters rt_counters(const struct rt *rt);

/* rt_dump_new renders goroutines in Go's traceback format (caller frees):
 * "goroutine 1 [chan receive]:\nmain.main()\n\t/p/x.go:8\n" and for others
 * "created by main.main in goroutine 1\n\t/p/x.go:12\n", separated by blank
 * lines; ", N minutes" follows the reason after a minute of waiting, as Go
 * prints it. only is the goroutine to dump alone (the host's panic prints
 * only the panicking goroutine, "[running]"), or NULL for all live ones in id
 * order. */
char *rt_dump_new(struct rt *rt, const struct rt_g *only);

#endif
