/* types.c: canonical (hash-consed) Go types, the predicates and relations
 * of the spec (identity, assignability, convertibility, method sets,
 * interface satisfaction) and their printing in Go's notation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "types.h"

struct types {
    struct arena *arena;
    struct type *basic[T_UNTYPED_NIL + 1];
    struct type *error_type, *any_type;
    struct type **table; /* hash-cons buckets (open addressing) */
    size_t tsize, tcount;
    uint32_t next_id;
    const char **names; /* method names by id */
    int nnames, capnames;
    int *slots; /* open-addressed index of names (ids, -1 empty) */
    int nslots;
};

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

static struct type *new_type(struct types *ts, enum type_kind kind)
{
    struct type *t = arena_alloc(ts->arena, sizeof *t);
    t->kind = kind;
    t->id = ts->next_id++;
    t->underlying = t;
    return t;
}

struct types *types_new(struct arena *arena)
{
    struct types *ts = arena_alloc(arena, sizeof *ts);
    ts->arena = arena;
    for (int k = 0; k <= T_UNTYPED_NIL; k++)
        ts->basic[k] = new_type(ts, (enum type_kind)k);
    ts->tsize = 1024;
    ts->table = calloc(ts->tsize, sizeof *ts->table);
    if (!ts->table)
        xrealloc(NULL, 0);
    ts->any_type = types_interface(ts, NULL, 0);
    /* type error interface { Error() string } */
    ts->error_type = types_named(ts, "error", NULL);
    struct type *str = ts->basic[T_STRING];
    struct type_method m = {"Error", types_name_id(ts, "Error"),
                            types_func(ts, NULL, 0, &str, 1, false), NULL, false};
    types_set_underlying(ts->error_type, types_interface(ts, &m, 1));
    return ts;
}

/* types_release frees what the arena does not own. Called through
 * types_free below by lang_program_free. */
void types_free(struct types *ts);
void types_free(struct types *ts)
{
    if (!ts)
        return;
    free(ts->table);
    free(ts->names);
    free(ts->slots);
}

struct type *types_basic(struct types *ts, enum type_kind kind)
{
    return kind <= T_UNTYPED_NIL ? ts->basic[kind] : ts->basic[T_INVALID];
}

struct type *types_error(struct types *ts)
{
    return ts->error_type;
}

struct type *types_any(struct types *ts)
{
    return ts->any_type;
}

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int types_name_id(struct types *ts, const char *name)
{
    if (ts->nnames * 2 >= ts->nslots) {
        /* rehash the open-addressed index of names */
        int nslots = ts->nslots ? ts->nslots * 2 : 256;
        int *slots = malloc((size_t)nslots * sizeof *slots);
        if (!slots)
            xrealloc(NULL, 0);
        for (int i = 0; i < nslots; i++)
            slots[i] = -1;
        for (int i = 0; i < ts->nnames; i++) {
            unsigned j = name_hash(ts->names[i]) & (unsigned)(nslots - 1);
            while (slots[j] >= 0)
                j = (j + 1) & (unsigned)(nslots - 1);
            slots[j] = i;
        }
        free(ts->slots);
        ts->slots = slots;
        ts->nslots = nslots;
    }
    unsigned j = name_hash(name) & (unsigned)(ts->nslots - 1);
    while (ts->slots[j] >= 0) {
        if (strcmp(ts->names[ts->slots[j]], name) == 0)
            return ts->slots[j];
        j = (j + 1) & (unsigned)(ts->nslots - 1);
    }
    if (ts->nnames == ts->capnames) {
        ts->capnames = ts->capnames ? ts->capnames * 2 : 64;
        ts->names = xrealloc(ts->names, (size_t)ts->capnames * sizeof *ts->names);
    }
    ts->names[ts->nnames] = arena_strndup(ts->arena, name, strlen(name));
    ts->slots[j] = ts->nnames;
    return ts->nnames++;
}

const char *types_name_of(const struct types *ts, int name_id)
{
    return name_id >= 0 && name_id < ts->nnames ? ts->names[name_id] : "?";
}

/* ---- hash-consing ----------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = mix(h, (unsigned char)*s);
    return mix(h, 0xff);
}

static uint64_t hash_type(const struct type *t)
{
    uint64_t h = mix(0, (uint64_t)t->kind);
    switch (t->kind) {
    case T_ARRAY: h = mix(h, (uint64_t)t->u.array.len); /* fall through */
    case T_SLICE:
    case T_POINTER: h = mix(h, t->u.array.elem->id); break;
    case T_MAP: h = mix(mix(h, t->u.map.key->id), t->u.map.elem->id); break;
    case T_CHAN: h = mix(mix(h, t->u.chan.elem->id), (uint64_t)t->u.chan.dir); break;
    case T_STRUCT:
        for (int i = 0; i < t->u.strct.nfields; i++) {
            h = hash_str(h, t->u.strct.fields[i].name);
            h = mix(h, t->u.strct.fields[i].type->id);
            h = mix(h, t->u.strct.fields[i].embedded);
        }
        break;
    case T_FUNC:
        for (int i = 0; i < t->u.func.nparams; i++)
            h = mix(h, t->u.func.params[i]->id);
        h = mix(h, 0xabc);
        for (int i = 0; i < t->u.func.nresults; i++)
            h = mix(h, t->u.func.results[i]->id);
        h = mix(h, t->u.func.variadic);
        break;
    case T_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++) {
            h = hash_str(h, t->u.iface.methods[i].name);
            h = mix(h, t->u.iface.methods[i].sig->id);
        }
        break;
    case T_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            h = mix(h, t->u.tuple.elems[i]->id);
        break;
    default: break;
    }
    return h;
}

static bool same_structure(const struct type *a, const struct type *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case T_ARRAY: return a->u.array.elem == b->u.array.elem && a->u.array.len == b->u.array.len;
    case T_SLICE:
    case T_POINTER: return a->u.array.elem == b->u.array.elem;
    case T_MAP: return a->u.map.key == b->u.map.key && a->u.map.elem == b->u.map.elem;
    case T_CHAN: return a->u.chan.elem == b->u.chan.elem && a->u.chan.dir == b->u.chan.dir;
    case T_STRUCT:
        if (a->u.strct.nfields != b->u.strct.nfields)
            return false;
        for (int i = 0; i < a->u.strct.nfields; i++) {
            const struct type_field *x = &a->u.strct.fields[i], *y = &b->u.strct.fields[i];
            if (strcmp(x->name, y->name) != 0 || x->type != y->type || x->embedded != y->embedded ||
                x->pkg != y->pkg)
                return false;
        }
        return true;
    case T_FUNC:
        if (a->u.func.nparams != b->u.func.nparams || a->u.func.nresults != b->u.func.nresults ||
            a->u.func.variadic != b->u.func.variadic)
            return false;
        for (int i = 0; i < a->u.func.nparams; i++)
            if (a->u.func.params[i] != b->u.func.params[i])
                return false;
        for (int i = 0; i < a->u.func.nresults; i++)
            if (a->u.func.results[i] != b->u.func.results[i])
                return false;
        return true;
    case T_INTERFACE:
        if (a->u.iface.nmethods != b->u.iface.nmethods)
            return false;
        for (int i = 0; i < a->u.iface.nmethods; i++)
            if (strcmp(a->u.iface.methods[i].name, b->u.iface.methods[i].name) != 0 ||
                a->u.iface.methods[i].sig != b->u.iface.methods[i].sig)
                return false;
        return true;
    case T_TUPLE:
        if (a->u.tuple.n != b->u.tuple.n)
            return false;
        for (int i = 0; i < a->u.tuple.n; i++)
            if (a->u.tuple.elems[i] != b->u.tuple.elems[i])
                return false;
        return true;
    default: return false;
    }
}

static void grow_table(struct types *ts)
{
    size_t nsize = ts->tsize * 2;
    struct type **nt = calloc(nsize, sizeof *nt);
    if (!nt)
        xrealloc(NULL, 0);
    for (size_t i = 0; i < ts->tsize; i++) {
        struct type *t = ts->table[i];
        if (!t)
            continue;
        size_t j = hash_type(t) & (nsize - 1);
        while (nt[j])
            j = (j + 1) & (nsize - 1);
        nt[j] = t;
    }
    free(ts->table);
    ts->table = nt;
    ts->tsize = nsize;
}

/* intern returns the canonical copy of the probe (allocating it if new). */
static struct type *intern(struct types *ts, const struct type *probe)
{
    if (ts->tcount * 2 >= ts->tsize)
        grow_table(ts);
    size_t i = hash_type(probe) & (ts->tsize - 1);
    while (ts->table[i]) {
        if (same_structure(ts->table[i], probe))
            return ts->table[i];
        i = (i + 1) & (ts->tsize - 1);
    }
    struct type *t = new_type(ts, probe->kind);
    uint32_t id = t->id;
    *t = *probe;
    t->id = id;
    t->underlying = t;
    /* deep-copy the arrays the probe borrowed */
    switch (t->kind) {
    case T_STRUCT:
        t->u.strct.fields = arena_dup(ts->arena, probe->u.strct.fields,
                                      (size_t)probe->u.strct.nfields * sizeof(struct type_field));
        break;
    case T_FUNC:
        t->u.func.params = arena_dup(ts->arena, probe->u.func.params,
                                     (size_t)probe->u.func.nparams * sizeof(struct type *));
        t->u.func.results = arena_dup(ts->arena, probe->u.func.results,
                                      (size_t)probe->u.func.nresults * sizeof(struct type *));
        break;
    case T_INTERFACE:
        t->u.iface.methods =
            arena_dup(ts->arena, probe->u.iface.methods,
                      (size_t)probe->u.iface.nmethods * sizeof(struct type_method));
        break;
    case T_TUPLE:
        t->u.tuple.elems = arena_dup(ts->arena, probe->u.tuple.elems,
                                     (size_t)probe->u.tuple.n * sizeof(struct type *));
        break;
    default: break;
    }
    ts->table[i] = t;
    ts->tcount++;
    return t;
}

struct type *types_array(struct types *ts, struct type *elem, int64_t len)
{
    struct type p = {.kind = T_ARRAY};
    p.u.array.elem = elem;
    p.u.array.len = len;
    return intern(ts, &p);
}

struct type *types_slice(struct types *ts, struct type *elem)
{
    struct type p = {.kind = T_SLICE};
    p.u.array.elem = elem;
    return intern(ts, &p);
}

struct type *types_pointer(struct types *ts, struct type *elem)
{
    struct type p = {.kind = T_POINTER};
    p.u.array.elem = elem;
    return intern(ts, &p);
}

struct type *types_map(struct types *ts, struct type *key, struct type *elem)
{
    struct type p = {.kind = T_MAP};
    p.u.map.key = key;
    p.u.map.elem = elem;
    return intern(ts, &p);
}

struct type *types_chan(struct types *ts, struct type *elem, enum chan_dir dir)
{
    struct type p = {.kind = T_CHAN};
    p.u.chan.elem = elem;
    p.u.chan.dir = dir;
    return intern(ts, &p);
}

struct type *types_struct(struct types *ts, const struct type_field *fields, int n)
{
    struct type p = {.kind = T_STRUCT};
    p.u.strct.fields = (struct type_field *)fields;
    p.u.strct.nfields = n;
    return intern(ts, &p);
}

struct type *types_func(struct types *ts, struct type *const *params, int np,
                        struct type *const *results, int nr, bool variadic)
{
    struct type p = {.kind = T_FUNC};
    p.u.func.params = (struct type **)params;
    p.u.func.nparams = np;
    p.u.func.results = (struct type **)results;
    p.u.func.nresults = nr;
    p.u.func.variadic = variadic;
    return intern(ts, &p);
}

static int cmp_method(const void *a, const void *b)
{
    return strcmp(((const struct type_method *)a)->name, ((const struct type_method *)b)->name);
}

struct type *types_interface(struct types *ts, const struct type_method *methods, int n)
{
    struct type_method buf[64];
    struct type_method *ms = n <= 64 ? buf : arena_alloc(ts->arena, (size_t)n * sizeof *ms);
    if (n)
        memcpy(ms, methods, (size_t)n * sizeof *ms);
    qsort(ms, (size_t)n, sizeof *ms, cmp_method);
    struct type p = {.kind = T_INTERFACE};
    p.u.iface.methods = ms;
    p.u.iface.nmethods = n;
    return intern(ts, &p);
}

struct type *types_tuple(struct types *ts, struct type *const *elems, int n)
{
    struct type p = {.kind = T_TUPLE};
    p.u.tuple.elems = (struct type **)elems;
    p.u.tuple.n = n;
    return intern(ts, &p);
}

struct type *types_named(struct types *ts, const char *name, const struct ast_package *pkg)
{
    struct type *t = new_type(ts, T_NAMED);
    t->u.named.name = name;
    t->u.named.pkg = pkg;
    t->underlying = ts->basic[T_INVALID];
    return t;
}

void types_set_underlying(struct type *named, struct type *underlying)
{
    named->underlying = underlying ? underlying->underlying : underlying;
}

void types_add_method(struct types *ts, struct type *named, const struct type_method *m)
{
    int n = named->u.named.nmethods;
    struct type_method *ms = arena_alloc(ts->arena, (size_t)(n + 1) * sizeof *ms);
    if (n)
        memcpy(ms, named->u.named.methods, (size_t)n * sizeof *ms);
    ms[n] = *m;
    ms[n].name_id = types_name_id(ts, m->name);
    qsort(ms, (size_t)n + 1, sizeof *ms, cmp_method);
    named->u.named.methods = ms;
    named->u.named.nmethods = n + 1;
}

/* ---- predicates --------------------------------------------------------------- */

bool types_is_integer(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return (k >= T_INT && k <= T_UINTPTR) || k == T_UNTYPED_INT || k == T_UNTYPED_RUNE;
}

bool types_is_unsigned(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k >= T_UINT && k <= T_UINTPTR;
}

bool types_is_float(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_FLOAT32 || k == T_FLOAT64 || k == T_UNTYPED_FLOAT;
}

bool types_is_numeric(const struct type *t)
{
    return types_is_integer(t) || types_is_float(t);
}

bool types_is_string(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_STRING || k == T_UNTYPED_STRING;
}

bool types_is_boolean(const struct type *t)
{
    enum type_kind k = t->underlying->kind;
    return k == T_BOOL || k == T_UNTYPED_BOOL;
}

bool types_is_untyped(const struct type *t)
{
    return t->kind >= T_UNTYPED_BOOL && t->kind <= T_UNTYPED_NIL;
}

bool types_is_interface(const struct type *t)
{
    return t->underlying->kind == T_INTERFACE;
}

/* The depth bound keeps a recursive type that the checker has not yet
 * rejected (check_cycle.c runs after a package's types are resolved) from
 * recursing forever. */
static bool comparable_at(const struct type *t, int depth)
{
    const struct type *u = t->underlying;
    if (depth > 200)
        return true;
    switch (u->kind) {
    case T_SLICE:
    case T_MAP:
    case T_FUNC:
    case T_INVALID: return u->kind == T_INVALID;
    case T_ARRAY: return comparable_at(u->u.array.elem, depth + 1);
    case T_STRUCT:
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (!comparable_at(u->u.strct.fields[i].type, depth + 1))
                return false;
        return true;
    default: return true;
    }
}

bool types_comparable(const struct type *t)
{
    return comparable_at(t, 0);
}

bool types_ordered(const struct type *t)
{
    return types_is_numeric(t) || types_is_string(t);
}

int types_size_bits(const struct type *t)
{
    switch (t->underlying->kind) {
    case T_INT8:
    case T_UINT8: return 8;
    case T_INT16:
    case T_UINT16: return 16;
    case T_INT32:
    case T_UINT32:
    case T_FLOAT32: return 32;
    default: return 64;
    }
}

struct type *types_default(struct types *ts, struct type *t)
{
    switch (t->kind) {
    case T_UNTYPED_BOOL: return ts->basic[T_BOOL];
    case T_UNTYPED_INT: return ts->basic[T_INT];
    case T_UNTYPED_RUNE: return ts->basic[T_INT32];
    case T_UNTYPED_FLOAT: return ts->basic[T_FLOAT64];
    case T_UNTYPED_STRING: return ts->basic[T_STRING];
    default: return t;
    }
}

/* ---- lookup ------------------------------------------------------------------- */

static bool exported(const char *name)
{
    return name[0] >= 'A' && name[0] <= 'Z';
}

/* A breadth-first search over embedded fields, depth by depth (Go's rule:
 * the shallowest match wins; two at the same depth are ambiguous). */
struct cand {
    struct type *t; /* type at this node (maybe a pointer) */
    struct type_step path[16];
    int npath;
};

static const struct type *deref(const struct type *t, bool *is_ptr)
{
    *is_ptr = false;
    if (t->underlying->kind == T_POINTER) {
        *is_ptr = true;
        return t->underlying->u.array.elem;
    }
    return t;
}

struct type_selection types_lookup(struct types *ts, struct type *t, const char *name,
                                   const struct ast_package *from_pkg)
{
    struct type_selection r = {0};
    r.kind = SEL_NONE;
    if (!exported(name) && strcmp(name, "_") == 0)
        return r;
    struct cand level[32], nextl[32];
    int nlevel = 1, nnext;
    level[0].t = t;
    level[0].npath = 0;
    for (int depth = 0; depth < 8 && nlevel > 0; depth++) {
        int found = 0;
        struct type_selection best = {0};
        nnext = 0;
        for (int c = 0; c < nlevel; c++) {
            struct cand *cd = &level[c];
            bool ptr;
            const struct type *base = deref(cd->t, &ptr);
            if (ptr && depth == 0 && cd->t->kind == T_NAMED) {
                /* a named pointer type has no methods and no promotion */
            }
            /* methods declared on the named type */
            if (base->kind == T_NAMED) {
                for (int i = 0; i < base->u.named.nmethods; i++) {
                    struct type_method *m = &base->u.named.methods[i];
                    if (strcmp(m->name, name) != 0)
                        continue;
                    if (!exported(name) && from_pkg && m->func && m->func->pkg != from_pkg)
                        continue;
                    found++;
                    best.kind = SEL_METHOD;
                    best.method = m;
                    best.type = m->sig;
                    best.recv_base = (struct type *)base;
                    best.npath = cd->npath;
                    best.path = arena_dup(ts->arena, cd->path,
                                          (size_t)cd->npath * sizeof(struct type_step));
                    best.recv_addr = m->ptr_recv && !ptr;
                    best.recv_deref = !m->ptr_recv && ptr;
                }
            }
            const struct type *u = base->underlying;
            if (u->kind == T_INTERFACE && !ptr) {
                for (int i = 0; i < u->u.iface.nmethods; i++) {
                    struct type_method *m = &u->u.iface.methods[i];
                    if (strcmp(m->name, name) != 0)
                        continue;
                    found++;
                    best.kind = SEL_METHOD;
                    best.iface = true;
                    best.method = m;
                    best.type = m->sig;
                    best.recv_base = (struct type *)base;
                    best.npath = cd->npath;
                    best.path = arena_dup(ts->arena, cd->path,
                                          (size_t)cd->npath * sizeof(struct type_step));
                }
            }
            if (u->kind == T_STRUCT) {
                for (int i = 0; i < u->u.strct.nfields; i++) {
                    struct type_field *f = &u->u.strct.fields[i];
                    if (strcmp(f->name, name) == 0 &&
                        (exported(name) || f->pkg == from_pkg || f->pkg == NULL)) {
                        found++;
                        best.kind = SEL_FIELD;
                        best.type = f->type;
                        best.npath = cd->npath + 1;
                        best.path =
                            arena_alloc(ts->arena, (size_t)best.npath * sizeof(struct type_step));
                        memcpy(best.path, cd->path, (size_t)cd->npath * sizeof(struct type_step));
                        best.path[cd->npath] = (struct type_step){i, ptr};
                    }
                    if (f->embedded && nnext < 32 && cd->npath < 15) {
                        struct cand *nc = &nextl[nnext++];
                        nc->t = f->type;
                        memcpy(nc->path, cd->path, (size_t)cd->npath * sizeof(struct type_step));
                        nc->path[cd->npath] = (struct type_step){i, ptr};
                        nc->npath = cd->npath + 1;
                    }
                }
            }
        }
        if (found == 1)
            return best;
        if (found > 1) {
            r.kind = SEL_AMBIGUOUS;
            return r;
        }
        memcpy(level, nextl, (size_t)nnext * sizeof nextl[0]);
        nlevel = nnext;
    }
    return r;
}

/* ---- method sets ---------------------------------------------------------------- */

static int cmp_msel(const void *a, const void *b)
{
    const struct type_msel *x = a, *y = b;
    return (x->name_id > y->name_id) - (x->name_id < y->name_id);
}

/* collect gathers the method names reachable from t (declared and promoted). */
static void collect_names(struct types *ts, const struct type *t, int depth, int **ids, int *n,
                          int *cap)
{
    if (depth > 8)
        return;
    bool ptr;
    const struct type *base = deref(t, &ptr);
    if (base->kind == T_NAMED)
        for (int i = 0; i < base->u.named.nmethods; i++) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *ids = xrealloc(*ids, (size_t)*cap * sizeof **ids);
            }
            (*ids)[(*n)++] = base->u.named.methods[i].name_id;
        }
    const struct type *u = base->underlying;
    if (u->kind == T_INTERFACE && depth > 0)
        for (int i = 0; i < u->u.iface.nmethods; i++) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *ids = xrealloc(*ids, (size_t)*cap * sizeof **ids);
            }
            (*ids)[(*n)++] = u->u.iface.methods[i].name_id;
        }
    if (u->kind == T_STRUCT)
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (u->u.strct.fields[i].embedded)
                collect_names(ts, u->u.strct.fields[i].type, depth + 1, ids, n, cap);
}

const struct type_msel *types_method_set(struct types *ts, struct type *t, int *n)
{
    bool is_ptr = t->kind == T_POINTER;
    struct type *holder = is_ptr ? t->u.array.elem : t;
    if (is_ptr && holder->pmset) {
        *n = holder->npmset;
        return holder->pmset;
    }
    if (!is_ptr && holder->mset) {
        *n = holder->nmset;
        return holder->mset;
    }
    int *ids = NULL, nids = 0, cap = 0;
    collect_names(ts, t, 0, &ids, &nids, &cap);
    struct type_msel *out = arena_alloc(ts->arena, (size_t)(nids + 1) * sizeof *out);
    int nout = 0;
    for (int i = 0; i < nids; i++) {
        bool dup = false;
        for (int j = 0; j < nout; j++)
            if (out[j].name_id == ids[i])
                dup = true;
        if (dup)
            continue;
        struct type_selection s = types_lookup(ts, t, types_name_of(ts, ids[i]), NULL);
        if (s.kind != SEL_METHOD)
            continue;
        /* the method set of a value type excludes pointer-receiver methods
         * reached without a pointer on the way */
        if (s.method->ptr_recv && !s.iface) {
            bool via_ptr = is_ptr;
            for (int k = 0; k < s.npath; k++)
                if (k > 0 && s.path[k].deref)
                    via_ptr = true;
            /* the last embedded field is a pointer? */
            if (!via_ptr && s.npath > 0) {
                const struct type *cur = t;
                for (int k = 0; k < s.npath; k++) {
                    bool pp;
                    const struct type *b = deref(cur, &pp);
                    cur = b->underlying->u.strct.fields[s.path[k].field].type;
                }
                if (cur->underlying->kind == T_POINTER)
                    via_ptr = true;
            }
            if (!via_ptr)
                continue;
        }
        struct type_msel *m = &out[nout++];
        m->name_id = ids[i];
        m->func = s.method->func;
        m->path = s.path;
        m->npath = s.npath;
        m->recv_addr = s.recv_addr;
        m->recv_deref = s.recv_deref;
    }
    free(ids);
    qsort(out, (size_t)nout, sizeof *out, cmp_msel);
    if (is_ptr) {
        holder->pmset = out;
        holder->npmset = nout;
    } else {
        holder->mset = out;
        holder->nmset = nout;
    }
    *n = nout;
    return out;
}

bool types_implements(struct types *ts, struct type *t, struct type *iface, const char **missing,
                      bool *wrong_recv)
{
    const struct type *iu = iface->underlying;
    if (wrong_recv)
        *wrong_recv = false;
    if (iu->kind != T_INTERFACE)
        return false;
    if (t->underlying->kind == T_INTERFACE) {
        const struct type *tu = t->underlying;
        for (int i = 0; i < iu->u.iface.nmethods; i++) {
            bool ok = false;
            for (int j = 0; j < tu->u.iface.nmethods; j++)
                if (strcmp(tu->u.iface.methods[j].name, iu->u.iface.methods[i].name) == 0 &&
                    tu->u.iface.methods[j].sig == iu->u.iface.methods[i].sig)
                    ok = true;
            if (!ok) {
                if (missing)
                    *missing = iu->u.iface.methods[i].name;
                return false;
            }
        }
        return true;
    }
    for (int i = 0; i < iu->u.iface.nmethods; i++) {
        const struct type_method *im = &iu->u.iface.methods[i];
        struct type_selection s = types_lookup(ts, t, im->name, NULL);
        bool ok = s.kind == SEL_METHOD && s.type == im->sig;
        if (ok) {
            int n;
            const struct type_msel *ms = types_method_set(ts, t, &n);
            bool in_set = false;
            for (int k = 0; k < n; k++)
                if (ms[k].name_id == im->name_id)
                    in_set = true;
            if (!in_set) {
                if (wrong_recv)
                    *wrong_recv = true;
                ok = false;
            }
        }
        if (!ok) {
            if (missing)
                *missing = im->name;
            return false;
        }
    }
    return true;
}

const struct type_msel **types_itab(struct types *ts, struct type *iface, struct type *dyn)
{
    const struct type *iu = iface->underlying;
    int n = iu->u.iface.nmethods;
    const struct type_msel **tab = arena_alloc(ts->arena, (size_t)(n + 1) * sizeof *tab);
    int nm;
    const struct type_msel *ms = types_method_set(ts, dyn, &nm);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < nm; k++)
            if (ms[k].name_id == iu->u.iface.methods[i].name_id)
                tab[i] = &ms[k];
    return tab;
}

/* ---- relations ------------------------------------------------------------------ */

bool types_assignable(struct types *ts, struct type *v, struct type *t)
{
    if (v == t || v->kind == T_INVALID || t->kind == T_INVALID)
        return true;
    const struct type *vu = v->underlying, *tu = t->underlying;
    if (v->kind == T_UNTYPED_NIL)
        return tu->kind == T_POINTER || tu->kind == T_FUNC || tu->kind == T_SLICE ||
               tu->kind == T_MAP || tu->kind == T_CHAN || tu->kind == T_INTERFACE;
    /* identical underlying types and at least one is not named */
    if (vu == tu && (v->kind != T_NAMED || t->kind != T_NAMED))
        return true;
    if (tu->kind == T_INTERFACE && types_implements(ts, v, t, NULL, NULL))
        return true;
    /* bidirectional channel to a directional one with identical elements */
    if (vu->kind == T_CHAN && tu->kind == T_CHAN && vu->u.chan.dir == CHAN_BOTH &&
        vu->u.chan.elem == tu->u.chan.elem && (v->kind != T_NAMED || t->kind != T_NAMED))
        return true;
    return false;
}

bool types_convertible(struct types *ts, struct type *v, struct type *t)
{
    if (types_assignable(ts, v, t))
        return true;
    const struct type *vu = v->underlying, *tu = t->underlying;
    if (vu == tu)
        return true;
    if (vu->kind == T_POINTER && tu->kind == T_POINTER &&
        vu->u.array.elem->underlying == tu->u.array.elem->underlying)
        return true;
    if (types_is_numeric(v) && types_is_numeric(t))
        return true;
    if (types_is_string(t) && types_is_integer(v))
        return true;
    if (types_is_string(v) || types_is_string(t)) {
        const struct type *other = types_is_string(v) ? tu : vu;
        if (other->kind == T_SLICE) {
            enum type_kind ek = other->u.array.elem->underlying->kind;
            if (ek == T_UINT8 || ek == T_INT32)
                return true;
        }
        if (types_is_string(v) && types_is_string(t))
            return true;
    }
    /* slice to array or array pointer (Go 1.20) */
    if (vu->kind == T_SLICE) {
        if (tu->kind == T_ARRAY && tu->u.array.elem == vu->u.array.elem)
            return true;
        if (tu->kind == T_POINTER && tu->u.array.elem->underlying->kind == T_ARRAY &&
            tu->u.array.elem->underlying->u.array.elem == vu->u.array.elem)
            return true;
    }
    return false;
}

/* ---- printing --------------------------------------------------------------------- */

struct sbuf {
    char *p;
    size_t size, len;
};

static void put(struct sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (b->len + 1 < b->size)
            b->p[b->len] = *s;
        b->len++;
    }
    if (b->size)
        b->p[b->len < b->size ? b->len : b->size - 1] = 0;
}

static void write_type(struct sbuf *b, const struct type *t, const struct ast_package *rel,
                       int depth);

static void write_sig(struct sbuf *b, const struct type *t, const struct ast_package *rel,
                      int depth)
{
    put(b, "(");
    for (int i = 0; i < t->u.func.nparams; i++) {
        if (i)
            put(b, ", ");
        if (t->u.func.variadic && i == t->u.func.nparams - 1) {
            put(b, "...");
            write_type(b, t->u.func.params[i]->u.array.elem, rel, depth + 1);
        } else {
            write_type(b, t->u.func.params[i], rel, depth + 1);
        }
    }
    put(b, ")");
    if (t->u.func.nresults == 1) {
        put(b, " ");
        write_type(b, t->u.func.results[0], rel, depth + 1);
    } else if (t->u.func.nresults > 1) {
        put(b, " (");
        for (int i = 0; i < t->u.func.nresults; i++) {
            if (i)
                put(b, ", ");
            write_type(b, t->u.func.results[i], rel, depth + 1);
        }
        put(b, ")");
    }
}

static void write_type(struct sbuf *b, const struct type *t, const struct ast_package *rel,
                       int depth)
{
    static const char *const basic[] = {
        "invalid type",   "bool",         "int",         "int8",         "int16",
        "int32",          "int64",        "uint",        "uint8",        "uint16",
        "uint32",         "uint64",       "uintptr",     "float32",      "float64",
        "string",         "untyped bool", "untyped int", "untyped rune", "untyped float",
        "untyped string", "untyped nil",
    };
    char num[32];
    if (depth > 12) {
        put(b, "...");
        return;
    }
    if (t->kind <= T_UNTYPED_NIL) {
        put(b, basic[t->kind]);
        return;
    }
    switch (t->kind) {
    case T_NAMED:
        if (t->u.named.pkg && t->u.named.pkg != rel) {
            put(b, t->u.named.pkg->name);
            put(b, ".");
        }
        put(b, t->u.named.name);
        if (t->u.named.targ) {
            put(b, "[");
            write_type(b, t->u.named.targ, rel, depth + 1);
            put(b, "]");
        }
        break;
    case T_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->u.array.len);
        put(b, num);
        write_type(b, t->u.array.elem, rel, depth + 1);
        break;
    case T_SLICE:
        put(b, "[]");
        write_type(b, t->u.array.elem, rel, depth + 1);
        break;
    case T_POINTER:
        put(b, "*");
        write_type(b, t->u.array.elem, rel, depth + 1);
        break;
    case T_MAP:
        put(b, "map[");
        write_type(b, t->u.map.key, rel, depth + 1);
        put(b, "]");
        write_type(b, t->u.map.elem, rel, depth + 1);
        break;
    case T_CHAN:
        put(b, t->u.chan.dir == CHAN_RECV   ? "<-chan "
               : t->u.chan.dir == CHAN_SEND ? "chan<- "
                                            : "chan ");
        if (t->u.chan.dir != CHAN_SEND && t->u.chan.elem->kind == T_CHAN &&
            t->u.chan.elem->u.chan.dir == CHAN_RECV) {
            put(b, "(");
            write_type(b, t->u.chan.elem, rel, depth + 1);
            put(b, ")");
        } else {
            write_type(b, t->u.chan.elem, rel, depth + 1);
        }
        break;
    case T_STRUCT:
        put(b, "struct{");
        for (int i = 0; i < t->u.strct.nfields; i++) {
            if (i)
                put(b, "; ");
            if (!t->u.strct.fields[i].embedded) {
                put(b, t->u.strct.fields[i].name);
                put(b, " ");
            }
            write_type(b, t->u.strct.fields[i].type, rel, depth + 1);
        }
        put(b, "}");
        break;
    case T_FUNC:
        put(b, "func");
        write_sig(b, t, rel, depth);
        break;
    case T_INTERFACE:
        if (t->u.iface.nmethods == 0) {
            put(b, "interface{}");
            break;
        }
        put(b, "interface{");
        for (int i = 0; i < t->u.iface.nmethods; i++) {
            if (i)
                put(b, "; ");
            put(b, t->u.iface.methods[i].name);
            write_sig(b, t->u.iface.methods[i].sig, rel, depth);
        }
        put(b, "}");
        break;
    case T_TUPLE:
        put(b, "(");
        for (int i = 0; i < t->u.tuple.n; i++) {
            if (i)
                put(b, ", ");
            write_type(b, t->u.tuple.elems[i], rel, depth + 1);
        }
        put(b, ")");
        break;
    default: put(b, "?"); break;
    }
}

char *types_string(const struct type *t, char *buf, size_t size, const struct ast_package *rel)
{
    struct sbuf b = {buf, size, 0};
    if (size)
        buf[0] = 0;
    write_type(&b, t, rel, 0);
    return buf;
}
