/* interp.c: the interpreter's spine: functions and calls, deferred calls,
 * panics and recover, goroutine entry, the garbage collector's roots,
 * output, and the public run API of lang.h (lang_run_*). */
#include "interp.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* C stack per goroutine: the evaluator recurses on it. Sanitizers make
 * frames several times larger. */
#if defined(__SANITIZE_ADDRESS__)
#define GOROUTINE_STACK (4u << 20)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOROUTINE_STACK (4u << 20)
#endif
#endif
#ifndef GOROUTINE_STACK
#define GOROUTINE_STACK (1u << 20)
#endif
/* C stack per goroutine in all, segments included: a backstop behind
 * MAX_DEPTH (interp.h) for frames larger than usual. A call costs 300 to
 * 1,200 bytes of C stack (more with deferred calls), so a million frames
 * can need more than a gigabyte; the pages are committed only as frames
 * reach them. Sanitizer builds: frames two to four times larger, 4 GiB. */
#define GOROUTINE_STACK_MAX ((size_t)GOROUTINE_STACK * (GOROUTINE_STACK > (1u << 20) ? 1024 : 2048))

/* ---- value stack --------------------------------------------------------------- */

void interp_grow(struct gstate *g, uint32_t need)
{
    uint32_t cap = g->cap ? g->cap : 64;
    while (cap < g->sp + need)
        cap *= 2;
    g->stk = lv_realloc(g->stk, cap * sizeof *g->stk);
    memset(g->stk + g->cap, 0, (cap - g->cap) * sizeof *g->stk);
    g->cap = cap;
}

static struct gstate *gstate_new(struct interp *in)
{
    struct gstate *g = lv_calloc(1, sizeof *g);
    g->in = in;
    interp_grow(g, 64);
    return g;
}

static void gstate_free(struct gstate *g)
{
    if (!g)
        return;
    g->in->goroutines--;
    free(g->stk);
    free(g->panics);
    free(g);
}

/* ---- allocation ------------------------------------------------------------------ */

_Noreturn void interp_oom(struct gstate *g, size_t want)
{
    interp_drain_quit(g);
    struct interp *in = g->in;
    in->status = LANG_RUN_LIMIT;
    struct sbuf b = {0};
    sbuf_puts(&b, "fatal error: runtime: out of memory\n");
    sbuf_printf(&b,
                "chanlab: the program's heap would pass the limit of %zu bytes (--max-heap) "
                "allocating %zu bytes\n",
                heap_stats(in->heap).limit_bytes, want);
    interp_write(in, 2, b.s, b.len);
    sbuf_puts(&in->message, "fatal error: runtime: out of memory");
    sbuf_free(&b);
    rt_exit(in->rt, 2);
}

void *interp_alloc(struct gstate *g, enum gc_kind kind, size_t size)
{
    void *p = heap_alloc(g->in->heap, kind, size);
    if (!p) {
        heap_collect(g->in->heap);
        p = heap_alloc(g->in->heap, kind, size);
        if (!p)
            interp_oom(g, size);
    }
    return p;
}

struct value interp_str(struct gstate *g, const char *s, size_t n)
{
    struct value v = {.p = NULL, .t = g->in->ty.t_string};
    if (n) {
        struct vstr *o = interp_alloc(g, GC_STR, sizeof *o + n + 1);
        o->len = n;
        memcpy(o->s, s, n);
        o->s[n] = 0;
        v.p = o;
    }
    return v;
}

struct vbox *interp_box(struct gstate *g, uint32_t n)
{
    struct vbox *b = interp_alloc(g, GC_BOX, sizeof *b + (size_t)n * sizeof(struct value));
    b->n = n;
    return b;
}

static size_t type_box_bytes(struct interp *in, const struct type *t, int depth)
{
    const struct type *u = t->underlying;
    if (depth > 8)
        return 0;
    if (u->kind == T_STRUCT) {
        size_t n = sizeof(struct vbox) + (size_t)u->u.strct.nfields * sizeof(struct value);
        for (int i = 0; i < u->u.strct.nfields; i++)
            n += type_box_bytes(in, u->u.strct.fields[i].type, depth + 1);
        return n;
    }
    if (u->kind == T_ARRAY) {
        size_t per = type_box_bytes(in, u->u.array.elem, depth + 1);
        size_t len = (size_t)u->u.array.len;
        if (len && per > SIZE_MAX / 2 / len)
            return SIZE_MAX / 2;
        return sizeof(struct vbox) + len * (sizeof(struct value) + per);
    }
    return 0;
}

static void set_blob(struct interp *in, const struct type *t, uint32_t size);

static struct value zero_rec(struct gstate *g, const struct type *t)
{
    struct interp *in = g->in;
    struct value v = {.p = NULL, .t = t};
    const struct type *u = t->underlying;
    switch (u->kind) {
    case T_INTERFACE: v.t = NULL; return v;
    case T_STRUCT: {
        if (u->u.strct.nfields == 0 && t->kind == T_NAMED && t->u.named.pkg &&
            strcmp(t->u.named.pkg->path, "sync") == 0 &&
            (t->id >= in->nblob || !in->blob_size[t->id])) {
            const char *n = t->u.named.name;
            uint32_t size = strcmp(n, "mutexState") == 0       ? sizeof(struct rt_mutex)
                            : strcmp(n, "rwmutexState") == 0   ? sizeof(struct rt_rwmutex)
                            : strcmp(n, "waitGroupState") == 0 ? sizeof(struct rt_waitgroup)
                            : strcmp(n, "condState") == 0      ? sizeof(struct rt_cond)
                                                               : 0;
            if (size)
                set_blob(in, t, size);
        }
        if (t->id < in->nblob && in->blob_size[t->id]) {
            uint32_t sz = in->blob_size[t->id];
            struct vblob *b = interp_alloc(g, GC_BLOB, sizeof *b + sz);
            b->size = sz;
            v.p = b;
            return v;
        }
        uint32_t n = (uint32_t)u->u.strct.nfields;
        struct vbox *b = interp_box(g, n);
        v.p = b;
        for (uint32_t i = 0; i < n; i++)
            b->v[i] = zero_rec(g, u->u.strct.fields[i].type);
        return v;
    }
    case T_ARRAY: {
        uint32_t n = (uint32_t)u->u.array.len;
        struct vbox *b = interp_box(g, n);
        v.p = b;
        const struct type *et = u->u.array.elem;
        enum type_kind ek = et->underlying->kind;
        if (ek == T_STRUCT || ek == T_ARRAY) {
            for (uint32_t i = 0; i < n; i++)
                b->v[i] = zero_rec(g, et);
        } else {
            struct value z = {.p = NULL, .t = ek == T_INTERFACE ? NULL : et};
            for (uint32_t i = 0; i < n; i++)
                b->v[i] = z;
        }
        return v;
    }
    default: return v;
    }
}

struct value interp_zero(struct gstate *g, const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    if (k == T_ARRAY || k == T_STRUCT) {
        size_t need = type_box_bytes(g->in, t, 0);
        if (heap_would_exceed(g->in->heap, need)) {
            heap_collect(g->in->heap);
            if (heap_would_exceed(g->in->heap, need))
                interp_oom(g, need);
        }
    }
    return zero_rec(g, t);
}

static struct value copy_rec(struct gstate *g, struct value v)
{
    if (!v.t || !v.p)
        return v;
    enum type_kind k = v.t->underlying->kind;
    if (k != T_STRUCT && k != T_ARRAY)
        return v;
    struct gc_obj *o = v.p;
    if (o->kind == GC_BLOB) {
        struct vblob *src = v.p;
        struct vblob *b = interp_alloc(g, GC_BLOB, sizeof *b + src->size);
        b->size = src->size;
        memcpy(b->data, src->data, src->size);
        v.p = b;
        return v;
    }
    struct vbox *src = v.p;
    struct vbox *b = interp_box(g, src->n);
    for (uint32_t i = 0; i < src->n; i++)
        b->v[i] = copy_rec(g, src->v[i]);
    v.p = b;
    return v;
}

struct value interp_copy(struct gstate *g, struct value v)
{
    if (race_on(g))
        race_read_agg(g, v); /* a struct copy reads every field (nothing for others) */
    return copy_rec(g, v);
}

/* ---- functions --------------------------------------------------------------------- */

static native_fn *find_native(const char *qname)
{
    static const struct native_entry *const tables[] = {
        lib_fmt_natives, lib_sync_natives, lib_time_natives, lib_misc_natives, lib_strings_natives,
    };
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
        for (const struct native_entry *e = tables[t]; e->qname; e++)
            if (strcmp(e->qname, qname) == 0)
                return e->fn;
    return NULL;
}

static void no_native(struct gstate *g, uint32_t base)
{
    (void)base;
    char buf[256];
    snprintf(buf, sizeof buf, "chanlab: %s is not implemented",
             g->top ? interp_func_display(g->top->fn) : "?");
    interp_panic_str(g, buf);
}

static char *make_display(const struct ast_func *d)
{
    char buf[512];
    const char *pkg = d->pkg ? d->pkg->name : "main";
    if (d->recv && d->recv_type) {
        const struct type *rt = d->recv_type;
        bool ptr = rt->kind == T_POINTER;
        if (ptr)
            rt = rt->u.array.elem;
        const char *tn = rt->kind == T_NAMED ? rt->u.named.name : "?";
        if (ptr)
            snprintf(buf, sizeof buf, "%s.(*%s).%s", pkg, tn, d->name);
        else
            snprintf(buf, sizeof buf, "%s.%s.%s", pkg, tn, d->name);
        return lv_strdup(buf);
    }
    return lv_strdup(d->qname ? d->qname : d->name);
}

static size_t fhash(const void *p, size_t n)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x & (n - 1);
}

static void ftab_insert(struct interp *in, struct ifunc *f);

static void ftab_grow(struct interp *in)
{
    struct ifunc **old = in->ftab;
    size_t oldn = in->nftab;
    in->nftab = oldn ? oldn * 2 : 256;
    in->ftab = lv_calloc(in->nftab, sizeof *in->ftab);
    for (size_t i = 0; i < oldn; i++)
        if (old[i])
            ftab_insert(in, old[i]);
    free(old);
}

static size_t ftab_count(const struct interp *in)
{
    size_t n = 0;
    for (size_t i = 0; i < in->nftab; i++)
        n += in->ftab[i] != NULL;
    return n;
}

static void ftab_insert(struct interp *in, struct ifunc *f)
{
    size_t j = fhash(f->decl, in->nftab);
    while (in->ftab[j])
        j = (j + 1) & (in->nftab - 1);
    in->ftab[j] = f;
}

const struct ifunc *interp_func(struct interp *in, const struct ast_func *decl)
{
    if (in->nftab) {
        size_t j = fhash(decl, in->nftab);
        while (in->ftab[j]) {
            if (in->ftab[j]->decl == decl)
                return in->ftab[j];
            j = (j + 1) & (in->nftab - 1);
        }
    }
    if (!in->nftab || 2 * (ftab_count(in) + 1) > in->nftab)
        ftab_grow(in);
    struct ifunc *f = lv_calloc(1, sizeof *f);
    f->decl = decl;
    f->nparams = (uint32_t)decl->nparams;
    f->nresults = (uint32_t)decl->nresults;
    if (!decl->body && decl->type) {
        /* natives have no frame: count from the signature */
        f->nparams = (uint32_t)decl->type->u.func.nparams + (decl->recv ? 1u : 0u);
        f->nresults = (uint32_t)decl->type->u.func.nresults;
    }
    f->nslots = (uint32_t)decl->nslots;
    f->variadic = decl->type && decl->type->u.func.variadic;
    for (int i = 0; i < decl->nparams && decl->body; i++)
        f->cap_params |= decl->params[i]->captured;
    f->display = make_display(decl);
    if (!decl->body && decl->qname) {
        static const char *const locks[] = {"sync.Mutex.Lock",      "sync.Mutex.TryLock",
                                            "sync.RWMutex.Lock",    "sync.RWMutex.RLock",
                                            "sync.RWMutex.TryLock", "sync.RWMutex.TryRLock"};
        for (size_t i = 0; i < sizeof locks / sizeof locks[0]; i++)
            if (strcmp(decl->qname, locks[i]) == 0)
                f->lock_method = true;
    }
    if (!decl->body) {
        f->native = find_native(decl->qname ? decl->qname : "");
        if (!f->native)
            f->native = no_native;
    }
    struct vclosure *c = heap_alloc(in->heap, GC_CLOSURE, sizeof *c);
    if (!c) {
        fprintf(stderr, "chanlab: heap limit too small for the program's functions\n");
        abort();
    }
    c->fn = f;
    heap_pin(&c->h);
    f->static_v = c;
    ftab_insert(in, f);
    return f;
}

struct value interp_func_value(struct interp *in, const struct ast_func *decl)
{
    const struct ifunc *f = interp_func(in, decl);
    struct value v = {.p = f->static_v, .t = decl->type};
    return v;
}

/* ---- method expressions ------------------------------------------------------------ */

/* A method expression T.m that cannot be the method's own function (the
 * method has a value receiver and T is a pointer, it is promoted through
 * embedded fields, or T is an interface) is a bodiless function of its own:
 * its native finds the method from the receiver (the first argument) as a
 * call through an interface would. One per receiver type and method name,
 * owned by the interpreter. */
struct mexpr {
    struct ast_func decl; /* first: the native finds the struct from its decl */
    const struct type *recv;
    int name_id;
    struct mexpr *next;
    char qname[256]; /* Go's name of the wrapper: "main.(*T).m", "main.I.m" */
};

static void mexpr_native(struct gstate *g, uint32_t base)
{
    struct frame *self = g->top;
    const struct mexpr *m = (const struct mexpr *)self->fn->decl;
    struct value recv = g->stk[base];
    /* the wrapper is not a frame of its own in tracebacks: the method is
     * called from the caller's frame */
    g->top = self->up;
    const struct type *t = m->recv;
    if (types_is_interface(t)) {
        if (!recv.t)
            interp_panic_rt(g, RTE_ERRORSTRING,
                            "invalid memory address or nil pointer dereference");
        t = recv.t;
    }
    const struct type_msel *ms = interp_find_method(g->in, t, m->name_id);
    if (!ms)
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    interp_call_msel(g, ms, base);
    g->top = self;
}

struct value interp_method_expr(struct interp *in, const struct type *recv, int name_id,
                                const struct type *ft)
{
    if (!types_is_interface(recv)) {
        const struct type_msel *ms = interp_find_method(in, recv, name_id);
        if (ms && ms->func && ms->npath == 0 && !ms->recv_deref && !ms->recv_addr) {
            struct value v = interp_func_value(in, ms->func);
            v.t = ft;
            return v;
        }
    }
    struct mexpr *m = in->mexprs;
    while (m && !(m->recv == recv && m->name_id == name_id))
        m = m->next;
    if (!m) {
        m = lv_calloc(1, sizeof *m);
        m->recv = recv;
        m->name_id = name_id;
        char ts[200];
        const char *mn = types_name_of(in->ts, name_id);
        const struct type *bt = recv->kind == T_POINTER ? recv->u.array.elem : recv;
        if (bt->kind == T_NAMED) {
            const char *pkg = bt->u.named.pkg ? bt->u.named.pkg->name : "main";
            snprintf(m->qname, sizeof m->qname,
                     recv->kind == T_POINTER ? "%s.(*%s).%s" : "%s.%s.%s", pkg, bt->u.named.name,
                     mn);
        } else {
            snprintf(m->qname, sizeof m->qname, "%s.%s", types_string(recv, ts, sizeof ts, NULL),
                     mn);
        }
        m->decl.name = mn;
        m->decl.qname = m->qname;
        m->decl.type = (struct type *)ft;
        m->next = in->mexprs;
        in->mexprs = m;
        struct ifunc *f = (struct ifunc *)interp_func(in, &m->decl);
        f->native = mexpr_native;
    }
    const struct ifunc *f = interp_func(in, &m->decl);
    struct value v = {.p = f->static_v, .t = ft};
    return v;
}

const char *interp_func_display(const struct ifunc *fn)
{
    return fn ? fn->display : "?";
}

/* ---- method lookup ------------------------------------------------------------------ */

const struct type_msel *interp_find_method(struct interp *in, const struct type *t, int name_id)
{
    int n = 0;
    const struct type_msel *ms = types_method_set(in->ts, (struct type *)t, &n);
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ms[mid].name_id == name_id)
            return &ms[mid];
        if (ms[mid].name_id < name_id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    for (int i = 0; i < n; i++) /* in case the set is not sorted by id */
        if (ms[i].name_id == name_id)
            return &ms[i];
    return NULL;
}

/* walk_path follows embedded fields from v; used for promoted methods. */
static struct value walk_path(struct gstate *g, struct value v, const struct type_step *path,
                              int npath, bool addr_last)
{
    for (int i = 0; i < npath; i++) {
        if (path[i].deref) {
            if (!v.p)
                interp_panic_rt(g, RTE_ERRORSTRING,
                                "invalid memory address or nil pointer dereference");
            v = ptr_load(v);
        }
        struct vbox *b = v.p;
        const struct type *st = v.t->underlying;
        const struct type *ft = st->u.strct.fields[path[i].field].type;
        if (!(i == npath - 1 && addr_last))
            race_read_box(g, b, (uint32_t)path[i].field, ft);
        struct value f = b->v[path[i].field];
        enum type_kind fk = ft->underlying->kind;
        if (i == npath - 1 && addr_last) {
            if (fk == T_STRUCT || fk == T_ARRAY) {
                struct value p = {.p = f.p, .t = NULL};
                return p;
            }
            struct vref *r = interp_alloc(g, GC_REF, sizeof *r);
            r->base = b;
            r->idx = (uint32_t)path[i].field;
            struct value p = {.p = r, .t = NULL};
            return p;
        }
        if (fk == T_INTERFACE)
            v = f;
        else {
            v = f;
            v.t = ft;
        }
    }
    return v;
}

/* panicwrap: Go's panic for a value method called through an interface
 * whose dynamic value is a nil pointer (the compiler's wrapper method). */
static _Noreturn void panicwrap(struct gstate *g, const struct ifunc *fn)
{
    const struct type *rt = fn->decl->recv_type;
    const char *tn = rt && rt->kind == T_NAMED ? rt->u.named.name : "?";
    interp_panic_rt(g, RTE_PLAIN, "value method %s called using nil *%s pointer", fn->display, tn);
}

/* msel_prepare: the receiver (the dynamic value of an interface) is at
 * g->stk[base], arguments above it. Adjusts the receiver along the method's
 * path (panicking as Go when a pointer on the way is nil) and returns the
 * function to call with it. Calls no Go code. */
static const struct ifunc *msel_prepare(struct gstate *g, const struct type_msel *m, uint32_t base)
{
    struct value recv = g->stk[base];
    while (!m->func) {
        /* promoted from an embedded interface: dispatch on its value */
        struct value inner = walk_path(g, recv, m->path, m->npath, false);
        if (!inner.t)
            interp_panic_rt(g, RTE_ERRORSTRING,
                            "invalid memory address or nil pointer dereference");
        const struct type_msel *im = interp_find_method(g->in, inner.t, m->name_id);
        if (!im)
            interp_panic_rt(g, RTE_ERRORSTRING,
                            "invalid memory address or nil pointer dereference");
        g->stk[base] = recv = inner;
        m = im;
    }
    const struct ifunc *fn = interp_func(g->in, m->func);
    if (m->npath > 0) {
        if (m->recv_addr) {
            struct value p = walk_path(g, recv, m->path, m->npath, true);
            p.t = fn->decl->recv_type;
            recv = p;
        } else {
            recv = walk_path(g, recv, m->path, m->npath, false);
            if (m->recv_deref) {
                if (!recv.p)
                    interp_panic_rt(g, RTE_ERRORSTRING,
                                    "invalid memory address or nil pointer dereference");
                recv = ptr_load(recv);
            }
        }
    } else if (m->recv_deref) {
        if (!recv.p)
            panicwrap(g, fn);
        recv = ptr_load(recv);
    }
    if (fn->decl->recv_type && fn->decl->recv_type->underlying->kind != T_INTERFACE) {
        enum type_kind rk = fn->decl->recv_type->underlying->kind;
        if (rk == T_STRUCT || rk == T_ARRAY)
            recv = interp_copy(g, recv);
    }
    g->stk[base] = recv;
    return fn;
}

void interp_call_msel(struct gstate *g, const struct type_msel *m, uint32_t base)
{
    interp_call_func(g, msel_prepare(g, m, base), NULL, base);
}

/* The method value x.M of an interface x (dynamic value v) is a closure of
 * two captures: v and M's name id; calling it dispatches as x.M() would, so
 * a nil pointer in v panics at the call, not when the value is made. fn is
 * the method v's type has (for names in dumps). */
bool interp_is_iface_method_value(const struct vclosure *c)
{
    const struct ifunc *fn = c->fn;
    return c->n == 2 && fn->decl->recv;
}

/* iface_method_prepare: c is an interface's method value whose nargs
 * arguments are at the top of the stack: inserts the receiver below them
 * and returns the function to call (see msel_prepare); base gets the
 * receiver's slot. */
static const struct ifunc *iface_method_prepare(struct gstate *g, const struct vclosure *c,
                                                uint32_t nargs, uint32_t *base)
{
    *base = g->sp - nargs;
    push(g, (struct value){0});
    memmove(&g->stk[*base + 1], &g->stk[*base], nargs * sizeof(struct value));
    g->stk[*base] = c->caps[0];
    const struct type_msel *ms = interp_find_method(g->in, c->caps[0].t, (int)c->caps[1].i);
    return msel_prepare(g, ms, *base);
}

/* ---- calls ---------------------------------------------------------------------------- */

static void run_defers(struct gstate *g, struct frame *fr, bool panicking);

static struct value load_slot(struct gstate *g, uint32_t idx, bool captured)
{
    struct value v = g->stk[idx];
    if (captured && v.p)
        return ((struct vbox *)v.p)->v[0];
    return v;
}

/* run_protected runs the body of a function that has deferred calls: a
 * panic lands here, and the deferred calls run either way. */
static void run_protected(struct gstate *g, struct frame *fr)
{
    const struct ast_func *d = fr->fn->decl;
    jmp_buf jb;
    fr->jb = &jb;
    fr->panic_depth_entry = g->npanics;
    if (setjmp(jb) == 0)
        interp_run_code(g, fr->fn->code);
    else
        interp_stack_landed(g);
    (void)d;
    g->top = fr;
    run_defers(g, fr, false);
}

void interp_call_func(struct gstate *g, const struct ifunc *fn, struct vclosure *clo, uint32_t base)
{
    struct interp *in = g->in;
    uint32_t mark = g->defer_mark;
    g->defer_mark = 0;
    if (fn->native) {
        struct frame fr = {.up = g->top, .fn = fn, .base = base, .pos = fn->decl->pos};
        fr.depth = g->depth;
        fr.clo_slot = UINT32_MAX;
        g->top = &fr;
        fn->native(g, base);
        g->top = fr.up;
        g->sp = base + fn->nresults;
        return;
    }
    const struct ast_func *d = fn->decl;
    if (++g->depth > MAX_DEPTH || interp_stack_exhausted(g)) {
        g->depth--;
        g->defer_mark = mark;
        interp_call_deep(g, fn, clo, base);
        return;
    }
    uint32_t top = base + fn->nslots + 1;
    if (top > g->cap)
        interp_grow(g, top - g->sp);
    for (uint32_t i = base + fn->nparams; i < top; i++) {
        g->stk[i].p = NULL;
        g->stk[i].t = NULL;
    }
    g->sp = top;
    if (fn->cap_params) {
        for (uint32_t i = 0; i < fn->nparams; i++) {
            struct ast_var *pv = d->params[i];
            if (pv->captured) {
                struct vbox *c = interp_box(g, 1);
                c->v[0] = g->stk[base + i];
                g->stk[base + i].p = c;
                g->stk[base + i].t = in->ty.t_internal;
            }
        }
    }
    for (uint32_t i = 0; i < fn->nresults; i++) {
        struct ast_var *rv = d->results[i];
        enum type_kind rk = rv->type->underlying->kind;
        struct value z = {.p = NULL, .t = rk == T_INTERFACE ? NULL : rv->type};
        if (rk == T_STRUCT || rk == T_ARRAY)
            z = interp_zero(g, rv->type);
        uint32_t slot = base + (uint32_t)rv->index;
        if (rv->captured) {
            g->stk[slot].t = in->ty.t_internal;
            g->stk[slot].p = NULL;
            struct vbox *c = interp_box(g, 1);
            c->v[0] = z;
            g->stk[slot].p = c;
        } else {
            g->stk[slot] = z;
        }
    }
    struct frame fr = {.up = g->top, .fn = fn, .base = base, .pos = d->pos};
    fr.clo_slot = UINT32_MAX;
    fr.clo = clo;
    fr.depth = g->depth;
    if (mark) {
        fr.deferred = true;
        fr.panic_depth_entry = mark;
    }
    /* (run_protected resets panic_depth_entry to g->npanics, which equals
     * mark for a deferred call.) */
    /* Keep the closure on the stack for the collector while it runs. */
    g->top = &fr;
    if (clo) {
        push(g, (struct value){.p = clo, .t = in->ty.t_internal});
        fr.clo_slot = g->sp - 1;
    }
    if (__builtin_expect(!fn->code, 0))
        interp_compile(g, (struct ifunc *)fn);
    if (!d->has_defer)
        interp_run_code(g, fn->code);
    else
        run_protected(g, &fr);
    g->top = fr.up;
    g->depth--;
    for (uint32_t i = 0; i < fn->nresults; i++) {
        struct ast_var *rv = d->results[i];
        g->stk[base + i] = load_slot(g, base + (uint32_t)rv->index, rv->captured);
    }
    g->sp = base + fn->nresults;
}

void interp_call_value(struct gstate *g, struct value fv, uint32_t nargs)
{
    uint32_t base = g->sp - nargs;
    if (!fv.p)
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    struct vclosure *c = fv.p;
    const struct ifunc *fn = c->fn;
    if (interp_is_iface_method_value(c)) {
        fn = iface_method_prepare(g, c, nargs, &base);
        interp_call_func(g, fn, NULL, base);
        return;
    }
    if (fn->decl->recv && c->n == 1) {
        /* A method value: the bound receiver goes first. */
        push(g, (struct value){0});
        memmove(&g->stk[base + 1], &g->stk[base], nargs * sizeof(struct value));
        g->stk[base] = c->caps[0];
        interp_call_func(g, fn, NULL, base);
        return;
    }
    interp_call_func(g, fn, c->n ? c : NULL, base);
}

/* A call continued on a new stack segment (interp_call_deep). */
struct deep_call {
    struct gstate *g;
    const struct ifunc *fn;
    struct vclosure *clo;
    uint32_t base;
};

static void deep_entry(void *arg)
{
    struct deep_call *c = arg;
    c->g->stack_limit = 0; /* recomputed for the segment at this call */
    interp_call_func(c->g, c->fn, c->clo, c->base);
}

/* Bytes a new segment must hold at least: room for a few calls. The
 * runtime sizes segments itself (each as large as the goroutine's stacks so
 * far, up to its cap). */
#define SEGMENT_MIN (4 * CALL_STACK_RESERVE)

void interp_call_deep(struct gstate *g, const struct ifunc *fn, struct vclosure *clo, uint32_t base)
{
    struct rt *rt = g->in->rt;
    if (g->depth >= MAX_DEPTH)
        rt_stack_check(rt, SIZE_MAX / 2); /* Go's stack overflow; no return */
    uintptr_t limit = g->stack_limit;
    struct deep_call c = {g, fn, clo, base};
    if (!rt_call_on_new_stack(rt, SEGMENT_MIN, deep_entry, &c))
        rt_stack_check(rt, SIZE_MAX / 2);
    g->stack_limit = limit;
}

/* ---- deferred calls ------------------------------------------------------------------- */

static void call_deferred(struct gstate *g, struct vbox *rec, bool panicking)
{
    struct interp *in = g->in;
    uint32_t nargs = rec->n - 2;
    struct value fv = rec->v[1];
    uint32_t base = g->sp;
    for (uint32_t i = 0; i < nargs; i++)
        push(g, rec->v[2 + i]);
    if (!fv.t && fv.i) {
        /* a deferred builtin */
        interp_builtin_deferred(g, (int)fv.i, base, nargs);
        g->sp = base;
        return;
    }
    if (!fv.p) {
        g->sp = base;
        interp_panic_rt(g, RTE_ERRORSTRING, "invalid memory address or nil pointer dereference");
    }
    /* Mark the callee as run by the defer mechanism so that recover works
     * in it (and only in it): the mark travels in the gstate to the frame
     * interp_call_func makes next. */
    struct vclosure *c = fv.p;
    const struct ifunc *fn = c->fn;
    (void)in;
    if (interp_is_iface_method_value(c)) {
        uint32_t rbase;
        fn = iface_method_prepare(g, c, nargs, &rbase); /* may panic: before the mark */
        g->defer_mark = panicking ? g->npanics : 0;
        interp_call_func(g, fn, NULL, rbase);
        g->defer_mark = 0;
        g->sp = base;
        return;
    }
    g->defer_mark = panicking ? g->npanics : 0;
    if (fn->decl->recv && c->n == 1) {
        push(g, (struct value){0});
        memmove(&g->stk[base + 1], &g->stk[base], nargs * sizeof(struct value));
        g->stk[base] = c->caps[0];
        interp_call_func(g, fn, NULL, base);
    } else {
        interp_call_func(g, fn, c->n ? c : NULL, base);
    }
    g->defer_mark = 0;
    g->sp = base;
}

static _Noreturn void unwind(struct gstate *g, struct frame *from);

static void run_defers(struct gstate *g, struct frame *fr, bool panicking)
{
    const struct ifunc *fn = fr->fn;
    uint32_t dslot = fr->base + fn->nslots;
    for (;;) {
        g->sp = fr->base + fn->nslots + 1 + (fr->clo_slot != UINT32_MAX);
        g->top = fr;
        g->depth = fr->depth + 1;
        struct value head = g->stk[dslot];
        if (!head.p)
            break;
        struct vbox *rec = head.p;
        g->stk[dslot] = rec->v[0];
        bool was_panicking =
            g->npanics > fr->panic_depth_entry && !g->panics[g->npanics - 1].recovered;
        call_deferred(g, rec, was_panicking);
        if (g->npanics > fr->panic_depth_entry && g->panics[g->npanics - 1].recovered) {
            /* Recovered: this frame returns normally after its remaining
             * deferred calls. Drop the panics raised during it; but a
             * panic that interrupted a Goexit gives way to it again, as in
             * Go: the Goexit goes on (the frame does not return). */
            uint32_t keep = fr->panic_depth_entry;
            for (uint32_t i = keep; i < g->npanics - 1; i++)
                if (g->panics[i].goexit)
                    keep = i + 1;
            g->npanics = keep;
            if (keep > fr->panic_depth_entry)
                g->panics[keep - 1].aborted = false;
        }
    }
    (void)panicking;
    if (g->npanics > fr->panic_depth_entry) {
        /* Still panicking: unwind to the next frame that can run defers. */
        unwind(g, fr->up);
    }
}

/* ---- panics ----------------------------------------------------------------------------- */

static void print_panic_value(struct gstate *g, struct sbuf *b, struct value v)
{
    struct interp *in = g->in;
    if (!v.t) {
        sbuf_puts(b, "nil");
        return;
    }
    const struct type_msel *m = interp_find_method(in, v.t, in->name_error);
    if (!m)
        m = interp_find_method(in, v.t, in->name_string);
    if (m && m->func && m->func->type && m->func->type->u.func.nresults == 1 &&
        m->func->type->u.func.nparams == 0) {
        struct value out = {0};
        uint32_t base = g->sp;
        push(g, v);
        interp_call_msel(g, m, base);
        out = g->stk[base];
        g->sp = base;
        sbuf_put(b, str_ptr(out), str_len(out));
        return;
    }
    enum type_kind k = v.t->underlying->kind;
    bool named = v.t->kind == T_NAMED;
    char tn[256];
    if (named && k != T_STRUCT && k != T_POINTER && k <= T_STRING) {
        sbuf_puts(b, type_name(v.t, tn, sizeof tn));
        sbuf_putc(b, '(');
    }
    switch (k) {
    case T_BOOL: sbuf_puts(b, v.i ? "true" : "false"); break;
    case T_FLOAT32:
    case T_FLOAT64: sc_print_float(b, v.f); break;
    case T_STRING:
        if (named)
            sc_quote(b, str_ptr(v), str_len(v), false);
        else
            sbuf_put(b, str_ptr(v), str_len(v));
        break;
    default:
        if (k >= T_INT && k <= T_INT64) {
            sbuf_printf(b, "%lld", (long long)v.i);
        } else if (k >= T_UINT && k <= T_UINTPTR) {
            sbuf_printf(b, "%llu", (unsigned long long)v.u);
        } else {
            sbuf_printf(b, "(%s) 0x%llx", type_name(v.t, tn, sizeof tn),
                        (unsigned long long)(uintptr_t)v.p);
            return;
        }
    }
    if (named && k != T_STRUCT && k != T_POINTER && k <= T_STRING)
        sbuf_putc(b, ')');
}

/* die reports an unrecovered panic and ends the run (exit status 2). */
static _Noreturn void die(struct gstate *g)
{
    interp_drain_quit(g);
    struct interp *in = g->in;
    struct sbuf b = {0};
    struct sbuf first = {0};
    for (uint32_t i = 0; i < g->npanics; i++) {
        /* Go's printpanics: a Goexit prints nothing, and the line after
         * it has no tab */
        if (i > 0 && !g->panics[i - 1].goexit)
            sbuf_putc(&b, '\t');
        if (g->panics[i].goexit)
            continue;
        struct sbuf one = {0};
        sbuf_puts(&one, "panic: ");
        print_panic_value(g, &one, g->panics[i].v);
        if (g->panics[i].recovered)
            sbuf_puts(&one, " [recovered]");
        sbuf_put(&b, one.s, one.len);
        sbuf_putc(&b, '\n');
        if (!first.len)
            sbuf_put(&first, one.s, one.len);
        sbuf_free(&one);
    }
    /* Go adds the error-ness of a runtime error as a hint on goexit only;
     * the dump follows after a blank line. */
    sbuf_putc(&b, '\n');
    char *dump = rt_dump_new(in->rt, g->g);
    if (dump) {
        sbuf_puts(&b, dump);
        free(dump);
    }
    interp_write(in, 2, b.s, b.len);
    sbuf_free(&b);
    in->status = LANG_RUN_PANIC;
    sbuf_free(&in->message);
    sbuf_put(&in->message, first.s ? first.s : "panic", first.len);
    sbuf_free(&first);
    rt_exit(in->rt, 2);
}

static _Noreturn void unwind(struct gstate *g, struct frame *from)
{
    for (struct frame *f = from; f; f = f->up) {
        if (f->jb) {
            g->top = f;
            longjmp(*f->jb, 1);
        }
    }
    if (g->npanics && g->panics[g->npanics - 1].goexit) {
        /* Goexit ran every deferred call: the goroutine ends (for main,
         * the runtime lets the others run on, as Go's does) */
        interp_drain_quit(g);
        rt_goexit(g->in->rt);
    }
    die(g);
}

/* start_panic pushes a panic (or a Goexit) and unwinds to the innermost
 * frame with deferred calls. */
static _Noreturn void start_panic(struct gstate *g, struct value v, bool goexit)
{
    if (g->npanics == g->cappanics) {
        g->cappanics = g->cappanics ? 2 * g->cappanics : 4;
        g->panics = lv_realloc(g->panics, g->cappanics * sizeof *g->panics);
    }
    for (uint32_t i = 0; i < g->npanics; i++)
        g->panics[i].aborted = true;
    g->panics[g->npanics].v = v;
    g->panics[g->npanics].recovered = false;
    g->panics[g->npanics].aborted = false;
    g->panics[g->npanics].goexit = goexit;
    g->npanics++;
    unwind(g, g->top);
}

_Noreturn void interp_panic(struct gstate *g, struct value v)
{
    start_panic(g, v, false);
}

_Noreturn void interp_goexit(struct gstate *g)
{
    start_panic(g, (struct value){0}, true);
}

_Noreturn void interp_panic_str(struct gstate *g, const char *s)
{
    interp_panic(g, interp_str(g, s, strlen(s)));
}

_Noreturn void interp_panic_rt(struct gstate *g, enum rterr_kind kind, const char *fmt, ...)
{
    struct interp *in = g->in;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!in->fn_make_error) {
        /* Package runtime is not part of the program (nothing imported
         * fmt): panic with the text, which prints the same. */
        char full[600];
        snprintf(full, sizeof full, "%s%s",
                 kind == RTE_PLAIN || kind == RTE_TYPEASSERT ? "" : "runtime error: ", msg);
        interp_panic_str(g, full);
    }
    uint32_t base = g->sp;
    push(g, (struct value){.i = kind, .t = in->ty.t_int});
    push(g, interp_str(g, msg, strlen(msg)));
    interp_call_func(g, in->fn_make_error, NULL, base);
    struct value v = g->stk[base];
    g->sp = base;
    interp_panic(g, v);
}

_Noreturn void interp_fatal(struct gstate *g, const char *text)
{
    g->in->status = LANG_RUN_FATAL;
    rt_fatal(g->in->rt, text);
}

/* recover(): the top panic's value when called directly by a deferred call
 * that the panic is running; nil otherwise. */
struct value interp_recover(struct gstate *g)
{
    struct frame *f = g->top;
    struct value nil = {0};
    if (!f || !f->deferred || !g->npanics)
        return nil;
    struct gpanic *p = &g->panics[g->npanics - 1];
    if (p->recovered || p->goexit || f->panic_depth_entry != g->npanics)
        return nil;
    p->recovered = true;
    return p->v;
}

/* pcall runs the call whose arguments sit at base under a frame that
 * catches a panic: method m when not NULL (receiver at base), else fv with
 * nargs arguments. Returns false with *pv the panic value if it panicked. */
static bool pcall(struct gstate *g, uint32_t base, const struct type_msel *m, struct value fv,
                  uint32_t nargs, struct value *pv)
{
    struct frame fr = {.up = g->top, .fn = g->top ? g->top->fn : NULL, .pcall = true};
    fr.base = base;
    fr.panic_depth_entry = g->npanics;
    jmp_buf jb;
    fr.jb = &jb;
    struct frame *saved = g->top;
    uint32_t saved_depth = g->depth;
    fr.depth = g->depth;
    fr.clo_slot = UINT32_MAX;
    g->top = &fr;
    if (setjmp(jb) == 0) {
        if (m)
            interp_call_msel(g, m, base);
        else
            interp_call_value(g, fv, nargs);
        g->top = saved;
        return true;
    }
    interp_stack_landed(g);
    if (g->panics[g->npanics - 1].goexit)
        unwind(g, saved); /* Goexit is not the callee's failure: it goes on */
    *pv = g->panics[g->npanics - 1].v;
    g->npanics = fr.panic_depth_entry;
    g->top = saved;
    g->depth = saved_depth;
    g->sp = base;
    return false;
}

bool interp_pcall(struct gstate *g, struct value fv, uint32_t nargs, struct value *pv)
{
    return pcall(g, g->sp - nargs, NULL, fv, nargs, pv);
}

/* ---- fmt hooks --------------------------------------------------------------------------- */

static bool hk_has_method(void *ud, const struct type *t, enum fmt_method which)
{
    struct gstate *g = ud;
    struct interp *in = g->in;
    const struct type_msel *m =
        interp_find_method(in, t, which == FMT_ERROR ? in->name_error : in->name_string);
    return m && m->func && m->func->type && m->func->type->u.func.nparams == 0 &&
           m->func->type->u.func.nresults == 1 &&
           m->func->type->u.func.results[0]->underlying->kind == T_STRING;
}

static bool hk_call_method(void *ud, struct value v, enum fmt_method which, struct value *out)
{
    struct gstate *g = ud;
    struct interp *in = g->in;
    const struct type_msel *m =
        interp_find_method(in, v.t, which == FMT_ERROR ? in->name_error : in->name_string);
    uint32_t base = g->sp;
    push(g, v);
    struct value pv;
    bool ok = pcall(g, base, m, (struct value){0}, 1, &pv);
    *out = ok ? g->stk[base] : pv;
    g->sp = base;
    return ok;
}

static void hk_read(void *ud, const void *addr)
{
    interp_race_access(ud, addr, false);
}

struct fmt_hooks interp_fmt_hooks(struct gstate *g)
{
    struct fmt_hooks h = {hk_has_method, hk_call_method, g, race_on(g) ? hk_read : NULL};
    return h;
}

/* ---- output -------------------------------------------------------------------------------- */

void interp_write(struct interp *in, int fd, const char *s, size_t n)
{
    if (in->draining)
        return; /* the program is over; the drain is invisible */
    FILE *f = fd == 2 ? in->err : in->out;
    /* Go's writes are unbuffered: what the program wrote to stdout comes
     * out before what it writes to stderr now (2>&1 keeps their order). */
    if (fd == 2 && in->out && n)
        fflush(in->out);
    if (f && n) {
        fwrite(s, 1, n, f);
        if (fd == 2)
            fflush(f);
    }
    if (in->capture)
        sbuf_put(fd == 2 ? &in->cap_err : &in->cap_out, s, n);
}

void interp_write_result(struct gstate *g, uint32_t base, uint32_t i, struct value v)
{
    g->stk[base + i] = v;
}

/* ---- the step hook ----------------------------------------------------------------------- */

void interp_step(struct gstate *g, const struct ast_stmt *s)
{
    g->top->pos = s->pos;
    interp_tick(g);
}

void interp_loop_step(struct gstate *g)
{
    interp_tick(g);
}

void interp_tick_due(struct gstate *g)
{
    struct interp *in = g->in;
    if (in->steps > in->step_limit)
        interp_step_limit(g);
    if ((in->steps & (GC_POLL_STEPS - 1)) == 0)
        heap_safepoint(in->heap);
    if (in->leaks && in->steps >= in->leak_next)
        interp_leak_poll(g);
    unsigned long long next = (in->steps | (GC_POLL_STEPS - 1)) + 1;
    if (in->step_limit < next)
        next = in->step_limit + 1; /* step_limit is below ~0ull here */
    if (in->leaks)
        next = in->steps + 1; /* leak_next moves during collections: look every step */
    in->tick_next = next;
}

void interp_step_limit(struct gstate *g)
{
    struct interp *in = g->in;
    {
        char msg[160];
        snprintf(msg, sizeof msg, "chanlab: step limit of %llu statements exceeded (--max-steps)",
                 in->max_steps);
        interp_drain_quit(g);
        in->status = LANG_RUN_LIMIT;
        sbuf_free(&in->message);
        sbuf_puts(&in->message, msg);
        interp_write(in, 2, msg, strlen(msg));
        interp_write(in, 2, "\n", 1);
        rt_exit(in->rt, 2);
    }
}

/* ---- the collector's roots ------------------------------------------------------------------ */

void interp_mark_gstate(struct heap *h, struct gstate *g)
{
    if (!g)
        return;
    for (uint32_t i = 0; i < g->sp; i++)
        heap_mark_value(h, g->stk[i]);
    for (uint32_t i = 0; i < g->npanics; i++)
        heap_mark_value(h, g->panics[i].v);
}

static void mark_g(void *ud, struct rt_g *rg)
{
    interp_mark_gstate(ud, rt_g_data(rg));
}

static void mark_roots(struct heap *h, void *ud)
{
    struct interp *in = ud;
    for (int i = 0; i < in->nglobals; i++)
        heap_mark_value(h, in->globals[i]);
    for (size_t i = 0; i < in->ntimers; i++)
        heap_mark_value(h, in->timers[i].f);
    if (in->leaks && !in->tearing_down) {
        interp_leak_mark(in, h); /* the goroutines, in phases */
        return;
    }
    rt_g_each(in->rt, mark_g, h);
}

struct chan_mark {
    struct heap *h;
};

static void mark_elem(void *ud, const void *elem)
{
    struct heap *h = ud;
    struct value v;
    memcpy(&v, elem, sizeof v);
    heap_mark_value(h, v);
}

static void mark_chan(struct heap *h, struct vchan *c, void *ud)
{
    (void)ud;
    if (c->rc && rt_chan_elem_size(c->rc) == sizeof(struct value))
        rt_chan_each_elem(c->rc, mark_elem, h);
}

static void finalize(struct gc_obj *o, void *ud)
{
    struct interp *in = ud;
    if (o->kind == GC_CHAN) {
        struct vchan *c = (struct vchan *)o;
        if (c->rc && !c->timer && in->rt)
            rt_chan_release(in->rt, c->rc);
    }
    if (in->race)
        interp_race_forget(in, o); /* a new object at this address starts clean */
}

/* ---- runtime hooks -------------------------------------------------------------------------- */

const char *interp_file_name(struct interp *in, uint32_t file)
{
    if (file < in->nfiles && in->files[file])
        return in->files[file];
    return NULL;
}

static size_t hook_frames(void *ud, const struct rt_g *rg, void *data, struct rt_frame *out,
                          size_t max)
{
    struct interp *in = ud;
    struct gstate *g = data;
    (void)rg;
    size_t n = 0;
    if (!g)
        return 0;
    for (struct frame *f = g->top; f && n < max; f = f->up) {
        if (f->pcall || !f->fn)
            continue;
        out[n].func = f->fn->display;
        out[n].file = interp_file_name(in, f->pos.file);
        out[n].line = (int)f->pos.line;
        n++;
    }
    return n;
}

static void hook_render(void *ud, const struct rt_chan *c, const char *elem_type, const void *elem,
                        char *buf, size_t size)
{
    (void)ud;
    (void)elem_type;
    if (rt_chan_elem_size(c) != sizeof(struct value)) {
        int64_t ns;
        memcpy(&ns, elem, sizeof ns);
        snprintf(buf, size, "t=%lld", (long long)ns);
        return;
    }
    struct value v;
    memcpy(&v, elem, sizeof v);
    struct sbuf b = {0};
    /* No method calls here: the runtime asks from outside any goroutine. */
    fmt_value(&b, NULL, v);
    snprintf(buf, size, "%s", b.s ? b.s : "");
    sbuf_free(&b);
}

static void hook_g_free(void *ud, struct rt_g *rg, void *data)
{
    (void)ud;
    (void)rg;
    gstate_free(data);
}

/* ---- program setup ------------------------------------------------------------------------- */

static void set_blob(struct interp *in, const struct type *t, uint32_t size)
{
    if (t->id >= in->nblob) {
        size_t n = in->nblob ? in->nblob : 64;
        while (n <= t->id)
            n *= 2;
        in->blob_size = lv_realloc(in->blob_size, n * sizeof *in->blob_size);
        memset(in->blob_size + in->nblob, 0, (n - in->nblob) * sizeof *in->blob_size);
        in->nblob = n;
    }
    in->blob_size[t->id] = size;
}

static void setup_library(struct interp *in)
{
    struct ast_program *p = in->prog;
    for (int j = 0; j < p->nfuncs; j++) {
        struct ast_func *f = p->funcs[j];
        if (!f->qname)
            continue;
        if (strcmp(f->qname, "runtime.makeError") == 0)
            in->fn_make_error = interp_func(in, f);
        if (f->recv_type && f->pkg && strcmp(f->pkg->path, "time") == 0 && !in->ty.t_time) {
            const struct type *rt = f->recv_type;
            if (rt->kind == T_POINTER)
                rt = rt->u.array.elem;
            if (rt->kind == T_NAMED && strcmp(rt->u.named.name, "Time") == 0) {
                in->ty.t_time = rt;
                in->ty.t_chantime = types_chan(in->ts, (struct type *)rt, CHAN_BOTH);
            }
        }
    }
}

static char *abs_path(const char *name)
{
    if (!name)
        return NULL;
    if (name[0] == '/')
        return lv_strdup(name);
    char *r = realpath(name, NULL);
    if (r)
        return r;
    return lv_strdup(name);
}

static void setup_types(struct interp *in)
{
    struct types *ts = in->ts;
    struct interp_types *ty = &in->ty;
    ty->t_bool = types_basic(ts, T_BOOL);
    ty->t_int = types_basic(ts, T_INT);
    ty->t_int32 = types_basic(ts, T_INT32);
    ty->t_int64 = types_basic(ts, T_INT64);
    ty->t_uint8 = types_basic(ts, T_UINT8);
    ty->t_uint32 = types_basic(ts, T_UINT32);
    ty->t_uint64 = types_basic(ts, T_UINT64);
    ty->t_uintptr = types_basic(ts, T_UINTPTR);
    ty->t_float64 = types_basic(ts, T_FLOAT64);
    ty->t_string = types_basic(ts, T_STRING);
    ty->t_any = types_any(ts);
    ty->t_error = types_error(ts);
    ty->t_bytes = types_slice(ts, types_basic(ts, T_UINT8));
    ty->t_strings = types_slice(ts, types_basic(ts, T_STRING));
    ty->t_ints = types_slice(ts, types_basic(ts, T_INT));
    /* A private type, distinct from every type of the program (struct{}
     * included): marks the host's own boxes (cells, defer records). */
    in->internal_type.kind = T_STRUCT;
    in->internal_type.id = UINT32_MAX;
    in->internal_type.underlying = &in->internal_type;
    ty->t_internal = &in->internal_type;
    in->name_error = types_name_id(ts, "Error");
    in->name_string = types_name_id(ts, "String");
}

/* The main goroutine: package initialisation, then main.main. */
static void main_entry(struct rt *rt, void *arg)
{
    struct gstate *g = arg;
    struct interp *in = g->in;
    (void)rt;
    struct ast_program *p = in->prog;
    interp_run_inits(g);
    for (int i = 0; i < p->ninit_funcs; i++) {
        const struct ifunc *f = interp_func(in, p->init_funcs[i]);
        interp_call_func(g, f, NULL, g->sp);
        g->sp = 0;
    }
    const struct ifunc *mf = interp_func(in, p->main_func);
    interp_call_func(g, mf, NULL, g->sp);
    if (in->leaks)
        interp_leak_drain(g);
}

void interp_drain_quit(struct gstate *g)
{
    if (g->in->draining && g->g && rt_g_id(g->g) != 1)
        rt_goexit(g->in->rt);
}

struct lang_run {
    struct interp in;
};

/* lang_program_tree and friends come from the front end. */
struct lang_run *lang_run_new(struct lang_program *p, const struct lang_run_options *opt,
                              const char **why)
{
    static const struct lang_run_options defaults;
    if (!opt)
        opt = &defaults;
    if (!p || !lang_program_runnable(p)) {
        if (why)
            *why = "the program did not type-check";
        return NULL;
    }
    struct ast_program *prog = lang_program_tree(p);
    if (!prog || !prog->main_func) {
        if (why)
            *why = "the program has no func main";
        return NULL;
    }
    struct lang_run *r = lv_calloc(1, sizeof *r);
    struct interp *in = &r->in;
    in->lp = p;
    in->prog = prog;
    in->ts = prog->types;
    in->out = opt->out;
    in->err = opt->err;
    in->capture = opt->capture;
    in->max_steps = opt->max_steps;
    in->step_limit = opt->max_steps ? opt->max_steps : ~0ull;
    in->tick_next = 1; /* interp_tick_due sets the next one at the first step */
    in->max_goroutines = opt->max_goroutines ? opt->max_goroutines : 250000;
    in->seed = opt->seed;
    in->rng = opt->seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
    in->args = opt->args;
    in->nargs = opt->nargs;
    in->status = LANG_RUN_RUNNING;
    struct heap_hooks hh = {mark_roots, mark_chan, finalize, in};
    size_t max_heap = opt->max_heap ? opt->max_heap : (size_t)4 << 30;
    in->heap = heap_new(&hh, max_heap);
    setup_types(in);
    for (size_t i = 0;; i++) {
        const char *name;
        size_t len;
        if (!lang_program_file(p, i, &name, &len))
            break;
        in->files = lv_realloc(in->files, (i + 1) * sizeof *in->files);
        in->files[i] = i == 0 ? abs_path(name) : lv_strdup(name);
        in->nfiles = i + 1;
    }
    struct rt_config cfg = {0};
    cfg.seed = opt->seed;
    cfg.procs = opt->procs > 0 ? opt->procs : 1;
    cfg.stack_size = GOROUTINE_STACK;
    cfg.stack_max = GOROUTINE_STACK_MAX;
    cfg.stack_limit_shown = 1000000000; /* Go's figure (runtime.h says why) */
    cfg.max_goroutines = (int64_t)in->max_goroutines + 16;
    cfg.preempt = RT_PREEMPT_EVERY;
    cfg.preempt_every = 20000;
    cfg.hooks.ud = in;
    cfg.hooks.frames = hook_frames;
    cfg.hooks.render = hook_render;
    cfg.hooks.g_free = hook_g_free;
    cfg.hooks.site = interp_hook_site;
    cfg.hooks.finding = interp_hook_finding;
    /* Detectors and schedule exploration (lang.h). */
    in->race = opt->race;
    in->leaks = opt->leaks;
    in->lockorder = opt->lockorder;
    in->leak_interval = 512; /* interp_leak.c: LEAK_INTERVAL_MIN */
    in->leak_next = in->leak_interval;
    cfg.race = opt->race;
    cfg.lockorder = opt->lockorder;
    if (opt->pct_depth > 0) {
        cfg.sched = RT_SCHED_PCT;
        cfg.pct_depth = opt->pct_depth;
        cfg.pct_steps = opt->pct_steps;
    }
    if (opt->preempt_prob > 0) {
        cfg.preempt = RT_PREEMPT_RANDOM;
        cfg.preempt_prob = opt->preempt_prob < 1 ? opt->preempt_prob : 1;
    }
    /* Like Go's execution tracer, the event ring is off unless asked for. */
    cfg.trace_off = !opt->trace;
    in->rt = rt_new(&cfg);
    in->nglobals = prog->nglobals;
    in->globals = lv_calloc((size_t)prog->nglobals + 1, sizeof *in->globals);
    setup_library(in);
    struct gstate *g = gstate_new(in);
    in->goroutines = in->goroutines_peak = 1;
    struct rt_g *mg = rt_go(in->rt, main_entry, g);
    g->g = mg;
    rt_g_set_data(mg, g);
    return r;
}

static void finish(struct interp *in, enum rt_status st)
{
    if (in->finished)
        return;
    in->finished = true;
    if (in->draining && (st == RT_DEADLOCK || st == RT_FATAL))
        st = RT_EXITED; /* a goroutine's failure after main returned is not the program's */
    in->drained = in->draining;
    in->draining = false; /* what follows is the run's own end: written */
    if (st == RT_DEADLOCK || st == RT_FATAL) {
        const char *text = rt_failure_peek(in->rt);
        if (in->status != LANG_RUN_LIMIT)
            in->status = LANG_RUN_FATAL;
        if (text) {
            interp_write(in, 2, text, strlen(text));
            if (!in->message.len) {
                const char *nl = strchr(text, '\n');
                sbuf_put(&in->message, text, nl ? (size_t)(nl - text) : strlen(text));
            }
        }
        in->exit_code = 2;
    } else {
        in->exit_code = rt_exit_code(in->rt);
        bool clean = in->status == LANG_RUN_RUNNING || in->os_exit; /* not a panic or limit */
        if (in->leaks && clean)
            interp_leak_at_exit(in);
        if (in->status == LANG_RUN_RUNNING)
            in->status = in->exit_code ? LANG_RUN_EXIT : LANG_RUN_OK;
        in->exit_code = interp_race_exit(in, in->exit_code, clean);
    }
    if (in->out)
        fflush(in->out);
    if (in->err)
        fflush(in->err);
}

enum lang_run_status lang_run_step(struct lang_run *r, unsigned long long budget)
{
    struct interp *in = &r->in;
    if (in->finished)
        return in->status;
    enum rt_status st = rt_run(in->rt, budget ? (int64_t)budget : -1);
    if (st == RT_RUNNING)
        return LANG_RUN_RUNNING;
    finish(in, st);
    return in->status;
}

const struct lang_outcome *lang_run_outcome(const struct lang_run *r)
{
    struct lang_run *rw = (struct lang_run *)r;
    struct interp *in = &rw->in;
    struct lang_outcome *o = &in->outcome;
    o->status = in->finished ? in->status : LANG_RUN_RUNNING;
    o->exit_code = in->exit_code;
    o->message = in->message.len ? in->message.s : NULL;
    o->out = in->cap_out.s ? in->cap_out.s : "";
    o->out_len = in->cap_out.len;
    o->err = in->cap_err.s ? in->cap_err.s : "";
    o->err_len = in->cap_err.len;
    o->steps = in->steps;
    o->goroutines_peak = in->goroutines_peak;
    o->heap_peak = heap_stats(in->heap).peak_bytes;
    return o;
}

struct rt *lang_run_runtime(struct lang_run *r)
{
    return r->in.rt;
}

void lang_run_free(struct lang_run *r)
{
    if (!r)
        return;
    struct interp *in = &r->in;
    in->tearing_down = true;
    heap_free(in->heap);
    in->heap = NULL;
    rt_free(in->rt);
    for (size_t i = 0; i < in->nftab; i++)
        if (in->ftab[i]) {
            free((char *)in->ftab[i]->display);
            free(in->ftab[i]);
        }
    free(in->ftab);
    while (in->mexprs) {
        struct mexpr *m = in->mexprs;
        in->mexprs = m->next;
        free(m);
    }
    interp_code_free(in);
    free(in->globals);
    free(in->blob_size);
    free(in->timers);
    for (size_t i = 0; i < in->nfiles; i++)
        free(in->files[i]);
    free(in->files);
    sbuf_free(&in->cap_out);
    sbuf_free(&in->cap_err);
    sbuf_free(&in->message);
    free(r);
}

struct lang_run *lang_run_program(struct lang_program *p, const struct lang_run_options *opt,
                                  const char **why)
{
    struct lang_run *r = lang_run_new(p, opt, why);
    if (r)
        lang_run_step(r, 0);
    return r;
}
