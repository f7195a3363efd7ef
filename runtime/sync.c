/* sync.c: sync.Mutex, RWMutex, WaitGroup, Once, Cond and sync/atomic.
 *
 * The objects are plain structs in the host's memory. Goroutines waiting on
 * one are kept in a semaphore table keyed by the object's address (Go's
 * semtable): a chain of FIFO queues in RT_SEM_BUCKETS buckets, each queue
 * also counting releases nobody has consumed yet. The Mutex follows Go's
 * sync/mutex.go (normal mode with barging, starvation mode after a waiter
 * waited 1 ms, measured on the virtual clock so it is deterministic); a
 * woken goroutine goes to runnext, as Go's semrelease readies it. */
#include "rt_impl.h"

#include <stdlib.h>

/* ---- the semaphore table -------------------------------------------------- */

static struct rt_semq **sem_slot(struct rt *rt, const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    return &rt->sem[(a >> 3) % RT_SEM_BUCKETS];
}

static struct rt_semq *sem_find(struct rt *rt, const void *addr, bool create)
{
    struct rt_semq **pp = sem_slot(rt, addr);
    for (struct rt_semq *q = *pp; q; q = q->next)
        if (q->addr == addr)
            return q;
    if (!create)
        return NULL;
    struct rt_semq *q = rt_xcalloc(1, sizeof *q);
    q->addr = addr;
    q->next = *pp;
    *pp = q;
    return q;
}

static void sem_gc(struct rt *rt, struct rt_semq *q)
{
    if (q->head || q->count)
        return;
    struct rt_semq **pp = sem_slot(rt, q->addr);
    while (*pp != q)
        pp = &(*pp)->next;
    *pp = q->next;
    free(q);
}

/* sem_acquire parks the caller on addr unless a release is pending; lifo
 * queues it first (Go's semacquire with lifo, for a woken Mutex waiter). */
static void sem_acquire_lifo(struct rt *rt, const void *addr, enum rt_wait_reason reason, bool lifo)
{
    struct rt_g *g = rt->curg;
    struct rt_semq *q = sem_find(rt, addr, true);
    if (q->count > 0) {
        q->count--;
        sem_gc(rt, q);
        return;
    }
    g->schedlink = NULL;
    if (lifo && q->head) {
        g->schedlink = q->head;
        q->head = g;
    } else {
        if (q->tail)
            q->tail->schedlink = g;
        else
            q->head = g;
        q->tail = g;
    }
    rt_park(rt, reason, addr);
}

static void sem_acquire(struct rt *rt, const void *addr, enum rt_wait_reason reason)
{
    sem_acquire_lifo(rt, addr, reason, false);
}

static struct rt_g *sem_pop(struct rt *rt, struct rt_semq *q)
{
    struct rt_g *g = q->head;
    if (!g)
        return NULL;
    q->head = g->schedlink;
    if (!q->head)
        q->tail = NULL;
    g->schedlink = NULL;
    (void)rt;
    return g;
}

/* sem_release wakes the oldest waiter on addr, or records the release. */
static void sem_release(struct rt *rt, const void *addr)
{
    struct rt_semq *q = sem_find(rt, addr, true);
    struct rt_g *g = sem_pop(rt, q);
    if (g)
        rt_ready(rt, g);
    else
        q->count++;
    sem_gc(rt, q);
}

/* sem_wake_one wakes the oldest waiter without recording a release when
 * there is none; returns whether it woke one. */
static bool sem_wake_one(struct rt *rt, const void *addr)
{
    struct rt_semq *q = sem_find(rt, addr, false);
    if (!q)
        return false;
    struct rt_g *g = sem_pop(rt, q);
    if (g)
        rt_ready(rt, g);
    sem_gc(rt, q);
    return g != NULL;
}

/* ---- Mutex (sync/mutex.go) ------------------------------------------------------ */

#define MUTEX_LOCKED        1
#define MUTEX_WOKEN         2
#define MUTEX_STARVING      4
#define MUTEX_WAITER_SHIFT  3
#define MUTEX_STARVATION_NS 1000000

/* yield_local puts the caller at the tail of its P's local queue and runs
 * the next G (Go's goyield, after a starvation-mode hand-off). */
static void yield_local(struct rt *rt)
{
    rt_gosched_local(rt);
}

static void mutex_lock(struct rt *rt, struct rt_mutex *m, enum rt_wait_reason reason)
{
    if (m->state == 0) {
        m->state = MUTEX_LOCKED;
        return;
    }
    int64_t wait_start = 0;
    bool starving = false, awoke = false;
    int32_t old = m->state;
    for (;;) {
        int32_t nw = old;
        if (!(old & MUTEX_STARVING))
            nw |= MUTEX_LOCKED;
        if (old & (MUTEX_LOCKED | MUTEX_STARVING))
            nw += 1 << MUTEX_WAITER_SHIFT;
        if (starving && (old & MUTEX_LOCKED))
            nw |= MUTEX_STARVING;
        if (awoke)
            nw &= ~MUTEX_WOKEN;
        m->state = nw;
        if (!(old & (MUTEX_LOCKED | MUTEX_STARVING)))
            return; /* locked it */
        bool lifo = wait_start != 0;
        if (!wait_start)
            wait_start = rt->now;
        sem_acquire_lifo(rt, m, reason, lifo);
        starving = starving || rt->now - wait_start > MUTEX_STARVATION_NS;
        old = m->state;
        if (old & MUTEX_STARVING) {
            /* Handed over: we own it; the last waiter, or one that did not
             * starve, takes the Mutex back to normal mode. */
            int32_t delta = MUTEX_LOCKED - (1 << MUTEX_WAITER_SHIFT);
            if (!starving || (old >> MUTEX_WAITER_SHIFT) == 1)
                delta -= MUTEX_STARVING;
            m->state += delta;
            return;
        }
        awoke = true;
    }
}

/* mutex_unlock returns false when m was not locked. */
static bool mutex_unlock(struct rt *rt, struct rt_mutex *m)
{
    if (!(m->state & MUTEX_LOCKED))
        return false;
    int32_t nw = m->state - MUTEX_LOCKED;
    m->state = nw;
    if (nw == 0)
        return true;
    if (!(nw & MUTEX_STARVING)) {
        if ((nw >> MUTEX_WAITER_SHIFT) == 0 || (nw & (MUTEX_LOCKED | MUTEX_WOKEN | MUTEX_STARVING)))
            return true;
        m->state = (nw - (1 << MUTEX_WAITER_SHIFT)) | MUTEX_WOKEN;
        sem_release(rt, m);
        return true;
    }
    /* Starvation mode: hand the lock to the first waiter and let it run. */
    bool woke = sem_wake_one(rt, m);
    if (!woke)
        sem_release(rt, m); /* a copy's waiters stayed behind: keep the count */
    else if (rt->curg)
        yield_local(rt);
    return true;
}

void rt_mutex_lock(struct rt *rt, struct rt_mutex *m)
{
    rt_must_g(rt, "rt_mutex_lock");
    rt_site site = rt->lg ? rt_lockorder_wait(rt, m, false) : 0;
    mutex_lock(rt, m, RT_WAIT_MUTEX);
    if (rt_race_on(rt))
        rt_race_acquire(rt, m);
    if (rt->lg)
        rt_lockorder_acquired(rt, m, site, false);
    rt_ev(rt, RT_EV_LOCK, 0, 0, m, 0);
}

bool rt_mutex_trylock(struct rt *rt, struct rt_mutex *m)
{
    if (m->state & (MUTEX_LOCKED | MUTEX_STARVING))
        return false;
    m->state |= MUTEX_LOCKED;
    if (rt_race_on(rt))
        rt_race_acquire(rt, m);
    if (rt->lg)
        rt_lockorder_acquired(rt, m, rt_current_site(rt), false);
    rt_ev(rt, RT_EV_LOCK, 0, 0, m, 1);
    return true;
}

enum rt_err rt_mutex_unlock(struct rt *rt, struct rt_mutex *m)
{
    if (!(m->state & MUTEX_LOCKED))
        rt_fatal_code(rt, RT_ERR_UNLOCK_UNLOCKED);
    if (rt_race_on(rt))
        rt_race_release(rt, m);
    if (rt->lg)
        rt_lockorder_released(rt, m, false);
    rt_ev(rt, RT_EV_UNLOCK, 0, 0, m, 0);
    mutex_unlock(rt, m);
    return RT_OK;
}

/* ---- RWMutex (Go's algorithm: readers count goes negative while a writer
 * is pending, so new readers queue behind it) --------------------------------------- */

#define RW_MAX_READERS (1 << 30)

void rt_rw_rlock(struct rt *rt, struct rt_rwmutex *rw)
{
    rt_must_g(rt, "rt_rw_rlock");
    rt_site site = rt->lg ? rt_lockorder_wait(rt, rw, true) : 0;
    if (++rw->readers < 0)
        sem_acquire(rt, &rw->readers, RT_WAIT_RWMUTEX_R);
    if (rt_race_on(rt))
        rt_race_acquire(rt, &rw->readers); /* Go's readerSem */
    if (rt->lg)
        rt_lockorder_acquired(rt, rw, site, true);
    rt_ev(rt, RT_EV_RLOCK, 0, 0, rw, 0);
}

enum rt_err rt_rw_runlock(struct rt *rt, struct rt_rwmutex *rw)
{
    if (rt_race_on(rt) && rw->readers != 0 && rw->readers != -RW_MAX_READERS)
        rt_race_release(rt, &rw->reader_wait); /* Go's writerSem */
    int32_t r = --rw->readers;
    if (r < 0) {
        if (r + 1 == 0 || r + 1 == -RW_MAX_READERS) {
            rw->readers++;
            rt_fatal_code(rt, RT_ERR_RUNLOCK_UNLOCKED);
        }
        /* A writer is pending: the last departing reader wakes it. */
        if (--rw->reader_wait == 0)
            sem_release(rt, &rw->reader_wait);
    }
    if (rt->lg)
        rt_lockorder_released(rt, rw, true);
    rt_ev(rt, RT_EV_RUNLOCK, 0, 0, rw, 0);
    return RT_OK;
}

void rt_rw_lock(struct rt *rt, struct rt_rwmutex *rw)
{
    rt_must_g(rt, "rt_rw_lock");
    rt_site site = rt->lg ? rt_lockorder_wait(rt, rw, false) : 0;
    mutex_lock(rt, &rw->w, RT_WAIT_RWMUTEX_W);
    int32_t r = rw->readers;
    rw->readers -= RW_MAX_READERS;
    if (r != 0 && (rw->reader_wait += r) != 0)
        sem_acquire(rt, &rw->reader_wait, RT_WAIT_RWMUTEX_W);
    if (rt_race_on(rt)) {
        rt_race_acquire(rt, &rw->readers);
        rt_race_acquire(rt, &rw->reader_wait);
    }
    if (rt->lg)
        rt_lockorder_acquired(rt, rw, site, false);
    rt_ev(rt, RT_EV_LOCK, 0, 0, rw, 0);
}

enum rt_err rt_rw_unlock(struct rt *rt, struct rt_rwmutex *rw)
{
    if (rw->readers >= 0)
        rt_fatal_code(rt, RT_ERR_RWUNLOCK_UNLOCKED);
    if (rt_race_on(rt))
        rt_race_release(rt, &rw->readers);
    if (rt->lg)
        rt_lockorder_released(rt, rw, false);
    rt_ev(rt, RT_EV_UNLOCK, 0, 0, rw, 0);
    int32_t r = (rw->readers += RW_MAX_READERS);
    for (int32_t i = 0; i < r; i++)
        sem_release(rt, &rw->readers);
    mutex_unlock(rt, &rw->w);
    return RT_OK;
}

bool rt_rw_trylock(struct rt *rt, struct rt_rwmutex *rw)
{
    if (rw->w.state & (MUTEX_LOCKED | MUTEX_STARVING))
        return false;
    rw->w.state |= MUTEX_LOCKED;
    if (rw->readers != 0) {
        mutex_unlock(rt, &rw->w); /* as Go's w.Unlock: may wake a writer */
        return false;
    }
    rw->readers -= RW_MAX_READERS;
    if (rt_race_on(rt)) { /* as rt_rw_lock: after the last writer and readers */
        rt_race_acquire(rt, &rw->readers);
        rt_race_acquire(rt, &rw->reader_wait);
    }
    if (rt->lg)
        rt_lockorder_acquired(rt, rw, rt_current_site(rt), false);
    rt_ev(rt, RT_EV_LOCK, 0, 0, rw, 1);
    return true;
}

bool rt_rw_tryrlock(struct rt *rt, struct rt_rwmutex *rw)
{
    if (rw->readers < 0)
        return false;
    rw->readers++;
    if (rt_race_on(rt))
        rt_race_acquire(rt, &rw->readers); /* after the last writer, as rt_rw_rlock */
    if (rt->lg)
        rt_lockorder_acquired(rt, rw, rt_current_site(rt), true);
    rt_ev(rt, RT_EV_RLOCK, 0, 0, rw, 1);
    return true;
}

/* ---- WaitGroup ------------------------------------------------------------------------ */

enum rt_err rt_wg_add(struct rt *rt, struct rt_waitgroup *wg, int64_t delta)
{
    if (rt_race_on(rt) && delta < 0)
        rt_race_release(rt, wg); /* Done happens-before Wait returns */
    wg->counter += delta;
    rt_ev(rt, RT_EV_WG_ADD, 0, 0, wg, delta);
    if (wg->counter < 0)
        return RT_ERR_WG_NEGATIVE;
    if (wg->counter > 0 || wg->waiters == 0)
        return RT_OK;
    uint32_t n = wg->waiters;
    wg->waiters = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!sem_wake_one(rt, wg))
            break;
    return RT_OK;
}

enum rt_err rt_wg_wait(struct rt *rt, struct rt_waitgroup *wg)
{
    rt_must_g(rt, "rt_wg_wait");
    rt_ev(rt, RT_EV_WG_WAIT, 0, 0, wg, wg->counter);
    if (wg->counter == 0) {
        if (rt_race_on(rt))
            rt_race_acquire(rt, wg);
        return RT_OK;
    }
    wg->waiters++;
    sem_acquire(rt, wg, RT_WAIT_WAITGROUP);
    if (rt_race_on(rt))
        rt_race_acquire(rt, wg);
    /* Woken when the counter reached zero (and the waiters were reset); a
     * new Add or Wait since then is Go's reuse panic. */
    if (wg->counter != 0 || wg->waiters != 0)
        return RT_ERR_WG_REUSED;
    return RT_OK;
}

/* ---- Once ---------------------------------------------------------------------------------- */

bool rt_once_begin(struct rt *rt, struct rt_once *once)
{
    if (once->done) {
        if (rt_race_on(rt))
            rt_race_acquire(rt, once); /* f's return happens-before Do returns */
        return false;
    }
    rt_must_g(rt, "rt_once_begin");
    mutex_lock(rt, &once->m, RT_WAIT_MUTEX);
    if (once->done) {
        mutex_unlock(rt, &once->m);
        if (rt_race_on(rt))
            rt_race_acquire(rt, once);
        return false;
    }
    return true;
}

void rt_once_end(struct rt *rt, struct rt_once *once)
{
    if (rt_race_on(rt))
        rt_race_release(rt, once);
    once->done = 1;
    rt_ev(rt, RT_EV_ONCE, 0, 0, once, 0);
    mutex_unlock(rt, &once->m);
}

void rt_once_do(struct rt *rt, struct rt_once *once, rt_entry_fn *fn, void *arg)
{
    if (!rt_once_begin(rt, once))
        return;
    fn(rt, arg);
    rt_once_end(rt, once);
}

/* ---- Cond (Go's notifyList: tickets, woken in ticket order) ----------------------------- */

uint32_t rt_cond_ticket(struct rt *rt, struct rt_cond *c)
{
    (void)rt;
    return c->wait_ticket++;
}

void rt_cond_wait_ticket(struct rt *rt, struct rt_cond *c, uint32_t ticket)
{
    struct rt_g *g = rt_must_g(rt, "rt_cond_wait");
    rt_ev(rt, RT_EV_COND_WAIT, 0, 0, c, ticket);
    if ((int32_t)(ticket - c->notify_ticket) < 0) {
        if (rt_race_on(rt))
            rt_race_acquire(rt, c);
        return; /* already notified between the ticket and the wait */
    }
    g->ticket = ticket;
    struct rt_semq *q = sem_find(rt, c, true);
    g->schedlink = NULL;
    if (q->tail)
        q->tail->schedlink = g;
    else
        q->head = g;
    q->tail = g;
    rt_park(rt, RT_WAIT_COND, c);
    if (rt_race_on(rt))
        rt_race_acquire(rt, c); /* Signal / Broadcast happen-before Wait returns */
}

void rt_cond_wait(struct rt *rt, struct rt_cond *c, struct rt_mutex *m)
{
    uint32_t t = rt_cond_ticket(rt, c);
    rt_mutex_unlock(rt, m);
    rt_cond_wait_ticket(rt, c, t);
    rt_mutex_lock(rt, m);
}

void rt_cond_signal(struct rt *rt, struct rt_cond *c)
{
    rt_ev(rt, RT_EV_COND_SIGNAL, 0, 0, c, 0);
    if (c->wait_ticket == c->notify_ticket)
        return; /* nobody waits: no happens-before edge, as in Go */
    if (rt_race_on(rt))
        rt_race_release(rt, c);
    uint32_t t = c->notify_ticket++;
    struct rt_semq *q = sem_find(rt, c, false);
    if (!q)
        return;
    struct rt_g *prev = NULL;
    for (struct rt_g *g = q->head; g; prev = g, g = g->schedlink) {
        if (g->ticket != t)
            continue;
        if (prev)
            prev->schedlink = g->schedlink;
        else
            q->head = g->schedlink;
        if (q->tail == g)
            q->tail = prev;
        g->schedlink = NULL;
        rt_ready(rt, g);
        break;
    }
    sem_gc(rt, q);
}

void rt_cond_broadcast(struct rt *rt, struct rt_cond *c)
{
    rt_ev(rt, RT_EV_COND_BROADCAST, 0, 0, c, 0);
    if (c->wait_ticket == c->notify_ticket)
        return; /* nobody waits: no happens-before edge, as in Go */
    if (rt_race_on(rt))
        rt_race_release(rt, c);
    c->notify_ticket = c->wait_ticket;
    struct rt_semq *q = sem_find(rt, c, false);
    if (!q)
        return;
    struct rt_g *g;
    while ((g = sem_pop(rt, q)) != NULL)
        rt_ready(rt, g);
    sem_gc(rt, q);
}

/* ---- atomics: one OS thread makes every operation atomic; the events let
 * the race detector treat them as synchronizing ----------------------------------------- */

int32_t rt_atomic_load32(struct rt *rt, const int32_t *p)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, false);
    rt_ev(rt, RT_EV_ATOMIC_LOAD, 0, 0, p, *p);
    return *p;
}

int64_t rt_atomic_load64(struct rt *rt, const int64_t *p)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, false);
    rt_ev(rt, RT_EV_ATOMIC_LOAD, 0, 0, p, *p);
    return *p;
}

void rt_atomic_store32(struct rt *rt, int32_t *p, int32_t v)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    *p = v;
    rt_ev(rt, RT_EV_ATOMIC_STORE, 0, 0, p, v);
}

void rt_atomic_store64(struct rt *rt, int64_t *p, int64_t v)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    *p = v;
    rt_ev(rt, RT_EV_ATOMIC_STORE, 0, 0, p, v);
}

int32_t rt_atomic_add32(struct rt *rt, int32_t *p, int32_t delta)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    *p = (int32_t)((uint32_t)*p + (uint32_t)delta);
    rt_ev(rt, RT_EV_ATOMIC_RMW, 0, 0, p, *p);
    return *p;
}

int64_t rt_atomic_add64(struct rt *rt, int64_t *p, int64_t delta)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    *p = (int64_t)((uint64_t)*p + (uint64_t)delta);
    rt_ev(rt, RT_EV_ATOMIC_RMW, 0, 0, p, *p);
    return *p;
}

int32_t rt_atomic_swap32(struct rt *rt, int32_t *p, int32_t v)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    int32_t old = *p;
    *p = v;
    rt_ev(rt, RT_EV_ATOMIC_RMW, 0, 0, p, v);
    return old;
}

int64_t rt_atomic_swap64(struct rt *rt, int64_t *p, int64_t v)
{
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, true);
    int64_t old = *p;
    *p = v;
    rt_ev(rt, RT_EV_ATOMIC_RMW, 0, 0, p, v);
    return old;
}

bool rt_atomic_cas32(struct rt *rt, int32_t *p, int32_t old, int32_t v)
{
    bool ok = *p == old;
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, ok); /* a failed CAS only reads */
    if (ok)
        *p = v;
    rt_ev(rt, ok ? RT_EV_ATOMIC_RMW : RT_EV_ATOMIC_LOAD, 0, 0, p, *p);
    return ok;
}

bool rt_atomic_cas64(struct rt *rt, int64_t *p, int64_t old, int64_t v)
{
    bool ok = *p == old;
    if (rt_race_on(rt))
        rt_race_atomic(rt, p, ok); /* a failed CAS only reads */
    if (ok)
        *p = v;
    rt_ev(rt, ok ? RT_EV_ATOMIC_RMW : RT_EV_ATOMIC_LOAD, 0, 0, p, *p);
    return ok;
}
