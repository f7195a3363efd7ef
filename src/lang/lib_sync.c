/* lib_sync.c: natives of sync and sync/atomic. The sync types keep the
 * runtime's object (struct rt_mutex, ...) in a blob stored by value in
 * their first field, so copying a Mutex copies its state, and every wait
 * goes through the scheduler with Go's wait reason. */
#include "interp.h"

#include <string.h>

/* state returns the runtime object inside the struct the receiver (a
 * pointer to sync.Mutex etc.) points to. */
static void *state(struct gstate *g, uint32_t base)
{
    struct value p = g->stk[base];
    if (!p.p)
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    struct vbox *b = p.p;
    struct vblob *blob = b->v[b->n - 1].p;
    return blob->data;
}

static void n_mutex_lock(struct gstate *g, uint32_t base)
{
    rt_mutex_lock(g->in->rt, state(g, base));
}

static void n_mutex_unlock(struct gstate *g, uint32_t base)
{
    enum rt_err e = rt_mutex_unlock(g->in->rt, state(g, base));
    if (e)
        interp_fatal(g, rt_error_text(e));
}

static void n_mutex_trylock(struct gstate *g, uint32_t base)
{
    bool ok = rt_mutex_trylock(g->in->rt, state(g, base));
    g->stk[base] = value_bool(g->in->ty.t_bool, ok);
}

static void n_rw_lock(struct gstate *g, uint32_t base)
{
    rt_rw_lock(g->in->rt, state(g, base));
}

static void n_rw_unlock(struct gstate *g, uint32_t base)
{
    enum rt_err e = rt_rw_unlock(g->in->rt, state(g, base));
    if (e)
        interp_fatal(g, rt_error_text(e));
}

static void n_rw_rlock(struct gstate *g, uint32_t base)
{
    rt_rw_rlock(g->in->rt, state(g, base));
}

static void n_rw_runlock(struct gstate *g, uint32_t base)
{
    enum rt_err e = rt_rw_runlock(g->in->rt, state(g, base));
    if (e)
        interp_fatal(g, rt_error_text(e));
}

static void n_rw_trylock(struct gstate *g, uint32_t base)
{
    bool ok = rt_rw_trylock(g->in->rt, state(g, base));
    g->stk[base] = value_bool(g->in->ty.t_bool, ok);
}

static void n_rw_tryrlock(struct gstate *g, uint32_t base)
{
    bool ok = rt_rw_tryrlock(g->in->rt, state(g, base));
    g->stk[base] = value_bool(g->in->ty.t_bool, ok);
}

static void wg_add(struct gstate *g, uint32_t base, int64_t d)
{
    enum rt_err e = rt_wg_add(g->in->rt, state(g, base), d);
    if (e) {
        if (rt_error_is_fatal(e))
            interp_fatal(g, rt_error_text(e));
        interp_panic_str(g, rt_error_text(e));
    }
}

static void n_wg_add(struct gstate *g, uint32_t base)
{
    wg_add(g, base, g->stk[base + 1].i);
}

static void n_wg_done(struct gstate *g, uint32_t base)
{
    wg_add(g, base, -1);
}

static void n_wg_wait(struct gstate *g, uint32_t base)
{
    enum rt_err e = rt_wg_wait(g->in->rt, state(g, base));
    if (e)
        interp_panic_str(g, rt_error_text(e));
}

static void n_cond_add(struct gstate *g, uint32_t base)
{
    uint32_t t = rt_cond_ticket(g->in->rt, state(g, base));
    g->stk[base] = value_int(g->in->ty.t_uint32, t);
}

static void n_cond_park(struct gstate *g, uint32_t base)
{
    rt_cond_wait_ticket(g->in->rt, state(g, base), (uint32_t)g->stk[base + 1].u);
}

static void n_cond_signal(struct gstate *g, uint32_t base)
{
    rt_cond_signal(g->in->rt, state(g, base));
}

static void n_cond_broadcast(struct gstate *g, uint32_t base)
{
    rt_cond_broadcast(g->in->rt, state(g, base));
}

/* ---- atomics -------------------------------------------------------------------- */

static struct value *target(struct gstate *g, uint32_t base)
{
    struct value p = g->stk[base];
    if (!p.p)
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    return ptr_slot(p);
}

/* The runtime's atomics work on int32/int64 memory: the low half of the
 * payload for 32-bit types, renormalised afterwards. */
static void norm32(struct value *v, bool is_signed)
{
    int32_t x;
    memcpy(&x, &v->i, sizeof x);
    v->i = is_signed ? (int64_t)x : (int64_t)(uint32_t)x;
}

#define A32(name, sgn, body)                                                                       \
    static void name(struct gstate *g, uint32_t base)                                              \
    {                                                                                              \
        struct rt *rt = g->in->rt;                                                                 \
        struct value *v = target(g, base);                                                         \
        int32_t *p = (int32_t *)(void *)&v->i;                                                     \
        const struct type *rtype = sgn ? g->in->ty.t_int32 : g->in->ty.t_uint32;                   \
        (void)rtype;                                                                               \
        body;                                                                                      \
        norm32(v, sgn);                                                                            \
    }

#define A64(name, sgn, body)                                                                       \
    static void name(struct gstate *g, uint32_t base)                                              \
    {                                                                                              \
        struct rt *rt = g->in->rt;                                                                 \
        struct value *v = target(g, base);                                                         \
        int64_t *p = &v->i;                                                                        \
        const struct type *rtype = sgn ? g->in->ty.t_int64 : g->in->ty.t_uint64;                   \
        (void)rtype;                                                                               \
        body;                                                                                      \
    }

A32(n_add32, 1,
    g->stk[base] = value_int(rtype, rt_atomic_add32(rt, p, (int32_t)g->stk[base + 1].i)))
A32(n_addu32, 0,
    g->stk[base] = value_int(rtype, (uint32_t)rt_atomic_add32(rt, p, (int32_t)g->stk[base + 1].i)))
A64(n_add64, 1, g->stk[base] = value_int(rtype, rt_atomic_add64(rt, p, g->stk[base + 1].i)))
A64(n_addu64, 0, g->stk[base] = value_int(rtype, rt_atomic_add64(rt, p, g->stk[base + 1].i)))
A32(n_load32, 1, g->stk[base] = value_int(rtype, rt_atomic_load32(rt, p)))
A32(n_loadu32, 0, g->stk[base] = value_int(rtype, (uint32_t)rt_atomic_load32(rt, p)))
A64(n_load64, 1, g->stk[base] = value_int(rtype, rt_atomic_load64(rt, p)))
A64(n_loadu64, 0, g->stk[base] = value_int(rtype, rt_atomic_load64(rt, p)))
A32(n_store32, 1, rt_atomic_store32(rt, p, (int32_t)g->stk[base + 1].i))
A32(n_storeu32, 0, rt_atomic_store32(rt, p, (int32_t)g->stk[base + 1].i))
A64(n_store64, 1, rt_atomic_store64(rt, p, g->stk[base + 1].i))
A64(n_storeu64, 0, rt_atomic_store64(rt, p, g->stk[base + 1].i))
A32(n_swap32, 1,
    g->stk[base] = value_int(rtype, rt_atomic_swap32(rt, p, (int32_t)g->stk[base + 1].i)))
A32(n_swapu32, 0,
    g->stk[base] = value_int(rtype, (uint32_t)rt_atomic_swap32(rt, p, (int32_t)g->stk[base + 1].i)))
A64(n_swap64, 1, g->stk[base] = value_int(rtype, rt_atomic_swap64(rt, p, g->stk[base + 1].i)))
A64(n_swapu64, 0, g->stk[base] = value_int(rtype, rt_atomic_swap64(rt, p, g->stk[base + 1].i)))
A32(n_cas32, 1,
    g->stk[base] = value_bool(g->in->ty.t_bool, rt_atomic_cas32(rt, p, (int32_t)g->stk[base + 1].i,
                                                                (int32_t)g->stk[base + 2].i)))
A32(n_casu32, 0,
    g->stk[base] = value_bool(g->in->ty.t_bool, rt_atomic_cas32(rt, p, (int32_t)g->stk[base + 1].i,
                                                                (int32_t)g->stk[base + 2].i)))
A64(n_cas64, 1,
    g->stk[base] = value_bool(g->in->ty.t_bool,
                              rt_atomic_cas64(rt, p, g->stk[base + 1].i, g->stk[base + 2].i)))
A64(n_casu64, 0,
    g->stk[base] = value_bool(g->in->ty.t_bool,
                              rt_atomic_cas64(rt, p, g->stk[base + 1].i, g->stk[base + 2].i)))

/* atomic.Pointer[T]: the receiver points to the struct {_ [0]*T; _ noCopy;
 * v *T}; every instance shares these natives (pointers are one word whatever
 * T is). ptr_field returns v's slot. */
enum { POINTER_FIELD_V = 2 };

static struct value *ptr_field(struct gstate *g, uint32_t base)
{
    struct value p = g->stk[base];
    if (!p.p)
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    struct vbox *b = p.p;
    return &b->v[POINTER_FIELD_V];
}

static void n_ptr_load(struct gstate *g, uint32_t base)
{
    g->stk[base] = *ptr_field(g, base);
}

static void n_ptr_store(struct gstate *g, uint32_t base)
{
    *ptr_field(g, base) = g->stk[base + 1];
}

static void n_ptr_swap(struct gstate *g, uint32_t base)
{
    struct value *v = ptr_field(g, base);
    struct value old = *v;
    *v = g->stk[base + 1];
    g->stk[base] = old;
}

static void n_ptr_cas(struct gstate *g, uint32_t base)
{
    struct value *v = ptr_field(g, base);
    bool same = v->p == g->stk[base + 1].p;
    if (same)
        *v = g->stk[base + 2];
    g->stk[base] = value_bool(g->in->ty.t_bool, same);
}

static void n_same_type(struct gstate *g, uint32_t base)
{
    bool same = g->stk[base].t == g->stk[base + 1].t;
    g->stk[base] = value_bool(g->in->ty.t_bool, same);
}

const struct native_entry lib_sync_natives[] = {
    {"sync.Mutex.Lock", n_mutex_lock},
    {"sync.Mutex.Unlock", n_mutex_unlock},
    {"sync.Mutex.TryLock", n_mutex_trylock},
    {"sync.RWMutex.Lock", n_rw_lock},
    {"sync.RWMutex.Unlock", n_rw_unlock},
    {"sync.RWMutex.RLock", n_rw_rlock},
    {"sync.RWMutex.RUnlock", n_rw_runlock},
    {"sync.RWMutex.TryLock", n_rw_trylock},
    {"sync.RWMutex.TryRLock", n_rw_tryrlock},
    {"sync.WaitGroup.Add", n_wg_add},
    {"sync.WaitGroup.Done", n_wg_done},
    {"sync.WaitGroup.Wait", n_wg_wait},
    {"sync.Cond.add", n_cond_add},
    {"sync.Cond.park", n_cond_park},
    {"sync.Cond.Signal", n_cond_signal},
    {"sync.Cond.Broadcast", n_cond_broadcast},
    {"sync/atomic.AddInt32", n_add32},
    {"sync/atomic.AddUint32", n_addu32},
    {"sync/atomic.AddInt64", n_add64},
    {"sync/atomic.AddUint64", n_addu64},
    {"sync/atomic.LoadInt32", n_load32},
    {"sync/atomic.LoadUint32", n_loadu32},
    {"sync/atomic.LoadInt64", n_load64},
    {"sync/atomic.LoadUint64", n_loadu64},
    {"sync/atomic.StoreInt32", n_store32},
    {"sync/atomic.StoreUint32", n_storeu32},
    {"sync/atomic.StoreInt64", n_store64},
    {"sync/atomic.StoreUint64", n_storeu64},
    {"sync/atomic.SwapInt32", n_swap32},
    {"sync/atomic.SwapUint32", n_swapu32},
    {"sync/atomic.SwapInt64", n_swap64},
    {"sync/atomic.SwapUint64", n_swapu64},
    {"sync/atomic.CompareAndSwapInt32", n_cas32},
    {"sync/atomic.CompareAndSwapUint32", n_casu32},
    {"sync/atomic.CompareAndSwapInt64", n_cas64},
    {"sync/atomic.CompareAndSwapUint64", n_casu64},
    {"sync/atomic.sameType", n_same_type},
    {"atomic.AddInt32", n_add32},
    {"atomic.AddUint32", n_addu32},
    {"atomic.AddInt64", n_add64},
    {"atomic.AddUint64", n_addu64},
    {"atomic.LoadInt32", n_load32},
    {"atomic.LoadUint32", n_loadu32},
    {"atomic.LoadInt64", n_load64},
    {"atomic.LoadUint64", n_loadu64},
    {"atomic.StoreInt32", n_store32},
    {"atomic.StoreUint32", n_storeu32},
    {"atomic.StoreInt64", n_store64},
    {"atomic.StoreUint64", n_storeu64},
    {"atomic.SwapInt32", n_swap32},
    {"atomic.SwapUint32", n_swapu32},
    {"atomic.SwapInt64", n_swap64},
    {"atomic.SwapUint64", n_swapu64},
    {"atomic.CompareAndSwapInt32", n_cas32},
    {"atomic.CompareAndSwapUint32", n_casu32},
    {"atomic.CompareAndSwapInt64", n_cas64},
    {"atomic.CompareAndSwapUint64", n_casu64},
    {"atomic.sameType", n_same_type},
    {"atomic.Pointer.Load", n_ptr_load},
    {"atomic.Pointer.Store", n_ptr_store},
    {"atomic.Pointer.Swap", n_ptr_swap},
    {"atomic.Pointer.CompareAndSwap", n_ptr_cas},
    {NULL, NULL},
};
