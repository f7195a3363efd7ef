/* race.c: the data race detector (cfg.race), FastTrack (Flanagan and
 * Freund, PLDI 2009) on vector clocks.
 *
 * Clocks. Every goroutine owns a dense slot; its vector clock (vc) maps a
 * slot to the last clock value of that slot the goroutine knows of, and its
 * own entry is its current clock. A release (unlock, send, Done, ...) joins
 * the goroutine's vc into the synchronisation object's vc and then ticks the
 * goroutine's own clock; an acquire joins the object's vc into the
 * goroutine's. An epoch is one (slot, clock) pair, packed into 64 bits: clock
 * in the high half, slot in the low half with bit 31 marking an atomic
 * access. Epoch 0 (clock 0) means "none": clocks start at 1.
 *
 * Slots are reused: when a goroutine exits its slot goes to a free list, and
 * a new goroutine takes it only when its creator already knows (vc entry >=)
 * every clock value the dead one left in shadow memory, so everything the
 * dead goroutine did happens-before everything its successor does; the
 * successor's clock continues after the dead one's. So vc lengths stay near
 * the number of goroutines alive at once, not the number ever created. A
 * goroutine's own entry is kept apart from its vc, so a new goroutine costs
 * a copy of its creator's vc whatever its slot number. The cost that
 * remains is the vector clocks' own: n goroutines alive together that all
 * communicate (a pool of n workers on one channel) hold n clocks of up to n
 * entries, O(n^2) memory; fine for thousands, not for a million.
 *
 * Shadow memory. For every address the host passes, a cell in an open
 * addressing table (linear probing, keyed by the address): the epoch and
 * site of the last write, and either the epoch and site of the last read or,
 * when reads by several goroutines are concurrent, a read vector (a clock and
 * a site per slot). The common case, the same goroutine touching the same
 * address again in the same epoch, is one probe and one compare.
 *
 * Synchronisation objects. A second table maps an object's address to its
 * vc; a channel's entry also holds one vc per buffer slot (Go's chanbuf
 * acquire/release), which gives "the k-th receive happens-before the
 * (k+C)-th send completes". The edges follow Go's own race annotations
 * (chan.go racesync/racenotify, the sync package, atomics as acquire plus
 * release-merge on the address).
 *
 * Reports. A race is reported once per unordered pair of sites (Go's
 * suppress_equal_stacks), as an RT_FIND_RACE finding whose report is the Go
 * race detector's text without the "+0x.." PC offsets, and with a fake
 * address that depends only on the order addresses were first seen. As in
 * Go's race runtime (ThreadSanitizer v3), a race found on an address empties
 * its shadow cell and the racing access is not recorded: the next access
 * starts afresh, so one unsynchronised counter++ loop gives one report, not
 * one per iteration. */
#include "rt_impl.h"

#include <stdlib.h>
#include <string.h>

#define ATOMIC_BIT 0x80000000u
#define SLOT_MASK  0x7fffffffu
#define RSHARED    0xffffffffu /* r_epoch's low half: r is a read vector */
#define FAKE_BASE  0x00c000010000ull
#define REUSE_TRY  8 /* free slots looked at per go statement */

typedef uint64_t epoch_t;

static inline epoch_t mk_epoch(uint32_t slot, uint32_t clock)
{
    return ((uint64_t)clock << 32) | slot;
}
static inline uint32_t ep_clock(epoch_t e)
{
    return (uint32_t)(e >> 32);
}
static inline uint32_t ep_slot(epoch_t e)
{
    return (uint32_t)e & SLOT_MASK;
}
static inline bool ep_atomic(epoch_t e)
{
    return ((uint32_t)e & ATOMIC_BIT) != 0;
}

/* A vector clock: c[i] for slot i < n, 0 beyond. */
struct vc {
    uint32_t n, cap;
    uint32_t *c;
};

/* One goroutine (or the scheduler context, for timer callbacks and host
 * calls from outside goroutines). Records live until rt_race_fini: a report
 * may name a goroutine long finished. */
struct rt_race_g {
    int64_t id;
    uint32_t slot;
    uint32_t base;    /* first clock of this goroutine in its slot */
    epoch_t epoch;    /* (slot, own clock); the own clock is not in vc */
    uint32_t max_rec; /* highest own clock stored in shadow memory */
    bool finished;
    struct rt_g *g;       /* while alive */
    rt_site created_site; /* copied at exit */
    /* What the goroutine knows of the other slots. Its own entry lives in
     * epoch only (vc.c[slot] may hold a stale, smaller value), so a
     * goroutine with a high slot number does not need a long vc: a child
     * copies its creator's vc plus the creator's own entry. */
    struct vc vc;
};

/* A slot: who holds it now and who held it before (for reports). */
struct slot {
    struct rt_race_g **hist; /* holders, oldest first */
    uint32_t nhist, caphist;
    uint32_t next_clock; /* first clock of the next holder */
    uint32_t max_rec;    /* of the last dead holder */
};

struct rv_ent {
    uint32_t clock; /* 0: no read */
    rt_site site;
    bool atomic;
};

struct rvec {
    uint32_t n;
    struct rv_ent *e; /* by slot */
};

struct shadow {
    uintptr_t addr; /* 0: empty cell */
    epoch_t w, r;   /* r: RSHARED in the low half: read vector index in high */
    rt_site w_site, r_site;
    uint32_t fake; /* fake address index */
};

struct sync_obj {
    uintptr_t key; /* 0: empty */
    struct vc vc;
    struct vc *slots; /* a buffered channel's per-slot clocks */
    size_t nslots;
    /* dom: goroutines (NULL: none) known to dominate vc, that is, whose
     * knowledge (vc, own entry from the epoch) is >= vc in every slot. Set
     * by the last write of vc, which left vc <= the writer's clock; it stays
     * true while vc is not written again, because a live goroutine's
     * knowledge only grows (the scheduler context, whose vc timer_fire
     * empties, is never put here). rt_race_chan_sync then skips reading vc. */
    struct rt_race_g *dom[2];
};

struct rt_race {
    struct rt_race_g *sys; /* context outside goroutines */
    struct rt_race_g **gs; /* every record, for fini */
    size_t ngs, capgs;
    struct slot *slots;
    uint32_t nslots, capslots;
    uint32_t *free; /* dead slots, a stack */
    uint32_t nfree, capfree;
    /* shadow */
    struct shadow *sh;
    size_t shcap, shn; /* capacity a power of two; load <= 1/2 */
    unsigned shshift;
    uint32_t next_fake;
    struct rvec *rv;
    uint32_t nrv, caprv;
    uint32_t *rvfree;
    uint32_t nrvfree, caprvfree;
    /* sync objects */
    struct sync_obj *so;
    size_t socap, son;
    unsigned soshift;
    /* reported site pairs */
    uint64_t *pairs;
    size_t paircap, npairs;
};

/* ---- vector clocks -------------------------------------------------------- */

static void vc_grow(struct vc *v, uint32_t n)
{
    if (n <= v->n)
        return;
    if (n > v->cap) {
        uint32_t c = v->cap ? v->cap : 8;
        while (c < n)
            c *= 2;
        v->c = rt_xrealloc(v->c, c * sizeof *v->c);
        v->cap = c;
    }
    if (n > v->n)
        memset(v->c + v->n, 0, (n - v->n) * sizeof *v->c);
    v->n = n;
}

static inline uint32_t vc_get(const struct vc *v, uint32_t slot)
{
    return slot < v->n ? v->c[slot] : 0;
}

#if defined(__GNUC__)
/* Four clock entries at a time with the compiler's generic vectors (GCC's
 * -O2 does not vectorise the joins' loops itself). Clocks stay below 2^31,
 * so a signed compare is exact; SSE2 and NEON both have one. */
typedef int32_t v4 __attribute__((vector_size(16)));

static inline v4 v4_max(v4 a, v4 b)
{
    v4 m = a > b;
    return (a & m) | (b & ~m);
}
#endif

static void vc_join(struct vc *dst, const struct vc *src)
{
    vc_grow(dst, src->n);
    /* Branch-free, so the compiler vectorises it: a wide clock (a sieve's
     * thousands of stages) is joined on every channel operation. */
    uint32_t *d = dst->c, n = src->n, i = 0;
    const uint32_t *s = src->c;
#if defined(__GNUC__)
    for (; i + 4 <= n; i += 4) {
        v4 a, b;
        memcpy(&a, d + i, sizeof a);
        memcpy(&b, s + i, sizeof b);
        a = v4_max(a, b);
        memcpy(d + i, &a, sizeof a);
    }
#endif
    for (; i < n; i++)
        d[i] = d[i] > s[i] ? d[i] : s[i];
}

static void vc_copy(struct vc *dst, const struct vc *src)
{
    dst->n = 0;
    vc_grow(dst, src->n);
    if (src->n) /* a NULL c is never passed to memcpy (UBSan) */
        memcpy(dst->c, src->c, src->n * sizeof *dst->c);
}

static void vc_free(struct vc *v)
{
    free(v->c);
    *v = (struct vc){0};
}

/* ---- goroutine records ---------------------------------------------------- */

static inline struct rt_race_g *cur_rg(const struct rt *rt)
{
    return rt->curg ? rt->curg->race : rt->race->sys;
}

static void tick(struct rt_race_g *rg)
{
    rg->epoch = mk_epoch(rg->slot, ep_clock(rg->epoch) + 1);
}

/* g_knows is rg's clock entry for slot s. */
static inline uint32_t g_knows(const struct rt_race_g *rg, uint32_t s)
{
    return s == rg->slot ? ep_clock(rg->epoch) : vc_get(&rg->vc, s);
}

/* vc_put_own joins rg's own entry into v. */
static void vc_put_own(struct vc *v, const struct rt_race_g *rg)
{
    vc_grow(v, rg->slot + 1);
    if (v->c[rg->slot] < ep_clock(rg->epoch))
        v->c[rg->slot] = ep_clock(rg->epoch);
}

static void slot_push_hist(struct slot *s, struct rt_race_g *rg)
{
    if (s->nhist == s->caphist) {
        s->caphist = s->caphist ? 2 * s->caphist : 2;
        s->hist = rt_xrealloc(s->hist, s->caphist * sizeof *s->hist);
    }
    s->hist[s->nhist++] = rg;
}

/* take_slot finds a slot for a goroutine created by parent (NULL: none):
 * a dead slot all of whose recorded accesses the parent knows, else a new
 * one. */
static uint32_t take_slot(struct rt_race *R, const struct rt_race_g *parent)
{
    uint32_t tries = R->nfree < REUSE_TRY ? R->nfree : REUSE_TRY;
    for (uint32_t k = 0; k < tries && parent; k++) {
        uint32_t i = R->nfree - 1 - k;
        uint32_t s = R->free[i];
        if (R->slots[s].max_rec <= g_knows(parent, s)) {
            R->free[i] = R->free[--R->nfree];
            return s;
        }
    }
    if (R->nslots == R->capslots) {
        R->capslots = R->capslots ? 2 * R->capslots : 64;
        R->slots = rt_xrealloc(R->slots, R->capslots * sizeof *R->slots);
    }
    uint32_t s = R->nslots++;
    assert(s < SLOT_MASK);
    R->slots[s] = (struct slot){.next_clock = 1};
    return s;
}

static struct rt_race_g *rg_new(struct rt_race *R, const struct rt_race_g *parent, int64_t id)
{
    struct rt_race_g *rg = rt_xcalloc(1, sizeof *rg);
    if (R->ngs == R->capgs) {
        R->capgs = R->capgs ? 2 * R->capgs : 64;
        R->gs = rt_xrealloc(R->gs, R->capgs * sizeof *R->gs);
    }
    R->gs[R->ngs++] = rg;
    uint32_t s = take_slot(R, parent);
    struct slot *sl = &R->slots[s];
    slot_push_hist(sl, rg);
    rg->id = id;
    rg->slot = s;
    rg->base = sl->next_clock;
    if (parent) {
        vc_copy(&rg->vc, &parent->vc);
        vc_put_own(&rg->vc, parent);
    }
    rg->epoch = mk_epoch(s, rg->base);
    return rg;
}

/* rg_at returns the goroutine that held slot s at clock c. */
static struct rt_race_g *rg_at(const struct rt_race *R, uint32_t s, uint32_t c)
{
    const struct slot *sl = &R->slots[s];
    for (uint32_t i = sl->nhist; i-- > 0;)
        if (sl->hist[i]->base <= c)
            return sl->hist[i];
    return sl->nhist ? sl->hist[0] : NULL;
}

/* ---- lifetime ------------------------------------------------------------- */

void rt_race_init(struct rt *rt)
{
    struct rt_race *R = rt_xcalloc(1, sizeof *R);
    rt->race = R;
    R->sys = rg_new(R, NULL, 0);
    R->shcap = 1024;
    R->shshift = 64 - 10;
    R->sh = rt_xcalloc(R->shcap, sizeof *R->sh);
    R->socap = 64;
    R->soshift = 64 - 6;
    R->so = rt_xcalloc(R->socap, sizeof *R->so);
}

static void so_clear(struct sync_obj *o)
{
    vc_free(&o->vc);
    for (size_t i = 0; i < o->nslots; i++)
        vc_free(&o->slots[i]);
    free(o->slots);
}

void rt_race_fini(struct rt *rt)
{
    struct rt_race *R = rt->race;
    if (!R)
        return;
    for (size_t i = 0; i < R->ngs; i++) {
        vc_free(&R->gs[i]->vc);
        free(R->gs[i]);
    }
    free(R->gs);
    for (uint32_t i = 0; i < R->nslots; i++)
        free(R->slots[i].hist);
    free(R->slots);
    free(R->free);
    free(R->sh);
    for (uint32_t i = 0; i < R->nrv; i++)
        free(R->rv[i].e);
    free(R->rv);
    free(R->rvfree);
    for (size_t i = 0; i < R->socap; i++)
        if (R->so[i].key)
            so_clear(&R->so[i]);
    free(R->so);
    free(R->pairs);
    free(R);
    rt->race = NULL;
}

void rt_race_go(struct rt *rt, struct rt_g *parent, struct rt_g *child)
{
    struct rt_race *R = rt->race;
    struct rt_race_g *p = parent ? parent->race : R->sys;
    struct rt_race_g *c = rg_new(R, p, child->id);
    c->g = child;
    child->race = c;
    tick(p);
}

uint32_t rt_race_nslots(const struct rt *rt)
{
    return rt->race ? rt->race->nslots : 0;
}

void rt_race_exit(struct rt *rt, struct rt_g *g)
{
    struct rt_race *R = rt->race;
    struct rt_race_g *rg = g->race;
    if (!rg)
        return;
    rg->finished = true;
    rg->created_site = g->created_site;
    rg->g = NULL;
    g->race = NULL;
    struct slot *sl = &R->slots[rg->slot];
    sl->next_clock = ep_clock(rg->epoch) + 1;
    /* The next holder's creator must know every clock any holder left in
     * shadow memory; a holder that recorded nothing adds nothing. */
    if (rg->max_rec > sl->max_rec)
        sl->max_rec = rg->max_rec;
    vc_free(&rg->vc);
    if (R->nfree == R->capfree) {
        R->capfree = R->capfree ? 2 * R->capfree : 64;
        R->free = rt_xrealloc(R->free, R->capfree * sizeof *R->free);
    }
    R->free[R->nfree++] = rg->slot;
}

/* ---- synchronisation objects ---------------------------------------------- */

static inline size_t hash_addr(uintptr_t a, unsigned shift)
{
    return (size_t)(((uint64_t)a * 0x9E3779B97F4A7C15ull) >> shift);
}

static void so_rehash(struct rt_race *R)
{
    struct sync_obj *old = R->so;
    size_t oldcap = R->socap;
    R->socap *= 2;
    R->soshift--;
    R->so = rt_xcalloc(R->socap, sizeof *R->so);
    size_t mask = R->socap - 1;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].key)
            continue;
        size_t j = hash_addr(old[i].key, R->soshift);
        while (R->so[j].key)
            j = (j + 1) & mask;
        R->so[j] = old[i];
    }
    free(old);
}

static struct sync_obj *so_get(struct rt_race *R, const void *obj)
{
    uintptr_t key = (uintptr_t)obj;
    size_t mask = R->socap - 1;
    size_t i = hash_addr(key, R->soshift);
    for (; R->so[i].key; i = (i + 1) & mask)
        if (R->so[i].key == key)
            return &R->so[i];
    if (2 * (R->son + 1) > R->socap) {
        so_rehash(R);
        return so_get(R, obj);
    }
    R->son++;
    R->so[i] = (struct sync_obj){.key = key};
    return &R->so[i];
}

/* dom_set records a and b (NULL: none) as the goroutines dominating o's vc
 * after a write of it that left it <= both (see struct sync_obj). */
static void dom_set(const struct rt_race *R, struct sync_obj *o, struct rt_race_g *a,
                    struct rt_race_g *b)
{
    o->dom[0] = a == R->sys ? NULL : a;
    o->dom[1] = b == R->sys ? NULL : b;
}

/* release_to joins rg's clock into o's and ticks rg. When rg has just
 * acquired o's clock (acquired true), o's clock is then <= rg's (rg's own
 * entry is now past what o holds) and rg dominates it; otherwise o may hold
 * what rg does not know, and o has no known dominator. */
static void release_to(const struct rt_race *R, struct rt_race_g *rg, struct sync_obj *o,
                       bool acquired)
{
    vc_join(&o->vc, &rg->vc);
    vc_put_own(&o->vc, rg);
    tick(rg);
    dom_set(R, o, acquired ? rg : NULL, NULL);
}

static void acquire_from(struct rt_race_g *rg, const struct vc *v)
{
    vc_join(&rg->vc, v);
}

/* release_store_acquire is tsan's ReleaseStoreAcquire: the object gets the
 * goroutine's clock as it was, the goroutine gets the object's old one. */
static void release_store_acquire(struct rt_race_g *rg, struct vc *v)
{
    vc_grow(v, rg->vc.n);
    vc_grow(&rg->vc, v->n);
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t t = rg->vc.c[i];
        if (v->c[i] > t)
            rg->vc.c[i] = v->c[i];
        v->c[i] = t;
    }
    vc_put_own(v, rg);
    tick(rg);
}

void rt_race_release(struct rt *rt, const void *obj)
{
    if (!rt->race)
        return;
    release_to(rt->race, cur_rg(rt), so_get(rt->race, obj), false);
}

void rt_race_acquire(struct rt *rt, const void *obj)
{
    if (!rt->race)
        return;
    acquire_from(cur_rg(rt), &so_get(rt->race, obj)->vc);
}

void rt_race_release_g(struct rt *rt, struct rt_g *g, const void *obj)
{
    release_to(rt->race, g->race, so_get(rt->race, obj), false);
}

void rt_race_acquire_g(struct rt *rt, struct rt_g *g, const void *obj)
{
    acquire_from(g->race, &so_get(rt->race, obj)->vc);
}

/* ---- channels (Go's chan.go race annotations) -------------------------------- */

/* vc_sync3 sets a, b and v all to max(a, b, v), elementwise, in one pass
 * (racesync's four passes fused: each clock is read once and written once). */
static void vc_sync3(struct vc *a, struct vc *b, struct vc *v)
{
    uint32_t n = a->n > b->n ? a->n : b->n;
    if (v->n > n)
        n = v->n;
    vc_grow(a, n);
    vc_grow(b, n);
    vc_grow(v, n);
    uint32_t *pa = a->c, *pb = b->c, *pv = v->c, i = 0;
#if defined(__GNUC__)
    for (; i + 4 <= n; i += 4) {
        v4 x, y, z;
        memcpy(&x, pa + i, sizeof x);
        memcpy(&y, pb + i, sizeof y);
        memcpy(&z, pv + i, sizeof z);
        x = v4_max(v4_max(x, y), z);
        memcpy(pa + i, &x, sizeof x);
        memcpy(pb + i, &x, sizeof x);
        memcpy(pv + i, &x, sizeof x);
    }
#endif
    for (; i < n; i++) {
        uint32_t m = pa[i] > pb[i] ? pa[i] : pb[i];
        m = m > pv[i] ? m : pv[i];
        pa[i] = pb[i] = pv[i] = m;
    }
}

/* vc_sync2 is vc_sync3 when v <= a or v <= b is known (except in the two
 * goroutines' own slots, which the caller puts in): a and b get max(a, b),
 * and v gets it too over their width (beyond it, v keeps its entries, which
 * max(a, b, v) would keep). */
static void vc_sync2(struct vc *a, struct vc *b, struct vc *v)
{
    uint32_t n = a->n > b->n ? a->n : b->n;
    vc_grow(a, n);
    vc_grow(b, n);
    vc_grow(v, n);
    uint32_t *pa = a->c, *pb = b->c, *pv = v->c, i = 0;
#if defined(__GNUC__)
    for (; i + 4 <= n; i += 4) {
        v4 x, y;
        memcpy(&x, pa + i, sizeof x);
        memcpy(&y, pb + i, sizeof y);
        x = v4_max(x, y);
        memcpy(pa + i, &x, sizeof x);
        memcpy(pb + i, &x, sizeof x);
        memcpy(pv + i, &x, sizeof x);
    }
#endif
    for (; i < n; i++) {
        uint32_t m = pa[i] > pb[i] ? pa[i] : pb[i];
        pa[i] = pb[i] = pv[i] = m;
    }
}

/* rt_race_chan_sync is Go's racesync: release(me), acquire(other),
 * release(other), acquire(me) on the channel's clock. The four joins leave
 * the channel, me and other all holding M = max(chan, me, other) plus both
 * own entries (each as it was before its tick); then both tick. vc_sync3
 * computes M once. (Each goroutine's own vc entry is never read: g_knows
 * takes the own entry from the epoch.) */
void rt_race_chan_sync(struct rt *rt, struct rt_chan *c, struct rt_g *other)
{
    struct rt_race_g *me = cur_rg(rt), *o = other->race;
    struct sync_obj *so = so_get(rt->race, c);
    struct vc *v = &so->vc;
    if (so->dom[0] == me || so->dom[0] == o || so->dom[1] == me || so->dom[1] == o)
        vc_sync2(&me->vc, &o->vc, v);
    else
        vc_sync3(&me->vc, &o->vc, v);
    dom_set(rt->race, so, me, o);
    vc_put_own(v, me);
    vc_put_own(v, o);
    vc_put_own(&me->vc, o);
    vc_put_own(&o->vc, me);
    tick(me);
    tick(o);
}

void rt_race_chan_slot(struct rt *rt, struct rt_chan *c, size_t idx, struct rt_g *g)
{
    struct rt_race_g *rg = g ? g->race : cur_rg(rt);
    struct sync_obj *o = so_get(rt->race, c);
    if (c->elem_size == 0 || c->cap == 0) {
        /* Go has no per-slot buffer for zero-size elements: one clock for
         * the channel, accumulating. */
        acquire_from(rg, &o->vc);
        release_to(rt->race, rg, o, true);
        return;
    }
    if (o->nslots < c->cap) {
        o->slots = rt_xrealloc(o->slots, c->cap * sizeof *o->slots);
        memset(o->slots + o->nslots, 0, (c->cap - o->nslots) * sizeof *o->slots);
        o->nslots = c->cap;
    }
    release_store_acquire(rg, &o->slots[idx]);
}

/* ---- timers ----------------------------------------------------------------- */

void rt_race_timer_fire(struct rt *rt, const void *timer)
{
    struct rt_race_g *s = rt->race->sys;
    if (s->vc.n)
        memset(s->vc.c, 0, s->vc.n * sizeof *s->vc.c);
    acquire_from(s, &so_get(rt->race, timer)->vc);
    tick(s);
}

/* ---- shadow memory ---------------------------------------------------------- */

static void sh_rehash(struct rt_race *R)
{
    struct shadow *old = R->sh;
    size_t oldcap = R->shcap;
    R->shcap *= 2;
    R->shshift--;
    R->sh = rt_xcalloc(R->shcap, sizeof *R->sh);
    size_t mask = R->shcap - 1;
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].addr)
            continue;
        size_t j = hash_addr(old[i].addr, R->shshift);
        while (R->sh[j].addr)
            j = (j + 1) & mask;
        R->sh[j] = old[i];
    }
    free(old);
}

static struct shadow *sh_insert(struct rt_race *R, uintptr_t a)
{
    if (2 * (R->shn + 1) > R->shcap)
        sh_rehash(R);
    size_t mask = R->shcap - 1;
    size_t i = hash_addr(a, R->shshift);
    while (R->sh[i].addr)
        i = (i + 1) & mask;
    R->shn++;
    R->sh[i] = (struct shadow){.addr = a, .fake = R->next_fake++};
    return &R->sh[i];
}

static uint32_t rv_new(struct rt_race *R)
{
    if (R->nrvfree)
        return R->rvfree[--R->nrvfree];
    if (R->nrv == R->caprv) {
        R->caprv = R->caprv ? 2 * R->caprv : 16;
        R->rv = rt_xrealloc(R->rv, R->caprv * sizeof *R->rv);
    }
    R->rv[R->nrv] = (struct rvec){0};
    return R->nrv++;
}

static void rv_set(struct rvec *v, uint32_t slot, uint32_t clock, rt_site site, bool atomic)
{
    if (slot >= v->n) {
        uint32_t n = v->n ? v->n : 4;
        while (n <= slot)
            n *= 2;
        v->e = rt_xrealloc(v->e, n * sizeof *v->e);
        memset(v->e + v->n, 0, (n - v->n) * sizeof *v->e);
        v->n = n;
    }
    v->e[slot] = (struct rv_ent){clock, site, atomic};
}

static void rv_drop(struct rt_race *R, uint32_t idx)
{
    struct rvec *v = &R->rv[idx];
    if (v->n)
        memset(v->e, 0, v->n * sizeof *v->e);
    if (R->nrvfree == R->caprvfree) {
        R->caprvfree = R->caprvfree ? 2 * R->caprvfree : 16;
        R->rvfree = rt_xrealloc(R->rvfree, R->caprvfree * sizeof *R->rvfree);
    }
    R->rvfree[R->nrvfree++] = idx;
}

static inline bool r_shared(epoch_t r)
{
    return (uint32_t)r == RSHARED;
}

/* ---- reports ------------------------------------------------------------------ */

static bool pair_seen(struct rt_race *R, rt_site a, rt_site b)
{
    if (a > b) {
        rt_site t = a;
        a = b;
        b = t;
    }
    uint64_t key = ((uint64_t)a << 32 | b) + 1; /* 0 marks empty */
    if (2 * (R->npairs + 1) > R->paircap) {
        uint64_t *old = R->pairs;
        size_t oldcap = R->paircap;
        R->paircap = oldcap ? 2 * oldcap : 64;
        R->pairs = rt_xcalloc(R->paircap, sizeof *R->pairs);
        for (size_t i = 0; i < oldcap; i++) {
            if (!old[i])
                continue;
            size_t j = hash_addr((uintptr_t)old[i], 0) & (R->paircap - 1);
            while (R->pairs[j])
                j = (j + 1) & (R->paircap - 1);
            R->pairs[j] = old[i];
        }
        free(old);
    }
    size_t mask = R->paircap - 1;
    size_t i = hash_addr((uintptr_t)key, 0) & mask;
    for (; R->pairs[i]; i = (i + 1) & mask)
        if (R->pairs[i] == key)
            return true;
    R->pairs[i] = key;
    R->npairs++;
    return false;
}

static const char *base_name(const char *path)
{
    if (!path)
        return "?";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* site_pos writes "file.go:line" of the innermost frame of s that is the
 * program's own (not runtime.*, not sync/atomic.*), for the summary. */
static void site_pos(const struct rt *rt, rt_site s, char *buf, size_t size)
{
    struct rt_frame fr[64];
    size_t n = rt_site_frames(rt, s, fr, 64), k = 0;
    while (k + 1 < n &&
           (starts_with(fr[k].func, "runtime.") || starts_with(fr[k].func, "sync/atomic.")))
        k++;
    if (n > 0)
        snprintf(buf, size, "%s:%d", base_name(fr[k].file), fr[k].line);
    else
        snprintf(buf, size, "unknown position");
}

static void who(char **buf, size_t *len, size_t *cap, int64_t id)
{
    if (id == 1)
        rt_buf_printf(buf, len, cap, "main goroutine:\n");
    else
        rt_buf_printf(buf, len, cap, "goroutine %lld:\n", (long long)id);
}

static void created_at(const struct rt *rt, char **buf, size_t *len, size_t *cap,
                       const struct rt_race_g *rg)
{
    if (rg->id == 1 || rg->id == 0)
        return; /* Go prints no creation stack for main */
    rt_site cs = rg->g ? rg->g->created_site : rg->created_site;
    rt_buf_printf(buf, len, cap, "\nGoroutine %lld (%s) created at:\n", (long long)rg->id,
                  rg->finished ? "finished" : "running");
    rt_site_format(rt, cs, buf, len, cap);
}

/* report makes the finding for the current access (write or read, at site)
 * racing with the earlier access prev (write or read, at psite). */
static void report(struct rt *rt, struct shadow *sh, bool write, rt_site site, epoch_t prev,
                   bool pwrite, rt_site psite)
{
    struct rt_race *R = rt->race;
    if (pair_seen(R, site, psite))
        return;
    struct rt_race_g *me = cur_rg(rt);
    struct rt_race_g *other = rg_at(R, ep_slot(prev), ep_clock(prev));
    unsigned long long fake = FAKE_BASE + 8ull * sh->fake;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    rt_buf_printf(&buf, &len, &cap, "==================\nWARNING: DATA RACE\n");
    /* Go words atomic accesses as plain ones (its frames show the atomic
     * call). */
    rt_buf_printf(&buf, &len, &cap, "%s at 0x%012llx by ", write ? "Write" : "Read", fake);
    who(&buf, &len, &cap, me->id);
    rt_site_format(rt, site, &buf, &len, &cap);
    rt_buf_printf(&buf, &len, &cap, "\nPrevious %s at 0x%012llx by ", pwrite ? "write" : "read",
                  fake);
    who(&buf, &len, &cap, other ? other->id : 0);
    rt_site_format(rt, psite, &buf, &len, &cap);
    created_at(rt, &buf, &len, &cap, me);
    if (other)
        created_at(rt, &buf, &len, &cap, other);
    rt_buf_printf(&buf, &len, &cap, "==================\n");

    char here[256], there[256], summary[640];
    site_pos(rt, site, here, sizeof here);
    site_pos(rt, psite, there, sizeof there);
    snprintf(summary, sizeof summary,
             "data race: %s at %s by goroutine %lld, previous %s at %s by goroutine %lld",
             write ? "write" : "read", here, (long long)me->id, pwrite ? "write" : "read", there,
             (long long)(other ? other->id : 0));
    struct rt_finding f = {.kind = RT_FIND_RACE, .summary = summary, .report = buf, .ng = 2};
    f.g[0] = me->id;
    f.g[1] = other ? other->id : 0;
    f.site[0] = site;
    f.site[1] = psite;
    f.time = rt->now;
    rt_finding_add(rt, &f);
    free(buf);
}

/* ---- accesses ------------------------------------------------------------------- */

static inline bool concurrent(const struct rt_race_g *me, epoch_t prev, bool atomic)
{
    if (atomic && ep_atomic(prev))
        return false;
    return ep_clock(prev) > g_knows(me, ep_slot(prev));
}

static __attribute__((noinline)) void access_slow(struct rt *rt, struct shadow *sh, uintptr_t a,
                                                  bool write, bool atomic, rt_site site)
{
    struct rt_race *R = rt->race;
    if (!sh)
        sh = sh_insert(R, a);
    struct rt_race_g *me = cur_rg(rt);
    epoch_t e = me->epoch | (atomic ? ATOMIC_BIT : 0);
    uint32_t myclock = ep_clock(me->epoch);
    me->max_rec = myclock;
    if (write) {
        if (sh->w && sh->w != e && concurrent(me, sh->w, atomic)) {
            report(rt, sh, true, site, sh->w, true, sh->w_site);
            goto raced;
        } else if (r_shared(sh->r)) {
            struct rvec *v = &R->rv[ep_clock(sh->r)];
            for (uint32_t i = 0; i < v->n; i++) {
                const struct rv_ent *re = &v->e[i];
                if (!re->clock)
                    continue;
                epoch_t pe = mk_epoch(i, re->clock) | (re->atomic ? ATOMIC_BIT : 0);
                if (concurrent(me, pe, atomic)) {
                    report(rt, sh, true, site, pe, false, re->site);
                    goto raced;
                }
            }
        } else if (sh->r && concurrent(me, sh->r, atomic)) {
            report(rt, sh, true, site, sh->r, false, sh->r_site);
            goto raced;
        }
        if (r_shared(sh->r))
            rv_drop(R, ep_clock(sh->r));
        sh->r = 0;
        sh->w = e;
        sh->w_site = site;
        return;
    }
    if (sh->w && concurrent(me, sh->w, atomic)) {
        report(rt, sh, false, site, sh->w, true, sh->w_site);
        goto raced;
    }
    if (r_shared(sh->r)) {
        rv_set(&R->rv[ep_clock(sh->r)], me->slot, myclock, site, atomic);
    } else if (!sh->r || ep_slot(sh->r) == me->slot ||
               ep_clock(sh->r) <= g_knows(me, ep_slot(sh->r))) {
        sh->r = e;
        sh->r_site = site;
    } else {
        /* Two concurrent readers: switch to a read vector. */
        uint32_t idx = rv_new(R);
        struct rvec *v = &R->rv[idx];
        rv_set(v, ep_slot(sh->r), ep_clock(sh->r), sh->r_site, ep_atomic(sh->r));
        rv_set(v, me->slot, myclock, site, atomic);
        sh->r = mk_epoch(RSHARED, idx);
    }
    return;
raced:
    /* Go's race runtime empties the cell and drops the racing access. */
    if (r_shared(sh->r))
        rv_drop(R, ep_clock(sh->r));
    sh->r = 0;
    sh->w = 0;
}

static inline struct shadow *sh_find(const struct rt_race *R, uintptr_t a)
{
    size_t mask = R->shcap - 1;
    for (size_t i = hash_addr(a, R->shshift);; i = (i + 1) & mask) {
        struct shadow *sh = &R->sh[i];
        if (sh->addr == a)
            return sh;
        if (!sh->addr)
            return NULL;
    }
}

void rt_race_read(struct rt *rt, const void *addr, rt_site site)
{
    struct rt_race *R = rt->race;
    if (!R)
        return;
    uintptr_t a = (uintptr_t)addr;
    struct shadow *sh = sh_find(R, a);
    if (sh) {
        const struct rt_race_g *me = cur_rg(rt);
        if (sh->r == me->epoch)
            return;
        if (r_shared(sh->r)) {
            const struct rvec *v = &R->rv[ep_clock(sh->r)];
            if (me->slot < v->n && v->e[me->slot].clock == ep_clock(me->epoch) &&
                !v->e[me->slot].atomic)
                return;
        }
    }
    access_slow(rt, sh, a, false, false, site);
}

void rt_race_write(struct rt *rt, const void *addr, rt_site site)
{
    struct rt_race *R = rt->race;
    if (!R)
        return;
    uintptr_t a = (uintptr_t)addr;
    struct shadow *sh = sh_find(R, a);
    if (sh && sh->w == cur_rg(rt)->epoch)
        return;
    access_slow(rt, sh, a, true, false, site);
}

void rt_race_atomic(struct rt *rt, const void *addr, bool write)
{
    struct rt_race *R = rt->race;
    struct rt_race_g *me = cur_rg(rt);
    struct sync_obj *o = so_get(R, addr);
    acquire_from(me, &o->vc);
    uintptr_t a = (uintptr_t)addr;
    access_slow(rt, sh_find(R, a), a, write, true, rt_current_site(rt));
    /* so_get again: access_slow does not touch the sync table, but keep the
     * pointer use obviously valid. */
    release_to(R, me, so_get(R, addr), true);
}

/* ---- channel send and close as accesses ------------------------------------------ */

/* Go's chansend reads the channel (racereadpc on c.raceaddr()) and
 * closechan writes it, so a send not ordered before a close is a data race
 * with a runtime frame on top. The frames name Go's sources as an official
 * install has them (Go 1.23 line numbers: each function's first line). */
#define RT_GOROOT_CHAN "/usr/local/go/src/runtime/chan.go"

void rt_race_chan_access(struct rt *rt, struct rt_chan *c, bool close)
{
    if (!rt->curg)
        return; /* a timer's own send: Go does not check those */
    rt_site s =
        rt_site_intern(rt, rt_current_site(rt), close ? "runtime.closechan" : "runtime.chansend",
                       RT_GOROOT_CHAN, close ? 397 : 171);
    if (close)
        rt_race_write(rt, c, s);
    else
        rt_race_read(rt, c, s);
}

/* ---- forgetting memory ---------------------------------------------------------- */

static void sh_delete_at(struct rt_race *R, size_t i)
{
    size_t mask = R->shcap - 1;
    if (r_shared(R->sh[i].r))
        rv_drop(R, ep_clock(R->sh[i].r));
    R->shn--;
    /* Backward-shift deletion keeps every probe sequence unbroken. */
    size_t j = i;
    for (;;) {
        R->sh[i].addr = 0;
        for (;;) {
            j = (j + 1) & mask;
            if (!R->sh[j].addr)
                return;
            size_t k = hash_addr(R->sh[j].addr, R->shshift);
            /* Move j back to i unless its home k lies cyclically in (i, j]. */
            if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
                continue;
            break;
        }
        R->sh[i] = R->sh[j];
        i = j;
    }
}

static void so_delete_at(struct rt_race *R, size_t i)
{
    size_t mask = R->socap - 1;
    so_clear(&R->so[i]);
    R->son--;
    size_t j = i;
    for (;;) {
        R->so[i].key = 0;
        for (;;) {
            j = (j + 1) & mask;
            if (!R->so[j].key)
                return;
            size_t k = hash_addr(R->so[j].key, R->soshift);
            if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
                continue;
            break;
        }
        R->so[i] = R->so[j];
        i = j;
    }
}

void rt_race_forget_obj(struct rt *rt, const void *obj)
{
    struct rt_race *R = rt->race;
    uintptr_t a = (uintptr_t)obj;
    struct shadow *sh = sh_find(R, a);
    if (sh)
        sh_delete_at(R, (size_t)(sh - R->sh));
    size_t mask = R->socap - 1;
    for (size_t i = hash_addr(a, R->soshift); R->so[i].key; i = (i + 1) & mask) {
        if (R->so[i].key == a) {
            so_delete_at(R, i);
            break;
        }
    }
}

void rt_race_forget(struct rt *rt, const void *addr, size_t size)
{
    struct rt_race *R = rt->race;
    if (!R || size == 0)
        return;
    uintptr_t lo = (uintptr_t)addr, hi = lo + size;
    /* Per table: probe every byte address of the range, or sweep the whole
     * table, whichever is fewer steps. A sweep restarts at a deleted cell,
     * since deletion shifts later cells back. */
    if (size <= R->shcap) {
        for (uintptr_t a = lo; a < hi; a++) {
            struct shadow *sh = sh_find(R, a);
            if (sh)
                sh_delete_at(R, (size_t)(sh - R->sh));
        }
    } else {
        for (size_t i = 0; i < R->shcap;) {
            uintptr_t a = R->sh[i].addr;
            if (a && a >= lo && a < hi)
                sh_delete_at(R, i);
            else
                i++;
        }
    }
    if (size <= R->socap) {
        for (uintptr_t a = lo; a < hi; a++) {
            size_t mask = R->socap - 1;
            for (size_t i = hash_addr(a, R->soshift); R->so[i].key; i = (i + 1) & mask) {
                if (R->so[i].key == a) {
                    so_delete_at(R, i);
                    break;
                }
            }
        }
    } else {
        for (size_t i = 0; i < R->socap;) {
            uintptr_t a = R->so[i].key;
            if (a && a >= lo && a < hi)
                so_delete_at(R, i);
            else
                i++;
        }
    }
}
