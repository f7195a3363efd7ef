/* value.c: constructing, copying, comparing and hashing values; maps. */
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- scalars ------------------------------------------------------------ */

int64_t value_wrap(enum type_kind k, int64_t i)
{
    switch (k) {
    case T_INT8: return (int8_t)i;
    case T_INT16: return (int16_t)i;
    case T_INT32: return (int32_t)i;
    case T_UINT8: return (uint8_t)i;
    case T_UINT16: return (uint16_t)i;
    case T_UINT32: return (uint32_t)i;
    default: return i;
    }
}

struct value value_norm(struct value v)
{
    v.i = value_wrap(type_ukind(v.t), v.i);
    return v;
}

struct value value_int(const struct type *t, int64_t i)
{
    struct value v = {.i = value_wrap(type_ukind(t), i), .t = t};
    return v;
}

struct value value_float(const struct type *t, double f)
{
    struct value v = {.f = type_ukind(t) == T_FLOAT32 ? (double)(float)f : f, .t = t};
    return v;
}

struct value value_bool(const struct type *t, bool b)
{
    struct value v = {.i = b, .t = t};
    return v;
}

/* ---- strings and boxes ----------------------------------------------------- */

struct vstr *str_new(struct heap *h, const char *s, size_t len)
{
    struct vstr *o = heap_alloc(h, GC_STR, sizeof *o + len + 1);
    if (!o)
        return NULL;
    o->len = len;
    if (len)
        memcpy(o->s, s, len);
    o->s[len] = 0;
    return o;
}

struct value value_str(struct heap *h, const struct type *t, const char *s, size_t len)
{
    struct value v = {.p = len ? str_new(h, s, len) : NULL, .t = t};
    return v;
}

struct vbox *box_new_raw(struct heap *h, uint32_t n)
{
    struct vbox *b = heap_alloc(h, GC_BOX, sizeof *b + (size_t)n * sizeof(struct value));
    if (b)
        b->n = n;
    return b;
}

struct vbox *cell_new(struct heap *h, struct value v)
{
    struct vbox *b = box_new_raw(h, 1);
    if (b)
        b->v[0] = v;
    return b;
}

struct value value_zero(struct heap *h, const struct type *t)
{
    struct value v = {.p = NULL, .t = t};
    const struct type *u = t->underlying;
    switch (u->kind) {
    case T_INTERFACE: v.t = NULL; break;
    case T_STRUCT: {
        struct vbox *b = box_new_raw(h, (uint32_t)u->u.strct.nfields);
        if (!b)
            return v;
        for (int i = 0; i < u->u.strct.nfields; i++)
            b->v[i] = value_zero(h, u->u.strct.fields[i].type);
        v.p = b;
        break;
    }
    case T_ARRAY: {
        struct vbox *b = box_new_raw(h, (uint32_t)u->u.array.len);
        if (!b)
            return v;
        for (int64_t i = 0; i < u->u.array.len; i++)
            b->v[i] = value_zero(h, u->u.array.elem);
        v.p = b;
        break;
    }
    default: break;
    }
    return v;
}

static bool is_aggregate(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_STRUCT || k == T_ARRAY;
}

struct value value_copy(struct heap *h, struct value v)
{
    if (!v.t || !is_aggregate(v.t) || !v.p)
        return v;
    struct vbox *src = v.p;
    struct vbox *b = box_new_raw(h, src->n);
    if (!b)
        return v;
    for (uint32_t i = 0; i < src->n; i++)
        b->v[i] = value_copy(h, src->v[i]);
    v.p = b;
    return v;
}

static bool box_is_flat(const struct vbox *b)
{
    for (uint32_t i = 0; i < b->n; i++)
        if (b->v[i].t && is_aggregate(b->v[i].t))
            return false;
    return true;
}

/* copy_into copies src's elements into dst's box in place, recursively, so
 * that pointers into dst (to it or to its nested boxes) stay valid. src must
 * not share boxes with dst. */
static void copy_into(struct heap *h, struct vbox *dst, const struct vbox *src)
{
    for (uint32_t i = 0; i < src->n; i++) {
        struct value s = src->v[i];
        struct value *d = &dst->v[i];
        if (s.t && is_aggregate(s.t) && d->t == s.t && d->p)
            copy_into(h, d->p, s.p);
        else
            *d = value_copy(h, s);
    }
}

void value_store(struct heap *h, struct value *dst, struct value v)
{
    if (!v.t || !is_aggregate(v.t) || dst->t != v.t || !dst->p) {
        *dst = value_copy(h, v);
        return;
    }
    if (dst->p == v.p)
        return;
    struct vbox *src = v.p;
    if (!box_is_flat(src)) {
        /* A nested source may live inside the destination (x = x.inner):
         * take a private copy first. */
        struct value tmp = value_copy(h, v);
        src = tmp.p;
    }
    copy_into(h, dst->p, src);
}

/* ---- pointers ------------------------------------------------------------ */

struct value *ptr_slot(struct value p)
{
    struct gc_obj *o = p.p;
    if (o->kind == GC_REF) {
        struct vref *r = p.p;
        return &r->base->v[r->idx];
    }
    return &((struct vbox *)o)->v[0];
}

struct value ptr_load(struct value p)
{
    const struct type *elem = p.t->underlying->u.array.elem;
    if (is_aggregate(elem)) {
        struct value v = {.p = p.p, .t = elem};
        return v;
    }
    return *ptr_slot(p);
}

/* ---- equality and hashing ------------------------------------------------ */

static bool type_is_comparable_dyn(const struct type *t)
{
    switch (t->underlying->kind) {
    case T_SLICE:
    case T_MAP:
    case T_FUNC: return false;
    default: return true;
    }
}

static bool ptr_equal(struct value a, struct value b)
{
    if (a.p == b.p)
        return true;
    if (!a.p || !b.p)
        return false;
    struct gc_obj *x = a.p, *y = b.p;
    if (x->kind == GC_REF && y->kind == GC_REF) {
        struct vref *r = a.p, *s = b.p;
        return r->base == s->base && r->idx == s->idx;
    }
    return false;
}

bool value_equal(struct value a, struct value b, enum value_err *err, const struct type **bad)
{
    if (a.t != b.t)
        return false; /* different dynamic types, or one nil interface */
    if (!a.t)
        return true;
    switch (a.t->underlying->kind) {
    case T_FLOAT32:
    case T_FLOAT64: return a.f == b.f;
    case T_STRING:
        return str_len(a) == str_len(b) && memcmp(str_ptr(a), str_ptr(b), str_len(a)) == 0;
    case T_POINTER: return ptr_equal(a, b);
    case T_STRUCT:
    case T_ARRAY: {
        /* Go's == on an interface holding a struct with a slice field
         * panics naming the struct type, whatever the fields hold. */
        if (!types_comparable(a.t)) {
            *err = VE_UNCOMPARABLE;
            *bad = a.t;
            return false;
        }
        struct vbox *x = a.p, *y = b.p;
        for (uint32_t i = 0; i < x->n; i++) {
            struct value xe = x->v[i], ye = y->v[i];
            if (xe.t && !type_is_comparable_dyn(xe.t)) {
                *err = VE_UNCOMPARABLE;
                *bad = xe.t;
                return false;
            }
            if (!value_equal(xe, ye, err, bad))
                return false;
        }
        return true;
    }
    case T_SLICE:
    case T_MAP:
    case T_FUNC:
        /* Only reachable through interfaces (the checker allows == nil
         * only): Go panics. */
        *err = VE_UNCOMPARABLE;
        *bad = a.t;
        return false;
    default: return a.u == b.u;
    }
}

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    return h;
}

uint64_t value_hash(struct value v, uint64_t seed, enum value_err *err, const struct type **bad)
{
    if (!v.t)
        return mix(seed, 0);
    uint64_t h = mix(seed, v.t->id);
    switch (v.t->underlying->kind) {
    case T_FLOAT32:
    case T_FLOAT64: {
        double f = v.f;
        if (f == 0)
            f = 0; /* +0 and -0 are equal keys */
        if (f != f)
            return h; /* NaN: never equal to anything, so any hash will do */
        uint64_t bits;
        memcpy(&bits, &f, sizeof bits);
        return mix(h, bits);
    }
    case T_STRING: {
        const unsigned char *s = (const unsigned char *)str_ptr(v);
        size_t n = str_len(v);
        uint64_t x = 0xcbf29ce484222325ull ^ h;
        for (size_t i = 0; i < n; i++)
            x = (x ^ s[i]) * 0x100000001b3ull;
        return mix(h, x);
    }
    case T_POINTER: {
        if (v.p && ((struct gc_obj *)v.p)->kind == GC_REF) {
            struct vref *r = v.p;
            return mix(mix(h, (uint64_t)(uintptr_t)r->base), r->idx);
        }
        return mix(h, (uint64_t)(uintptr_t)v.p);
    }
    case T_STRUCT:
    case T_ARRAY: {
        /* As Go: the dynamic type of the key (or of an interface inside
         * it) is what cannot be hashed, not the field that makes it so. */
        if (!types_comparable(v.t)) {
            *err = VE_UNHASHABLE;
            *bad = v.t;
            return h;
        }
        struct vbox *b = v.p;
        for (uint32_t i = 0; i < b->n; i++) {
            if (*err)
                return h;
            h = mix(h, value_hash(b->v[i], seed, err, bad));
        }
        return h;
    }
    case T_SLICE:
    case T_MAP:
    case T_FUNC:
        *err = VE_UNHASHABLE;
        *bad = v.t;
        return h;
    default: return mix(h, v.u);
    }
}

/* ---- maps ------------------------------------------------------------------ */

struct vmap *map_new(struct heap *h, const struct type *t, uint64_t seed)
{
    struct vmap *m = heap_alloc(h, GC_MAP, sizeof *m);
    if (!m)
        return NULL;
    m->t = t;
    (void)seed;
    return m;
}

static uint64_t map_seed(const struct vmap *m)
{
    return (uint64_t)(uintptr_t)m->t;
}

static void map_rebuild(struct vmap *m, size_t want_ent)
{
    /* Compact the entries, then size the index for want_ent entries. */
    size_t n = 0;
    for (size_t i = 0; i < m->nent; i++)
        if (m->ent[i].live)
            m->ent[n++] = m->ent[i];
    m->nent = n;
    size_t capent = m->capent ? m->capent : 8;
    while (capent < want_ent)
        capent *= 2;
    if (capent != m->capent) {
        m->ent = lv_realloc(m->ent, capent * sizeof *m->ent);
        m->capent = capent;
    }
    size_t nindex = 16;
    while (nindex < 2 * capent)
        nindex *= 2;
    free(m->index);
    m->index = lv_malloc(nindex * sizeof *m->index);
    memset(m->index, 0xff, nindex * sizeof *m->index);
    m->nindex = nindex;
    for (size_t i = 0; i < n; i++) {
        size_t j = m->ent[i].hash & (nindex - 1);
        while (m->index[j] >= 0)
            j = (j + 1) & (nindex - 1);
        m->index[j] = (int32_t)i;
    }
}

/* map_probe returns the index-table position of key, or of the empty slot
 * where it would go (*found false). */
static size_t map_probe(struct vmap *m, struct value key, uint64_t hash, bool *found,
                        enum value_err *err, const struct type **bad)
{
    size_t mask = m->nindex - 1;
    size_t j = hash & mask;
    *found = false;
    while (m->index[j] >= 0) {
        struct mapent *e = &m->ent[m->index[j]];
        if (e->live && e->hash == hash && value_equal(e->k, key, err, bad)) {
            *found = true;
            return j;
        }
        if (*err)
            return j;
        j = (j + 1) & mask;
    }
    return j;
}

struct value *map_find(struct vmap *m, struct value key, enum value_err *err,
                       const struct type **bad)
{
    *err = VE_OK;
    uint64_t hash = value_hash(key, map_seed(m), err, bad);
    if (*err || !m->nindex)
        return NULL;
    bool found;
    size_t j = map_probe(m, key, hash, &found, err, bad);
    return found ? &m->ent[m->index[j]].v : NULL;
}

struct value *map_set(struct heap *h, struct vmap *m, struct value key, enum value_err *err,
                      const struct type **bad)
{
    *err = VE_OK;
    uint64_t hash = value_hash(key, map_seed(m), err, bad);
    if (*err)
        return NULL;
    if (m->nindex) {
        bool found;
        size_t j = map_probe(m, key, hash, &found, err, bad);
        if (*err)
            return NULL;
        if (found)
            return &m->ent[m->index[j]].v;
    }
    if (m->nent + 1 > m->capent || 2 * (m->nent + 1) > m->nindex)
        map_rebuild(m, m->count + 1 > m->capent / 2 ? 2 * (m->count + 1) : m->count + 1);
    bool found;
    size_t j = map_probe(m, key, hash, &found, err, bad);
    struct mapent *e = &m->ent[m->nent];
    e->k = value_copy(h, key);
    e->v = value_zero(h, m->t->underlying->u.map.elem);
    e->hash = hash;
    e->live = true;
    m->index[j] = (int32_t)m->nent++;
    m->count++;
    return &e->v;
}

void map_delete(struct vmap *m, struct value key, enum value_err *err, const struct type **bad)
{
    *err = VE_OK;
    uint64_t hash = value_hash(key, map_seed(m), err, bad);
    if (*err || !m->nindex)
        return;
    bool found;
    size_t j = map_probe(m, key, hash, &found, err, bad);
    if (!found)
        return;
    struct mapent *e = &m->ent[m->index[j]];
    e->live = false;
    e->k.t = NULL;
    e->v.t = NULL;
    m->count--;
    /* The index keeps pointing at the tombstone so probing continues past
     * it; the next rebuild drops it. */
}

void map_clear(struct vmap *m)
{
    for (size_t i = 0; i < m->nent; i++) {
        m->ent[i].live = false;
        m->ent[i].k.t = m->ent[i].v.t = NULL;
    }
    m->count = 0;
    if (m->index)
        memset(m->index, 0xff, m->nindex * sizeof *m->index);
    m->nent = 0;
}

struct vbox *map_keys(struct heap *h, struct vmap *m, uint64_t start)
{
    struct vbox *b = box_new_raw(h, (uint32_t)m->count);
    if (!b || !m->nent)
        return b;
    uint32_t k = 0;
    size_t s = start % m->nent;
    for (size_t i = 0; i < m->nent && k < m->count; i++) {
        struct mapent *e = &m->ent[(s + i) % m->nent];
        if (e->live)
            b->v[k++] = e->k;
    }
    return b;
}

/* ---- types ------------------------------------------------------------------ */

bool type_has_pointers(const struct type *t)
{
    switch (t->underlying->kind) {
    case T_BOOL:
    case T_INT:
    case T_INT8:
    case T_INT16:
    case T_INT32:
    case T_INT64:
    case T_UINT:
    case T_UINT8:
    case T_UINT16:
    case T_UINT32:
    case T_UINT64:
    case T_UINTPTR:
    case T_FLOAT32:
    case T_FLOAT64: return false;
    default: return true;
    }
}

static size_t put(char *buf, size_t size, size_t at, const char *s)
{
    size_t n = strlen(s);
    if (at < size) {
        size_t room = size - at - 1;
        memcpy(buf + at, s, n < room ? n : room);
        buf[at + (n < room ? n : room)] = 0;
    }
    return at + n;
}

static size_t type_name_at(const struct type *t, char *buf, size_t size, size_t at)
{
    char tmp[32];
    switch (t->kind) {
    case T_NAMED: {
        char nb[256];
        types_string(t, nb, sizeof nb, NULL);
        return put(buf, size, at, nb);
    }
    case T_ARRAY:
        snprintf(tmp, sizeof tmp, "[%lld]", (long long)t->u.array.len);
        at = put(buf, size, at, tmp);
        return type_name_at(t->u.array.elem, buf, size, at);
    case T_SLICE:
        at = put(buf, size, at, "[]");
        return type_name_at(t->u.array.elem, buf, size, at);
    case T_POINTER:
        at = put(buf, size, at, "*");
        return type_name_at(t->u.array.elem, buf, size, at);
    case T_MAP:
        at = put(buf, size, at, "map[");
        at = type_name_at(t->u.map.key, buf, size, at);
        at = put(buf, size, at, "]");
        return type_name_at(t->u.map.elem, buf, size, at);
    case T_CHAN:
        at = put(buf, size, at,
                 t->u.chan.dir == CHAN_SEND   ? "chan<- "
                 : t->u.chan.dir == CHAN_RECV ? "<-chan "
                                              : "chan ");
        return type_name_at(t->u.chan.elem, buf, size, at);
    case T_FUNC:
        at = put(buf, size, at, "func(");
        for (int i = 0; i < t->u.func.nparams; i++) {
            if (i)
                at = put(buf, size, at, ", ");
            if (t->u.func.variadic && i == t->u.func.nparams - 1) {
                at = put(buf, size, at, "...");
                at = type_name_at(t->u.func.params[i]->u.array.elem, buf, size, at);
            } else {
                at = type_name_at(t->u.func.params[i], buf, size, at);
            }
        }
        at = put(buf, size, at, ")");
        if (t->u.func.nresults == 1) {
            at = put(buf, size, at, " ");
            at = type_name_at(t->u.func.results[0], buf, size, at);
        } else if (t->u.func.nresults > 1) {
            at = put(buf, size, at, " (");
            for (int i = 0; i < t->u.func.nresults; i++) {
                if (i)
                    at = put(buf, size, at, ", ");
                at = type_name_at(t->u.func.results[i], buf, size, at);
            }
            at = put(buf, size, at, ")");
        }
        return at;
    case T_STRUCT:
        if (t->u.strct.nfields == 0)
            return put(buf, size, at, "struct {}");
        at = put(buf, size, at, "struct { ");
        for (int i = 0; i < t->u.strct.nfields; i++) {
            if (i)
                at = put(buf, size, at, "; ");
            if (!t->u.strct.fields[i].embedded) {
                at = put(buf, size, at, t->u.strct.fields[i].name);
                at = put(buf, size, at, " ");
            }
            at = type_name_at(t->u.strct.fields[i].type, buf, size, at);
        }
        return put(buf, size, at, " }");
    case T_INTERFACE:
        if (t->u.iface.nmethods == 0)
            return put(buf, size, at, "interface {}");
        at = put(buf, size, at, "interface { ");
        for (int i = 0; i < t->u.iface.nmethods; i++) {
            if (i)
                at = put(buf, size, at, "; ");
            at = put(buf, size, at, t->u.iface.methods[i].name);
            char sig[256];
            type_name(t->u.iface.methods[i].sig, sig, sizeof sig);
            at = put(buf, size, at, sig + 4); /* drop "func" */
        }
        return put(buf, size, at, " }");
    default: {
        char nb[64];
        types_string(t, nb, sizeof nb, NULL);
        return put(buf, size, at, nb);
    }
    }
}

const char *type_name(const struct type *t, char *buf, size_t size)
{
    if (size)
        buf[0] = 0;
    if (!t)
        put(buf, size, 0, "<nil>");
    else
        type_name_at(t, buf, size, 0);
    return buf;
}
