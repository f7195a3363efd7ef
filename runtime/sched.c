/* sched.c: the scheduler: runtimes, goroutines, Ps and their run queues,
 * parking and waking, preemption, syscall hand-off, and rt_run's loop with
 * virtual time and the deadlock rule.
 *
 * Switching: a goroutine that blocks picks the next G itself and switches to
 * it directly (one context switch); only when no G can run, when the event
 * budget is used up or when the run ends does it switch back to the host
 * stack, where rt_run advances the clock, fires timers or declares deadlock.
 * An exited goroutine cannot free the stack it is running on, so it becomes
 * the zombie that the next context releases right after the switch. */
#include "rt_impl.h"

#include <stdlib.h>
#include <string.h>

#define RT_GFREE_MAX 1024 /* exited G records kept with their stacks */

/* PCT priorities, highest first: initial ones, drawn at creation, in
 * [2^48, 2^49); then the i-th change point's, RT_PCT_CHANGE + i for i in
 * 1 .. depth - 1 (PCT's "priority i"); then yielders (Gosched, or a G that
 * ran RT_PCT_SLICE preemption points in a row), each below the one before,
 * from RT_PCT_CHANGE down, so a yield lets every other G run first, as
 * Go's Gosched does, even one a change point demoted. */
#define RT_PCT_INITIAL (1ull << 48)
#define RT_PCT_CHANGE  (1ull << 40)
#define RT_PCT_SLICE   10000 /* Go's sysmon preempts a G after 10 ms */

/* ---- memory and randomness -------------------------------------------------- */

void *rt_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("chanlab runtime: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *rt_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("chanlab runtime: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *rt_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("chanlab runtime: out of memory\n", stderr);
        abort();
    }
    return q;
}

char *rt_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(rt_xmalloc(n), s, n);
}

/* ---- runtime lifetime ------------------------------------------------------- */

static void pct_init(struct rt *rt);

struct rt *rt_new(const struct rt_config *cfg)
{
    struct rt_config c = {0};
    if (cfg)
        c = *cfg;
    if (c.stack_size == 0)
        c.stack_size = 256 * 1024;
    if (c.stack_size < 16 * 1024)
        return NULL;
    if (c.stack_max < c.stack_size)
        c.stack_max = c.stack_size;
    if (c.stack_limit_shown == 0)
        c.stack_limit_shown = c.stack_max;
    if (c.procs <= 0)
        c.procs = 1;
    if (c.max_goroutines <= 0)
        c.max_goroutines = 10000000;
    if (c.preempt_every == 0)
        c.preempt_every = 1;
    if (c.trace_capacity == 0)
        c.trace_capacity = 4096;

    struct rt *rt = rt_xcalloc(1, sizeof *rt);
    rt->cfg = c;
    rt->rng = c.seed;
    rt->nprocs = c.procs;
    rt->p1go = c.procs == 1 && c.sched != RT_SCHED_PCT;
    rt->ps = rt_xcalloc((size_t)c.procs, sizeof *rt->ps);
    for (int i = 0; i < c.procs; i++)
        rt->ps[i].id = i;
    /* Go's runtime.main spends two schedule ticks of P 0 starting its own
     * goroutines before main.main runs; starting there keeps the 61-tick
     * global-queue check on the same beat as Go's. */
    rt->ps[0].schedtick = 2;
    rt->next_goid = 1;
    rt->next_chan_id = 1;
    rt->stacks = rt_stack_pool_new(c.stack_size);
    rt->status = RT_RUNNING;
    rt->fast.preempt_left = rt->preempt_reload = 1; /* rt_run rearms */
    rt_trace_init(rt);
    rt_detect_init(rt);
    if (c.sched == RT_SCHED_PCT)
        pct_init(rt);
    if (c.race)
        rt_race_init(rt);
    if (c.lockorder)
        rt_lockorder_init(rt);
    return rt;
}

/* A goroutine's record lives at the top of its own stack (the page a
 * parked goroutine touches anyway), so releasing the stack releases it. */
static void g_release(struct rt *rt, struct rt_g *g)
{
    rt_segs_release(g);
    struct rt_stack s = g->stack;
    rt_ctx_free(&g->ctx);
    free(g->label);
    rt_stack_put(rt->stacks, &s);
}

static struct rt_g *g_record(struct rt_stack *s)
{
    size_t room = (sizeof(struct rt_g) + 63) & ~(size_t)63;
    return (struct rt_g *)(void *)(s->lo + s->size - room);
}

void rt_free(struct rt *rt)
{
    if (!rt)
        return;
    assert(!rt->curg);
    struct rt_g *g = rt->ghead;
    while (g) {
        struct rt_g *next = g->allnext;
        if (g->data && rt->cfg.hooks.g_free)
            rt->cfg.hooks.g_free(rt->cfg.hooks.ud, g, g->data);
        g_release(rt, g);
        g = next;
    }
    if (rt->zombie)
        g_release(rt, rt->zombie);
    while (rt->gfree) {
        g = rt->gfree;
        rt->gfree = g->schedlink;
        g_release(rt, g);
    }
    rt_timers_free_all(rt);
    rt_chan_free_all(rt);
    rt_race_fini(rt);
    rt_lockorder_fini(rt);
    rt_detect_free(rt);
    for (size_t i = 0; i < RT_SEM_BUCKETS; i++) {
        struct rt_semq *q = rt->sem[i];
        while (q) {
            struct rt_semq *next = q->next;
            free(q);
            q = next;
        }
    }
    rt_stack_pool_free(rt->stacks);
    rt_segv_free(rt);
    free(rt->heap);
    free(rt->ring);
    free(rt->failure);
    free(rt->pct_change);
    free(rt->ps);
    free(rt);
}

/* ---- run queues --------------------------------------------------------------- */

static void globq_put(struct rt *rt, struct rt_g *g)
{
    g->schedlink = NULL;
    g->p = -1;
    if (rt->globq_tail)
        rt->globq_tail->schedlink = g;
    else
        rt->globq_head = g;
    rt->globq_tail = g;
    rt->globq_len++;
}

static struct rt_g *globq_pop(struct rt *rt)
{
    struct rt_g *g = rt->globq_head;
    if (!g)
        return NULL;
    rt->globq_head = g->schedlink;
    if (!rt->globq_head)
        rt->globq_tail = NULL;
    g->schedlink = NULL;
    rt->globq_len--;
    return g;
}

static uint32_t runq_len(const struct rt_p *p)
{
    return p->tail - p->head;
}

/* runq_put puts g on p's local queue (next: into runnext, kicking the old
 * runnext G to the tail); a full queue moves half of it and g to the global
 * queue, as Go's runqputslow does. */
static void runq_put(struct rt *rt, struct rt_p *p, struct rt_g *g, bool next)
{
    g->p = p->id;
    if (next) {
        struct rt_g *old = p->runnext;
        p->runnext = g;
        if (!old)
            return;
        g = old;
    }
    if (runq_len(p) < RT_RUNQ_CAP) {
        p->runq[p->tail % RT_RUNQ_CAP] = g;
        p->tail++;
        return;
    }
    for (uint32_t i = 0; i < RT_RUNQ_CAP / 2; i++) {
        globq_put(rt, p->runq[p->head % RT_RUNQ_CAP]);
        p->head++;
    }
    globq_put(rt, g);
}

static inline __attribute__((always_inline)) struct rt_g *runq_get(struct rt_p *p)
{
    if (p->runnext) {
        struct rt_g *g = p->runnext;
        p->runnext = NULL;
        g->from_runnext = true;
        return g;
    }
    if (runq_len(p) == 0)
        return NULL;
    struct rt_g *g = p->runq[p->head % RT_RUNQ_CAP];
    p->head++;
    g->from_runnext = false;
    return g;
}

/* globq_get takes a fair share of the global queue for p (Go's globrunqget):
 * returns one G and moves up to max-1 more into p's local queue. */
static inline __attribute__((always_inline)) struct rt_g *globq_get(struct rt *rt, struct rt_p *p,
                                                                    size_t max)
{
    if (rt->globq_len == 0)
        return NULL;
    size_t n = rt->nprocs == 1 ? rt->globq_len : rt->globq_len / (size_t)rt->nprocs + 1;
    if (n > rt->globq_len)
        n = rt->globq_len;
    if (max > 0 && n > max)
        n = max;
    if (n > RT_RUNQ_CAP / 2)
        n = RT_RUNQ_CAP / 2;
    struct rt_g *g = globq_pop(rt);
    for (size_t i = 1; i < n; i++)
        runq_put(rt, p, globq_pop(rt), false);
    g->from_runnext = false;
    return g;
}

/* steal takes half of another P's local queue into p (Go's runqsteal),
 * or a victim's runnext when its queue is empty; returns one G or NULL. */
static __attribute__((noinline)) struct rt_g *steal(struct rt *rt, struct rt_p *p)
{
    int n = rt->nprocs;
    uint32_t start = rt_randn(rt, (uint32_t)n);
    for (int k = 0; k < n; k++) {
        struct rt_p *v = &rt->ps[(start + (uint32_t)k) % (uint32_t)n];
        if (v == p)
            continue;
        uint32_t len = runq_len(v);
        struct rt_g *g = NULL;
        uint32_t take = len - len / 2;
        if (take > 0) {
            for (uint32_t i = 0; i < take; i++) {
                struct rt_g *x = v->runq[v->head % RT_RUNQ_CAP];
                v->head++;
                if (i + 1 < take)
                    runq_put(rt, p, x, false);
                else
                    g = x;
            }
        } else if (v->runnext && v->curg) {
            g = v->runnext;
            v->runnext = NULL;
            take = 1;
        }
        if (g) {
            g->from_runnext = false;
            g->p = p->id;
            rt->counters.steals++;
            rt_ev_p(rt, RT_EV_STEAL, p->id, v->id, 0, NULL, take);
            return g;
        }
    }
    return NULL;
}

static bool steal_possible(const struct rt *rt, const struct rt_p *p)
{
    for (int i = 0; i < rt->nprocs; i++) {
        const struct rt_p *v = &rt->ps[i];
        if (v != p && (runq_len(v) > 0 || (v->runnext && v->curg)))
            return true;
    }
    return false;
}

/* find_runnable is Go's findRunnable for one P, without timers (the clock
 * only moves when nothing at all can run) and without spinning. */
static inline __attribute__((always_inline)) struct rt_g *find_runnable(struct rt *rt,
                                                                        struct rt_p *p)
{
    struct rt_g *g = NULL;
    if (p->schedtick % RT_GLOBAL_TICK == 0 && rt->globq_len > 0)
        g = globq_get(rt, p, 1);
    if (!g)
        g = runq_get(p);
    if (!g)
        g = globq_get(rt, p, 0);
    if (!g && rt->nprocs > 1)
        g = steal(rt, p);
    if (g) {
        if (!g->from_runnext)
            p->schedtick++;
        rt->counters.sched_ticks++;
        g->p = p->id;
    }
    return g;
}

/* ---- PCT (Burckhardt et al., ASPLOS 2010) ------------------------------------------ */

static int cmp_change(const void *a, const void *b)
{
    const struct rt_pct_change *x = a, *y = b;
    return x->step < y->step ? -1 : x->step > y->step;
}

/* pct_init draws the depth - 1 change points: the i-th (1-based) at a
 * preemption point uniform in [1, steps], distinct while steps allows,
 * giving priority i. */
static void pct_init(struct rt *rt)
{
    int d = rt->cfg.pct_depth > 0 ? rt->cfg.pct_depth : 3;
    uint64_t k = rt->cfg.pct_steps > 0 ? rt->cfg.pct_steps : 1000;
    rt->cfg.pct_depth = d;
    rt->cfg.pct_steps = k;
    rt->pct = true;
    rt->cfg.preempt = RT_PREEMPT_PCT; /* PCT decides at every preemption point */
    rt->pct_yield_prio = RT_PCT_CHANGE;
    rt->pct_nchange = (size_t)d - 1;
    rt->pct_change = rt_xcalloc(rt->pct_nchange, sizeof *rt->pct_change);
    for (size_t i = 0; i < rt->pct_nchange; i++) {
        uint64_t step;
        bool dup;
        do {
            step = 1 + rt_rand(rt) % k;
            dup = false;
            for (size_t j = 0; j < i; j++)
                dup = dup || rt->pct_change[j].step == step;
        } while (dup && i < k);
        rt->pct_change[i] = (struct rt_pct_change){step, RT_PCT_CHANGE + i + 1};
    }
    /* A stable order for equal steps (only when steps < depth - 1): the
     * later-drawn change point is applied last. */
    for (size_t i = 1; i < rt->pct_nchange; i++)
        for (size_t j = i; j > 0 && cmp_change(&rt->pct_change[j - 1], &rt->pct_change[j]) > 0;
             j--) {
            struct rt_pct_change t = rt->pct_change[j];
            rt->pct_change[j] = rt->pct_change[j - 1];
            rt->pct_change[j - 1] = t;
        }
}

/* pct_demote puts g below every other G that has not yielded since (a
 * yield). */
static void pct_demote(struct rt *rt, struct rt_g *g)
{
    if (g->pct_prio > rt->pct_yield_prio)
        g->pct_prio = rt->pct_yield_prio--;
}

/* pct_pick is pick under PCT: the highest-priority G among every P's current
 * G (suspended while the M serves another P) and, when some P is free, every
 * queued one (runnext, local queues, global queue), taken out of its queue
 * and given to its own P when free, else to the first free P. */
static __attribute__((noinline)) struct rt_g *pct_pick(struct rt *rt)
{
    /* The G switching away, still runnable, yielded (Gosched, or the
     * goyield of a Mutex hand-off) unless PCT itself preempted it. */
    struct rt_g *cur = rt->curg;
    if (cur && cur->state == RT_G_RUNNABLE && cur != rt->pct_preempted)
        pct_demote(rt, cur);
    rt->pct_preempted = NULL;
    struct rt_g *best = NULL;
    struct rt_p *bestp = NULL, *freep = NULL;
    int where = 0; /* 0 a P's current G, 1 runnext, 2 local queue, 3 global */
    uint32_t at = 0;
    struct rt_g *before = NULL; /* global queue: the G ahead of best */
    for (int i = 0; i < rt->nprocs; i++) {
        struct rt_p *p = &rt->ps[i];
        if (!p->curg) {
            if (!freep)
                freep = p;
        } else if (!best || p->curg->pct_prio > best->pct_prio) {
            best = p->curg, bestp = p;
        }
    }
    if (freep) {
        for (int i = 0; i < rt->nprocs; i++) {
            struct rt_p *p = &rt->ps[i];
            if (p->runnext && (!best || p->runnext->pct_prio > best->pct_prio))
                best = p->runnext, bestp = p, where = 1;
            for (uint32_t j = p->head; j != p->tail; j++) {
                struct rt_g *g = p->runq[j % RT_RUNQ_CAP];
                if (!best || g->pct_prio > best->pct_prio)
                    best = g, bestp = p, where = 2, at = j;
            }
        }
        for (struct rt_g *g = rt->globq_head, *prev = NULL; g; prev = g, g = g->schedlink)
            if (!best || g->pct_prio > best->pct_prio)
                best = g, bestp = NULL, where = 3, before = prev;
    }
    if (!best)
        return NULL;
    if (where != 0) {
        if (where == 1) {
            bestp->runnext = NULL;
        } else if (where == 2) {
            for (uint32_t j = at; j + 1 != bestp->tail; j++)
                bestp->runq[j % RT_RUNQ_CAP] = bestp->runq[(j + 1) % RT_RUNQ_CAP];
            bestp->tail--;
        } else {
            if (before)
                before->schedlink = best->schedlink;
            else
                rt->globq_head = best->schedlink;
            if (rt->globq_tail == best)
                rt->globq_tail = before;
            best->schedlink = NULL;
            rt->globq_len--;
        }
        if (!bestp || bestp->curg)
            bestp = freep;
        best->from_runnext = where == 1;
        if (!best->from_runnext)
            bestp->schedtick++;
        rt->counters.sched_ticks++;
        best->p = bestp->id;
        bestp->curg = best;
    }
    rt->curp = bestp->id;
    return best;
}

/* pct_others returns the highest priority among the Gs other than g that
 * pct_pick could choose once g yields (0 when there are none). */
static uint64_t pct_others(const struct rt *rt, const struct rt_g *g)
{
    uint64_t best = 0;
    for (int i = 0; i < rt->nprocs; i++) {
        const struct rt_p *p = &rt->ps[i];
        if (p->curg && p->curg != g && p->curg->pct_prio > best)
            best = p->curg->pct_prio;
        if (p->runnext && p->runnext->pct_prio > best)
            best = p->runnext->pct_prio;
        for (uint32_t j = p->head; j != p->tail; j++)
            if (p->runq[j % RT_RUNQ_CAP]->pct_prio > best)
                best = p->runq[j % RT_RUNQ_CAP]->pct_prio;
    }
    for (const struct rt_g *q = rt->globq_head; q; q = q->schedlink)
        if (q->pct_prio > best)
            best = q->pct_prio;
    return best;
}

/* pct_higher says whether another G pct_pick could choose has a higher
 * priority than g. The others' best is cached while no event happens:
 * every change to a run queue comes with one (create, unblock, syscall
 * exit, steal, resume...), and only the running G's priority changes. */
static bool pct_higher(struct rt *rt, const struct rt_g *g)
{
    if (rt->pct_cache_seq != rt->seq || rt->pct_cache_g != g->id) {
        rt->pct_cache_max = pct_others(rt, g);
        rt->pct_cache_seq = rt->seq;
        rt->pct_cache_g = g->id;
    }
    return rt->pct_cache_max > g->pct_prio;
}

/* pct_point is a preemption point under PCT: a change point lowers g's
 * priority, a long run without a switch makes g a yielder, and g switches
 * when another G has a higher priority. */
static bool pct_point(struct rt *rt, struct rt_g *g)
{
    rt->pct_step++;
    while (rt->pct_next < rt->pct_nchange && rt->pct_change[rt->pct_next].step == rt->pct_step)
        g->pct_prio = rt->pct_change[rt->pct_next++].prio;
    if (rt->pct_run_g != g->id) {
        rt->pct_run_g = g->id;
        rt->pct_run = 0;
    }
    if (++rt->pct_run >= RT_PCT_SLICE) {
        rt->pct_run = 0;
        pct_demote(rt, g);
    }
    return pct_higher(rt, g);
}

/* pick chooses the G the M runs next: the current G of the chosen P, or a
 * new one found for it. NULL when no P can run anything. */
static inline __attribute__((always_inline)) struct rt_g *pick(struct rt *rt)
{
    if (rt->p1go) {
        if (rt->nprocs != 1)
            __builtin_unreachable(); /* lets find_runnable fold nprocs == 1 */
        struct rt_p *p = &rt->ps[0];
        if (!p->curg)
            p->curg = find_runnable(rt, p);
        return p->curg;
    }
    if (rt->pct)
        return pct_pick(rt);
    int n = rt->nprocs;
    int start = rt->cfg.p_order == RT_P_RANDOM ? (int)rt_randn(rt, (uint32_t)n) : rt->curp + 1;
    for (int k = 0; k < n; k++) {
        int i = (start + k) % n;
        struct rt_p *p = &rt->ps[i];
        if (!p->curg) {
            if (!p->runnext && runq_len(p) == 0 && rt->globq_len == 0 && !steal_possible(rt, p))
                continue;
            p->curg = find_runnable(rt, p);
            if (!p->curg)
                continue;
        }
        rt->curp = i;
        return p->curg;
    }
    return NULL;
}

int rt_p_of_current(const struct rt *rt)
{
    return rt->curg ? rt->curg->p : -1;
}

/* ---- switching ------------------------------------------------------------------ */

static inline __attribute__((always_inline)) void after_switch(struct rt *rt)
{
    struct rt_g *z = rt->zombie;
    if (!z)
        return;
    rt->zombie = NULL;
    rt_segs_release(z);
    if (rt->gfree_len < RT_GFREE_MAX) {
        z->schedlink = rt->gfree;
        rt->gfree = z;
        rt->gfree_len++;
    } else {
        g_release(rt, z);
    }
}

/* stack_overflow abandons the current goroutine, whose stack is nearly (or
 * already) exhausted: the failure text is composed by rt_run on the host
 * stack, never here. */
static _Noreturn void stack_overflow(struct rt *rt)
{
    struct rt_g *g = rt->curg;
    rt->overflow = g;
    rt->curg = NULL;
    rt_ctx_switch(&g->ctx, &rt->g0, true);
    abort(); /* an abandoned goroutine is never resumed */
}

/* sp_overflowed: the stack pointer sp of g is below the stack g runs on.
 * Off its newest segment, the segments a longjmp left are popped first. */
static inline bool sp_overflowed(struct rt *rt, struct rt_g *g, char *sp)
{
    const struct rt_stack *st = rt_g_cur_stack(g);
    if (__builtin_expect(g->seg != NULL, 0) && (sp < st->lo || sp >= st->lo + st->size)) {
        rt_seg_sync(rt, g, sp);
        st = rt_g_cur_stack(g);
    }
    return sp < st->lo;
}

/* sched leaves the current G, which the caller has already parked, queued or
 * killed, and resumes the next one (or the host stack). Returns when the G is
 * resumed again (never when dying). */
static void sched(struct rt *rt, bool dying)
{
    struct rt_g *cur = rt->curg;
    assert(cur);
    if (!dying && sp_overflowed(rt, cur, __builtin_frame_address(0))) {
        cur->state = RT_G_RUNNING;
        stack_overflow(rt);
    }
    struct rt_g *next = NULL;
    if (rt->budget != 0 && !rt->ended)
        next = pick(rt);
    if (next) {
        if (rt->budget > 0)
            rt->budget--;
        rt->counters.events++;
        next->state = RT_G_RUNNING;
        rt->curg = next;
        if (next == cur) {
            rt_ev(rt, RT_EV_RESUME, 0, 0, NULL, 0);
            return;
        }
        rt->counters.switches++;
        rt_ev(rt, RT_EV_RESUME, 0, 0, NULL, 0);
        rt_ctx_switch(&cur->ctx, &next->ctx, dying);
    } else {
        rt->curg = NULL;
        rt_ctx_switch(&cur->ctx, &rt->g0, dying);
    }
    after_switch(rt);
}

static void g_start(void *arg)
{
    struct rt_g *g = arg;
    struct rt *rt = g->rt;
    rt_ctx_started(&g->ctx);
    after_switch(rt);
    g->entry(rt, g->arg);
    if (g->id == 1)
        rt_end(rt, RT_EXITED, NULL);
    rt_goexit(rt);
}

_Noreturn void rt_goexit(struct rt *rt)
{
    struct rt_g *g = rt_must_g(rt, "rt_goexit");
    if (g->id == 1)
        rt->main_goexit = true;
    rt_ev(rt, RT_EV_EXIT, 0, 0, NULL, 0);
    rt->counters.exited++;
    rt->glive--;
    if (rt_race_on(rt))
        rt_race_exit(rt, g);
    if (g->data && rt->cfg.hooks.g_free)
        rt->cfg.hooks.g_free(rt->cfg.hooks.ud, g, g->data);
    g->data = NULL;
    g->state = RT_G_DEAD;
    if (g->allprev)
        g->allprev->allnext = g->allnext;
    else
        rt->ghead = g->allnext;
    if (g->allnext)
        g->allnext->allprev = g->allprev;
    else
        rt->gtail = g->allprev;
    rt->ps[g->p].curg = NULL;
    /* Frames below here (or on segments) are abandoned: a sanitizer build
     * cleans the stack down to this point when it is reused. */
    g->stack.dirty_lo = g->seg ? g->stack.lo : (char *)__builtin_frame_address(0) - 1024;
    rt->zombie = g;
    sched(rt, true);
    abort(); /* a dead goroutine is never resumed */
}

/* ---- goroutines --------------------------------------------------------------------- */

struct rt_g *rt_go(struct rt *rt, rt_entry_fn *entry, void *arg)
{
    if ((int64_t)rt->glive >= rt->cfg.max_goroutines) {
        if (rt->curg)
            rt_fatal_code(rt, RT_ERR_TOO_MANY);
        return NULL;
    }
    struct rt_g *g = rt->gfree;
    struct rt_stack s;
    if (g) {
        rt->gfree = g->schedlink;
        rt->gfree_len--;
        s = g->stack;
        free(g->label);
        rt_stack_reuse(&s);
    } else if (!rt_stack_get(rt->stacks, &s)) {
        if (rt->curg)
            rt_fatal_code(rt, RT_ERR_TOO_MANY);
        return NULL;
    }
    g = g_record(&s);
    memset(g, 0, sizeof *g);
    g->stack = s;
    g->rt = rt;
    g->id = rt->next_goid;
    rt->next_goid = g->id == 1 ? RT_FIRST_USER_GOID : g->id + 1;
    g->entry = entry;
    g->arg = arg;
    g->state = RT_G_RUNNABLE;
    g->p = -1;
    g->wake_case = -1;
    g->creator = rt->curg ? rt->curg->id : 0;
    g->wait_since = rt->now;
    rt_ctx_make(&g->ctx, &g->stack, (char *)g, g_start, g);
    g->allprev = rt->gtail;
    if (rt->gtail)
        rt->gtail->allnext = g;
    else
        rt->ghead = g;
    rt->gtail = g;
    rt->glive++;
    rt->counters.created++;
    if (rt->pct)
        g->pct_prio = RT_PCT_INITIAL + (rt_rand(rt) >> 16);
    if (rt_race_on(rt))
        rt_race_go(rt, rt->curg, g);

    if (rt->curg) {
        runq_put(rt, &rt->ps[rt->curg->p], g, true);
    } else if (g->id == 1) {
        runq_put(rt, &rt->ps[0], g, true);
    } else {
        /* From a timer callback (AfterFunc's `go f()`) the new G goes to
         * runnext, as Go's newproc does; from the host before or between
         * runs, to the tail of the local queue. */
        runq_put(rt, &rt->ps[rt->curp], g, rt->in_timers);
    }
    rt_ev(rt, RT_EV_CREATE, g->id, 0, NULL, 0);
    return g;
}

struct rt_g *rt_current(const struct rt *rt)
{
    return rt->curg;
}

struct rt_g *rt_must_g(const struct rt *rt, const char *what)
{
    if (!rt->curg) {
        fprintf(stderr, "chanlab runtime: %s called outside a goroutine\n", what);
        abort();
    }
    return rt->curg;
}

int64_t rt_g_id(const struct rt_g *g)
{
    return g->id;
}

void rt_g_set_data(struct rt_g *g, void *data)
{
    g->data = data;
}

void *rt_g_data(const struct rt_g *g)
{
    return g->data;
}

void rt_g_set_label(struct rt_g *g, const char *label)
{
    free(g->label);
    g->label = label ? rt_xstrdup(label) : NULL;
}

const char *rt_g_label(const struct rt_g *g)
{
    return g->label ? g->label : "";
}

int64_t rt_g_creator(const struct rt_g *g)
{
    return g->creator;
}

void rt_g_set_created_by(struct rt_g *g, struct rt_frame frame)
{
    g->created_by = frame;
}

void rt_g_each(struct rt *rt, void (*fn)(void *ud, struct rt_g *g), void *ud)
{
    for (struct rt_g *g = rt->ghead; g; g = g->allnext)
        fn(ud, g);
}

/* ---- parking and waking ---------------------------------------------------------------- */

void rt_park(struct rt *rt, enum rt_wait_reason reason, const void *obj)
{
    struct rt_g *g = rt->curg;
    g->state = RT_G_WAITING;
    g->reason = (uint8_t)reason;
    g->wait_obj = obj;
    g->wait_since = rt->now;
    rt_ev(rt, RT_EV_BLOCK, 0, 0, obj, reason);
    rt->ps[g->p].curg = NULL;
    sched(rt, false);
    g->reason = RT_WAIT_NONE;
    g->wait_obj = NULL;
}

/* rt_ready makes a parked g runnable on the waker's P, in runnext (Go's
 * goready), so it runs as soon as the waker blocks or yields. */
void rt_ready(struct rt *rt, struct rt_g *g)
{
    assert(g->state == RT_G_WAITING || g->state == RT_G_SYSCALL);
    g->state = RT_G_RUNNABLE;
    rt_ev(rt, RT_EV_UNBLOCK, g->id, 0, g->wait_obj, 0);
    runq_put(rt, &rt->ps[rt->curg ? rt->curg->p : rt->curp], g, true);
}

void rt_ready_global(struct rt *rt, struct rt_g *g)
{
    g->state = RT_G_RUNNABLE;
    globq_put(rt, g);
}

void rt_gosched(struct rt *rt)
{
    struct rt_g *g = rt_must_g(rt, "rt_gosched");
    rt_ev(rt, RT_EV_GOSCHED, 0, 0, NULL, 0);
    g->state = RT_G_RUNNABLE;
    rt->ps[g->p].curg = NULL;
    globq_put(rt, g);
    sched(rt, false);
}

void rt_gosched_local(struct rt *rt)
{
    struct rt_g *g = rt->curg;
    g->state = RT_G_RUNNABLE;
    rt->ps[g->p].curg = NULL;
    runq_put(rt, &rt->ps[g->p], g, false);
    sched(rt, false);
}

/* preempt_fold adds the points the inline countdown let pass since the
 * last rearm to preempt_count. */
static void preempt_fold(struct rt *rt)
{
    rt->preempt_count += (uint32_t)(rt->preempt_reload - rt->fast.preempt_left);
    rt->preempt_reload = rt->fast.preempt_left;
}

/* preempt_rearm sets the countdown from the policy and the budget (see
 * struct rt_fast); call after preempt_fold. */
static void preempt_rearm(struct rt *rt)
{
    int64_t n = 1;
    if (rt->budget < 0) {
        switch ((int)rt->cfg.preempt) {
        case RT_PREEMPT_NEVER: n = INT64_MAX / 2; break;
        case RT_PREEMPT_EVERY:
            n = rt->preempt_count < rt->cfg.preempt_every
                    ? (int64_t)(rt->cfg.preempt_every - rt->preempt_count)
                    : 1;
            break;
        default: break;
        }
    }
    rt->fast.preempt_left = rt->preempt_reload = n;
}

void rt_preempt(struct rt *rt)
{
    rt_preempt_point(rt);
}

void rt_preempt_due(struct rt *rt)
{
    rt->fast.preempt_left++; /* this point is counted below */
    preempt_fold(rt);
    struct rt_g *g = rt->curg;
    if (!g) {
        preempt_rearm(rt);
        return;
    }
    bool sw = false;
    switch ((int)rt->cfg.preempt) { /* int: RT_PREEMPT_PCT is internal */
    case RT_PREEMPT_NEVER: break;
    case RT_PREEMPT_EVERY:
        if (++rt->preempt_count >= rt->cfg.preempt_every) {
            rt->preempt_count = 0;
            sw = true;
        }
        break;
    case RT_PREEMPT_RANDOM:
        sw = (double)(rt_rand(rt) >> 11) * 0x1.0p-53 < rt->cfg.preempt_prob;
        break;
    case RT_PREEMPT_CHOOSER:
        sw = rt->cfg.chooser && rt->cfg.chooser(rt->cfg.chooser_ud, rt, g);
        break;
    case RT_PREEMPT_PCT:
        sw = pct_point(rt, g);
        if (sw)
            rt->pct_preempted = g;
        break;
    }
    preempt_rearm(rt);
    if (!sw) {
        if (rt->budget == 0) {
            /* Stepping: give the host control; g stays its P's running G. */
            rt->curg = NULL;
            rt_ctx_switch(&g->ctx, &rt->g0, false);
            after_switch(rt);
        }
        return;
    }
    rt->counters.preemptions++;
    rt_ev(rt, RT_EV_PREEMPT, 0, 0, NULL, 0);
    if (rt->nprocs == 1 || rt->pct) {
        g->state = RT_G_RUNNABLE;
        rt->ps[g->p].curg = NULL;
        globq_put(rt, g);
    }
    sched(rt, false);
}

void rt_stack_check(struct rt *rt, size_t need)
{
    if (rt->curg && rt_stack_left(rt) < need)
        stack_overflow(rt);
}

/* ---- syscalls ---------------------------------------------------------------------------- */

static void syscall_done(struct rt *rt, struct rt_timer *t, void *arg)
{
    (void)t;
    struct rt_g *g = arg;
    rt->counters.syscalls++;
    g->state = RT_G_RUNNABLE;
    /* exitsyscall: an idle P if there is one, else the global queue. */
    for (int i = 0; i < rt->nprocs; i++) {
        struct rt_p *p = &rt->ps[i];
        if (!p->curg && !p->runnext && runq_len(p) == 0) {
            rt_ev(rt, RT_EV_SYSCALL_EXIT, g->id, 0, NULL, i);
            runq_put(rt, p, g, true);
            return;
        }
    }
    rt_ev(rt, RT_EV_SYSCALL_EXIT, g->id, 0, NULL, -1);
    globq_put(rt, g);
}

void rt_syscall(struct rt *rt, int64_t ns)
{
    struct rt_g *g = rt_must_g(rt, "rt_syscall");
    struct rt_timer t = {0};
    t.kind = RT_TK_FUNC;
    t.fn = syscall_done;
    t.arg = g;
    t.idx = -1;
    rt_ev(rt, RT_EV_SYSCALL_ENTER, 0, 0, NULL, ns);
    g->state = RT_G_SYSCALL;
    g->reason = RT_WAIT_SYSCALL;
    g->wait_since = rt->now;
    struct rt_p *p = &rt->ps[g->p];
    p->curg = NULL;
    if (p->runnext || runq_len(p) > 0 || rt->globq_len > 0) {
        rt->counters.handoffs++;
        rt_ev(rt, RT_EV_HANDOFF, 0, 0, NULL, p->id);
    }
    rt_timer_add(rt, &t, rt->now + (ns > 0 ? ns : 0));
    sched(rt, false);
    g->reason = RT_WAIT_NONE;
}

/* ---- ending the run ------------------------------------------------------------------------- */

_Noreturn void rt_end(struct rt *rt, enum rt_status st, char *failure)
{
    struct rt_g *g = rt_must_g(rt, "rt_end");
    rt->ended = true;
    rt->status = st;
    if (failure) {
        free(rt->failure);
        rt->failure = failure;
    }
    rt->curg = NULL;
    rt_ctx_switch(&g->ctx, &rt->g0, false);
    abort(); /* an ended run never resumes a goroutine */
}

_Noreturn void rt_exit(struct rt *rt, int code)
{
    rt->exit_code = code;
    rt_end(rt, RT_EXITED, NULL);
}

_Noreturn void rt_fatal(struct rt *rt, const char *text)
{
    rt_must_g(rt, "rt_fatal");
    size_t n = strlen(text) + 16;
    char *head = rt_xmalloc(n);
    snprintf(head, n, "fatal error: %s", text);
    char *failure = rt_failure_text(rt, head);
    free(head);
    rt_end(rt, RT_FATAL, failure);
}

_Noreturn void rt_fatal_code(struct rt *rt, enum rt_err code)
{
    rt_fatal(rt, rt_error_text(code));
}

int rt_exit_code(const struct rt *rt)
{
    return rt->exit_code;
}

enum rt_status rt_status(const struct rt *rt)
{
    return rt->status;
}

const char *rt_failure_peek(const struct rt *rt)
{
    return rt->failure;
}

/* ---- the loop ---------------------------------------------------------------------------- */

enum rt_status rt_run(struct rt *rt, int64_t budget)
{
    assert(!rt->curg);
    if (rt->ended)
        return rt->status;
    rt->budget = budget;
    preempt_fold(rt);
    preempt_rearm(rt);
    rt_segv_install(rt);
    while (!rt->ended) {
        if (rt->budget == 0) {
            rt->status = RT_RUNNING;
            break;
        }
        struct rt_g *g = pick(rt);
        if (g) {
            if (rt->budget > 0)
                rt->budget--;
            rt->counters.events++;
            rt->counters.switches++;
            g->state = RT_G_RUNNING;
            rt->curg = g;
            rt_ev(rt, RT_EV_RESUME, 0, 0, NULL, 0);
            rt_ctx_switch(&rt->g0, &g->ctx, false);
            after_switch(rt);
            if (rt->overflow) {
                /* A goroutine ran out of stack (rt_stack_check, the switch
                 * check, or the guard page's SIGSEGV handler) and was
                 * abandoned; report it as the running goroutine. */
                g = rt->overflow;
                rt->overflow = NULL;
                rt->curg = g;
                g->state = RT_G_RUNNING;
                char head[160];
                snprintf(head, sizeof head,
                         "runtime: goroutine stack exceeds %zu-byte limit\n"
                         "fatal error: stack overflow",
                         rt->cfg.stack_limit_shown);
                char *failure = rt_failure_text(rt, head);
                rt->curg = NULL;
                free(rt->failure);
                rt->failure = failure;
                rt->status = RT_FATAL;
                rt->ended = true;
            }
            continue;
        }
        if (rt->nheap > 0) {
            int64_t when = rt->heap[0]->when;
            if (when > rt->now) {
                rt->now = when;
                rt_ev(rt, RT_EV_CLOCK, 0, 0, NULL, when);
            }
            rt->in_timers = true;
            rt_timers_run(rt);
            rt->in_timers = false;
            if (rt->budget > 0)
                rt->budget--;
            rt->counters.events++;
            continue;
        }
        rt->ended = true;
        rt->status = RT_DEADLOCK;
        free(rt->failure);
        if (!rt->ghead && rt->main_goexit)
            rt->failure =
                rt_xstrdup("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        else
            rt->failure = rt_failure_text(rt, "fatal error: all goroutines are asleep - deadlock!");
    }
    rt_segv_remove(rt);
    return rt->status;
}
