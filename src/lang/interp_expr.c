/* interp_expr.c: evaluating expressions: constants, variables, composite
 * literals, selectors, indexing and slicing, conversions, operators with
 * Go's integer wrap-around and run-time errors, calls and builtins. */
#include "interp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NILDEREF "invalid memory address or nil pointer dereference"

static uint64_t go_size(const struct type *t);

/* ---- small helpers ------------------------------------------------------------- */

static inline enum type_kind ukind(const struct type *t)
{
    return t->underlying->kind;
}

static inline bool is_aggr(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_STRUCT || k == T_ARRAY;
}

static inline bool is_cell(struct gstate *g, struct value v)
{
    return v.t == g->in->ty.t_internal;
}

/* The static type of an expression becomes the value's type unless it is
 * an interface (then the value keeps its dynamic type). */
static inline struct value typed(struct value v, const struct type *t)
{
    if (t->underlying->kind != T_INTERFACE)
        v.t = t;
    return v;
}

static struct value const_value(struct gstate *g, const struct ast_expr *e)
{
    const struct const_val *cv = e->cv;
    const struct type *t = e->type;
    struct value v = {.p = NULL, .t = t};
    if (ukind(t) == T_INTERFACE) {
        /* a constant converted to an interface keeps its default type */
        switch (cv->kind) {
        case CONST_BOOL: t = g->in->ty.t_bool; break;
        case CONST_INT: t = g->in->ty.t_int; break;
        case CONST_FLOAT: t = g->in->ty.t_float64; break;
        case CONST_STRING: t = g->in->ty.t_string; break;
        }
        v.t = t;
    }
    switch (cv->kind) {
    case CONST_BOOL: v.i = cv->b; break;
    case CONST_INT:
        if (types_is_float(t))
            v.f = (double)cv->i;
        else
            v.i = value_wrap(ukind(t), (int64_t)cv->i);
        break;
    case CONST_FLOAT:
        if (types_is_float(t))
            v.f = ukind(t) == T_FLOAT32 ? (double)(float)cv->f : cv->f;
        else
            v.i = (int64_t)cv->f;
        break;
    case CONST_STRING: {
        struct value s = interp_str(g, cv->s, cv->slen);
        v.p = s.p;
        break;
    }
    }
    return v;
}

/* ---- variables ----------------------------------------------------------------- */

static struct vbox *frame_clo_cell(struct gstate *g, int index)
{
    struct vclosure *c = g->top->clo;
    return c->caps[index].p;
}

/* Globals may have been moved into cells by &global: reading them goes
 * through this (t: the static type, for the race detector). */
static inline struct value global_load(struct gstate *g, int i, const struct type *t)
{
    struct value *slot = &g->in->globals[i];
    if (is_cell(g, *slot))
        slot = &((struct vbox *)slot->p)->v[0];
    race_read_var(g, slot, t);
    return *slot;
}

static struct value load_ident(struct gstate *g, const struct ast_expr *e)
{
    const struct ast_ref *r = &e->u.ident.ref;
    struct interp *in = g->in;
    switch (r->kind) {
    case REF_LOCAL: {
        struct value v = g->stk[g->top->base + (uint32_t)r->index];
        if (is_cell(g, v)) {
            race_read_box(g, v.p, 0, e->type); /* a captured variable */
            v = ((struct vbox *)v.p)->v[0];
        }
        return v;
    }
    case REF_UPVAL: {
        struct vbox *c = frame_clo_cell(g, r->index);
        race_read_box(g, c, 0, e->type);
        return c->v[0];
    }
    case REF_GLOBAL: return global_load(g, r->index, e->type);
    case REF_FUNC: return interp_func_value(in, r->func);
    case REF_CONST: return const_value(g, e);
    case REF_NIL: return interp_zero(g, e->type);
    default: {
        struct value z = {0};
        return z;
    }
    }
}

/* ---- locations ------------------------------------------------------------------- */

static struct value eval(struct gstate *g, const struct ast_expr *e);

static void push_root(struct gstate *g, void *obj)
{
    struct value v = {.p = obj, .t = g->in->ty.t_internal};
    push(g, v);
}

static struct vbox *deref_box(struct gstate *g, struct value p, uint32_t *idx)
{
    /* p is a non-nil pointer to a non-aggregate: its cell or element. */
    struct gc_obj *o = p.p;
    if (o->kind == GC_REF) {
        struct vref *r = p.p;
        *idx = r->idx;
        return r->base;
    }
    (void)g;
    *idx = 0;
    return p.p;
}

static void bounds(struct gstate *g, int64_t i, int64_t len)
{
    if (i < 0)
        interp_panic_rt(g, RTE_BOUNDS, "index out of range [%lld]", (long long)i);
    if (i >= len)
        interp_panic_rt(g, RTE_BOUNDS, "index out of range [%lld] with length %lld", (long long)i,
                        (long long)len);
}

static int64_t index_value(struct gstate *g, const struct ast_expr *ie)
{
    struct value iv = eval(g, ie);
    if (types_is_unsigned(ie->type) && iv.u > (uint64_t)INT64_MAX)
        interp_panic_rt(g, RTE_BOUNDS, "index out of range [%llu]", (unsigned long long)iv.u);
    return iv.i;
}

static struct loc loc_eval(struct gstate *g, const struct ast_expr *e, bool late);

/* struct_field_loc: the location of field `field` in struct value sv. */
static struct loc box_loc(struct gstate *g, struct vbox *b, uint32_t idx, const struct type *t)
{
    struct loc l = {.kind = LOC_BOX, .box = b, .idx = idx, .type = t};
    push_root(g, b);
    return l;
}

static struct value deref_check(struct gstate *g, struct value p)
{
    if (!p.p)
        interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
    return p;
}

/* sel_walk follows a selector's embedded path from value v. */
static struct value sel_step(struct gstate *g, struct value v, const struct type_step *st)
{
    if (st->deref) {
        deref_check(g, v);
        v = ptr_load(v);
    }
    const struct type *su = v.t->underlying;
    const struct type *ft = su->u.strct.fields[st->field].type;
    race_read_box(g, v.p, (uint32_t)st->field, ft);
    struct value f = ((struct vbox *)v.p)->v[st->field];
    return typed(f, ft);
}

/* late_fail: the location e whose last step found a nil pointer (len < 0)
 * or index bad out of [0, len); its store panics (see interp_loc_late). */
static struct loc late_fail(const struct ast_expr *e, int64_t bad, int64_t len)
{
    struct loc l = {.kind = len < 0 ? LOC_NILDEREF : LOC_BOUNDS, .type = e->type};
    l.bad = bad;
    l.len = len;
    return l;
}

/* loc_eval evaluates the location e stands for; late: see interp_loc_late. */
static struct loc loc_eval(struct gstate *g, const struct ast_expr *e, bool late)
{
    struct interp *in = g->in;
    struct loc l = {.kind = LOC_NONE, .type = e->type};
    e = ast_unparen((struct ast_expr *)e);
    switch (e->kind) {
    case EX_IDENT: {
        const struct ast_ref *r = &e->u.ident.ref;
        switch (r->kind) {
        case REF_LOCAL: {
            uint32_t slot = g->top->base + (uint32_t)r->index;
            struct value v = g->stk[slot];
            if (is_cell(g, v))
                return box_loc(g, v.p, 0, e->type);
            l.kind = LOC_SLOT;
            l.slot = slot;
            return l;
        }
        case REF_UPVAL: return box_loc(g, frame_clo_cell(g, r->index), 0, e->type);
        case REF_GLOBAL:
            if (is_cell(g, in->globals[r->index]))
                return box_loc(g, in->globals[r->index].p, 0, e->type);
            l.kind = LOC_PTR;
            l.ptr = &in->globals[r->index];
            return l;
        default: return l; /* blank */
        }
    }
    case EX_SELECTOR: {
        if (e->u.sel.kind == SELX_PKG) {
            if (is_cell(g, in->globals[e->u.sel.ref.index]))
                return box_loc(g, in->globals[e->u.sel.ref.index].p, 0, e->type);
            l.kind = LOC_PTR;
            l.ptr = &in->globals[e->u.sel.ref.index];
            return l;
        }
        /* a field: the struct value's box is the location's base */
        struct value v = eval(g, e->u.sel.x);
        push(g, v);
        for (int i = 0; i < e->u.sel.npath - 1; i++)
            v = sel_step(g, v, &e->u.sel.path[i]);
        const struct type_step *last = &e->u.sel.path[e->u.sel.npath - 1];
        if (last->deref) {
            if (late && !v.p) {
                g->sp--;
                return late_fail(e, 0, -1);
            }
            deref_check(g, v);
            v = ptr_load(v);
        }
        g->sp--;
        return box_loc(g, v.p, (uint32_t)last->field, e->type);
    }
    case EX_INDEX: {
        const struct type *xt = e->u.index.x->type;
        enum type_kind xk = ukind(xt);
        if (xk == T_MAP) {
            struct value m = eval(g, e->u.index.x);
            push(g, m);
            l.map_slot = g->sp - 1;
            struct value k = eval(g, e->u.index.index);
            push(g, k);
            l.kind = LOC_MAP;
            return l;
        }
        struct value x = eval(g, e->u.index.x);
        push(g, x);
        int64_t i = index_value(g, e->u.index.index);
        g->sp--;
        if (xk == T_POINTER) {
            if (late && !x.p)
                return late_fail(e, 0, -1);
            deref_check(g, x);
            x = ptr_load(x);
            xk = T_ARRAY;
        }
        int64_t n = xk == T_SLICE ? slice_len(x) : ((struct vbox *)x.p)->n;
        if (late && (i < 0 || i >= n))
            return late_fail(e, i, n);
        if (xk == T_SLICE) {
            bounds(g, i, n);
            struct vslice *s = x.p;
            return box_loc(g, s->arr, s->off + (uint32_t)i, e->type);
        }
        struct vbox *b = x.p;
        bounds(g, i, n);
        return box_loc(g, b, (uint32_t)i, e->type);
    }
    case EX_STAR: {
        struct value p = eval(g, e->u.unary.x);
        if (late && !p.p)
            return late_fail(e, 0, -1);
        deref_check(g, p);
        if (is_aggr(e->type)) {
            /* *p = v for a struct: copy into the pointee's box */
            struct vbox holder_dummy;
            (void)holder_dummy;
            struct vbox *cell = interp_box(g, 1);
            cell->v[0] = ptr_load(p);
            return box_loc(g, cell, 0, e->type);
        }
        uint32_t idx;
        struct vbox *b = deref_box(g, p, &idx);
        return box_loc(g, b, idx, e->type);
    }
    default: return l;
    }
}

static struct value loc_load(struct gstate *g, const struct loc *l)
{
    switch (l->kind) {
    case LOC_SLOT: return g->stk[l->slot];
    case LOC_PTR: race_read_var(g, l->ptr, l->type); return *l->ptr;
    case LOC_BOX: race_read_box(g, l->box, l->idx, l->type); return l->box->v[l->idx];
    case LOC_MAP: {
        struct value m = g->stk[l->map_slot];
        struct value k = g->stk[l->map_slot + 1];
        struct value z = interp_zero(g, l->type);
        if (!m.p)
            return z;
        race_read_map(g, m.p);
        enum value_err err;
        const struct type *bad;
        struct value *slot = map_find(m.p, k, &err, &bad);
        if (err) {
            char tn[200];
            interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                            type_name(bad, tn, sizeof tn));
        }
        return slot ? *slot : z;
    }
    default: {
        struct value z = {0};
        return z;
    }
    }
}

static void loc_store(struct gstate *g, const struct loc *l, struct value v)
{
    struct heap *h = g->in->heap;
    if (v.t && is_aggr(v.t))
        v = interp_copy(g, v);
    switch (l->kind) {
    case LOC_SLOT:
        /* a local struct's box may be shared through &s */
        if (race_on(g) && race_type_is_aggr(l->type))
            race_write_agg(g, g->stk[l->slot]);
        value_store(h, &g->stk[l->slot], v);
        return;
    case LOC_PTR:
        race_store(g, l->ptr, l->type);
        value_store(h, l->ptr, v);
        return;
    case LOC_BOX:
        race_store(g, &l->box->v[l->idx], l->type);
        value_store(h, &l->box->v[l->idx], v);
        return;
    case LOC_MAP: {
        struct value m = g->stk[l->map_slot];
        struct value k = g->stk[l->map_slot + 1];
        if (!m.p)
            interp_panic_rt(g, RTE_PLAIN, "assignment to entry in nil map");
        race_write_map(g, m.p);
        enum value_err err;
        const struct type *bad;
        push(g, v);
        struct value *slot = map_set(h, m.p, k, &err, &bad);
        g->sp--;
        if (err) {
            char tn[200];
            interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                            type_name(bad, tn, sizeof tn));
        }
        *slot = v;
        return;
    }
    case LOC_NILDEREF: interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
    case LOC_BOUNDS: bounds(g, l->bad, l->len); return;
    default: return;
    }
}

/* ---- statements use these ------------------------------------------------------------- */

struct loc interp_loc(struct gstate *g, const struct ast_expr *e)
{
    return loc_eval(g, e, false);
}

struct loc interp_loc_late(struct gstate *g, const struct ast_expr *e)
{
    return loc_eval(g, e, true);
}

struct value interp_loc_load(struct gstate *g, const struct loc *l)
{
    return loc_load(g, l);
}

void interp_loc_store(struct gstate *g, const struct loc *l, struct value v)
{
    loc_store(g, l, v);
}

/* ---- address-of ---------------------------------------------------------------------- */

static struct value address_of(struct gstate *g, const struct ast_expr *x, const struct type *pt)
{
    struct interp *in = g->in;
    x = ast_unparen((struct ast_expr *)x);
    struct value p = {.p = NULL, .t = pt};
    if (x->kind == EX_COMPOSITE || !x->addressable) {
        struct value v = eval(g, x);
        if (is_aggr(x->type)) {
            p.p = v.p;
            return p;
        }
        push(g, v);
        struct vbox *c = interp_box(g, 1);
        c->v[0] = g->stk[--g->sp];
        p.p = c;
        return p;
    }
    if (is_aggr(x->type)) {
        struct value v = eval(g, x); /* the box is the variable's identity */
        p.p = v.p;
        return p;
    }
    if (x->kind == EX_IDENT && x->u.ident.ref.kind == REF_LOCAL) {
        uint32_t slot = g->top->base + (uint32_t)x->u.ident.ref.index;
        struct value v = g->stk[slot];
        if (!is_cell(g, v)) {
            /* Its address is taken: move the variable into a cell now. */
            struct vbox *c = interp_box(g, 1);
            c->v[0] = g->stk[slot];
            g->stk[slot].p = c;
            g->stk[slot].t = in->ty.t_internal;
            v = g->stk[slot];
        }
        p.p = v.p;
        return p;
    }
    if (x->kind == EX_IDENT && x->u.ident.ref.kind == REF_UPVAL) {
        p.p = frame_clo_cell(g, x->u.ident.ref.index);
        return p;
    }
    if ((x->kind == EX_IDENT && x->u.ident.ref.kind == REF_GLOBAL) ||
        (x->kind == EX_SELECTOR && x->u.sel.kind == SELX_PKG)) {
        int gi = x->kind == EX_IDENT ? x->u.ident.ref.index : x->u.sel.ref.index;
        struct value v = in->globals[gi];
        if (!is_cell(g, v)) {
            struct vbox *c = interp_box(g, 1);
            c->v[0] = in->globals[gi];
            in->globals[gi].p = c;
            in->globals[gi].t = in->ty.t_internal;
            v = in->globals[gi];
        }
        p.p = v.p;
        return p;
    }
    if (x->kind == EX_STAR) {
        struct value q = eval(g, x->u.unary.x);
        deref_check(g, q);
        p.p = q.p;
        return p;
    }
    uint32_t sp = g->sp;
    struct loc l = loc_eval(g, x, false);
    if (l.kind == LOC_BOX) {
        struct vref *r = interp_alloc(g, GC_REF, sizeof *r);
        r->base = l.box;
        r->idx = l.idx;
        p.p = r;
    }
    g->sp = sp;
    return p;
}

/* ---- conversions --------------------------------------------------------------------- */

static struct value string_from_runes(struct gstate *g, struct value s)
{
    struct sbuf b = {0};
    uint32_t n = slice_len(s);
    for (uint32_t i = 0; i < n; i++) {
        char u[4];
        int w = sc_encode_rune(u, (int32_t)slice_at(s, i)->i);
        sbuf_put(&b, u, (size_t)w);
    }
    struct value v = interp_str(g, b.s, b.len);
    sbuf_free(&b);
    return v;
}

static struct value new_slice(struct gstate *g, const struct type *t, uint32_t len, uint32_t cap)
{
    const struct type *et = t->underlying->u.array.elem;
    push(g, (struct value){0});
    uint32_t keep = g->sp - 1;
    struct vbox *arr = interp_box(g, cap);
    g->stk[keep].p = arr;
    g->stk[keep].t = g->in->ty.t_internal;
    if (is_aggr(et)) {
        for (uint32_t i = 0; i < cap; i++)
            arr->v[i] = interp_zero(g, et);
    } else {
        struct value z = {.p = NULL, .t = ukind(et) == T_INTERFACE ? NULL : et};
        for (uint32_t i = 0; i < cap; i++)
            arr->v[i] = z;
    }
    struct vslice *s = interp_alloc(g, GC_SLICE, sizeof *s);
    s->arr = arr;
    s->off = 0;
    s->len = len;
    s->cap = cap;
    g->sp = keep;
    struct value v = {.p = s, .t = t};
    return v;
}

/* slice_to_array converts slice v to t, an array type ([N]T(s): a copy of
 * the first N elements) or a pointer to one ((*[N]T)(s): the slice's first N
 * elements themselves). Panics as Go does when the slice is shorter than N.
 * A pointer can only alias a whole backing array (an array is one box here):
 * a slice that starts past its array's first element, or whose array is
 * longer than N, ends the run with a plain "not supported" panic. */
static struct value slice_to_array(struct gstate *g, struct value v, const struct type *t)
{
    bool ptr = ukind(t) == T_POINTER;
    const struct type *at = ptr ? t->underlying->u.array.elem : t;
    uint32_t n = (uint32_t)at->underlying->u.array.len;
    uint32_t len = slice_len(v);
    if (len < n)
        interp_panic_rt(g, RTE_BOUNDS,
                        "cannot convert slice with length %u to array or pointer to array with "
                        "length %u",
                        len, n);
    if (ptr) {
        struct vslice *s = v.p;
        if (!s)
            return (struct value){.p = NULL, .t = t}; /* nil slice, N == 0: nil */
        if (s->off == 0 && s->arr && s->arr->n == n)
            return (struct value){.p = s->arr, .t = t};
        if (n == 0)
            return (struct value){.p = interp_box(g, 0), .t = t};
        interp_panic_str(g, "chanlab: converting a slice to an array pointer is supported only "
                            "when the slice covers its whole backing array (len == cap, not "
                            "resliced past its start)");
    }
    const struct type *et = at->underlying->u.array.elem;
    push(g, v);
    struct vbox *b = interp_box(g, n);
    v = g->stk[g->sp - 1];
    for (uint32_t i = 0; i < n; i++) {
        struct value *e = slice_at(v, i);
        if (race_on(g))
            race_read_var(g, e, et);
        b->v[i] = *e;
    }
    g->stk[g->sp - 1] = (struct value){.p = b, .t = at};
    struct value c = interp_copy(g, g->stk[g->sp - 1]);
    g->sp--;
    return c;
}

struct value interp_convert(struct gstate *g, struct value v, const struct type *from,
                            const struct type *t)
{
    enum type_kind fk = ukind(from), tk = ukind(t);
    if (tk == T_INTERFACE) {
        if (fk == T_INTERFACE)
            return v;
        if (from->kind == T_UNTYPED_NIL)
            return (struct value){0};
        return interp_copy(g, v);
    }
    if (from->kind == T_UNTYPED_NIL)
        return interp_zero(g, t);
    if (types_is_integer(t)) {
        if (fk == T_FLOAT32 || fk == T_FLOAT64) {
            double f = v.f;
            int64_t i;
            if (types_is_unsigned(t))
                i = f >= 9223372036854775808.0 ? (int64_t)(uint64_t)f : (int64_t)f;
            else
                i = f != f || f >= 9223372036854775808.0 || f < -9223372036854775808.0 ? INT64_MIN
                                                                                       : (int64_t)f;
            return value_int(t, i);
        }
        return value_int(t, v.i);
    }
    if (tk == T_FLOAT32 || tk == T_FLOAT64) {
        double f;
        if (fk == T_FLOAT32 || fk == T_FLOAT64)
            f = v.f;
        else if (types_is_unsigned(from))
            f = (double)v.u;
        else
            f = (double)v.i;
        return value_float(t, f);
    }
    if (tk == T_STRING) {
        if (types_is_integer(from)) {
            char u[4];
            int64_t r = types_is_unsigned(from) && v.u > 0x10FFFF ? 0xFFFD : v.i;
            if (r < 0 || r > 0x10FFFF)
                r = 0xFFFD;
            int w = sc_encode_rune(u, (int32_t)r);
            struct value s = interp_str(g, u, (size_t)w);
            s.t = t;
            return s;
        }
        if (fk == T_SLICE) {
            const struct type *et = from->underlying->u.array.elem;
            struct value s;
            if (race_on(g))
                for (uint32_t i = 0; i < slice_len(v); i++)
                    race_read_var(g, slice_at(v, i), et);
            if (ukind(et) == T_UINT8) {
                uint32_t n = slice_len(v);
                char *buf = lv_malloc(n + 1);
                for (uint32_t i = 0; i < n; i++)
                    buf[i] = (char)slice_at(v, i)->u;
                s = interp_str(g, buf, n);
                free(buf);
            } else {
                s = string_from_runes(g, v);
            }
            s.t = t;
            return s;
        }
        v.t = t;
        return v;
    }
    if (tk == T_SLICE && fk == T_STRING) {
        const struct type *et = t->underlying->u.array.elem;
        const char *s = str_ptr(v);
        size_t n = str_len(v);
        push(g, v);
        struct value out;
        if (ukind(et) == T_UINT8) {
            out = new_slice(g, t, (uint32_t)n, (uint32_t)n);
            s = str_ptr(g->stk[g->sp - 1]);
            for (size_t i = 0; i < n; i++)
                slice_at(out, (uint32_t)i)->u = (unsigned char)s[i];
        } else {
            size_t rn = sc_rune_count(s, n);
            out = new_slice(g, t, (uint32_t)rn, (uint32_t)rn);
            s = str_ptr(g->stk[g->sp - 1]);
            size_t k = 0;
            for (size_t i = 0; i < n;) {
                int32_t r;
                i += (size_t)sc_decode_rune(s + i, n - i, &r);
                slice_at(out, (uint32_t)k++)->i = r;
            }
        }
        g->sp--;
        return out;
    }
    if (fk == T_SLICE && (tk == T_ARRAY || tk == T_POINTER))
        return slice_to_array(g, v, t);
    if (is_aggr(t) && v.p) {
        v.t = t;
        struct value c = interp_copy(g, v);
        return c;
    }
    v.t = t;
    return v;
}

/* ---- operators ----------------------------------------------------------------------- */

static struct value str_concat(struct gstate *g, struct value a, struct value b,
                               const struct type *t)
{
    size_t na = str_len(a), nb = str_len(b);
    if (!na) {
        b.t = t;
        return b;
    }
    if (!nb) {
        a.t = t;
        return a;
    }
    push(g, a);
    push(g, b);
    struct vstr *o = interp_alloc(g, GC_STR, sizeof *o + na + nb + 1);
    b = pop(g);
    a = pop(g);
    o->len = na + nb;
    memcpy(o->s, str_ptr(a), na);
    memcpy(o->s + na, str_ptr(b), nb);
    o->s[na + nb] = 0;
    struct value v = {.p = o, .t = t};
    return v;
}

static int str_cmp(struct value a, struct value b)
{
    size_t na = str_len(a), nb = str_len(b);
    int c = memcmp(str_ptr(a), str_ptr(b), na < nb ? na : nb);
    if (c)
        return c;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static bool equal_checked(struct gstate *g, struct value a, struct value b)
{
    enum value_err err = VE_OK;
    const struct type *bad = NULL;
    bool eq = value_equal(a, b, &err, &bad);
    if (err) {
        char tn[200];
        interp_panic_rt(g, RTE_ERRORSTRING, "comparing uncomparable type %s",
                        type_name(bad, tn, sizeof tn));
    }
    return eq;
}

static bool is_nil_value(struct value v, const struct type *t)
{
    if (ukind(t) == T_INTERFACE)
        return v.t == NULL;
    return v.p == NULL;
}

struct value interp_binop(struct gstate *g, enum ast_op op, struct value a, struct value b,
                          const struct type *ot, const struct type *rt)
{
    enum type_kind k = ukind(ot);
    struct value r = {.p = NULL, .t = rt};
    switch (op) {
    case OP_EQL:
    case OP_NEQ: {
        bool eq;
        if (k == T_FLOAT32 || k == T_FLOAT64)
            eq = a.f == b.f;
        else if (k == T_STRING)
            eq = str_cmp(a, b) == 0;
        else if (k == T_INTERFACE || k == T_STRUCT || k == T_ARRAY || k == T_POINTER)
            eq = equal_checked(g, a, b);
        else if (k == T_CHAN || k == T_MAP || k == T_FUNC || k == T_SLICE)
            eq = a.p == b.p;
        else
            eq = a.u == b.u;
        r.i = op == OP_EQL ? eq : !eq;
        return r;
    }
    case OP_LSS:
    case OP_LEQ:
    case OP_GTR:
    case OP_GEQ: {
        int c;
        if (k == T_FLOAT32 || k == T_FLOAT64) {
            bool res = op == OP_LSS   ? a.f < b.f
                       : op == OP_LEQ ? a.f <= b.f
                       : op == OP_GTR ? a.f > b.f
                                      : a.f >= b.f;
            r.i = res;
            return r;
        }
        if (k == T_STRING)
            c = str_cmp(a, b);
        else if (types_is_unsigned(ot))
            c = a.u < b.u ? -1 : a.u > b.u;
        else
            c = a.i < b.i ? -1 : a.i > b.i;
        r.i = op == OP_LSS ? c < 0 : op == OP_LEQ ? c <= 0 : op == OP_GTR ? c > 0 : c >= 0;
        return r;
    }
    default: break;
    }
    if (k == T_STRING && op == OP_ADD)
        return str_concat(g, a, b, rt);
    if (k == T_FLOAT32 || k == T_FLOAT64) {
        double x = a.f, y = b.f, z = 0;
        switch (op) {
        case OP_ADD: z = x + y; break;
        case OP_SUB: z = x - y; break;
        case OP_MUL: z = x * y; break;
        case OP_QUO: z = x / y; break;
        default: break;
        }
        return value_float(rt, z);
    }
    bool uns = types_is_unsigned(ot);
    uint64_t x = a.u, y = b.u, z = 0;
    switch (op) {
    case OP_ADD: z = x + y; break;
    case OP_SUB: z = x - y; break;
    case OP_MUL: z = x * y; break;
    case OP_QUO:
        if (y == 0)
            interp_panic_rt(g, RTE_ERRORSTRING, "integer divide by zero");
        if (uns)
            z = value_wrap(k, (int64_t)x) == (int64_t)x && k != T_UINT && k != T_UINT64 &&
                        k != T_UINTPTR
                    ? x / y
                    : x / y;
        else if (b.i == -1)
            z = 0 - x;
        else
            z = (uint64_t)(a.i / b.i);
        break;
    case OP_REM:
        if (y == 0)
            interp_panic_rt(g, RTE_ERRORSTRING, "integer divide by zero");
        if (uns)
            z = x % y;
        else if (b.i == -1)
            z = 0;
        else
            z = (uint64_t)(a.i % b.i);
        break;
    case OP_AND: z = x & y; break;
    case OP_OR: z = x | y; break;
    case OP_XOR: z = x ^ y; break;
    case OP_AND_NOT: z = x & ~y; break;
    case OP_SHL:
    case OP_SHR: {
        const struct type *st = b.t ? b.t : ot;
        if (!types_is_unsigned(st) && b.i < 0)
            interp_panic_rt(g, RTE_ERRORSTRING, "negative shift amount");
        int bits = types_size_bits(ot);
        uint64_t s = y;
        if (op == OP_SHL) {
            z = s >= 64 ? 0 : x << s;
        } else if (uns) {
            uint64_t ux = x;
            if (bits < 64)
                ux &= (((uint64_t)1 << bits) - 1);
            z = s >= 64 ? 0 : ux >> s;
        } else {
            z = (uint64_t)(s >= 64 ? (a.i < 0 ? -1 : 0) : a.i >> s);
        }
        break;
    }
    default: break;
    }
    return value_int(rt, (int64_t)z);
}

static struct value unop(struct gstate *g, enum ast_op op, struct value a, const struct type *t)
{
    (void)g;
    switch (op) {
    case OP_NEG:
        if (types_is_float(t))
            return value_float(t, -a.f);
        return value_int(t, (int64_t)(0 - a.u));
    case OP_POS: return a;
    case OP_NOT: return value_bool(t, !a.i);
    case OP_BITNOT: return value_int(t, (int64_t)~a.u);
    default: return a;
    }
}

/* ---- composite literals -------------------------------------------------------------- */

static struct value composite(struct gstate *g, const struct ast_expr *e, const struct type *t)
{
    const struct type *u = t->underlying;
    if (u->kind == T_POINTER) {
        /* an elided &T{...} inside an outer literal */
        const struct type *et = u->u.array.elem;
        struct value v = composite(g, e, et);
        if (is_aggr(et)) {
            struct value p = {.p = v.p, .t = t};
            return p;
        }
        push(g, v);
        struct vbox *c = interp_box(g, 1);
        c->v[0] = pop(g);
        struct value p = {.p = c, .t = t};
        return p;
    }
    int n = e->u.composite.nelts;
    switch (u->kind) {
    case T_STRUCT: {
        struct value v = interp_zero(g, t);
        push(g, v);
        uint32_t keep = g->sp - 1;
        for (int i = 0; i < n; i++) {
            const struct ast_expr *el = e->u.composite.elts[i];
            if (el->kind == EX_KEYVALUE)
                el = el->u.kv.value;
            int fi = (int)e->u.composite.indices[i];
            const struct type *ft = u->u.strct.fields[fi].type;
            struct value x = el->kind == EX_COMPOSITE && !el->u.composite.type_expr
                                 ? composite(g, el, ft)
                                 : eval(g, el);
            x = typed(x, ft);
            struct vbox *b = g->stk[keep].p;
            value_store(g->in->heap, &b->v[fi], interp_copy(g, x));
        }
        g->sp = keep;
        return v;
    }
    case T_ARRAY:
    case T_SLICE: {
        const struct type *et = u->u.array.elem;
        struct value v;
        uint32_t len = (uint32_t)e->u.composite.length;
        if (u->kind == T_ARRAY)
            v = interp_zero(g, t);
        else
            v = new_slice(g, t, len, len);
        push(g, v);
        uint32_t keep = g->sp - 1;
        for (int i = 0; i < n; i++) {
            const struct ast_expr *el = e->u.composite.elts[i];
            if (el->kind == EX_KEYVALUE)
                el = el->u.kv.value;
            struct value x = el->kind == EX_COMPOSITE && !el->u.composite.type_expr
                                 ? composite(g, el, et)
                                 : eval(g, el);
            x = typed(x, et);
            uint32_t idx = (uint32_t)e->u.composite.indices[i];
            struct value cur = g->stk[keep];
            struct value *slot =
                u->kind == T_ARRAY ? &((struct vbox *)cur.p)->v[idx] : slice_at(cur, idx);
            value_store(g->in->heap, slot, interp_copy(g, x));
        }
        g->sp = keep;
        return v;
    }
    case T_MAP: {
        struct vmap *m = interp_alloc(g, GC_MAP, sizeof *m);
        m->t = t;
        struct value v = {.p = m, .t = t};
        push(g, v);
        uint32_t keep = g->sp - 1;
        const struct type *kt = u->u.map.key, *vt = u->u.map.elem;
        for (int i = 0; i < n; i++) {
            const struct ast_expr *kv = e->u.composite.elts[i];
            const struct ast_expr *ke = kv->u.kv.key, *ve = kv->u.kv.value;
            struct value k = ke->kind == EX_COMPOSITE && !ke->u.composite.type_expr
                                 ? composite(g, ke, kt)
                                 : eval(g, ke);
            push(g, typed(k, kt));
            struct value x = ve->kind == EX_COMPOSITE && !ve->u.composite.type_expr
                                 ? composite(g, ve, vt)
                                 : eval(g, ve);
            x = interp_copy(g, typed(x, vt));
            push(g, x);
            enum value_err err;
            const struct type *bad;
            struct value *slot = map_set(g->in->heap, m, g->stk[g->sp - 2], &err, &bad);
            if (err) {
                char tn[200];
                interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                                type_name(bad, tn, sizeof tn));
            }
            *slot = g->stk[g->sp - 1];
            g->sp -= 2;
        }
        g->sp = keep;
        return v;
    }
    default: return interp_zero(g, t);
    }
}

/* ---- closures and method values ------------------------------------------------------ */

static struct value func_lit(struct gstate *g, const struct ast_expr *e)
{
    const struct ast_func *f = e->u.func;
    const struct ifunc *fn = interp_func(g->in, f);
    uint32_t n = (uint32_t)f->ncaptures;
    if (n == 0) {
        struct value v = {.p = fn->static_v, .t = e->type};
        return v;
    }
    struct vclosure *c = interp_alloc(g, GC_CLOSURE, sizeof *c + (size_t)n * sizeof(struct value));
    c->fn = fn;
    c->n = n;
    for (uint32_t i = 0; i < n; i++) {
        const struct ast_capture *cap = &f->captures[i];
        struct value cell;
        if (cap->from_upval) {
            cell = g->top->clo->caps[cap->index];
        } else {
            uint32_t slot = g->top->base + (uint32_t)cap->index;
            cell = g->stk[slot];
            if (!is_cell(g, cell)) {
                /* The variable was not declared as captured (e.g. a
                 * parameter of a deferred literal): move it into a cell. */
                struct vbox *b = interp_box(g, 1);
                b->v[0] = g->stk[slot];
                g->stk[slot].p = b;
                g->stk[slot].t = g->in->ty.t_internal;
                cell = g->stk[slot];
            }
        }
        c->caps[i] = cell;
    }
    struct value v = {.p = c, .t = e->type};
    return v;
}

static struct value bind_method(struct gstate *g, struct value recv, const struct ast_func *m,
                                const struct type *ft)
{
    push(g, recv);
    struct vclosure *c = interp_alloc(g, GC_CLOSURE, sizeof *c + sizeof(struct value));
    c->fn = interp_func(g->in, m);
    c->n = 1;
    c->caps[0] = pop(g);
    struct value v = {.p = c, .t = ft};
    return v;
}

/* recv_value evaluates the receiver of a concrete method selector. */
static struct value recv_value(struct gstate *g, const struct ast_expr *sel)
{
    const struct ast_expr *x = sel->u.sel.x;
    int np = sel->u.sel.npath;
    if (sel->u.sel.recv_addr) {
        if (np == 0)
            return address_of(g, x, sel->u.sel.method->func->recv_type);
        /* &x.path: evaluate x, walk all but the last step, take the field's
         * address */
        struct value v = eval(g, x);
        push(g, v);
        for (int i = 0; i < np - 1; i++)
            v = sel_step(g, v, &sel->u.sel.path[i]);
        const struct type_step *last = &sel->u.sel.path[np - 1];
        if (last->deref) {
            deref_check(g, v);
            v = ptr_load(v);
        }
        struct vbox *b = v.p;
        const struct type *ft = v.t->underlying->u.strct.fields[last->field].type;
        struct value p = {.p = NULL, .t = sel->u.sel.method->func->recv_type};
        if (is_aggr(ft)) {
            p.p = b->v[last->field].p;
        } else {
            struct vref *r = interp_alloc(g, GC_REF, sizeof *r);
            r->base = b;
            r->idx = (uint32_t)last->field;
            p.p = r;
        }
        g->sp--;
        return p;
    }
    struct value v = eval(g, x);
    push(g, v);
    for (int i = 0; i < np; i++)
        v = sel_step(g, v, &sel->u.sel.path[i]);
    if (sel->u.sel.recv_deref) {
        deref_check(g, v);
        v = ptr_load(v);
    }
    g->sp--;
    return v;
}

/* ---- type assertions ----------------------------------------------------------------- */

static bool implements(struct interp *in, const struct type *dyn, const struct type *iface)
{
    return types_implements(in->ts, (struct type *)dyn, (struct type *)iface, NULL, NULL);
}

static void assert_fail(struct gstate *g, struct value v, const struct type *xt,
                        const struct type *t)
{
    char a[200], b[200], c[200];
    type_name(xt, a, sizeof a);
    type_name(t, c, sizeof c);
    if (!v.t) {
        if (ukind(t) == T_INTERFACE)
            interp_panic_rt(g, RTE_TYPEASSERT, "interface conversion: interface is nil, not %s", c);
        interp_panic_rt(g, RTE_TYPEASSERT, "interface conversion: %s is nil, not %s", a, c);
    }
    type_name(v.t, b, sizeof b);
    if (ukind(t) == T_INTERFACE) {
        const char *missing = NULL;
        bool wrong = false;
        types_implements(g->in->ts, (struct type *)v.t, (struct type *)t, &missing, &wrong);
        interp_panic_rt(g, RTE_TYPEASSERT, "interface conversion: %s is not %s: missing method %s",
                        b, c, missing ? missing : "?");
    }
    if (strcmp(b, c) == 0)
        interp_panic_rt(g, RTE_TYPEASSERT,
                        "interface conversion: %s is %s, not %s (types from different scopes)", a,
                        b, c);
    interp_panic_rt(g, RTE_TYPEASSERT, "interface conversion: %s is %s, not %s", a, b, c);
}

/* type_assert returns whether v (of interface type) holds t. */
bool interp_type_matches(struct gstate *g, struct value v, const struct type *t);
bool interp_type_matches(struct gstate *g, struct value v, const struct type *t)
{
    if (!v.t)
        return false;
    if (ukind(t) == T_INTERFACE)
        return implements(g->in, v.t, t);
    return v.t == t;
}

/* ---- calls ----------------------------------------------------------------------------- */

uint32_t interp_eval_call(struct gstate *g, const struct ast_expr *e);

/* copy(dst, src) of a slice of static type dt from a slice, or from a
 * string when from_string: returns the number of elements copied. */
static uint32_t builtin_copy(struct gstate *g, struct value dst, struct value src,
                             const struct type *dt, bool from_string)
{
    struct interp *in = g->in;
    uint32_t n = slice_len(dst);
    if (from_string) {
        if (str_len(src) < n)
            n = (uint32_t)str_len(src);
        if (race_on(g))
            for (uint32_t i = 0; i < n; i++)
                race_write_var(g, slice_at(dst, i), in->ty.t_uint8);
        for (uint32_t i = 0; i < n; i++)
            slice_at(dst, i)->u = (unsigned char)str_ptr(src)[i];
        return n;
    }
    if (slice_len(src) < n)
        n = slice_len(src);
    if (n && race_on(g)) {
        const struct type *et = dt->underlying->u.array.elem;
        for (uint32_t i = 0; i < n; i++)
            race_load(g, slice_at(src, i), et);
        for (uint32_t i = 0; i < n; i++)
            race_store(g, slice_at(dst, i), et);
    }
    if (n) {
        struct value *tmp = lv_malloc(n * sizeof *tmp);
        memcpy(tmp, slice_at(src, 0), n * sizeof *tmp);
        for (uint32_t i = 0; i < n; i++)
            value_store(in->heap, slice_at(dst, i), tmp[i]);
        free(tmp);
    }
    return n;
}

/* delete(m, k); panics as Go for an unhashable dynamic key type. */
static void builtin_delete(struct gstate *g, struct value m, struct value k)
{
    if (!m.p)
        return;
    enum value_err err = VE_OK;
    const struct type *bad = NULL;
    race_write_map(g, m.p);
    map_delete(m.p, k, &err, &bad);
    if (err) {
        char tn[200];
        interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                        type_name(bad, tn, sizeof tn));
    }
}

/* clear(x) of a map or a slice x of static type t. */
static void builtin_clear(struct gstate *g, struct value x, const struct type *t)
{
    if (!x.p)
        return;
    if (ukind(t) == T_MAP) {
        race_write_map(g, x.p);
        map_clear(x.p);
        return;
    }
    const struct type *et = t->underlying->u.array.elem;
    if (race_on(g))
        for (uint32_t i = 0; i < slice_len(x); i++)
            race_store(g, slice_at(x, i), et);
    push(g, x);
    for (uint32_t i = 0; i < slice_len(x); i++)
        *slice_at(x, i) = interp_zero(g, et);
    g->sp--;
}

static struct value builtin_call(struct gstate *g, const struct ast_expr *e, uint32_t *nres);

/* push_args pushes a call's arguments, packing variadic ones. */
static void push_args(struct gstate *g, const struct ast_expr *e, const struct type *ft)
{
    int nargs = e->u.call.nargs;
    struct ast_expr **args = e->u.call.args;
    if (e->u.call.tuple_arg) {
        uint32_t base = g->sp;
        interp_eval_multi(g, args[0], (uint32_t)args[0]->type->u.tuple.n);
        int n = args[0]->type->u.tuple.n;
        if (ft->u.func.variadic) {
            int fixed = ft->u.func.nparams - 1;
            int extra = n - fixed;
            const struct type *st = ft->u.func.params[fixed];
            struct value s = new_slice(g, st, (uint32_t)extra, (uint32_t)extra);
            for (int i = 0; i < extra; i++)
                *slice_at(s, (uint32_t)i) = interp_copy(
                    g, typed(g->stk[base + (uint32_t)(fixed + i)], st->underlying->u.array.elem));
            g->sp = base + (uint32_t)fixed;
            push(g, s);
        }
        return;
    }
    int vf = e->u.call.variadic_from;
    int fixed = vf >= 0 ? vf : nargs;
    for (int i = 0; i < fixed; i++) {
        struct value v = eval(g, args[i]);
        push(g, interp_copy(g, v));
    }
    if (vf >= 0) {
        const struct type *st = ft->u.func.params[ft->u.func.nparams - 1];
        const struct type *et = st->underlying->u.array.elem;
        uint32_t n = (uint32_t)(nargs - vf);
        if (n == 0) {
            push(g, (struct value){.p = NULL, .t = st});
            return;
        }
        uint32_t base = g->sp;
        for (int i = vf; i < nargs; i++)
            push(g, interp_copy(g, typed(eval(g, args[i]), et)));
        struct value s = new_slice(g, st, n, n);
        for (uint32_t i = 0; i < n; i++)
            *slice_at(s, i) = g->stk[base + i];
        g->sp = base;
        push(g, s);
    }
}

/* interp_eval_call evaluates a call and leaves its results at the returned
 * base (sp = base + number of results). */
uint32_t interp_eval_call(struct gstate *g, const struct ast_expr *e)
{
    uint32_t base = g->sp;
    const struct ast_expr *fun = ast_unparen(e->u.call.fun);
    switch (e->u.call.kind) {
    case CALL_FUNC: {
        const struct ifunc *fn = interp_func(g->in, e->u.call.func);
        push_args(g, e, e->u.call.func->type);
        interp_call_func(g, fn, NULL, base);
        return base;
    }
    case CALL_METHOD: {
        const struct ast_func *m = e->u.call.func;
        struct value recv = recv_value(g, fun);
        if (g->in->lockorder && interp_func(g->in, m)->lock_method)
            interp_label_lock(g, recv, fun->u.sel.x);
        push(g, interp_copy(g, recv));
        push_args(g, e, m->type);
        interp_call_func(g, interp_func(g->in, m), NULL, base);
        return base;
    }
    case CALL_IFACE: {
        struct value x = eval(g, fun->u.sel.x);
        push(g, x);
        for (int i = 0; i < fun->u.sel.npath; i++)
            x = sel_step(g, x, &fun->u.sel.path[i]);
        g->stk[base] = x;
        if (!x.t)
            interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
        push_args(g, e, fun->type);
        const struct type_msel *ms = interp_find_method(g->in, x.t, fun->u.sel.method->name_id);
        if (!ms)
            interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
        interp_call_msel(g, ms, base);
        return base;
    }
    case CALL_VALUE: {
        struct value fv = eval(g, fun);
        push(g, fv);
        uint32_t abase = g->sp;
        push_args(g, e, fun->type->underlying);
        uint32_t nargs = g->sp - abase;
        fv = g->stk[base];
        memmove(&g->stk[base], &g->stk[abase], nargs * sizeof(struct value));
        g->sp = base + nargs;
        push(g, fv); /* keep it reachable above the arguments */
        g->sp--;
        interp_call_value(g, fv, nargs);
        return base;
    }
    case CALL_BUILTIN: {
        uint32_t nres = 0;
        struct value v = builtin_call(g, e, &nres);
        g->sp = base;
        if (nres)
            push(g, v);
        return base;
    }
    default: interp_panic_str(g, "chanlab: unsupported call");
    }
}

/* ---- builtins ---------------------------------------------------------------------------- */

/* Go's size classes (bytes) for growslice's rounding. */
static const uint32_t size_classes[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,
    176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,
    480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,
    1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,
    6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

static uint64_t roundup_size(uint64_t n)
{
    if (n <= 32768) {
        for (size_t i = 0; i < sizeof size_classes / sizeof size_classes[0]; i++)
            if (n <= size_classes[i])
                return size_classes[i];
    }
    return (n + 8191) & ~(uint64_t)8191;
}

/* go_size: the size Go gives a value of type t (for append's growth). */
static uint64_t go_size(const struct type *t)
{
    const struct type *u = t->underlying;
    switch (u->kind) {
    case T_BOOL:
    case T_INT8:
    case T_UINT8: return 1;
    case T_INT16:
    case T_UINT16: return 2;
    case T_INT32:
    case T_UINT32:
    case T_FLOAT32: return 4;
    case T_STRING:
    case T_INTERFACE: return 16;
    case T_SLICE: return 24;
    case T_ARRAY: return (uint64_t)u->u.array.len * go_size(u->u.array.elem);
    case T_STRUCT: {
        uint64_t sz = 0, align = 1;
        for (int i = 0; i < u->u.strct.nfields; i++) {
            uint64_t fs = go_size(u->u.strct.fields[i].type);
            uint64_t fa = fs >= 8 ? 8 : fs >= 4 ? 4 : fs >= 2 ? 2 : 1;
            enum type_kind fk = ukind(u->u.strct.fields[i].type);
            if (fk == T_STRING || fk == T_INTERFACE || fk == T_SLICE || fk == T_STRUCT ||
                fk == T_ARRAY)
                fa = 8;
            if (fs == 0)
                fa = 1;
            sz = (sz + fa - 1) / fa * fa + fs;
            if (fa > align)
                align = fa;
        }
        return (sz + align - 1) / align * align;
    }
    default: return 8;
    }
}

static uint32_t grow_cap(uint32_t oldcap, uint64_t newlen, const struct type *et)
{
    uint64_t newcap = oldcap;
    uint64_t dbl = newcap + newcap;
    if (newlen > dbl) {
        newcap = newlen;
    } else if (oldcap < 256) {
        newcap = dbl;
    } else {
        while (newcap < newlen)
            newcap += (newcap + 3 * 256) >> 2;
    }
    uint64_t es = go_size(et);
    if (es == 0)
        return (uint32_t)newcap;
    uint64_t bytes = roundup_size(newcap * es);
    newcap = bytes / es;
    if (newcap > UINT32_MAX - 1)
        newcap = UINT32_MAX - 1;
    return (uint32_t)newcap;
}

/* append_values appends n values at stk[from..] to slice s of type st. */
static struct value append_values(struct gstate *g, struct value s, const struct type *st,
                                  uint32_t from, uint32_t n)
{
    const struct type *et = st->underlying->u.array.elem;
    uint32_t len = slice_len(s), cap = slice_cap(s);
    if (n == 0) {
        s.t = st;
        return s;
    }
    if ((uint64_t)len + n > UINT32_MAX - 1)
        interp_panic_rt(g, RTE_ERRORSTRING, "growslice: len out of range");
    push(g, s);
    struct vslice *ns = interp_alloc(g, GC_SLICE, sizeof *ns);
    s = pop(g);
    if (len + n <= cap) {
        struct vslice *os = s.p;
        *ns =
            (struct vslice){.h = ns->h, .arr = os->arr, .off = os->off, .len = len + n, .cap = cap};
    } else {
        uint32_t nc = grow_cap(cap, (uint64_t)len + n, et);
        if (heap_would_exceed(g->in->heap, (size_t)nc * sizeof(struct value))) {
            heap_collect(g->in->heap);
            if (heap_would_exceed(g->in->heap, (size_t)nc * sizeof(struct value)))
                interp_oom(g, (size_t)nc * sizeof(struct value));
        }
        push(g, s);
        push(g, (struct value){.p = ns, .t = st});
        struct vbox *arr = interp_box(g, nc);
        g->sp -= 2;
        /* Go's growslice reads the old elements as one range; one shadow
         * lookup per element cost mapslice 1.4x more under --race, so the
         * copy is not instrumented (a race between a growing append and a
         * write of an old element through another slice header is missed;
         * a shared slice variable itself is still checked). */
        if (len)
            memcpy(arr->v, slice_at(s, 0), len * sizeof(struct value));
        struct value z = {.p = NULL, .t = ukind(et) == T_INTERFACE ? NULL : et};
        for (uint32_t i = len; i < nc; i++)
            arr->v[i] = z;
        if (is_aggr(et))
            for (uint32_t i = len + n; i < nc; i++)
                arr->v[i] = interp_zero(g, et);
        ns->arr = arr;
        ns->off = 0;
        ns->len = len + n;
        ns->cap = nc;
    }
    if (race_on(g))
        for (uint32_t i = 0; i < n; i++)
            race_store(g, &ns->arr->v[ns->off + len + i], et);
    for (uint32_t i = 0; i < n; i++)
        ns->arr->v[ns->off + len + i] = interp_copy(g, typed(g->stk[from + i], et));
    struct value r = {.p = ns, .t = st};
    return r;
}

static unsigned long long ptr_bits(const void *p)
{
    return (unsigned long long)(uintptr_t)p;
}

static void print_value(struct sbuf *b, struct value v, const struct type *t)
{
    enum type_kind k = ukind(t);
    switch (k) {
    case T_BOOL: sbuf_puts(b, v.i ? "true" : "false"); return;
    case T_FLOAT32:
    case T_FLOAT64: sc_print_float(b, v.f); return;
    case T_STRING: sbuf_put(b, str_ptr(v), str_len(v)); return;
    /* Addresses print as Go's print does, in hex with 0x0 for nil (libc's
     * %p would say "(nil)"). */
    case T_INTERFACE: sbuf_printf(b, "(0x%llx,0x%llx)", ptr_bits(v.t), ptr_bits(v.p)); return;
    case T_SLICE:
        sbuf_printf(b, "[%u/%u]0x%llx", slice_len(v), slice_cap(v), ptr_bits(v.p));
        return;
    case T_POINTER:
    case T_CHAN:
    case T_MAP:
    case T_FUNC: sbuf_printf(b, "0x%llx", ptr_bits(v.p)); return;
    default:
        if (types_is_unsigned(t))
            sbuf_printf(b, "%llu", (unsigned long long)v.u);
        else
            sbuf_printf(b, "%lld", (long long)v.i);
    }
}

struct value interp_recover(struct gstate *g);

static struct value minmax(struct gstate *g, const struct ast_expr *e, bool want_max)
{
    int n = e->u.call.nargs;
    const struct type *t = e->type;
    struct value best = eval(g, e->u.call.args[0]);
    push(g, best);
    uint32_t keep = g->sp - 1;
    for (int i = 1; i < n; i++) {
        struct value x = eval(g, e->u.call.args[i]);
        best = g->stk[keep];
        bool take;
        enum type_kind k = ukind(t);
        if (k == T_FLOAT32 || k == T_FLOAT64) {
            if (best.f != best.f)
                take = false;
            else if (x.f != x.f)
                take = true;
            else if (x.f == best.f && x.f == 0)
                take = want_max ? !signbit(x.f) : signbit(x.f);
            else
                take = want_max ? x.f > best.f : x.f < best.f;
        } else if (k == T_STRING) {
            take = want_max ? str_cmp(x, best) > 0 : str_cmp(x, best) < 0;
        } else if (types_is_unsigned(t)) {
            take = want_max ? x.u > best.u : x.u < best.u;
        } else {
            take = want_max ? x.i > best.i : x.i < best.i;
        }
        if (take)
            g->stk[keep] = x;
    }
    best = g->stk[keep];
    g->sp = keep;
    best.t = t;
    return best;
}

static int64_t len_of(struct value v, const struct type *t)
{
    switch (ukind(t)) {
    case T_STRING: return (int64_t)str_len(v);
    case T_SLICE: return slice_len(v);
    case T_ARRAY: return t->underlying->u.array.len;
    case T_POINTER: return t->underlying->u.array.elem->underlying->u.array.len;
    case T_MAP: return v.p ? (int64_t)((struct vmap *)v.p)->count : 0;
    case T_CHAN: return v.p ? (int64_t)rt_chan_len(((struct vchan *)v.p)->rc) : 0;
    default: return 0;
    }
}

static struct value builtin_call(struct gstate *g, const struct ast_expr *e, uint32_t *nres)
{
    struct interp *in = g->in;
    struct ast_expr **args = e->u.call.args;
    int nargs = e->u.call.nargs;
    *nres = 1;
    struct value r = {.p = NULL, .t = e->type};
    switch (e->u.call.builtin) {
    case BI_LEN:
    case BI_CAP: {
        const struct type *t = args[0]->type;
        struct value v = eval(g, args[0]);
        int64_t n;
        if (e->u.call.builtin == BI_LEN && ukind(t) == T_MAP)
            race_read_map(g, v.p); /* len(m) reads the map */
        if (e->u.call.builtin == BI_LEN)
            n = len_of(v, t);
        else if (ukind(t) == T_SLICE)
            n = slice_cap(v);
        else if (ukind(t) == T_CHAN)
            n = v.p ? (int64_t)rt_chan_cap(((struct vchan *)v.p)->rc) : 0;
        else
            n = len_of(v, t);
        return value_int(e->type, n);
    }
    case BI_APPEND: {
        const struct type *st = e->type;
        struct value s = eval(g, args[0]);
        push(g, s);
        uint32_t keep = g->sp - 1;
        if (e->u.call.has_dots) {
            struct value src = eval(g, args[1]);
            push(g, src);
            uint32_t from = g->sp;
            if (ukind(args[1]->type) == T_STRING) {
                size_t n = str_len(src);
                for (size_t i = 0; i < n; i++) {
                    struct value b = {.u = (unsigned char)str_ptr(g->stk[from - 1])[i],
                                      .t = in->ty.t_uint8};
                    push(g, b);
                }
            } else {
                uint32_t n = slice_len(src);
                if (g->sp + n > g->cap)
                    interp_grow(g, n);
                if (race_on(g)) {
                    const struct type *set = args[1]->type->underlying->u.array.elem;
                    for (uint32_t i = 0; i < n; i++)
                        race_load(g, slice_at(g->stk[from - 1], i), set);
                }
                for (uint32_t i = 0; i < n; i++)
                    g->stk[g->sp++] = *slice_at(g->stk[from - 1], i);
            }
            r = append_values(g, g->stk[keep], st, from, g->sp - from);
        } else {
            uint32_t from = g->sp;
            for (int i = 1; i < nargs; i++)
                push(g, eval(g, args[i]));
            r = append_values(g, g->stk[keep], st, from, g->sp - from);
        }
        g->sp = keep;
        return r;
    }
    case BI_COPY: {
        struct value dst = eval(g, args[0]);
        push(g, dst);
        struct value src = eval(g, args[1]);
        g->sp--;
        uint32_t n = builtin_copy(g, dst, src, args[0]->type, ukind(args[1]->type) == T_STRING);
        return value_int(e->type, n);
    }
    case BI_DELETE: {
        *nres = 0;
        struct value m = eval(g, args[0]);
        push(g, m);
        struct value k = eval(g, args[1]);
        g->sp--;
        builtin_delete(g, m, k);
        return r;
    }
    case BI_CLEAR: {
        *nres = 0;
        builtin_clear(g, eval(g, args[0]), args[0]->type);
        return r;
    }
    case BI_MAKE: {
        const struct type *t = e->type;
        int64_t a1 = 0, a2 = -1;
        if (nargs > 1) {
            struct value v = eval(g, args[1]);
            a1 = v.i;
            if (types_is_unsigned(args[1]->type) && v.u > (uint64_t)INT64_MAX)
                a1 = -1;
        }
        if (nargs > 2) {
            struct value v = eval(g, args[2]);
            a2 = v.i;
            if (types_is_unsigned(args[2]->type) && v.u > (uint64_t)INT64_MAX)
                a2 = -2;
        }
        switch (ukind(t)) {
        case T_SLICE: {
            if (a1 < 0)
                interp_panic_rt(g, RTE_ERRORSTRING, "makeslice: len out of range");
            if (a1 > UINT32_MAX - 1) {
                /* Go would make it (or run out of memory); chanlab cannot
                 * index that far: a recoverable panic for zero-size
                 * elements, the heap limit otherwise. */
                if (go_size(t->underlying->u.array.elem) == 0)
                    interp_panic_rt(g, RTE_ERRORSTRING, "makeslice: len out of range");
                interp_oom(g, (size_t)a1 * sizeof(struct value));
            }
            if (a2 == -1)
                a2 = a1;
            if (a2 < a1)
                interp_panic_rt(g, RTE_ERRORSTRING, "makeslice: cap out of range");
            if (a2 > UINT32_MAX - 1)
                interp_oom(g, (size_t)a2 * sizeof(struct value));
            size_t bytes = (size_t)a2 * sizeof(struct value);
            if (heap_would_exceed(in->heap, bytes)) {
                heap_collect(in->heap);
                if (heap_would_exceed(in->heap, bytes))
                    interp_oom(g, bytes);
            }
            return new_slice(g, t, (uint32_t)a1, (uint32_t)a2);
        }
        case T_MAP: {
            if (a1 < 0)
                interp_panic_rt(g, RTE_ERRORSTRING, "makemap: size out of range");
            struct vmap *m = interp_alloc(g, GC_MAP, sizeof *m);
            m->t = t;
            r.p = m;
            return r;
        }
        case T_CHAN:
            if (a1 < 0 || a1 > (int64_t)1 << 40)
                interp_panic_rt(g, RTE_PLAIN, "makechan: size out of range");
            return interp_make_chan(g, t, a1);
        default: return interp_zero(g, t);
        }
    }
    case BI_NEW: {
        const struct type *et = e->type->underlying->u.array.elem;
        struct value z = interp_zero(g, et);
        if (is_aggr(et)) {
            r.p = z.p;
            return r;
        }
        struct vbox *c = interp_box(g, 1);
        c->v[0] = z;
        r.p = c;
        return r;
    }
    case BI_PANIC: {
        struct value v = eval(g, args[0]);
        if (!v.t) {
            /* Go 1.21+: panic(nil) becomes a *runtime.PanicNilError. */
            interp_panic_rt(g, RTE_PLAIN,
                            "panic called with nil argument (use -gcflags=-d=panicnil=1 to "
                            "make this a no-op)");
        }
        interp_panic(g, v);
    }
    case BI_RECOVER: return interp_recover(g);
    case BI_PRINT:
    case BI_PRINTLN: {
        *nres = 0;
        struct sbuf b = {0};
        uint32_t base = g->sp;
        for (int i = 0; i < nargs; i++)
            push(g, eval(g, args[i]));
        for (int i = 0; i < nargs; i++) {
            if (i && e->u.call.builtin == BI_PRINTLN)
                sbuf_putc(&b, ' ');
            print_value(&b, g->stk[base + (uint32_t)i], args[i]->type);
        }
        if (e->u.call.builtin == BI_PRINTLN)
            sbuf_putc(&b, '\n');
        g->sp = base;
        interp_write(in, 2, b.s ? b.s : "", b.len);
        sbuf_free(&b);
        return r;
    }
    case BI_MIN: return minmax(g, e, false);
    case BI_MAX: return minmax(g, e, true);
    case BI_CLOSE: {
        *nres = 0;
        struct value ch = eval(g, args[0]);
        interp_chan_close(g, ch);
        return r;
    }
    default: interp_panic_str(g, "chanlab: unsupported builtin");
    }
}

/* A deferred builtin: arguments were evaluated at the defer statement. */
void interp_builtin_deferred(struct gstate *g, int id, uint32_t base, uint32_t nargs);
void interp_builtin_deferred(struct gstate *g, int id, uint32_t base, uint32_t nargs)
{
    struct interp *in = g->in;
    switch (id) {
    case BI_CLOSE: interp_chan_close(g, g->stk[base]); return;
    case BI_PANIC: {
        struct value v = g->stk[base];
        if (!v.t)
            interp_panic_rt(g, RTE_PLAIN,
                            "panic called with nil argument (use -gcflags=-d=panicnil=1 to "
                            "make this a no-op)");
        interp_panic(g, v);
    }
    case BI_PRINT:
    case BI_PRINTLN: {
        struct sbuf b = {0};
        for (uint32_t i = 0; i < nargs; i++) {
            struct value v = g->stk[base + i];
            if (i && id == BI_PRINTLN)
                sbuf_putc(&b, ' ');
            print_value(&b, v, v.t ? v.t : in->ty.t_any);
        }
        if (id == BI_PRINTLN)
            sbuf_putc(&b, '\n');
        interp_write(in, 2, b.s ? b.s : "", b.len);
        sbuf_free(&b);
        return;
    }
    case BI_DELETE: builtin_delete(g, g->stk[base], g->stk[base + 1]); return;
    case BI_COPY: {
        /* The values carry their types (a slice's or a string's own). */
        struct value src = g->stk[base + 1];
        builtin_copy(g, g->stk[base], src, g->stk[base].t, src.t && ukind(src.t) == T_STRING);
        return;
    }
    case BI_CLEAR: builtin_clear(g, g->stk[base], g->stk[base].t); return;
    default: return; /* recover() deferred directly recovers nothing */
    }
}

/* ---- the evaluator ---------------------------------------------------------------------- */

static struct value eval_index(struct gstate *g, const struct ast_expr *e)
{
    const struct type *xt = e->u.index.x->type;
    enum type_kind xk = ukind(xt);
    struct value x = eval(g, e->u.index.x);
    if (xk == T_MAP) {
        push(g, x);
        struct value k = eval(g, e->u.index.index);
        g->sp--;
        struct value z;
        if (x.p) {
            enum value_err err;
            const struct type *bad;
            race_read_map(g, x.p);
            struct value *slot = map_find(x.p, k, &err, &bad);
            if (err) {
                char tn[200];
                interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                                type_name(bad, tn, sizeof tn));
            }
            if (slot)
                return *slot;
        }
        z = interp_zero(g, e->type);
        return z;
    }
    push(g, x);
    int64_t i = index_value(g, e->u.index.index);
    g->sp--;
    switch (xk) {
    case T_STRING: {
        bounds(g, i, (int64_t)str_len(x));
        return value_int(e->type, (unsigned char)str_ptr(x)[i]);
    }
    case T_SLICE: {
        bounds(g, i, slice_len(x));
        struct value *slot = slice_at(x, (uint32_t)i);
        race_read_var(g, slot, e->type);
        return *slot;
    }
    case T_POINTER: deref_check(g, x); x = ptr_load(x); /* fallthrough */
    case T_ARRAY: {
        struct vbox *b = x.p;
        bounds(g, i, b->n);
        race_read_box(g, b, (uint32_t)i, e->type);
        return b->v[i];
    }
    default: return x;
    }
}

/* Go's slice-bounds failures (runtime.boundsError): the format for x out
 * of range against y, and the shorter one Go uses when x is negative. */
enum slice_fail { SF_ALEN, SF_ACAP, SF_B, SF_3ALEN, SF_3ACAP, SF_3B, SF_3C };
static const char *const slice_fail_fmt[][2] = {
    [SF_ALEN] = {"slice bounds out of range [:%lld] with length %lld",
                 "slice bounds out of range [:%lld]"},
    [SF_ACAP] = {"slice bounds out of range [:%lld] with capacity %lld",
                 "slice bounds out of range [:%lld]"},
    [SF_B] = {"slice bounds out of range [%lld:%lld]", "slice bounds out of range [%lld:]"},
    [SF_3ALEN] = {"slice bounds out of range [::%lld] with length %lld",
                  "slice bounds out of range [::%lld]"},
    [SF_3ACAP] = {"slice bounds out of range [::%lld] with capacity %lld",
                  "slice bounds out of range [::%lld]"},
    [SF_3B] = {"slice bounds out of range [:%lld:%lld]", "slice bounds out of range [:%lld:]"},
    [SF_3C] = {"slice bounds out of range [%lld:%lld:]", "slice bounds out of range [%lld::]"},
};

/* slice_check panics unless 0 <= x <= y (Go compares them unsigned). */
static void slice_check(struct gstate *g, int64_t x, int64_t y, enum slice_fail kind)
{
    if (x >= 0 && x <= y)
        return;
    interp_panic_rt(g, RTE_BOUNDS, slice_fail_fmt[kind][x < 0], (long long)x, (long long)y);
}

/* x[lo:hi] and x[lo:hi:max]. The checks run in Go's order, from the
 * right: max against the capacity, hi against max (or against the
 * capacity, the length for strings and arrays), then lo against hi. */
static struct value eval_slice_expr(struct gstate *g, const struct ast_expr *e)
{
    const struct type *xt = e->u.slice.x->type;
    enum type_kind xk = ukind(xt);
    struct value x = eval(g, e->u.slice.x);
    push(g, x);
    int64_t lo = 0, hi = 0, max = 0;
    if (e->u.slice.lo)
        lo = index_value(g, e->u.slice.lo);
    if (e->u.slice.hi)
        hi = index_value(g, e->u.slice.hi);
    if (e->u.slice.max)
        max = index_value(g, e->u.slice.max);
    g->sp--;
    if (xk == T_STRING) {
        int64_t n = (int64_t)str_len(x);
        if (e->u.slice.hi)
            slice_check(g, hi, n, SF_ALEN);
        else
            hi = n;
        slice_check(g, lo, hi, SF_B);
        push(g, x);
        struct value s = interp_str(g, str_ptr(x) + lo, (size_t)(hi - lo));
        g->sp--;
        s.t = e->type;
        return s;
    }
    struct vbox *arr;
    uint32_t off, len, cap;
    if (xk == T_SLICE) {
        struct vslice *s = x.p;
        arr = s ? s->arr : NULL;
        off = s ? s->off : 0;
        len = s ? s->len : 0;
        cap = s ? s->cap : 0;
    } else {
        if (xk == T_POINTER) {
            deref_check(g, x);
            x = ptr_load(x);
        }
        arr = x.p;
        off = 0;
        len = cap = arr->n;
    }
    bool is_slice = xk == T_SLICE;
    if (e->u.slice.max) {
        slice_check(g, max, cap, is_slice ? SF_3ACAP : SF_3ALEN);
        slice_check(g, hi, max, SF_3B);
        slice_check(g, lo, hi, SF_3C);
    } else {
        max = cap;
        if (e->u.slice.hi)
            slice_check(g, hi, cap, is_slice ? SF_ACAP : SF_ALEN);
        else
            hi = len;
        slice_check(g, lo, hi, SF_B);
    }
    if (!arr) {
        struct value nil = {.p = NULL, .t = e->type};
        return nil;
    }
    push(g, (struct value){.p = arr, .t = g->in->ty.t_internal});
    struct vslice *ns = interp_alloc(g, GC_SLICE, sizeof *ns);
    g->sp--;
    ns->arr = arr;
    ns->off = off + (uint32_t)lo;
    ns->len = (uint32_t)(hi - lo);
    ns->cap = (uint32_t)(max - lo);
    struct value v = {.p = ns, .t = e->type};
    return v;
}

static struct value eval_selector(struct gstate *g, const struct ast_expr *e)
{
    switch (e->u.sel.kind) {
    case SELX_PKG: {
        const struct ast_ref *r = &e->u.sel.ref;
        switch (r->kind) {
        case REF_GLOBAL: return global_load(g, r->index, e->type);
        case REF_FUNC: return interp_func_value(g->in, r->func);
        case REF_CONST: return const_value(g, e);
        default: return interp_zero(g, e->type);
        }
    }
    case SELX_FIELD: {
        struct value v = eval(g, e->u.sel.x);
        push(g, v);
        for (int i = 0; i < e->u.sel.npath; i++)
            v = sel_step(g, v, &e->u.sel.path[i]);
        g->sp--;
        return v;
    }
    case SELX_METHOD: {
        struct value recv = interp_copy(g, recv_value(g, e));
        return bind_method(g, recv, e->u.sel.method->func, e->type);
    }
    case SELX_IFACE: {
        struct value x = eval(g, e->u.sel.x);
        push(g, x);
        for (int i = 0; i < e->u.sel.npath; i++)
            x = sel_step(g, x, &e->u.sel.path[i]);
        g->sp--;
        if (!x.t)
            interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
        const struct type_msel *ms = interp_find_method(g->in, x.t, e->u.sel.method->name_id);
        while (!ms->func) {
            /* promoted from an embedded interface: bind its value now */
            push(g, x);
            for (int i = 0; i < ms->npath; i++)
                x = sel_step(g, x, &ms->path[i]);
            g->sp--;
            if (!x.t)
                interp_panic_rt(g, RTE_ERRORSTRING, NILDEREF);
            ms = interp_find_method(g->in, x.t, e->u.sel.method->name_id);
        }
        /* bind the dynamic value as it is (a copy when it is a struct):
         * the call walks to the receiver (interp_is_iface_method_value) */
        push(g, interp_copy(g, x));
        struct vclosure *c = interp_alloc(g, GC_CLOSURE, sizeof *c + 2 * sizeof(struct value));
        c->fn = interp_func(g->in, ms->func);
        c->n = 2;
        c->caps[0] = pop(g);
        c->caps[1] = value_int(g->in->ty.t_int, e->u.sel.method->name_id);
        struct value m = {.p = c, .t = e->type};
        return m;
    }
    case SELX_METHOD_EXPR:
        return interp_method_expr(g->in, e->u.sel.x->type, e->u.sel.method->name_id, e->type);
    default: return interp_zero(g, e->type);
    }
}

/* const_retyped is the constant e with type xt (a constant converted to an
 * interface keeps its operand's type). Out of line: the copy of e would
 * otherwise sit in eval's frame, which every call through eval stacks (a
 * recursion a million deep pays it a million times). */
static __attribute__((noinline)) struct value
const_retyped(struct gstate *g, const struct ast_expr *e, const struct type *xt)
{
    struct ast_expr tmp = *e;
    tmp.type = (struct type *)xt;
    return const_value(g, &tmp);
}

static struct value eval(struct gstate *g, const struct ast_expr *e)
{
    /* A conversion's folded value is used for numbers and booleans only
     * (for strings it was seen invalid: docs/lang-interp-needs.md); to an
     * interface, the constant keeps its operand's type. */
    if (e->cv) {
        if (e->kind != EX_CONVERT)
            return const_value(g, e);
        enum const_kind ck = e->cv->kind;
        const struct type *xt = e->u.convert.x->type;
        enum type_kind xk = xt->underlying->kind;
        bool numeric =
            (xk >= T_BOOL && xk <= T_FLOAT64) || (xk >= T_UNTYPED_BOOL && xk <= T_UNTYPED_FLOAT);
        if (numeric && (ck == CONST_BOOL || ck == CONST_INT || ck == CONST_FLOAT)) {
            if (ukind(e->type) != T_INTERFACE || types_is_untyped(xt))
                return const_value(g, e);
            return const_retyped(g, e, xt);
        }
    }
    switch (e->kind) {
    case EX_IDENT: return load_ident(g, e);
    case EX_PAREN: return eval(g, e->u.unary.x);
    case EX_FUNCLIT: return func_lit(g, e);
    case EX_COMPOSITE: return composite(g, e, e->type);
    case EX_SELECTOR: return eval_selector(g, e);
    case EX_INDEX: return eval_index(g, e);
    case EX_SLICE: return eval_slice_expr(g, e);
    case EX_TYPEASSERT: {
        struct value v = eval(g, e->u.assert.x);
        const struct type *t = e->type;
        if (!interp_type_matches(g, v, t))
            assert_fail(g, v, e->u.assert.x->type, t);
        return v;
    }
    case EX_CALL: {
        uint32_t base = interp_eval_call(g, e);
        struct value v = g->sp > base ? g->stk[base] : (struct value){0};
        g->sp = base;
        return v;
    }
    case EX_STAR: {
        struct value p = eval(g, e->u.unary.x);
        deref_check(g, p);
        if (race_on(g) && !is_aggr(e->type))
            race_read_var(g, ptr_slot(p), e->type);
        return ptr_load(p);
    }
    case EX_UNARY: {
        enum ast_op op = e->u.unary.op;
        if (op == OP_ADDR)
            return address_of(g, e->u.unary.x, e->type);
        struct value x = eval(g, e->u.unary.x);
        if (op == OP_ARROW) {
            interp_chan_recv(g, x, e->type);
            return pop(g);
        }
        return unop(g, op, x, e->type);
    }
    case EX_BINARY: {
        enum ast_op op = e->u.binary.op;
        if (op == OP_LAND || op == OP_LOR) {
            struct value x = eval(g, e->u.binary.x);
            if ((op == OP_LAND) != (x.i != 0))
                return value_bool(e->type, x.i != 0);
            struct value y = eval(g, e->u.binary.y);
            return value_bool(e->type, y.i != 0);
        }
        const struct ast_expr *xe = e->u.binary.x, *ye = e->u.binary.y;
        if (op == OP_EQL || op == OP_NEQ) {
            if (xe->type->kind == T_UNTYPED_NIL || ye->type->kind == T_UNTYPED_NIL) {
                const struct ast_expr *oe = xe->type->kind == T_UNTYPED_NIL ? ye : xe;
                struct value v = eval(g, oe);
                bool isnil = is_nil_value(v, oe->type);
                return value_bool(e->type, op == OP_EQL ? isnil : !isnil);
            }
        }
        struct value x = eval(g, xe);
        push(g, x);
        struct value y = eval(g, ye);
        x = pop(g);
        if (xe->type->kind == T_INT) {
            /* the common case, without the generic dispatch */
            struct value r = {.t = e->type};
            switch (op) {
            case OP_ADD: r.u = x.u + y.u; return r;
            case OP_SUB: r.u = x.u - y.u; return r;
            case OP_MUL: r.u = x.u * y.u; return r;
            case OP_LSS: r.i = x.i < y.i; return r;
            case OP_LEQ: r.i = x.i <= y.i; return r;
            case OP_GTR: r.i = x.i > y.i; return r;
            case OP_GEQ: r.i = x.i >= y.i; return r;
            case OP_EQL: r.i = x.i == y.i; return r;
            case OP_NEQ: r.i = x.i != y.i; return r;
            default: break;
            }
        }
        return interp_binop(g, op, x, y, xe->type, e->type);
    }
    case EX_CONVERT: {
        const struct ast_expr *x = e->u.convert.x;
        struct value v = x->kind == EX_COMPOSITE && !x->u.composite.type_expr
                             ? composite(g, x, x->type)
                             : eval(g, x);
        return interp_convert(g, v, x->type, e->type);
    }
    default: {
        struct value z = {0};
        return z;
    }
    }
}

struct value interp_eval(struct gstate *g, const struct ast_expr *e)
{
    return eval(g, e);
}

/* interp_eval_multi pushes the n values of a multi-valued expression: a
 * call, v, ok := m[k], x.(T), <-ch. */
void interp_eval_multi(struct gstate *g, const struct ast_expr *e, uint32_t n)
{
    e = ast_unparen((struct ast_expr *)e);
    struct interp *in = g->in;
    switch (e->kind) {
    case EX_CALL: interp_eval_call(g, e); return;
    case EX_INDEX: {
        struct value m = eval(g, e->u.index.x);
        push(g, m);
        uint32_t keep = g->sp - 1;
        struct value k = eval(g, e->u.index.index);
        bool ok = false;
        struct value v;
        if (m.p) {
            enum value_err err;
            const struct type *bad;
            race_read_map(g, m.p);
            struct value *slot = map_find(m.p, k, &err, &bad);
            if (err) {
                char tn[200];
                interp_panic_rt(g, RTE_ERRORSTRING, "hash of unhashable type %s",
                                type_name(bad, tn, sizeof tn));
            }
            if (slot) {
                ok = true;
                v = *slot;
            }
        }
        if (!ok)
            v = interp_zero(g, ukind(e->u.index.x->type) == T_MAP
                                   ? e->u.index.x->type->underlying->u.map.elem
                                   : e->type);
        g->sp = keep;
        push(g, v);
        push(g, value_bool(in->ty.t_bool, ok));
        return;
    }
    case EX_TYPEASSERT: {
        struct value v = eval(g, e->u.assert.x);
        const struct type *t = e->u.assert.type_expr ? e->u.assert.type_expr->type : e->type;
        if (interp_type_matches(g, v, t)) {
            push(g, v);
            push(g, value_bool(in->ty.t_bool, true));
        } else {
            push(g, interp_zero(g, t));
            push(g, value_bool(in->ty.t_bool, false));
        }
        return;
    }
    case EX_UNARY:
        if (e->u.unary.op == OP_ARROW) {
            struct value ch = eval(g, e->u.unary.x);
            const struct type *et = e->u.unary.x->type->underlying->u.chan.elem;
            bool ok = interp_chan_recv(g, ch, et);
            push(g, value_bool(in->ty.t_bool, ok));
            return;
        }
        break;
    default: break;
    }
    for (uint32_t i = 0; i < n; i++)
        push(g, (struct value){0});
}
