/* stack.c: goroutine stacks and execution contexts.
 *
 * Stacks are carved from large anonymous mappings (chunks) reserved with
 * MAP_NORESERVE, so memory is committed only when a goroutine touches it: a
 * parked goroutine costs the pages its frames reached (one 4 KiB page for a
 * goroutine parked on a channel). One mapping per stack would hit
 * vm.max_map_count (65,530) long before a million goroutines, so a chunk holds
 * many stacks. The first RT_GUARDED stacks of a runtime get a PROT_NONE guard
 * page below them (each guard splits the mapping, costing two map entries);
 * a fault there, caught on an alternate signal stack, ends the run with Go's
 * stack overflow text. Stacks beyond that rely on rt_stack_check (which the
 * interpreter calls at every call) and on a bounds check of the stack
 * pointer at every switch. Exited goroutines' stacks return to a LIFO pool;
 * when every stack of a chunk is free and the pool holds more than a chunk's
 * worth, the chunk's memory is given back with MADV_DONTNEED.
 *
 * Segments (rt_call_on_new_stack) extend a goroutine's stack on demand, as
 * segmented stacks did in early Go and as Rust's stacker does: a mapping of
 * its own per segment (they are few and large), a chain in the G from the
 * newest down, and the current bounds (rt_g_cur_stack) that every check
 * uses. A longjmp out of segments leaves them in the chain until
 * rt_stack_unwound (or the next switch) finds the stack pointer on a stack
 * further down and pops the rest. */
#include "rt_impl.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if RT_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#ifdef RT_VALGRIND
#include <valgrind/valgrind.h>
#endif

#ifdef RT_UCONTEXT
#include <ucontext.h>
#endif

#define RT_GUARDED     8192        /* stacks with a guard page, per runtime */
#define RT_CHUNK_BYTES (64u << 20) /* aim of one chunk's size */

struct rt_stack_chunk {
    char *base;
    size_t nslots;
    size_t carved; /* slots handed out at least once */
    size_t used;   /* slots in use now */
    struct rt_stack_chunk *next;
};

struct rt_stack_pool {
    size_t stack_size; /* usable bytes per stack */
    size_t slot;       /* stack plus guard page */
    size_t per_chunk;
    size_t nguarded;
    struct rt_stack_chunk *chunks; /* newest first */
    struct rt_stack *free;         /* LIFO */
    size_t nfree, free_cap;
};

static void shadow_clear(char *base, size_t len);

struct rt_stack_pool *rt_stack_pool_new(size_t stack_size)
{
    struct rt_stack_pool *pool = rt_xcalloc(1, sizeof *pool);
    pool->stack_size = (stack_size + RT_PAGE - 1) / RT_PAGE * RT_PAGE;
    pool->slot = pool->stack_size + RT_PAGE;
    pool->per_chunk = RT_CHUNK_BYTES / pool->slot;
    if (pool->per_chunk < 16)
        pool->per_chunk = 16;
    return pool;
}

void rt_stack_pool_free(struct rt_stack_pool *pool)
{
    if (!pool)
        return;
    struct rt_stack_chunk *c = pool->chunks;
    while (c) {
        struct rt_stack_chunk *next = c->next;
        munmap(c->base, c->nslots * pool->slot);
        free(c);
        c = next;
    }
    free(pool->free);
    free(pool);
}

size_t rt_stack_pool_guarded(const struct rt_stack_pool *pool)
{
    return pool->nguarded;
}

/* rt_stack_get hands out a stack (from the pool, else carved from a chunk).
 * Returns false only when the address space is exhausted. */
bool rt_stack_get(struct rt_stack_pool *pool, struct rt_stack *out)
{
    if (pool->nfree > 0) {
        *out = pool->free[--pool->nfree];
        out->chunk->used++;
        rt_stack_reuse(out);
        return true;
    }
    struct rt_stack_chunk *c = pool->chunks;
    if (!c || c->carved == c->nslots) {
        c = rt_xcalloc(1, sizeof *c);
        c->nslots = pool->per_chunk;
        void *p = mmap(NULL, c->nslots * pool->slot, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            free(c);
            return false;
        }
        c->base = p;
        shadow_clear(p, c->nslots * pool->slot);
        c->next = pool->chunks;
        pool->chunks = c;
    }
    char *slot = c->base + c->carved * pool->slot;
    c->carved++;
    c->used++;
    out->lo = slot + RT_PAGE;
    out->size = pool->stack_size;
    out->chunk = c;
    out->guarded = false;
    out->dirty_lo = NULL;
    if (pool->nguarded < RT_GUARDED && mprotect(slot, RT_PAGE, PROT_NONE) == 0) {
        out->guarded = true;
        pool->nguarded++;
    }
#ifdef RT_VALGRIND
    VALGRIND_STACK_REGISTER(out->lo, out->lo + out->size);
#endif
    return true;
}

/* rt_stack_reuse prepares a stack that an exited goroutine used for a new
 * one: the sanitizer's shadow still marks the redzones of the frames that
 * were live when it exited (g_start and the switch, at the top; a run that
 * ends abandons deeper frames, but then the whole mapping goes). */
void rt_stack_reuse(struct rt_stack *s)
{
#if RT_ASAN
    size_t n = s->size < 16384 ? s->size : 16384;
    char *top = s->lo + s->size;
    if (s->dirty_lo && s->dirty_lo >= s->lo && s->dirty_lo < top - n)
        n = (size_t)(top - s->dirty_lo);
    s->dirty_lo = NULL;
    ASAN_UNPOISON_MEMORY_REGION(top - n, n);
#else
    (void)s;
#endif
}

/* shadow_clear forgets the sanitizer's shadow of a fresh mapping: an earlier
 * runtime's stacks at the same addresses may have left it poisoned. The
 * shadow is itself an anonymous mapping, so dropping its pages zeroes it
 * (unpoisoned) without touching memory. */
static void shadow_clear(char *base, size_t len)
{
#if RT_ASAN
    size_t scale = 0, offset = 0;
    __asan_get_shadow_mapping(&scale, &offset);
    uintptr_t ub = (uintptr_t)base, ue = ub + len;
    uintptr_t lo = (ub >> scale) + offset, hi = (ue >> scale) + offset;
    uintptr_t plo = (lo + RT_PAGE - 1) & ~(uintptr_t)(RT_PAGE - 1);
    uintptr_t phi = hi & ~(uintptr_t)(RT_PAGE - 1);
    if (phi <= plo) {
        ASAN_UNPOISON_MEMORY_REGION(base, len);
        return;
    }
    madvise((void *)plo, phi - plo, MADV_DONTNEED);
    uintptr_t head_end = (plo - offset) << scale, tail_start = (phi - offset) << scale;
    ASAN_UNPOISON_MEMORY_REGION(base, head_end - ub);
    ASAN_UNPOISON_MEMORY_REGION((void *)tail_start, ue - tail_start);
#else
    (void)base;
    (void)len;
#endif
}

/* rt_stack_put returns a stack to the pool. */
void rt_stack_put(struct rt_stack_pool *pool, struct rt_stack *s)
{
    if (pool->nfree == pool->free_cap) {
        pool->free_cap = pool->free_cap ? pool->free_cap * 2 : 64;
        pool->free = rt_xrealloc(pool->free, pool->free_cap * sizeof *pool->free);
    }
    pool->free[pool->nfree++] = *s;
    struct rt_stack_chunk *c = s->chunk;
    c->used--;
    if (c->used == 0 && pool->nfree > pool->per_chunk) {
        /* Give the memory back; the mapping (and guard pages) stay. */
        madvise(c->base, c->carved * pool->slot, MADV_DONTNEED);
    }
}

/* ---- segments ----------------------------------------------------------------- */

/* Bytes of one segment at most, unless the caller asks for more: a
 * goroutine's segments double its stack until they reach this size, so a
 * recursion a gigabyte deep needs about twenty mappings, and a goroutine
 * crossing a segment boundary back and forth reuses its cached segment.
 * Under AddressSanitizer segments stay at 256 KiB: at every longjmp and
 * noreturn call the sanitizer clears the shadow from the stack pointer to
 * the top of the stack it runs on, with a memset below 64 KiB of shadow
 * (512 KiB of stack) and three system calls above (a panic unwinding a
 * million deferred calls through 64 MiB segments spent a minute in the
 * kernel). Two mappings per 256 KiB keep a 4 GiB stack (the interpreter's
 * limit there) below vm.max_map_count's 65,530. */
#if RT_ASAN
#define RT_SEG_MAX ((size_t)256 << 10)
#else
#define RT_SEG_MAX ((size_t)64 << 20)
#endif

static void seg_entry(void *p);

#ifndef RT_UCONTEXT
/* rt_stack_call(arg, fn, top) calls fn(arg) with the stack pointer at top
 * (16-byte aligned) and returns on the caller's stack (switch_<arch>.S). */
void rt_stack_call(void *arg, void (*fn)(void *), void *top);

static void seg_call(struct rt_seg *s)
{
    rt_stack_call(s, seg_entry, s);
}
#else
/* Targets without a hand-written switch: a ucontext on the segment whose
 * successor is the caller's. */
static void seg_uc_entry(unsigned ah, unsigned al)
{
    seg_entry((void *)(((uintptr_t)ah << 32) | al));
}

static void seg_call(struct rt_seg *s)
{
    ucontext_t back, on;
    getcontext(&on);
    on.uc_stack.ss_sp = s->st.lo;
    on.uc_stack.ss_size = (size_t)((char *)s - s->st.lo);
    on.uc_link = &back;
    uintptr_t a = (uintptr_t)s;
    makecontext(&on, (void (*)(void))seg_uc_entry, 2, (unsigned)(a >> 32), (unsigned)a);
    swapcontext(&back, &on);
}
#endif

static size_t page_round(size_t n)
{
    return (n + RT_PAGE - 1) / RT_PAGE * RT_PAGE;
}

static struct rt_seg *seg_map(size_t usable)
{
    size_t len = usable + RT_PAGE;
    char *p =
        mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    shadow_clear(p, len);
    bool guarded = mprotect(p, RT_PAGE, PROT_NONE) == 0;
    size_t room = (sizeof(struct rt_seg) + 63) & ~(size_t)63;
    struct rt_seg *s = (struct rt_seg *)(void *)(p + len - room);
    memset(s, 0, sizeof *s);
    s->map = p;
    s->maplen = len;
    s->st.lo = p + RT_PAGE;
    s->st.size = usable;
    s->st.guarded = guarded;
#ifdef RT_VALGRIND
    s->vg_id = VALGRIND_STACK_REGISTER(s->st.lo, s->st.lo + usable);
#endif
    return s;
}

static void seg_unmap(struct rt_seg *s)
{
#ifdef RT_VALGRIND
    VALGRIND_STACK_DEREGISTER(s->vg_id);
#endif
    char *map = s->map;
    size_t len = s->maplen;
    /* Frames abandoned on it may have left its shadow poisoned; forget it
     * before the addresses go back to the system. */
    shadow_clear(map + RT_PAGE, len - RT_PAGE);
    munmap(map, len);
}

/* seg_pop makes the segment below g's newest one current again. A segment
 * left by a normal return is kept for reuse (the previous spare is
 * unmapped); one abandoned by a longjmp is unmapped. */
static void seg_pop(struct rt_g *g, bool keep)
{
    struct rt_seg *s = g->seg;
    g->seg = s->prev;
    g->seg_bytes -= s->st.size;
#if RT_ASAN
    const struct rt_stack *cur = rt_g_cur_stack(g);
    g->ctx.bottom = cur->lo;
    g->ctx.size = cur->size;
#endif
    if (keep) {
        if (g->seg_cache)
            seg_unmap(g->seg_cache);
        g->seg_cache = s;
    } else {
        seg_unmap(s);
    }
}

void rt_segs_release(struct rt_g *g)
{
    while (g->seg)
        seg_pop(g, false);
    if (g->seg_cache)
        seg_unmap(g->seg_cache);
    g->seg_cache = NULL;
}

static bool on_stack(const struct rt_stack *st, const char *sp)
{
    return sp >= st->lo && sp < st->lo + st->size;
}

/* seg_entry runs on the new segment: the call, then back. */
static void seg_entry(void *p)
{
    struct rt_seg *s = p;
#if RT_ASAN
    const void *below = NULL;
    size_t below_size = 0;
    __sanitizer_finish_switch_fiber(NULL, &below, &below_size);
#endif
    s->fn(s->arg);
#if RT_ASAN
    /* Leaving the segment for good: its fake stack goes. */
    __sanitizer_start_switch_fiber(NULL, below, below_size);
#endif
}

bool rt_call_on_new_stack(struct rt *rt, size_t size, void (*fn)(void *), void *arg)
{
    struct rt_g *g = rt->curg;
    if (!g)
        return false;
    char *sp = __builtin_frame_address(0);
    if (g->seg)
        rt_seg_sync(rt, g, sp);
    size_t room = (sizeof(struct rt_seg) + 63) & ~(size_t)63;
    size_t need = page_round(size + room + 256);
    size_t total = g->stack.size + g->seg_bytes;
    size_t max = rt->cfg.stack_max;
    size_t left = total < max ? (max - total) / RT_PAGE * RT_PAGE : 0;
    if (need > left)
        return false;
    size_t want = total < RT_SEG_MAX ? page_round(total) : RT_SEG_MAX;
    if (want < need)
        want = need;
    if (want > left)
        want = left;
    struct rt_seg *s = g->seg_cache;
    if (s && s->st.size >= need && s->st.size <= left) {
        g->seg_cache = NULL;
    } else {
        s = seg_map(want);
        if (!s)
            return false;
    }
    s->prev = g->seg;
    s->entry_sp = sp;
    s->fn = fn;
    s->arg = arg;
    g->seg = s;
    g->seg_bytes += s->st.size;
#if RT_ASAN
    g->ctx.bottom = s->st.lo;
    g->ctx.size = s->st.size;
    __sanitizer_start_switch_fiber(&s->prev_fake, s->st.lo, s->st.size);
#endif
    seg_call(s);
#if RT_ASAN
    __sanitizer_finish_switch_fiber(s->prev_fake, NULL, NULL);
#endif
    /* The same goroutine, back on the stack below (it may have been
     * switched out and resumed on the segment meanwhile). */
    seg_pop(g, true);
    return true;
}

bool rt_seg_sync(struct rt *rt, struct rt_g *g, char *sp)
{
    (void)rt;
    struct rt_seg *s = g->seg;
    if (!s || on_stack(&s->st, sp))
        return false;
    /* Find the stack of the chain that sp is on; when it is on none, this
     * is not a longjmp out of segments (an overflow below the newest
     * segment): leave the chain alone. */
    struct rt_seg *t = s->prev;
    while (t && !on_stack(&t->st, sp))
        t = t->prev;
    if (!t && !on_stack(&g->stack, sp))
        return false;
#if RT_ASAN
    void *fake = NULL;
#endif
    char *entry = NULL;
    while (g->seg != t) {
        entry = g->seg->entry_sp;
#if RT_ASAN
        fake = g->seg->prev_fake;
#endif
        seg_pop(g, false);
    }
#if RT_ASAN
    /* The sanitizer still believes it runs on the segment the longjmp
     * left: move it to this stack, and clean the frames the longjmp
     * abandoned here (between the landing frame and the switch). */
    const struct rt_stack *cur = rt_g_cur_stack(g);
    __sanitizer_start_switch_fiber(NULL, cur->lo, cur->size);
    __sanitizer_finish_switch_fiber(fake, NULL, NULL);
    char *from = entry - 8192 > cur->lo ? entry - 8192 : cur->lo;
    if (sp > from)
        ASAN_UNPOISON_MEMORY_REGION(from, (size_t)(sp - from));
#else
    (void)entry;
#endif
    return true;
}

bool rt_stack_unwound(struct rt *rt)
{
    struct rt_g *g = rt->curg;
    if (!g || !g->seg)
        return false;
    return rt_seg_sync(rt, g, __builtin_frame_address(0));
}

size_t rt_stack_left(const struct rt *rt)
{
    struct rt_g *g = rt->curg;
    if (!g)
        return SIZE_MAX;
    char *sp = __builtin_frame_address(0);
    const struct rt_stack *st = rt_g_cur_stack(g);
    if (g->seg && !on_stack(st, sp)) {
        /* Left by a longjmp and not synced yet: the stack sp is on. */
        for (const struct rt_seg *t = g->seg->prev; t; t = t->prev)
            if (on_stack(&t->st, sp))
                return (size_t)(sp - t->st.lo);
        if (on_stack(&g->stack, sp))
            return (size_t)(sp - g->stack.lo);
    }
    return sp > st->lo ? (size_t)(sp - st->lo) : 0;
}

/* ---- contexts ----------------------------------------------------------------- */

#ifndef RT_UCONTEXT
void rt_ctx_entry(void);

void rt_ctx_make(struct rt_ctx *ctx, struct rt_stack *s, char *top_, void (*fn)(void *), void *arg)
{
    uintptr_t top = (uintptr_t)top_ & ~(uintptr_t)15;
#if defined(__x86_64__)
    /* mxcsr|x87cw, r15, r14, r13, r12, rbx, rbp, return address */
    uint64_t *sp = (uint64_t *)top - 8;
    uint32_t fpctl[2] = {0x1F80u, 0x037Fu};
    memcpy(&sp[0], fpctl, sizeof fpctl);
    sp[1] = 0;
    sp[2] = 0;
    sp[3] = (uint64_t)(uintptr_t)fn;
    sp[4] = (uint64_t)(uintptr_t)arg;
    sp[5] = 0;
    sp[6] = 0;
    sp[7] = (uint64_t)(uintptr_t)rt_ctx_entry;
#else
    /* x19..x30 at slots 0..11, d8..d15 at 12..19, fpcr at 20; 22 slots */
    uint64_t *sp = (uint64_t *)top - 22;
    memset(sp, 0, 22 * sizeof *sp);
    sp[0] = (uint64_t)(uintptr_t)arg;
    sp[1] = (uint64_t)(uintptr_t)fn;
    sp[11] = (uint64_t)(uintptr_t)rt_ctx_entry;
#endif
    ctx->sp = sp;
#if RT_ASAN
    ctx->fake_stack = NULL;
    ctx->bottom = s->lo;
    ctx->size = s->size;
#endif
}

void rt_ctx_free(struct rt_ctx *ctx)
{
    (void)ctx;
}
#else
static void rt_uc_entry(unsigned fh, unsigned fl, unsigned ah, unsigned al);

void rt_ctx_make(struct rt_ctx *ctx, struct rt_stack *s, char *top_, void (*fn)(void *), void *arg)
{
    if (!ctx->uc)
        ctx->uc = rt_xcalloc(1, sizeof(ucontext_t));
    ucontext_t *uc = ctx->uc;
    getcontext(uc);
    uc->uc_stack.ss_sp = s->lo;
    uc->uc_stack.ss_size = (size_t)(top_ - s->lo);
    uc->uc_link = NULL;
    /* makecontext passes int arguments: split the pointers in halves. */
    uintptr_t f = (uintptr_t)fn, a = (uintptr_t)arg;
    makecontext(uc, (void (*)(void))rt_uc_entry, 4, (unsigned)(f >> 32), (unsigned)f,
                (unsigned)(a >> 32), (unsigned)a);
#if RT_ASAN
    ctx->fake_stack = NULL;
    ctx->bottom = s->lo;
    ctx->size = s->size;
#endif
}

static void rt_uc_entry(unsigned fh, unsigned fl, unsigned ah, unsigned al)
{
    void (*fn)(void *) = (void (*)(void *))(((uintptr_t)fh << 32) | fl);
    fn((void *)(((uintptr_t)ah << 32) | al));
    abort();
}

void rt_ctx_free(struct rt_ctx *ctx)
{
    free(ctx->uc);
    ctx->uc = NULL;
}
#endif

#if RT_ASAN || defined(RT_UCONTEXT)
#ifndef RT_UCONTEXT
void rt_ctx_swap(void **save_sp, void *load_sp);
#endif
void rt_ctx_switch(struct rt_ctx *from, struct rt_ctx *to, bool dying)
{
#if RT_ASAN
    __sanitizer_start_switch_fiber(dying ? NULL : &from->fake_stack, to->bottom, to->size);
#else
    (void)dying;
#endif
#ifndef RT_UCONTEXT
    rt_ctx_swap(&from->sp, to->sp);
#else
    if (!from->uc)
        from->uc = rt_xcalloc(1, sizeof(ucontext_t));
    swapcontext(from->uc, to->uc);
#endif
#if RT_ASAN
    __sanitizer_finish_switch_fiber(from->fake_stack, NULL, NULL);
#endif
}
#endif

void rt_ctx_started(struct rt_ctx *self)
{
#if RT_ASAN
    __sanitizer_finish_switch_fiber(NULL, NULL, NULL);
#endif
    (void)self;
}

/* rt_ctx_host records the bounds of the host thread's stack in ctx (the
 * sanitizer needs them when switching back to it). */
static void rt_ctx_host(struct rt_ctx *ctx)
{
#if RT_ASAN
    if (ctx->bottom)
        return;
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
    }
    ctx->bottom = addr;
    ctx->size = size;
#else
    (void)ctx;
#endif
}

/* ---- stack overflow: SIGSEGV on an alternate stack ------------------------------ */

/* The signal handler has no argument to find its runtime by, so rt_run
 * publishes the runtime it runs in this thread-local (the one piece of
 * non-handle state in the library, scoped to rt_run). */
static _Thread_local struct rt *segv_rt;

struct segv_saved {
    struct sigaction old_act;
    stack_t old_alt;
    void *alt_mem;
    size_t alt_size;
    struct rt *outer; /* segv_rt before this rt_run (nested runtimes) */
};

static void segv_handler(int sig, siginfo_t *si, void *uctx)
{
    struct rt *rt = segv_rt;
    struct rt_g *g = rt ? rt->curg : NULL;
    char *addr = si->si_addr;
    const struct rt_stack *st = g ? rt_g_cur_stack(g) : NULL;
    if (st && st->guarded && addr >= st->lo - RT_PAGE && addr < st->lo) {
        rt->overflow = g;
        /* The goroutine is abandoned: continue on the host stack, where
         * rt_run sees rt->overflow. SA_NODEFER keeps SIGSEGV unblocked. */
        rt->curg = NULL;
        rt_ctx_switch(&g->ctx, &rt->g0, true);
    }
    /* Not ours: hand it to the previous handler. */
    struct segv_saved *sv = rt ? rt->segv_saved : NULL;
    if (sv && (sv->old_act.sa_flags & SA_SIGINFO) && sv->old_act.sa_sigaction) {
        sv->old_act.sa_sigaction(sig, si, uctx);
        return;
    }
    if (sv && sv->old_act.sa_handler != SIG_DFL && sv->old_act.sa_handler != SIG_IGN) {
        sv->old_act.sa_handler(sig);
        return;
    }
    signal(sig, SIG_DFL);
}

void rt_segv_install(struct rt *rt)
{
    rt_ctx_host(&rt->g0);
    struct segv_saved *sv = rt->segv_saved;
    if (!sv) {
        sv = rt_xcalloc(1, sizeof *sv);
        sv->alt_size = 64 * 1024;
        sv->alt_mem = rt_xmalloc(sv->alt_size);
        rt->segv_saved = sv;
    }
    stack_t alt = {.ss_sp = sv->alt_mem, .ss_size = sv->alt_size, .ss_flags = 0};
    sigaltstack(&alt, &sv->old_alt);
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_sigaction = segv_handler;
    act.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&act.sa_mask);
    sigaction(SIGSEGV, &act, &sv->old_act);
    sv->outer = segv_rt;
    segv_rt = rt;
}

void rt_segv_remove(struct rt *rt)
{
    struct segv_saved *sv = rt->segv_saved;
    sigaction(SIGSEGV, &sv->old_act, NULL);
    if (sv->old_alt.ss_sp || (sv->old_alt.ss_flags & SS_DISABLE))
        sigaltstack(&sv->old_alt, NULL);
    segv_rt = sv->outer;
}

void rt_segv_free(struct rt *rt)
{
    struct segv_saved *sv = rt->segv_saved;
    if (!sv)
        return;
    free(sv->alt_mem);
    free(sv);
    rt->segv_saved = NULL;
}
