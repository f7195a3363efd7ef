/* interp.h: the interpreter's internals, shared by interp*.c and the native
 * standard library (lib_*.c). In-layer header; not for other layers.
 *
 * Execution model. The checked tree (ast.h) is walked directly. Each
 * goroutine is a runtime goroutine (runtime.h) whose host data is a struct
 * gstate: a growable value stack holding every frame's slots and every
 * temporary that must survive a call (the collector's roots), the chain of
 * C-stack frames for dumps and unwinding, and the panics in progress.
 *
 * A call pushes the arguments on the value stack; the callee's frame is a
 * window [base, base + nslots) of it, followed by one slot holding the
 * frame's deferred calls. Results are left at base on return. Because the
 * stack may move when it grows, C code keeps indices, never pointers, across
 * anything that can push.
 *
 * Panics unwind with longjmp to the innermost frame that has deferred calls
 * (or to a protected call, or to the goroutine's entry), as Lua's luaD_throw
 * does; that frame runs its deferred calls and either recovers or unwinds
 * further. An unrecovered panic prints Go's report and ends the run. */
#ifndef CHANLAB_LANG_INTERP_H
#define CHANLAB_LANG_INTERP_H

#include <setjmp.h>
#include <stdio.h>

#include "ast.h"
#include "fmtcore.h"
#include "lang.h"
#include "runtime.h"
#include "value.h"

struct interp;
struct gstate;

/* A native function: arguments at g->stk[base ...] (receiver first);
 * results are written at g->stk[base ...] before returning. */
typedef void native_fn(struct gstate *g, uint32_t base);

struct cfunc; /* a compiled body (interp_compile.c) */

/* The interpreter's view of one function. */
struct ifunc {
    const struct ast_func *decl;
    struct cfunc *code;        /* compiled before the first call; NULL until then */
    bool cap_params;           /* some parameter is captured (lives in a cell) */
    native_fn *native;         /* bodiless library function, else NULL */
    struct vclosure *static_v; /* the function as a value (REF_FUNC), pinned */
    const char *display;       /* Go's name in tracebacks: "main.(*T).m" */
    uint32_t nparams, nresults, nslots;
    bool variadic;
    bool lock_method; /* sync's Lock, RLock, TryLock, TryRLock (lock labels) */
};

/* A frame on the C stack of a goroutine. */
struct frame {
    struct frame *up;
    const struct ifunc *fn;
    uint32_t base;              /* slot 0 in g->stk */
    struct vclosure *clo;       /* the closure being run (captures), or NULL */
    uint32_t clo_slot;          /* stack index keeping clo reachable, UINT32_MAX if none */
    uint32_t depth;             /* g->depth when the frame started */
    struct pos pos;             /* the statement running now */
    jmp_buf *jb;                /* set when the frame catches panics (has defers) */
    bool deferred;              /* this frame is a deferred call run by the runtime */
    bool pcall;                 /* a protected call from C (fmt's String/Error) */
    uint32_t panic_depth_entry; /* g->npanics when this frame's deferred call started */
    /* Site caches for the detectors (interp_site), filled lazily: a frame's
     * callers do not move while it is active, so the site of the caller
     * chain is computed once; line_site is the site at line line_site_line. */
    bool up_site_ok;
    rt_site up_site;
    rt_site line_site; /* 0: none cached */
    uint32_t line_site_line;
};

/* A panic in progress, or runtime.Goexit: the same unwinding through the
 * deferred calls, but recover() returns nil while it is on top, and when
 * it reaches the goroutine's entry the goroutine ends instead of the run. */
struct gpanic {
    struct value v;
    bool recovered;
    bool aborted; /* a later panic started while this one ran defers */
    bool goexit;  /* runtime.Goexit, not a panic (v is nil) */
};

/* Per-goroutine interpreter state; the runtime's host data of the G. */
struct gstate {
    struct interp *in;
    struct rt_g *g;
    struct value *stk; /* [0, sp) live; roots */
    uint32_t sp, cap;
    struct frame *top; /* innermost frame */
    uint32_t depth;    /* frames */
    struct gpanic *panics;
    uint32_t npanics, cappanics;
    const struct ast_stmt *ctl; /* target of the break/continue being executed */
    uint32_t defer_mark;        /* > 0: the next call is a deferred call run by panic
                                   number defer_mark (see interp_call_func) */
    uintptr_t stack_limit;      /* C stack address below which a call needs a new
                                   segment; 0 until the first call on the stack
                                   (or segment) the goroutine runs on now */
    bool leak_reported;         /* the leak detector reported this goroutine */
};

/* The cached types and functions the natives need. */
struct interp_types {
    const struct type *t_bool, *t_int, *t_int32, *t_int64, *t_uint8, *t_uint32, *t_uint64,
        *t_float64, *t_string, *t_any, *t_error, *t_uintptr;
    const struct type *t_bytes;    /* []byte */
    const struct type *t_strings;  /* []string */
    const struct type *t_ints;     /* []int */
    const struct type *t_time;     /* time.Time, NULL when time is not imported */
    const struct type *t_chantime; /* chan time.Time */
    const struct type *t_internal; /* an internal struct type for the host's boxes */
};

struct interp {
    struct type internal_type; /* ty.t_internal: no Go value has this type */
    struct lang_program *lp;
    struct ast_program *prog;
    struct types *ts;
    struct rt *rt;
    struct heap *heap;
    struct interp_types ty;
    struct value *globals; /* nglobals, roots */
    int nglobals;
    /* functions: open-addressing table from ast_func* to ifunc */
    struct ifunc **ftab;
    size_t nftab;
    struct mexpr *mexprs;              /* method expressions' wrappers (interp_method_expr) */
    const struct ifunc *fn_make_error; /* runtime.makeError */
    int name_error, name_string;       /* method name ids of Error and String */
    /* per type id: size of the runtime object a struct type stands for (sync
     * state types), 0 for ordinary types */
    uint32_t *blob_size;
    size_t nblob;
    /* timers created by package time, by id (index + 1) */
    struct itimer *timers;
    size_t ntimers, captimers;
    /* output */
    FILE *out, *err;
    bool capture;
    struct sbuf cap_out, cap_err;
    /* limits and counters */
    unsigned long long steps, max_steps;
    unsigned long long step_limit; /* max_steps, or the largest value when there is none */
    unsigned long long tick_next;  /* steps value at which interp_tick calls interp_tick_due:
                                      the next of the step limit, the collector's poll and
                                      (every step when leaks is on) the leak poll */
    size_t max_goroutines;
    size_t goroutines, goroutines_peak;
    uint64_t seed;
    uint64_t rng; /* map iteration order */
    /* detectors (lang_run_options) */
    bool race;          /* instrument shared loads and stores (race_* below) */
    bool leaks;         /* leak scans (interp_leak.c) */
    bool lockorder;     /* label locks for the lock-order graph */
    bool tearing_down;  /* lang_run_free: the heap is being released */
    bool os_exit;       /* the run ended in os.Exit */
    bool draining;      /* main returned; others run on for goleak's view (interp_leak_drain) */
    bool drained;       /* the run ended after a drain */
    size_t drain_races; /* races found before the drain */
    /* leak scans between collections (interp_leak.c) */
    unsigned long long leak_next;     /* step count of the next poll */
    unsigned long long leak_interval; /* statements between polls */
    uint64_t leak_switches;           /* rt_counters().switches at the last scan */
    size_t leaks_found;               /* leak findings so far */
    const char *const *args;
    int nargs;
    /* outcome */
    struct lang_outcome outcome;
    struct sbuf message;
    bool finished;
    enum lang_run_status status;
    int exit_code;
    /* interned display strings (file paths) */
    char **files;
    size_t nfiles;
    /* compiled function bodies' nodes (interp_compile.c) */
    struct code_chunk *code;
};

struct itimer {
    struct rt_timer *t;
    struct value f;   /* AfterFunc's function, else nil */
    struct value *ch; /* unused */
};

/* ---- value stack ---------------------------------------------------------- */

void interp_grow(struct gstate *g, uint32_t need);

static inline void push(struct gstate *g, struct value v)
{
    if (g->sp == g->cap)
        interp_grow(g, 1);
    g->stk[g->sp++] = v;
}

static inline struct value pop(struct gstate *g)
{
    return g->stk[--g->sp];
}

/* ---- errors and panics (interp.c) ------------------------------------------ */

/* Kinds of run-time error values (runtime.makeError's kind argument). */
enum rterr_kind { RTE_ERRORSTRING, RTE_BOUNDS, RTE_PLAIN, RTE_TYPEASSERT };

/* interp_panic raises a Go panic with value v; does not return. */
_Noreturn void interp_panic(struct gstate *g, struct value v);
/* interp_panic_rt raises a run-time error panic of the given kind, message
 * formatted printf-style ("index out of range [5] with length 3"). */
_Noreturn void interp_panic_rt(struct gstate *g, enum rterr_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* interp_panic_str panics with a Go string value. */
_Noreturn void interp_panic_str(struct gstate *g, const char *s);
/* interp_goexit is runtime.Goexit: runs the goroutine's deferred calls,
 * then ends it (see struct gpanic); does not return. */
_Noreturn void interp_goexit(struct gstate *g);
/* interp_fatal ends the run with "fatal error: text". */
_Noreturn void interp_fatal(struct gstate *g, const char *text);
/* interp_oom ends the run: the heap limit was reached. */
_Noreturn void interp_oom(struct gstate *g, size_t want);

/* Allocation helpers that turn a NULL from the heap into interp_oom. */
void *interp_alloc(struct gstate *g, enum gc_kind kind, size_t size);
struct value interp_str(struct gstate *g, const char *s, size_t n);
struct vbox *interp_box(struct gstate *g, uint32_t n);
struct value interp_zero(struct gstate *g, const struct type *t);
struct value interp_copy(struct gstate *g, struct value v);

/* ---- calls (interp.c) ----------------------------------------------------- */

/* interp_call calls function value fv (a func-typed value) with nargs
 * arguments at the top of the stack; on return the results replace them
 * (nresults values at the old base). */
void interp_call_value(struct gstate *g, struct value fv, uint32_t nargs);
void interp_call_func(struct gstate *g, const struct ifunc *fn, struct vclosure *clo,
                      uint32_t base);
const struct ifunc *interp_func(struct interp *in, const struct ast_func *decl);
struct value interp_func_value(struct interp *in, const struct ast_func *decl);

/* interp_find_method finds method name_id in the method set of dynamic type
 * t (pointer types included); NULL when absent. */
const struct type_msel *interp_find_method(struct interp *in, const struct type *t, int name_id);
/* interp_call_method calls method m of receiver value recv (dynamic), with
 * nargs arguments already pushed above the receiver slot at base. */
void interp_call_msel(struct gstate *g, const struct type_msel *m, uint32_t base);
/* interp_method_expr: the value of method expression T.m (recv is T, ft the
 * expression's type, receiver first): the method itself when it takes T as
 * it is, else a wrapper that selects the method from the receiver as an
 * interface call does (interfaces, pointers to value-receiver methods,
 * promoted methods). The wrapper belongs to the interpreter. */
struct value interp_method_expr(struct interp *in, const struct type *recv, int name_id,
                                const struct type *ft);
/* interp_is_iface_method_value: c is the method value x.M of an interface
 * x: captures the dynamic value and M's name id (interp.c). */
bool interp_is_iface_method_value(const struct vclosure *c);

/* interp_pcall calls fv like interp_call_value but catches a panic: returns
 * false and sets *pv to the panic value when the call panicked. */
bool interp_pcall(struct gstate *g, struct value fv, uint32_t nargs, struct value *pv);

/* The fmt hooks for this goroutine (Error/String through the interpreter). */
struct fmt_hooks interp_fmt_hooks(struct gstate *g);

/* ---- evaluation (interp_expr.c, interp_stmt.c) ---------------------------- */

struct value interp_eval(struct gstate *g, const struct ast_expr *e);
/* interp_eval_multi pushes the n results of a multi-valued expression. */
void interp_eval_multi(struct gstate *g, const struct ast_expr *e, uint32_t n);
/* interp_convert converts v to type t (explicit or implicit conversion). */
struct value interp_convert(struct gstate *g, struct value v, const struct type *from,
                            const struct type *t);

/* An assignable location (interp_expr.c). The objects it refers to are
 * pushed on the value stack by interp_loc so they stay reachable; the
 * caller restores sp when done. LOC_NILDEREF and LOC_BOUNDS are a
 * location whose last step failed (a nil pointer, an index out of range):
 * storing to it panics. */
enum loc_kind { LOC_NONE, LOC_SLOT, LOC_PTR, LOC_BOX, LOC_MAP, LOC_NILDEREF, LOC_BOUNDS };
struct loc {
    enum loc_kind kind;
    uint32_t slot;     /* LOC_SLOT: stack index */
    struct value *ptr; /* LOC_PTR: a global */
    struct vbox *box;  /* LOC_BOX: element idx of box */
    uint32_t idx;
    uint32_t map_slot; /* LOC_MAP: stack index of the map, key above it */
    int64_t bad, len;  /* LOC_BOUNDS: the index and the length it failed */
    const struct type *type;
};
/* interp_loc evaluates e's location, panicking at once when its pointer is
 * nil or its index out of range. interp_loc_late does the same evaluation
 * but leaves those two checks of the location's last step to the store, as
 * Go's tuple assignment does (a, *p = 1, 2 assigns a, then panics). */
struct loc interp_loc(struct gstate *g, const struct ast_expr *e);
struct loc interp_loc_late(struct gstate *g, const struct ast_expr *e);
struct value interp_loc_load(struct gstate *g, const struct loc *l);
void interp_loc_store(struct gstate *g, const struct loc *l, struct value v);
uint32_t interp_eval_call(struct gstate *g, const struct ast_expr *e);
struct value interp_binop(struct gstate *g, enum ast_op op, struct value a, struct value b,
                          const struct type *ot, const struct type *rt);
bool interp_type_matches(struct gstate *g, struct value v, const struct type *t);
struct value interp_recover(struct gstate *g);
void interp_builtin_deferred(struct gstate *g, int id, uint32_t base, uint32_t nargs);
void interp_run_inits(struct gstate *g);
/* interp_select runs a select statement's channel part; returns the chosen
 * case index (-1: default) with received values pushed (value, ok) for a
 * receive case. */
int interp_select(struct gstate *g, const struct ast_stmt *s);

/* Statement results. */
enum exec_status { EX_NORMAL, EX_BREAK, EX_CONTINUE, EX_RETURN, EX_FALLTHROUGH, EX_GOTO };
enum exec_status interp_exec_block(struct gstate *g, struct ast_stmt **stmts, int n);
/* interp_exec_stmt runs one statement in the tree walker (its step hook
 * included). */
enum exec_status interp_exec_stmt(struct gstate *g, const struct ast_stmt *s);
/* How the nested bodies of a range, switch, type switch or select run:
 * run(g, ud, i) runs the body of case i (0 for a range's body). NULL: the
 * walker runs the syntax tree. The compiled nodes pass their compiled
 * bodies, so these statements keep one implementation. */
struct interp_bodies {
    enum exec_status (*run)(struct gstate *g, const void *ud, int i);
    const void *ud;
};
/* The statement itself (after its step hook): range, expression switch,
 * type switch, select. */
enum exec_status interp_exec_range(struct gstate *g, const struct ast_stmt *s,
                                   const struct interp_bodies *b);
enum exec_status interp_exec_switch(struct gstate *g, const struct ast_stmt *s,
                                    const struct interp_bodies *b);
enum exec_status interp_exec_typeswitch(struct gstate *g, const struct ast_stmt *s,
                                        const struct interp_bodies *b);
enum exec_status interp_exec_select(struct gstate *g, const struct ast_stmt *s,
                                    const struct interp_bodies *b);
/* interp_fresh_loopvars gives every loop variable of for statement s that
 * lives in a cell a new cell with its current value (Go 1.22 semantics). */
void interp_fresh_loopvars(struct gstate *g, const struct ast_stmt *s);

/* ---- compiled bodies (interp_compile.c) ------------------------------------ */

/* interp_compile compiles fn's body into fn->code; call with fn's frame on
 * top of g (g->top->fn == fn). Nodes live until interp_code_free. Never
 * fails (host memory exhaustion aborts). */
void interp_compile(struct gstate *g, struct ifunc *fn);
/* interp_run_code runs a compiled body in the current frame. */
enum exec_status interp_run_code(struct gstate *g, const struct cfunc *cf);
void interp_code_free(struct interp *in);

/* interp_step is the per-statement hook: counts the step, checks limits,
 * collects garbage when due, and is a preemption point. */
void interp_step(struct gstate *g, const struct ast_stmt *s);
/* interp_loop_step is the same for a loop iteration (an empty `for {}` must
 * count and be preemptible too). */
void interp_loop_step(struct gstate *g);
/* interp_step_limit ends the run: the step limit (--max-steps) is passed. */
_Noreturn void interp_step_limit(struct gstate *g);

/* Statements between two checks of the collector's trigger. */
enum { GC_POLL_STEPS = 16 };

/* interp_tick_due is the out-of-line part of interp_tick, run when the
 * step count reaches in->tick_next: ends the run past the step limit, lets
 * the collector run every GC_POLL_STEPS steps, polls the leak detector when
 * it is on, and sets the next tick_next. */
void interp_tick_due(struct gstate *g);

/* interp_tick is interp_loop_step's body, inline for the hot paths: counts
 * the step against the limit, lets the collector run every GC_POLL_STEPS
 * steps (allocations past the heap's limit collect at once in any case),
 * polls the leak detector when it is on (those three through one compare
 * with in->tick_next), and is a preemption point. */
static inline void interp_tick(struct gstate *g)
{
    struct interp *in = g->in;
    if (__builtin_expect(++in->steps >= in->tick_next, 0))
        interp_tick_due(g);
    rt_preempt_point(in->rt);
}

/* Bytes of C stack a call needs at least; below this, the call continues
 * on a new stack segment (interp_call_deep). */
enum { CALL_STACK_RESERVE = 48 * 1024 };
/* Frames allowed per goroutine. Go's stacks grow to 1 GB, which its small
 * frames turn into tens of millions of calls; ours cost 300 to 1,200 bytes
 * of C stack each (segments, interp_call_deep) plus their value-stack
 * slots, so the limit is counted in frames: enough for a recursion
 * 1,000,000 deep (with deferred calls, panics, closures), few enough that
 * an infinite recursion ends within a second or two of CPU and about
 * 0.4 to 1.3 GB of memory. Its report shows Go's 1 GB figure all the same
 * (lang_run_new's rt_config). */
enum { MAX_DEPTH = 1100000 };

/* interp_call_deep is the slow branch of every call whose C stack reserve
 * is exhausted (or whose depth passed MAX_DEPTH): below MAX_DEPTH the call
 * fn(clo; arguments at base) runs on a fresh segment of the goroutine's C
 * stack (rt_call_on_new_stack) and returns as interp_call_func does;
 * otherwise, or when the goroutine's segments reach the runtime's limit,
 * the run ends with Go's "runtime: goroutine stack exceeds
 * 1000000000-byte limit" / "fatal error: stack overflow" (exit 2). The
 * caller has undone its depth increment and restored g->defer_mark. */
void interp_call_deep(struct gstate *g, const struct ifunc *fn, struct vclosure *clo,
                      uint32_t base);

/* interp_stack_landed: after a longjmp (a panic caught by a frame with
 * deferred calls or a protected call) the landing frame may be on a stack
 * below the segment the panic started on: release the segments left and
 * recompute the stack bound. */
static inline void interp_stack_landed(struct gstate *g)
{
    if (rt_stack_unwound(g->in->rt))
        g->stack_limit = 0;
}

/* interp_stack_exhausted: the C stack reserve is reached. The bound of the
 * stack the goroutine runs on is computed at its first call there (a C
 * stack never moves; interp_call_deep and interp_stack_landed reset it when
 * the goroutine changes segments), so the check is a compare of the frame
 * address. */
static inline bool interp_stack_exhausted_at(struct gstate *g, uintptr_t fp)
{
    if (__builtin_expect(!g->stack_limit, 0)) {
        size_t left = rt_stack_left(g->in->rt);
        if (left == SIZE_MAX)
            return false; /* not on a goroutine's stack */
        g->stack_limit = fp - left + CALL_STACK_RESERVE;
    }
    return fp < g->stack_limit;
}
/* ..._at takes the address of any object in the caller's frame instead
 * (the caller then needs no frame pointer). */
static inline bool interp_stack_exhausted(struct gstate *g)
{
    return interp_stack_exhausted_at(g, (uintptr_t)__builtin_frame_address(0));
}

/* ---- channels and goroutines (interp_rt.c) ---------------------------------- */

struct value interp_make_chan(struct gstate *g, const struct type *t, int64_t cap);
void interp_chan_send(struct gstate *g, struct value ch, struct value v);
/* interp_chan_recv pushes the received value; returns ok. */
bool interp_chan_recv(struct gstate *g, struct value ch, const struct type *elem);
void interp_chan_close(struct gstate *g, struct value ch);
void interp_go(struct gstate *g, struct value fv, uint32_t nargs, struct pos pos);
void interp_label_chan(struct interp *in, struct value ch, const char *name);
/* interp_spawn starts fv() in a new goroutine from outside any goroutine
 * (timer callbacks); creator names the creating function for dumps. */
void interp_spawn(struct interp *in, struct value fv, const char *creator, struct pos pos);

const char *interp_file_name(struct interp *in, uint32_t file);
struct value interp_time_value(struct gstate *g, int64_t ns);
int64_t interp_epoch_ns(void);

/* ---- detectors (interp_detect.c) ------------------------------------------------- */

/* interp_site returns the current call stack of g at the statement each
 * frame runs now, as an interned site (runtime.h rt_site_intern): the frame's
 * display name, interned file name and line. Cheap: the caller chain's site
 * is cached per frame, and so is the last (line -> site). 0 before g runs. */
rt_site interp_site_slow(struct gstate *g);
static inline rt_site interp_site(struct gstate *g)
{
    const struct frame *f = g->top;
    if (f && f->line_site && f->line_site_line == f->pos.line)
        return f->line_site;
    return interp_site_slow(g);
}

/* Runtime hooks (rt_hooks.site and .finding): the site of a goroutine; a
 * race report goes to the program's stderr as it is found, as Go's does. */
/* interp_user_site is interp_site from the innermost frame of the user's
 * file (file 0) outwards, so a lock-order or leak finding points at the
 * user's mu.Lock() or wg.Wait(), not into the library's Go source; the
 * whole stack when no frame is the user's. The runtime's site hook. */
rt_site interp_user_site(struct gstate *g);
/* interp_leak_drain runs on main after main.main returned, with leaks on:
 * the program is over (in->draining: output is dropped; a panic, limit or
 * os.Exit just ends its goroutine), but goroutines that are runnable get
 * up to LEAK_DRAIN_ROUNDS Gosched rounds to block or finish, so goleak's
 * view at exit does not count a worker that was about to end. */
void interp_leak_drain(struct gstate *g);
/* interp_drain_quit ends the calling goroutine quietly when the run is
 * draining (returns otherwise). */
void interp_drain_quit(struct gstate *g);
rt_site interp_hook_site(void *ud, const struct rt_g *rg, void *data);
void interp_hook_finding(void *ud, const struct rt_finding *f);

/* interp_label_lock names the Mutex or RWMutex that recv (a pointer to
 * it: the receiver of a lock method) points to after the receiver's source
 * expression x ("mu", "a.mu", "s" for an embedded Mutex), the first time the
 * lock is seen (runtime.h rt_lock_set_label). Only with opt.lockorder. */
void interp_label_lock(struct gstate *g, struct value recv, const struct ast_expr *x);

/* ---- leaks (interp_leak.c) ----------------------------------------------------------- */

/* interp_mark_gstate marks a goroutine's roots: its value stack and panics. */
void interp_mark_gstate(struct heap *h, struct gstate *g);
/* interp_leak_mark is the collector's root marking when opt.leaks is on:
 * the roots without the stacks of goroutines blocked on a channel, lock,
 * WaitGroup or Cond, then those stacks whose wait objects got marked, until
 * nothing changes; every blocked goroutine left is reported once as leaked
 * (RT_FIND_LEAK) and its stack marked after all (its memory stays live). */
void interp_leak_mark(struct interp *in, struct heap *h);
/* interp_leak_poll runs a collection (hence a leak scan) at the cadence of
 * interp_leak.c when a goroutine switched since the last scan. Called
 * between statements; cheap until the step count reaches in->leak_next. */
void interp_leak_poll(struct gstate *g);
/* interp_leak_at_exit is goleak's view when main returned (or os.Exit ran):
 * every goroutine but main still alive and not already reported is a leak
 * finding ("still blocked when main returned" / "still running ..."). */
void interp_leak_at_exit(struct interp *in);

/* interp_race_exit applies Go's -race exit rules at the end of a run: when
 * races were found and the run ended cleanly (main returned, or os.Exit)
 * with code 0, it writes "Found N data race(s)" to stderr and returns 66;
 * otherwise it returns code unchanged. */
int interp_race_exit(struct interp *in, int code, bool clean_exit);

/* Race instrumentation (lang_run_options.race). The evaluator calls these
 * at every load and store of memory two goroutines could share: globals,
 * cells of captured variables, struct fields, array and slice elements,
 * pointees (a variable's address is its struct value slot), and maps as a
 * whole (the vmap: Go's detector treats a map operation as a read or write
 * of the map). Locals in plain stack slots belong to one goroutine and are
 * never instrumented; nor are sync objects (vblobs: the runtime orders
 * them). A struct or array variable is accessed field by field: copying it
 * reads every field (race_read_agg, done by interp_copy), storing into it
 * writes every field (race_write_agg), so race_*_var skip aggregates. Each
 * helper is one predictable branch when the detector is off. */
void interp_race_access(struct gstate *g, const void *addr, bool write);
void interp_race_agg(struct gstate *g, struct value v, bool write);
/* interp_race_forget: the collector frees o (a box or a map); its shadow
 * state goes (called from the heap's finalize hook). */
void interp_race_forget(struct interp *in, struct gc_obj *o);

static inline bool race_on(const struct gstate *g)
{
    return __builtin_expect(g->in->race, 0);
}
static inline bool race_type_is_aggr(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_STRUCT || k == T_ARRAY;
}
/* The variable at slot (of static type t) is read / written. */
static inline void race_read_var(struct gstate *g, const struct value *slot, const struct type *t)
{
    if (race_on(g) && !race_type_is_aggr(t))
        interp_race_access(g, slot, false);
}
static inline void race_write_var(struct gstate *g, const struct value *slot, const struct type *t)
{
    if (race_on(g) && !race_type_is_aggr(t))
        interp_race_access(g, slot, true);
}
/* Element idx of box b (a field, an element, a cell), static type t. */
static inline void race_read_box(struct gstate *g, struct vbox *b, uint32_t idx,
                                 const struct type *t)
{
    race_read_var(g, &b->v[idx], t);
}
static inline void race_write_box(struct gstate *g, struct vbox *b, uint32_t idx,
                                  const struct type *t)
{
    race_write_var(g, &b->v[idx], t);
}
/* A map operation: m is the vmap (NULL for a nil map: nothing to do). */
static inline void race_read_map(struct gstate *g, const void *m)
{
    if (race_on(g) && m)
        interp_race_access(g, m, false);
}
static inline void race_write_map(struct gstate *g, const void *m)
{
    if (race_on(g) && m)
        interp_race_access(g, m, true);
}
/* Every field / element of struct or array value v, recursively (nothing
 * for other values). */
static inline void race_read_agg(struct gstate *g, struct value v)
{
    if (race_on(g))
        interp_race_agg(g, v, false);
}
static inline void race_write_agg(struct gstate *g, struct value v)
{
    if (race_on(g))
        interp_race_agg(g, v, true);
}
/* A store of a value of static type t into slot: the slot itself, or the
 * fields of the struct or array it holds. */
static inline void race_store(struct gstate *g, const struct value *slot, const struct type *t)
{
    if (race_on(g)) {
        if (race_type_is_aggr(t))
            interp_race_agg(g, *slot, true);
        else
            interp_race_access(g, slot, true);
    }
}
/* A load of an element that is copied out whole (range, copy, append). */
static inline void race_load(struct gstate *g, const struct value *slot, const struct type *t)
{
    if (race_on(g)) {
        if (race_type_is_aggr(t))
            interp_race_agg(g, *slot, false);
        else
            interp_race_access(g, slot, false);
    }
}

/* ---- output (interp.c) -------------------------------------------------------- */

void interp_write(struct interp *in, int fd, const char *s, size_t n);

/* ---- natives (lib_*.c) --------------------------------------------------------- */

struct native_entry {
    const char *qname;
    native_fn *fn;
};
/* Every package's table, NULL-terminated lists. */
extern const struct native_entry lib_fmt_natives[];
extern const struct native_entry lib_sync_natives[];
extern const struct native_entry lib_time_natives[];
extern const struct native_entry lib_misc_natives[];
extern const struct native_entry lib_strings_natives[];

/* Helpers for natives. */
static inline struct value *arg(struct gstate *g, uint32_t base, uint32_t i)
{
    return &g->stk[base + i];
}
void interp_write_result(struct gstate *g, uint32_t base, uint32_t i, struct value v);
const char *interp_func_display(const struct ifunc *fn);

#endif
