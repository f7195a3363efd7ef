/* timer.c: virtual time. Timers live in a 4-ary min-heap ordered by when
 * (ties by the order they were set), as Go's per-P timer heaps are 4-ary.
 * rt_run jumps the clock to the earliest timer when nothing can run and
 * fires every due timer: a timer channel gets the time by a non-blocking
 * send (Go's sendTime), a function timer runs its callback in the
 * scheduler, a sleeping goroutine is made runnable. Timer channels follow Go
 * 1.23: Stop and Reset drop a value already sent, and len/cap read 0. */
#include "rt_impl.h"

#include <stdlib.h>

static bool before(const struct rt_timer *a, const struct rt_timer *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_set(struct rt *rt, size_t i, struct rt_timer *t)
{
    rt->heap[i] = t;
    t->idx = (int32_t)i;
}

static void sift_up(struct rt *rt, size_t i)
{
    struct rt_timer *t = rt->heap[i];
    while (i > 0) {
        size_t parent = (i - 1) / 4;
        if (!before(t, rt->heap[parent]))
            break;
        heap_set(rt, i, rt->heap[parent]);
        i = parent;
    }
    heap_set(rt, i, t);
}

static void sift_down(struct rt *rt, size_t i)
{
    struct rt_timer *t = rt->heap[i];
    size_t n = rt->nheap;
    for (;;) {
        size_t c = i * 4 + 1;
        if (c >= n)
            break;
        size_t best = c;
        for (size_t k = c + 1; k < c + 4 && k < n; k++)
            if (before(rt->heap[k], rt->heap[best]))
                best = k;
        if (!before(rt->heap[best], t))
            break;
        heap_set(rt, i, rt->heap[best]);
        i = best;
    }
    heap_set(rt, i, t);
}

/* rt_timer_add puts t in the heap to fire at when (t must not be in it). */
void rt_timer_add(struct rt *rt, struct rt_timer *t, int64_t when)
{
    assert(t->idx < 0);
    if (rt->nheap == rt->heap_cap) {
        rt->heap_cap = rt->heap_cap ? rt->heap_cap * 2 : 64;
        rt->heap = rt_xrealloc(rt->heap, rt->heap_cap * sizeof *rt->heap);
    }
    t->when = when;
    t->seq = ++rt->timer_seq;
    heap_set(rt, rt->nheap++, t);
    sift_up(rt, rt->nheap - 1);
}

/* rt_timer_del takes t out of the heap; returns whether it was there. */
bool rt_timer_del(struct rt *rt, struct rt_timer *t)
{
    if (t->idx < 0)
        return false;
    size_t i = (size_t)t->idx;
    t->idx = -1;
    rt->nheap--;
    if (i == rt->nheap)
        return true;
    struct rt_timer *last = rt->heap[rt->nheap];
    heap_set(rt, i, last);
    sift_down(rt, i);
    if (rt->heap[i] == last)
        sift_up(rt, i);
    return true;
}

size_t rt_timers_run(struct rt *rt)
{
    size_t fired = 0;
    while (rt->nheap > 0 && rt->heap[0]->when <= rt->now) {
        struct rt_timer *t = rt->heap[0];
        rt_timer_del(rt, t);
        fired++;
        rt->counters.timers_fired++;
        rt_ev(rt, RT_EV_TIMER_FIRE, t->g ? t->g->id : 0, t->c ? t->c->id : 0, t, t->when);
        if (rt_race_on(rt) && t->kind != RT_TK_WAKE)
            rt_race_timer_fire(rt, t);
        int64_t when = t->when;
        if (t->period > 0) {
            /* A ticker: next tick one period after the due time, skipping
             * ticks already missed (Go's when + period*(1 + delta/period)). */
            int64_t next = when + t->period * (1 + (rt->now - when) / t->period);
            rt_timer_add(rt, t, next);
        }
        switch ((enum rt_timer_kind)t->kind) {
        case RT_TK_CHAN: {
            bool done;
            rt_chan_trysend(rt, t->c, &rt->now, &done);
            break;
        }
        case RT_TK_FUNC: t->fn(rt, t, t->arg); break;
        case RT_TK_WAKE: rt_ready(rt, t->g); break;
        }
    }
    return fired;
}

void rt_timers_free_all(struct rt *rt)
{
    struct rt_timer *t = rt->timers_all;
    while (t) {
        struct rt_timer *next = t->alllink;
        if (t->c) {
            t->c->timer = false;
            rt_chan_release(rt, t->c);
        }
        free(t);
        t = next;
    }
    rt->timers_all = NULL;
    rt->nheap = 0;
}

/* ---- sleep ------------------------------------------------------------------------- */

void rt_sleep(struct rt *rt, int64_t ns)
{
    struct rt_g *g = rt_must_g(rt, "rt_sleep");
    if (ns <= 0)
        return;
    /* The timer lives on this goroutine's stack while it sleeps. */
    struct rt_timer t = {0};
    t.kind = RT_TK_WAKE;
    t.g = g;
    t.idx = -1;
    rt_timer_add(rt, &t, rt->now + ns);
    rt_ev(rt, RT_EV_TIMER_SET, 0, 0, &t, rt->now + ns);
    rt_park(rt, RT_WAIT_SLEEP, &t);
}

int64_t rt_now(const struct rt *rt)
{
    return rt->now;
}

/* ---- time.Timer, time.Ticker, time.AfterFunc ---------------------------------------- */

static struct rt_timer *timer_alloc(struct rt *rt, enum rt_timer_kind kind)
{
    struct rt_timer *t = rt_xcalloc(1, sizeof *t);
    t->kind = (uint8_t)kind;
    t->idx = -1;
    t->alllink = rt->timers_all;
    if (rt->timers_all)
        rt->timers_all->allprev = &t->alllink;
    t->allprev = &rt->timers_all;
    rt->timers_all = t;
    return t;
}

static struct rt_timer *chan_timer(struct rt *rt, int64_t d, int64_t period)
{
    struct rt_timer *t = timer_alloc(rt, RT_TK_CHAN);
    t->c = rt_chan_new(rt, sizeof(int64_t), 1, "time.Time");
    t->c->timer = true;
    t->period = period;
    rt_timer_add(rt, t, rt->now + (d > 0 ? d : 0));
    if (rt_race_on(rt))
        rt_race_release(rt, t); /* NewTimer happens-before the fire */
    rt_ev(rt, RT_EV_TIMER_SET, 0, t->c->id, t, t->when);
    return t;
}

struct rt_timer *rt_timer_new(struct rt *rt, int64_t d)
{
    return chan_timer(rt, d, 0);
}

struct rt_timer *rt_ticker_new(struct rt *rt, int64_t period)
{
    if (period <= 0)
        return NULL;
    return chan_timer(rt, period, period);
}

struct rt_timer *rt_after_func(struct rt *rt, int64_t d, rt_timer_fn *fn, void *arg)
{
    struct rt_timer *t = timer_alloc(rt, RT_TK_FUNC);
    t->fn = fn;
    t->arg = arg;
    rt_timer_add(rt, t, rt->now + (d > 0 ? d : 0));
    if (rt_race_on(rt))
        rt_race_release(rt, t); /* AfterFunc happens-before f runs */
    rt_ev(rt, RT_EV_TIMER_SET, 0, 0, t, t->when);
    return t;
}

struct rt_chan *rt_timer_chan(const struct rt_timer *t)
{
    return t ? t->c : NULL;
}

bool rt_timer_stop(struct rt *rt, struct rt_timer *t)
{
    bool pending = rt_timer_del(rt, t);
    if (t->c)
        rt_chan_drain(t->c);
    rt_ev(rt, RT_EV_TIMER_STOP, 0, t->c ? t->c->id : 0, t, pending);
    return pending;
}

bool rt_timer_reset(struct rt *rt, struct rt_timer *t, int64_t d)
{
    bool pending = rt_timer_del(rt, t);
    if (t->c)
        rt_chan_drain(t->c);
    if (t->period > 0 && d > 0)
        t->period = d;
    rt_timer_add(rt, t, rt->now + (d > 0 ? d : 0));
    if (rt_race_on(rt))
        rt_race_release(rt, t); /* Reset happens-before the fire */
    rt_ev(rt, RT_EV_TIMER_SET, 0, t->c ? t->c->id : 0, t, t->when);
    return pending;
}

void rt_timer_release(struct rt *rt, struct rt_timer *t)
{
    if (!t)
        return;
    rt_timer_del(rt, t);
    *t->allprev = t->alllink;
    if (t->alllink)
        t->alllink->allprev = t->allprev;
    if (t->c) {
        t->c->timer = false;
        rt_chan_release(rt, t->c);
    }
    if (rt_race_on(rt))
        rt_race_forget_obj(rt, t);
    free(t);
}
