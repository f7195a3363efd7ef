/* rt_impl.h: the runtime's internal data shapes, shared by the files of
 * runtime/ only (no other layer includes it; tests of internals link the
 * runtime library directly).
 *
 * Shapes: a struct rt owns the Ps, the global run queue, every G (a list in
 * id order), the free G records (with their stacks), the channels, the
 * semaphore table, the timer heap and the trace ring. Gs wait on channels
 * through sudogs that live on the waiting goroutine's own stack (valid while
 * it is parked, which is exactly as long as a queue holds them). */
#ifndef CHANLAB_RT_IMPL_H
#define CHANLAB_RT_IMPL_H

#include "runtime.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define RT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_ASAN 1
#endif
#endif
#ifndef RT_ASAN
#define RT_ASAN 0
#endif

#if defined(RT_FORCE_UCONTEXT) || (!defined(__x86_64__) && !defined(__aarch64__))
#define RT_UCONTEXT 1 /* no hand-written switch for this target */
#endif

#define RT_RUNQ_CAP        256 /* a P's local run queue, as in Go */
#define RT_GLOBAL_TICK     61  /* look at the global queue every 61 ticks */
#define RT_FIRST_USER_GOID 5   /* Go's ids 2-4 are its own goroutines */
#define RT_PAGE            4096

/* cfg.preempt under RT_SCHED_PCT: PCT decides at every preemption point
 * (an internal value beside the public policies; a switch case costs Go's
 * order nothing). */
#define RT_PREEMPT_PCT ((enum rt_preempt_policy)(RT_PREEMPT_CHOOSER + 1))

/* ---- stacks and contexts (stack.c, switch_*.S) ---------------------------- */

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#define RT_VALGRIND 1
#endif
#endif

struct rt_stack {
    char *lo;     /* lowest usable byte (above the guard page, if any) */
    size_t size;  /* usable bytes; the top is lo + size, page aligned */
    bool guarded; /* a PROT_NONE page sits just below lo */
    struct rt_stack_chunk *chunk;
    /* Sanitizer builds: the lowest byte the last goroutine on this stack
     * may have left poisoned (frames abandoned when it exited deep, or while
     * it ran on segments); rt_stack_reuse cleans down to it. NULL: the top
     * 16 KiB only. */
    char *dirty_lo;
};

/* A stack segment (rt_call_on_new_stack): a mapping of its own, a guard
 * page at the bottom and this record at the top; st.lo .. the record is the
 * usable stack. The segments a goroutine runs on form a chain from the
 * newest (g->seg) down to the goroutine's own stack. */
struct rt_seg {
    struct rt_stack st; /* usable bounds; st.size counts the record too */
    char *map;          /* the mapping: guard page + st.size bytes */
    size_t maplen;
    struct rt_seg *prev; /* the segment below; NULL: the goroutine's stack */
    char *entry_sp;      /* the stack pointer below which prev was free when
                            this segment was entered */
    void (*fn)(void *);  /* the call running on it */
    void *arg;
#if RT_ASAN
    void *prev_fake; /* ASan's fake stack of the stack below, while on this */
#endif
#ifdef RT_VALGRIND
    unsigned vg_id;
#endif
};

/* A saved execution context: the stack pointer of a suspended goroutine (or
 * of the host stack in rt_run), plus the sanitizer's fiber state. */
struct rt_ctx {
    void *sp;
#if RT_ASAN
    void *fake_stack;   /* ASan's fake stack handle while suspended */
    const void *bottom; /* stack bounds, for the sanitizer */
    size_t size;
#endif
#ifdef RT_UCONTEXT
    void *uc; /* ucontext_t * (fallback targets only) */
#endif
};

struct rt_stack_pool; /* stack.c */

struct rt_stack_pool *rt_stack_pool_new(size_t stack_size);
void rt_stack_pool_free(struct rt_stack_pool *pool);
bool rt_stack_get(struct rt_stack_pool *pool, struct rt_stack *out);
void rt_stack_put(struct rt_stack_pool *pool, struct rt_stack *s);
void rt_stack_reuse(struct rt_stack *s);
size_t rt_stack_pool_guarded(const struct rt_stack_pool *pool);

/* rt_ctx_make prepares ctx so that switching to it calls fn(arg) on stack s,
 * below top (the goroutine's record sits above it); fn must never return. */
void rt_ctx_make(struct rt_ctx *ctx, struct rt_stack *s, char *top, void (*fn)(void *), void *arg);
/* rt_ctx_switch saves the current context in from and resumes to. dying says
 * from will never be resumed (its stack is about to be reused). */
#if !RT_ASAN && !defined(RT_UCONTEXT)
void rt_ctx_swap(void **save_sp, void *load_sp); /* switch_<arch>.S */
static inline void rt_ctx_switch(struct rt_ctx *from, struct rt_ctx *to, bool dying)
{
    (void)dying;
    rt_ctx_swap(&from->sp, to->sp);
}
#else
void rt_ctx_switch(struct rt_ctx *from, struct rt_ctx *to, bool dying);
#endif
/* rt_ctx_started must be the first call of a new context's fn. */
void rt_ctx_started(struct rt_ctx *self);
void rt_ctx_free(struct rt_ctx *ctx);

/* Stack overflow protection: rt_run installs a SIGSEGV handler on an
 * alternate stack for its duration (stack.c). */
void rt_segv_install(struct rt *rt);
void rt_segv_remove(struct rt *rt);
void rt_segv_free(struct rt *rt);
#define RT_CANARY 0x6368616e6c616221ull

/* ---- goroutines ------------------------------------------------------------ */

struct rt_sudog {
    struct rt_g *g;
    struct rt_sudog *next, *prev; /* the channel's queue */
    struct rt_chan *c;
    void *elem;       /* send: source; recv: destination (may be NULL) */
    int32_t case_idx; /* select case, or -1 */
    bool success;     /* recv: a value came (false: closed) */
    bool is_select;
};

struct rt_g {
    struct rt_ctx ctx;
    struct rt *rt;
    int64_t id;
    uint8_t state;     /* enum rt_gstate */
    uint8_t reason;    /* enum rt_wait_reason */
    bool select_done;  /* a select case already won (others must not wake it) */
    bool from_runnext; /* picked from runnext: inherits the time slice */
    int32_t p;         /* index of the P it runs on / is queued on; -1 */
    int32_t wake_case; /* select: the case that won */
    bool wake_ok;      /* channel ops: true = value / false = closed */
    uint32_t ticket;   /* sync.Cond ticket */
    const void *wait_obj;
    int64_t wait_since;
    struct rt_g *schedlink; /* global queue, semaphore queue, free list */
    struct rt_g *allprev, *allnext;
    rt_entry_fn *entry;
    void *arg;
    void *data;  /* host data */
    char *label; /* NULL when unset */
    struct rt_frame created_by;
    int64_t creator;
    uint32_t created_site; /* rt_site of the go statement (detectors) */
    struct rt_sudog *sel;  /* parked in select: its sudogs (nsel), else NULL */
    uint32_t nsel;
    struct rt_race_g *race;   /* race detector state (race.c); NULL when off */
    uint64_t pct_prio;        /* RT_SCHED_PCT: its priority, higher runs first */
    struct rt_stack stack;    /* its own stack (the record sits at its top) */
    struct rt_seg *seg;       /* the segment it runs on now; NULL: its own stack */
    struct rt_seg *seg_cache; /* the last segment it released, kept for reuse */
    size_t seg_bytes;         /* usable bytes of the segments in its chain */
};

/* rt_g_cur_stack is the stack g runs on now: its newest segment, else its
 * own stack. */
static inline const struct rt_stack *rt_g_cur_stack(const struct rt_g *g)
{
    return g->seg ? &g->seg->st : &g->stack;
}

/* Segments (stack.c). rt_seg_sync pops the segments of the current G that
 * its stack pointer sp has left (a longjmp to a frame further down the
 * chain); returns true if it popped any. rt_segs_release frees a G's chain
 * and its cached segment (the G is dead or abandoned: never resumed on
 * them). */
bool rt_seg_sync(struct rt *rt, struct rt_g *g, char *sp);
void rt_segs_release(struct rt_g *g);

struct rt_p {
    int id;
    struct rt_g *curg;    /* the running G (suspended while the M serves other Ps) */
    struct rt_g *runnext; /* runs next, inheriting the time slice */
    uint32_t head, tail;  /* local queue: runq[head % cap .. tail % cap) */
    uint32_t schedtick;
    struct rt_g *runq[RT_RUNQ_CAP];
};

/* ---- channels --------------------------------------------------------------- */

struct rt_waitq {
    struct rt_sudog *first, *last;
};

struct rt_chan {
    struct rt *rt;
    int64_t id;
    size_t elem_size;
    size_t cap;
    size_t count;        /* elements in buf */
    size_t sendx, recvx; /* ring indexes */
    bool closed;
    bool released; /* the host let go of it; freed once no one waits */
    bool timer;    /* a timer's channel: len and cap read 0 */
    char *label;
    char *elem_type;
    struct rt_waitq recvq, sendq;
    struct rt_chan *prev, *next; /* the runtime's list, id order */
    char *buf;
};

void rt_chan_free_all(struct rt *rt);
/* rt_chan_drain empties a timer channel's buffer (Stop and Reset). */
void rt_chan_drain(struct rt_chan *c);
/* Wait queue operations, shared with select.c. */
void rt_waitq_push(struct rt_waitq *q, struct rt_sudog *sg);
void rt_waitq_remove(struct rt_waitq *q, struct rt_sudog *sg);

/* rt_waitq_dequeue pops the first sudog whose goroutine can still be woken:
 * a select whose other case already won is skipped (and dropped), as Go's
 * selectDone check does. */
static inline struct rt_sudog *rt_waitq_dequeue(struct rt_waitq *q)
{
    for (;;) {
        struct rt_sudog *sg = q->first;
        if (!sg)
            return NULL;
        q->first = sg->next;
        if (q->first)
            q->first->prev = NULL;
        else
            q->last = NULL;
        sg->next = sg->prev = NULL;
        if (sg->is_select) {
            if (sg->g->select_done)
                continue;
            sg->g->select_done = true;
        }
        return sg;
    }
}
/* Channel steps shared with select.c: hand-off to a parked receiver or from
 * a parked sender, and buffer moves. */
void rt_chan_send_to(struct rt *rt, struct rt_chan *c, struct rt_sudog *sg, const void *elem);
void rt_chan_recv_from(struct rt *rt, struct rt_chan *c, struct rt_sudog *sg, void *elem);
void rt_chan_buf_put(struct rt *rt, struct rt_chan *c, const void *elem);
void rt_chan_buf_take(struct rt *rt, struct rt_chan *c, void *elem);

/* ---- semaphore table (sync.c) ----------------------------------------------- */

struct rt_semq {
    const void *addr;
    struct rt_g *head, *tail; /* FIFO through g->schedlink */
    uint32_t count;           /* releases not yet consumed */
    struct rt_semq *next;     /* bucket chain */
};

#define RT_SEM_BUCKETS 251

/* ---- timers (timer.c) --------------------------------------------------------- */

enum rt_timer_kind { RT_TK_CHAN, RT_TK_FUNC, RT_TK_WAKE };

struct rt_timer {
    int64_t when;   /* when it fires; valid while in the heap */
    int64_t period; /* > 0 for tickers */
    uint64_t seq;   /* tie-break: earlier set fires first */
    int32_t idx;    /* heap index, -1 when not in the heap */
    uint8_t kind;   /* enum rt_timer_kind */
    bool released;
    struct rt_chan *c; /* RT_TK_CHAN */
    rt_timer_fn *fn;   /* RT_TK_FUNC */
    void *arg;
    struct rt_g *g;           /* RT_TK_WAKE: sleeping / in syscall */
    struct rt_timer *alllink; /* runtime-owned timers, for rt_free */
    struct rt_timer **allprev;
};

void rt_timer_add(struct rt *rt, struct rt_timer *t, int64_t when);
bool rt_timer_del(struct rt *rt, struct rt_timer *t);
/* rt_timers_run fires every timer due at the current clock; returns how
 * many fired. */
size_t rt_timers_run(struct rt *rt);
void rt_timers_free_all(struct rt *rt);

/* ---- the runtime ---------------------------------------------------------- */

/* A PCT priority-change point: when the running G passes preemption point
 * number step, its priority becomes prio (PCT's 1 .. depth - 1, below every
 * initial priority; sched.c says how they are encoded). */
struct rt_pct_change {
    uint64_t step;
    uint64_t prio;
};

struct rt {
    struct rt_fast fast; /* first: the inline preemption point's countdown (runtime.h) */
    struct rt_config cfg;
    uint64_t rng; /* the one PRNG's state (splitmix64 / xorshift) */
    int nprocs;
    bool p1go; /* one P and Go's order: pick's fast path */
    struct rt_p *ps;
    int curp;                   /* the P the M serves now */
    struct rt_g *curg;          /* the G executing now; NULL on the host stack */
    struct rt_ctx g0;           /* the host stack inside rt_run */
    struct rt_g *ghead, *gtail; /* every live G, id order */
    size_t glive;
    struct rt_g *gfree; /* exited G records with their stacks */
    size_t gfree_len;
    struct rt_g *zombie; /* exited G whose stack is released after the switch */
    struct rt_g *globq_head, *globq_tail;
    size_t globq_len;
    int64_t next_goid;
    bool main_goexit; /* main ended by rt_goexit: the run goes on without it */
    bool in_timers;   /* rt_run is firing timers (callbacks may call rt_go) */
    struct rt_stack_pool *stacks;
    int64_t budget; /* events left in this rt_run; < 0 unlimited */
    enum rt_status status;
    bool ended;
    int exit_code;
    char *failure;
    uint32_t preempt_count; /* RT_PREEMPT_EVERY: points passed since the last switch,
                               as of the last rearm (fast.preempt_left counts on) */
    int64_t preempt_reload; /* fast.preempt_left as set by the last rearm */
    int64_t now;
    /* channels */
    struct rt_chan *chead, *ctail;
    int64_t next_chan_id;
    /* semaphores */
    struct rt_semq *sem[RT_SEM_BUCKETS];
    /* timers */
    struct rt_timer **heap;
    size_t nheap, heap_cap;
    uint64_t timer_seq;
    struct rt_timer *timers_all;
    /* trace */
    struct rt_event *ring;
    size_t ring_cap; /* power of two */
    bool ev_quiet;   /* trace_off and no event hook: record nothing */
    uint64_t seq;
    struct rt_counters counters;
    /* detectors (detect.c, race.c, lockorder.c) */
    struct rt_sites *sites;
    struct rt_finding *findings;
    size_t nfindings, capfindings;
    struct rt_race *race;    /* NULL when cfg.race is off */
    struct rt_lockgraph *lg; /* NULL when cfg.lockorder is off */
    /* PCT scheduling (cfg.sched == RT_SCHED_PCT, sched.c) */
    bool pct;
    struct rt_g *pct_preempted;       /* the G PCT is switching away from */
    uint64_t pct_step;                /* preemption points passed so far */
    struct rt_pct_change *pct_change; /* change points, by step */
    size_t pct_nchange, pct_next;     /* count; the next one to reach */
    uint64_t pct_yield_prio;          /* next priority given to a yielder */
    int64_t pct_run_g;                /* the G the slice counter is for */
    uint64_t pct_run;                 /* its preemption points since it resumed */
    uint64_t pct_cache_seq;           /* pct_higher's cache: valid at this seq, */
    int64_t pct_cache_g;              /* for this running G: */
    uint64_t pct_cache_max;           /* the others' highest priority */
    /* stack overflow */
    struct rt_g *overflow; /* a goroutine abandoned for overflowing its stack */
    void *segv_saved;      /* previous handler and alternate stack (stack.c) */
};

/* sched.c */
void rt_park(struct rt *rt, enum rt_wait_reason reason, const void *obj);
void rt_ready(struct rt *rt, struct rt_g *g);
void rt_ready_global(struct rt *rt, struct rt_g *g);
/* rt_gosched_local: the caller to the tail of its P's local queue (goyield). */
void rt_gosched_local(struct rt *rt);
_Noreturn void rt_end(struct rt *rt, enum rt_status st, char *failure);
_Noreturn void rt_fatal_code(struct rt *rt, enum rt_err code);
int rt_p_of_current(const struct rt *rt);
struct rt_g *rt_must_g(const struct rt *rt, const char *what);

/* rt_rand is the runtime's one PRNG, splitmix64: small, fast, and every
 * seed (0 included) is a good one. rt_randn is uniform in [0, n) (Lemire's
 * multiply-shift). */
static inline uint64_t rt_rand(struct rt *rt)
{
    uint64_t z = (rt->rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint32_t rt_randn(struct rt *rt, uint32_t n)
{
    return (uint32_t)(((rt_rand(rt) >> 32) * (uint64_t)n) >> 32);
}

/* trace.c */
void rt_ev_hook(struct rt *rt, const struct rt_event *e);

/* rt_ev_p records one event (on P p) in the ring and passes it to the
 * event hook; rt_ev does it for the running goroutine. Inline: they sit on
 * every hot path. */
static inline void rt_ev_p(struct rt *rt, enum rt_event_kind kind, int p, int64_t peer,
                           int64_t chan, const void *obj, int64_t arg)
{
    if (rt->ev_quiet) {
        rt->seq++;
        return;
    }
    struct rt_event *e = &rt->ring[rt->seq & (rt->ring_cap - 1)];
    e->seq = ++rt->seq;
    e->time = rt->now;
    e->kind = kind;
    e->g = rt->curg ? rt->curg->id : 0;
    e->p = p;
    e->peer = peer;
    e->chan = chan;
    e->obj = obj;
    e->arg = arg;
    if (rt->cfg.hooks.event)
        rt_ev_hook(rt, e);
}

static inline void rt_ev(struct rt *rt, enum rt_event_kind kind, int64_t peer, int64_t chan,
                         const void *obj, int64_t arg)
{
    if (rt->ev_quiet) {
        rt->seq++;
        return;
    }
    rt_ev_p(rt, kind, rt->curg ? rt->curg->p : -1, peer, chan, obj, arg);
}

/* rt_copy copies one channel element; the common sizes avoid a call. */
static inline void rt_copy(void *dst, const void *src, size_t n)
{
    if (n == 8)
        memcpy(dst, src, 8);
    else if (n == 4)
        memcpy(dst, src, 4);
    else if (n == 16)
        memcpy(dst, src, 16);
    else if (n)
        memcpy(dst, src, n);
}

static inline void rt_zero(void *dst, size_t n)
{
    if (n == 8)
        memset(dst, 0, 8);
    else if (n == 4)
        memset(dst, 0, 4);
    else if (n == 16)
        memset(dst, 0, 16);
    else if (n)
        memset(dst, 0, n);
}
void rt_trace_init(struct rt *rt);

/* detect.c: sites and findings */
void rt_detect_init(struct rt *rt);
void rt_detect_free(struct rt *rt);
/* rt_site_format appends "  func()\n      file:line\n" per frame of s to a
 * growing buffer (*buf, *len, *cap; malloc'd), as Go's race reports print
 * stacks. */
void rt_site_format(const struct rt *rt, rt_site s, char **buf, size_t *len, size_t *cap);
void rt_buf_printf(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* rt_current_site asks the host's site hook for the current goroutine's site. */
rt_site rt_current_site(struct rt *rt);

/* race.c: the runtime's own happens-before edges (no-ops when race is off) */
/* rt_race_on guards every call below: off, the detector costs the runtime
 * one predicted branch per operation. */
#define rt_race_on(rt) __builtin_expect((rt)->race != NULL, 0)
void rt_race_init(struct rt *rt);
void rt_race_fini(struct rt *rt);
void rt_race_go(struct rt *rt, struct rt_g *parent, struct rt_g *child); /* go statement */
/* rt_race_exit: g's entry returned (its slot may be reused, its record
 * stays for reports as "finished"). */
void rt_race_exit(struct rt *rt, struct rt_g *g);
/* The same as rt_race_release / rt_race_acquire for a goroutine g that is
 * not the current one (a parked channel partner). */
void rt_race_release_g(struct rt *rt, struct rt_g *g, const void *obj);
void rt_race_acquire_g(struct rt *rt, struct rt_g *g, const void *obj);
/* rt_race_chan_sync is Go's racesync: an unbuffered hand-off between the
 * current goroutine and the parked partner other, ordered both ways. */
void rt_race_chan_sync(struct rt *rt, struct rt_chan *c, struct rt_g *other);
/* rt_race_chan_slot is Go's racenotify: goroutine g (NULL: the current
 * one) sends into or receives from buffer slot idx of c. */
void rt_race_chan_slot(struct rt *rt, struct rt_chan *c, size_t idx, struct rt_g *g);
/* rt_race_chan_access: a send on c (close false) is a read of the channel,
 * close(c) a write, as in Go: a send not ordered before the close races with
 * it. Sites get a runtime.chansend / runtime.closechan frame on top. */
void rt_race_chan_access(struct rt *rt, struct rt_chan *c, bool close);
/* rt_race_timer_fire: timer t fires; the scheduler context that runs its
 * send or callback acquires what the NewTimer / Reset / AfterFunc call
 * released into t (and nothing else). */
void rt_race_timer_fire(struct rt *rt, const void *t);
/* rt_race_atomic: an atomic load (write false) or store / read-modify-write
 * of addr by the current goroutine: acquires addr's clock, checks the
 * access against plain accesses (atomics never race with each other), and
 * release-merges into addr's clock. */
void rt_race_atomic(struct rt *rt, const void *addr, bool write);
/* rt_race_forget_obj: the runtime frees its own object obj (a channel, a
 * timer): drop the clocks and shadow state keyed by its address. */
void rt_race_forget_obj(struct rt *rt, const void *obj);
/* rt_race_nslots: vector clock slots made so far (tests check reuse). */
uint32_t rt_race_nslots(const struct rt *rt);

/* lockorder.c; sync.c calls the three hooks only when rt->lg is set.
 * rt_lockorder_wait: the current goroutine is about to wait for lock (Lock,
 * RLock when read): adds an edge from every lock it holds, reports the
 * cycles they close, and returns the current site for ..._acquired.
 * rt_lockorder_acquired: it now holds lock (also after a TryLock, with no
 * wait before). rt_lockorder_released: lock (its read side when read) was
 * unlocked, by the holder or by another goroutine. */
void rt_lockorder_init(struct rt *rt);
void rt_lockorder_fini(struct rt *rt);
rt_site rt_lockorder_wait(struct rt *rt, const void *lock, bool read);
void rt_lockorder_acquired(struct rt *rt, const void *lock, rt_site site, bool read);
void rt_lockorder_released(struct rt *rt, const void *lock, bool read);

/* inspect.c */
char *rt_failure_text(struct rt *rt, const char *head);

/* xmalloc family: abort on out of memory. */
void *rt_xmalloc(size_t n);
void *rt_xcalloc(size_t n, size_t size);
void *rt_xrealloc(void *p, size_t n);
char *rt_xstrdup(const char *s);

#endif
