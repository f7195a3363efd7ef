/* interp_leak.c: the goroutine leak detector (lang_run_options.leaks), in
 * two views.
 *
 * Reachability (the view of Go 1.26's goroutine leak profile). A goroutine
 * blocked on a channel, a lock, a WaitGroup or a Cond can proceed only if
 * some other goroutine, a global or a timer can still reach the object it
 * waits on. So the collector's mark phase (interp_leak_mark, called as the
 * heap's root marker) marks from every root except the value stacks of
 * such blocked goroutines: globals, pending AfterFunc functions, pinned
 * objects, and the stacks of runnable, running, sleeping and syscall
 * goroutines. It then marks the stack of every blocked goroutine one of
 * whose wait objects got marked (a channel: its vchan; a sync object: the
 * vblob holding it; a timer's channel always counts, its timer will send),
 * and repeats until nothing changes. A blocked goroutine left unmarked can
 * never proceed: it is reported once (RT_FIND_LEAK) and its stack is marked
 * after all, since its memory is live. A goroutine blocked on a nil channel
 * or in `select {}` can never proceed either. Main is never reported: main
 * blocked forever ends in Go's deadlock error, or runs until os.Exit.
 *
 * When: at every collection while opt.leaks is on, and at a cadence of its
 * own so that small programs that never collect see leaks as they happen:
 * between statements, once the step count reaches leak_next, a collection
 * runs if any goroutine switched since the last scan (so a new goroutine may
 * have parked). The interval starts at 512 statements and doubles after
 * every scan that finds nothing, up to 2^20; a scan that finds a leak sets
 * it back to 512. Steps and switches are deterministic, so the same seed
 * finds the same leaks at the same points.
 *
 * goleak's view (interp_leak_at_exit): when main returns or os.Exit runs,
 * every other goroutine still alive that was not already reported is. When
 * main returns, goroutines that are merely runnable get to run on first
 * (interp_leak_drain), as goleak retries before it reports: a worker woken
 * by main's last receive reaches its closing brace and is no leak.
 *
 * Report texts are chanlab's own (Go's leak profile is a pprof profile):
 *
 *   goroutine leak: goroutine 6 [chan send] can never proceed: no other
 *   goroutine can reach the channel            (one line)
 *     main.producer()
 *         /p/x.go:12
 *   created by main.main at /p/x.go:20
 *
 * and the summary "leak: goroutine 6 [chan send] at x.go:12 (created at
 * x.go:20)". At exit the first line ends "still blocked when main returned"
 * (or "still running ...", "... at os.Exit"). The finding's g[0]/site[0] are
 * the goroutine and where it is; g[1]/site[1] its creator and the go
 * statement's stack (created site). */
#include "interp.h"

#include <stdlib.h>
#include <string.h>

enum { LEAK_INTERVAL_MIN = 512, LEAK_INTERVAL_MAX = 1 << 20, WAIT_OBJS_MAX = 64 };

/* Rounds of Gosched main spends letting runnable goroutines run on after it
 * returned, before goleak's view is taken (interp_leak_drain). */
enum { LEAK_DRAIN_ROUNDS = 64 };

/* ---- the index of wait objects ------------------------------------------------------ */

/* One channel or sync object of the heap: the address range the runtime
 * knows it by (a channel's struct rt_chan; the bytes of a blob), the heap
 * object that stands for it, and whether it counts as reachable anyway. */
struct wobj {
    uintptr_t lo, hi; /* [lo, hi) */
    struct gc_obj *o;
    bool always; /* a timer's channel */
};

struct windex {
    struct wobj *v;
    size_t n, cap;
};

static void index_obj(struct gc_obj *o, void *ud)
{
    struct windex *ix = ud;
    struct wobj w = {0};
    if (o->kind == GC_CHAN) {
        struct vchan *c = (struct vchan *)o;
        if (!c->rc)
            return;
        w.lo = (uintptr_t)c->rc;
        w.hi = w.lo + 1;
        w.always = c->timer;
    } else if (o->kind == GC_BLOB) {
        struct vblob *b = (struct vblob *)o;
        w.lo = (uintptr_t)b->data;
        w.hi = w.lo + (b->size ? b->size : 1);
    } else {
        return;
    }
    w.o = o;
    if (ix->n == ix->cap) {
        ix->cap = ix->cap ? 2 * ix->cap : 64;
        ix->v = lv_realloc(ix->v, ix->cap * sizeof *ix->v);
    }
    ix->v[ix->n++] = w;
}

static int wobj_cmp(const void *a, const void *b)
{
    uintptr_t x = ((const struct wobj *)a)->lo, y = ((const struct wobj *)b)->lo;
    return x < y ? -1 : x > y;
}

/* index_find returns the object whose range holds addr, or NULL. */
static const struct wobj *index_find(const struct windex *ix, const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->v[mid].lo <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct wobj *w = &ix->v[lo - 1];
    return a < w->hi ? w : NULL;
}

/* ---- classification ------------------------------------------------------------------- */

/* Wait reasons of a goroutine that only another goroutine can release. */
static bool waits_on_object(enum rt_wait_reason r)
{
    switch (r) {
    case RT_WAIT_CHAN_SEND:
    case RT_WAIT_CHAN_RECV:
    case RT_WAIT_SELECT:
    case RT_WAIT_MUTEX:
    case RT_WAIT_RWMUTEX_R:
    case RT_WAIT_RWMUTEX_W:
    case RT_WAIT_WAITGROUP:
    case RT_WAIT_COND: return true;
    default: return false;
    }
}

/* Blocked forever whatever happens: nil channels, select {}. */
static bool waits_forever(enum rt_wait_reason r)
{
    return r == RT_WAIT_CHAN_SEND_NIL || r == RT_WAIT_CHAN_RECV_NIL || r == RT_WAIT_SELECT_NO_CASES;
}

static const char *why_text(enum rt_wait_reason r)
{
    switch (r) {
    case RT_WAIT_CHAN_SEND:
    case RT_WAIT_CHAN_RECV: return "no other goroutine can reach the channel";
    case RT_WAIT_SELECT: return "no other goroutine can reach any of its channels";
    case RT_WAIT_MUTEX:
    case RT_WAIT_RWMUTEX_R:
    case RT_WAIT_RWMUTEX_W: return "no other goroutine can reach the lock";
    case RT_WAIT_WAITGROUP: return "no other goroutine can reach the WaitGroup";
    case RT_WAIT_COND: return "no other goroutine can reach the Cond";
    case RT_WAIT_CHAN_SEND_NIL:
    case RT_WAIT_CHAN_RECV_NIL: return "the channel is nil";
    case RT_WAIT_SELECT_NO_CASES: return "select has no cases";
    default: return "it is blocked";
    }
}

/* ---- reports ------------------------------------------------------------------------ */

static const char *base_name(const char *path)
{
    if (!path)
        return "?";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* report adds one leak finding for g; tail is the end of the first line
 * ("can never proceed: ..." or "still blocked when main returned"). */
static void report(struct interp *in, struct rt_g *rg, const char *tail)
{
    struct gstate *g = rt_g_data(rg);
    if (g)
        g->leak_reported = true;
    struct rt *rt = in->rt;
    int64_t id = rt_g_id(rg);
    enum rt_gstate st = rt_g_state(rg);
    const char *state =
        st == RT_G_WAITING ? rt_wait_reason_text(rt_g_wait_reason(rg)) : rt_gstate_text(st);
    rt_site where = g ? interp_user_site(g) : 0;
    if (!where && g && !g->top && g->sp >= 1 && g->stk[0].p) {
        /* not started yet: where its function begins, as Go's traceback
         * shows a goroutine that has not run */
        const struct ifunc *fn = ((struct vclosure *)g->stk[0].p)->fn;
        where = rt_site_intern(rt, 0, fn->display, interp_file_name(in, fn->decl->pos.file),
                               (int)fn->decl->pos.line);
    }
    rt_site created = rt_g_created_site(rg);
    struct rt_frame fr[64], cf;
    size_t nfr = rt_site_frames(rt, where, fr, 64);
    bool have_c = rt_site_frames(rt, created, &cf, 1) == 1;

    struct sbuf r = {0};
    sbuf_printf(&r, "goroutine leak: goroutine %lld [%s] %s\n", (long long)id, state, tail);
    for (size_t i = 0; i < nfr; i++)
        sbuf_printf(&r, "  %s()\n      %s:%d\n", fr[i].func ? fr[i].func : "?",
                    fr[i].file ? fr[i].file : "?", fr[i].line);
    if (have_c)
        sbuf_printf(&r, "created by %s at %s:%d\n", cf.func ? cf.func : "?",
                    cf.file ? cf.file : "?", cf.line);
    struct sbuf sum = {0};
    sbuf_printf(&sum, "leak: goroutine %lld [%s]", (long long)id, state);
    if (nfr)
        sbuf_printf(&sum, " at %s:%d", base_name(fr[0].file), fr[0].line);
    if (have_c)
        sbuf_printf(&sum, " (created at %s:%d)", base_name(cf.file), cf.line);
    if (strncmp(tail, "can never", 9) != 0)
        sbuf_printf(&sum, ": %s", tail);

    struct rt_finding f = {.kind = RT_FIND_LEAK, .summary = sum.s, .report = r.s};
    f.ng = 2;
    f.g[0] = id;
    f.site[0] = where;
    f.g[1] = rt_g_creator(rg);
    f.site[1] = created;
    rt_finding_add(rt, &f);
    in->leaks_found++;
    sbuf_free(&r);
    sbuf_free(&sum);
}

/* ---- the mark phase ------------------------------------------------------------------- */

struct scan {
    struct interp *in;
    struct heap *h;
    struct rt_g **blocked; /* goroutines whose stacks wait for their objects */
    size_t n, cap;
};

static void classify(void *ud, struct rt_g *rg)
{
    struct scan *sc = ud;
    enum rt_wait_reason r = rt_g_wait_reason(rg);
    if (waits_on_object(r) || waits_forever(r)) {
        if (sc->n == sc->cap) {
            sc->cap = sc->cap ? 2 * sc->cap : 64;
            sc->blocked = lv_realloc(sc->blocked, sc->cap * sizeof *sc->blocked);
        }
        sc->blocked[sc->n++] = rg;
        return;
    }
    interp_mark_gstate(sc->h, rt_g_data(rg));
}

/* can_proceed: one of g's wait objects is reachable (or unknown to the
 * heap: the runtime's own, counted reachable to be safe). */
static bool can_proceed(const struct windex *ix, struct rt_g *rg)
{
    if (waits_forever(rt_g_wait_reason(rg)))
        return false;
    const void *objs[WAIT_OBJS_MAX];
    size_t n = rt_g_wait_objs(rg, objs, WAIT_OBJS_MAX);
    if (n == 0 || n == WAIT_OBJS_MAX)
        return true; /* nothing to judge by (or too many to list) */
    for (size_t i = 0; i < n; i++) {
        const struct wobj *w = index_find(ix, objs[i]);
        if (!w || w->always || w->o->mark)
            return true;
    }
    return false;
}

void interp_leak_mark(struct interp *in, struct heap *h)
{
    struct scan sc = {.in = in, .h = h};
    rt_g_each(in->rt, classify, &sc);
    heap_drain(h);
    if (sc.n) {
        struct windex ix = {0};
        heap_each_obj(h, index_obj, &ix);
        qsort(ix.v, ix.n, sizeof *ix.v, wobj_cmp);
        /* Fixpoint: a blocked goroutine whose object is reachable is live;
         * its stack may make more objects reachable. Live ones are swapped
         * out of [0, left). */
        size_t left = sc.n;
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t i = 0; i < left;) {
                struct rt_g *rg = sc.blocked[i];
                if (can_proceed(&ix, rg)) {
                    interp_mark_gstate(h, rt_g_data(rg));
                    sc.blocked[i] = sc.blocked[--left];
                    sc.blocked[left] = rg;
                    changed = true;
                } else {
                    i++;
                }
            }
            if (changed)
                heap_drain(h);
        }
        for (size_t i = 0; i < left; i++) {
            struct rt_g *rg = sc.blocked[i];
            struct gstate *g = rt_g_data(rg);
            if (rt_g_id(rg) != 1 && g && !g->leak_reported) {
                char tail[160];
                snprintf(tail, sizeof tail, "can never proceed: %s",
                         why_text(rt_g_wait_reason(rg)));
                report(in, rg, tail);
            }
            interp_mark_gstate(h, g); /* leaked, but its memory is live */
        }
        free(ix.v);
    }
    free(sc.blocked);
}

/* ---- cadence ---------------------------------------------------------------------------- */

void interp_leak_poll(struct gstate *g)
{
    struct interp *in = g->in;
    uint64_t sw = rt_counters(in->rt).switches;
    if (sw != in->leak_switches) {
        size_t before = in->leaks_found;
        heap_collect(in->heap); /* the scan is the collection's mark phase */
        in->leak_switches = rt_counters(in->rt).switches;
        if (in->leaks_found != before)
            in->leak_interval = LEAK_INTERVAL_MIN;
        else if (in->leak_interval < LEAK_INTERVAL_MAX)
            in->leak_interval *= 2;
    }
    in->leak_next = in->steps + in->leak_interval;
}

/* ---- goleak's view ------------------------------------------------------------------------ */

static void at_exit_one(void *ud, struct rt_g *rg)
{
    struct interp *in = ud;
    struct gstate *g = rt_g_data(rg);
    if (rt_g_id(rg) == 1 || (g && g->leak_reported))
        return;
    const char *when = in->os_exit ? "at os.Exit" : "when main returned";
    char tail[96];
    enum rt_gstate st = rt_g_state(rg);
    bool running = st == RT_G_RUNNABLE || st == RT_G_RUNNING || st == RT_G_SYSCALL;
    snprintf(tail, sizeof tail, "still %s %s", running ? "running" : "blocked", when);
    report(in, rg, tail);
}

static void count_runnable(void *ud, struct rt_g *rg)
{
    size_t *n = ud;
    enum rt_gstate st = rt_g_state(rg);
    if (rt_g_id(rg) != 1 && (st == RT_G_RUNNABLE || st == RT_G_RUNNING))
        (*n)++;
}

void interp_leak_drain(struct gstate *g)
{
    struct interp *in = g->in;
    in->drain_races = rt_findings_count(in->rt, RT_FIND_RACE);
    in->draining = true;
    for (int round = 0; round < LEAK_DRAIN_ROUNDS; round++) {
        size_t n = 0;
        rt_g_each(in->rt, count_runnable, &n);
        if (n == 0)
            break;
        rt_gosched(in->rt);
    }
}

void interp_leak_at_exit(struct interp *in)
{
    rt_g_each(in->rt, at_exit_one, in);
}
