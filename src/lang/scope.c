/* scope.c: scopes (hash tables of objects chained to their parent) and the
 * universe scope of predeclared names. */
#include <string.h>

#include "check.h"

static unsigned hash_name(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

struct scope *scope_new(struct arena *a, enum scope_kind kind, struct scope *parent, int nbuckets)
{
    struct scope *s = arena_alloc(a, sizeof *s);
    s->kind = kind;
    s->parent = parent;
    s->nbuckets = nbuckets;
    s->buckets = arena_alloc(a, (size_t)nbuckets * sizeof *s->buckets);
    return s;
}

struct object *scope_find_local(const struct scope *s, const char *name)
{
    for (struct object *o = s->buckets[hash_name(name) % (unsigned)s->nbuckets]; o; o = o->next)
        if (strcmp(o->name, name) == 0)
            return o;
    return NULL;
}

struct object *scope_insert(struct scope *s, struct object *obj)
{
    struct object *old = scope_find_local(s, obj->name);
    if (old)
        return old;
    unsigned b = hash_name(obj->name) % (unsigned)s->nbuckets;
    obj->next = s->buckets[b];
    s->buckets[b] = obj;
    obj->order_next = NULL;
    if (s->last)
        s->last->order_next = obj;
    else
        s->first = obj;
    s->last = obj;
    s->count++;
    return NULL;
}

struct object *scope_lookup(struct scope *s, const char *name, struct scope **where)
{
    for (; s; s = s->parent) {
        struct object *o = scope_find_local(s, name);
        if (o) {
            if (where)
                *where = s;
            return o;
        }
    }
    return NULL;
}

static void add(struct arena *a, struct scope *u, enum obj_kind kind, const char *name,
                struct type *t)
{
    struct object *o = arena_alloc(a, sizeof *o);
    o->kind = kind;
    o->name = name;
    o->type = t;
    o->state = 2;
    scope_insert(u, o);
}

struct scope *scope_universe(struct arena *a, struct types *ts)
{
    struct scope *u = scope_new(a, SCOPE_UNIVERSE, NULL, 64);
    static const struct {
        const char *name;
        enum type_kind kind;
    } basics[] = {
        {"bool", T_BOOL},       {"int", T_INT},         {"int8", T_INT8},
        {"int16", T_INT16},     {"int32", T_INT32},     {"int64", T_INT64},
        {"uint", T_UINT},       {"uint8", T_UINT8},     {"uint16", T_UINT16},
        {"uint32", T_UINT32},   {"uint64", T_UINT64},   {"uintptr", T_UINTPTR},
        {"float32", T_FLOAT32}, {"float64", T_FLOAT64}, {"string", T_STRING},
        {"byte", T_UINT8},      {"rune", T_INT32},
    };
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++)
        add(a, u, OBJ_TYPE, basics[i].name, types_basic(ts, basics[i].kind));
    add(a, u, OBJ_TYPE, "error", types_error(ts));
    add(a, u, OBJ_TYPE, "any", types_any(ts));
    /* complex types exist in Go; chanlab rejects them where they are used */
    add(a, u, OBJ_TYPE, "complex64", types_basic(ts, T_INVALID));
    add(a, u, OBJ_TYPE, "complex128", types_basic(ts, T_INVALID));
    add(a, u, OBJ_TYPE, "comparable", types_basic(ts, T_INVALID));

    struct object *t = arena_alloc(a, sizeof *t);
    *t = (struct object){.kind = OBJ_CONST, .name = "true", .state = 2};
    t->type = types_basic(ts, T_UNTYPED_BOOL);
    t->cv = const_new_bool(a, true);
    scope_insert(u, t);
    struct object *f = arena_alloc(a, sizeof *f);
    *f = (struct object){.kind = OBJ_CONST, .name = "false", .state = 2};
    f->type = types_basic(ts, T_UNTYPED_BOOL);
    f->cv = const_new_bool(a, false);
    scope_insert(u, f);
    struct object *io = arena_alloc(a, sizeof *io);
    *io = (struct object){.kind = OBJ_CONST, .name = "iota", .state = 2, .is_iota = true};
    io->type = types_basic(ts, T_UNTYPED_INT);
    scope_insert(u, io);
    add(a, u, OBJ_NIL, "nil", types_basic(ts, T_UNTYPED_NIL));

    static const struct {
        const char *name;
        enum builtin_id id;
    } builtins[] = {
        {"append", BI_APPEND}, {"cap", BI_CAP},         {"clear", BI_CLEAR},
        {"close", BI_CLOSE},   {"copy", BI_COPY},       {"delete", BI_DELETE},
        {"len", BI_LEN},       {"make", BI_MAKE},       {"max", BI_MAX},
        {"min", BI_MIN},       {"new", BI_NEW},         {"panic", BI_PANIC},
        {"print", BI_PRINT},   {"println", BI_PRINTLN}, {"recover", BI_RECOVER},
        {"complex", BI_NONE},  {"real", BI_NONE},       {"imag", BI_NONE},
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        struct object *o = arena_alloc(a, sizeof *o);
        *o = (struct object){.kind = OBJ_BUILTIN, .name = builtins[i].name, .state = 2};
        o->builtin = builtins[i].id;
        o->type = types_basic(ts, T_INVALID);
        scope_insert(u, o);
    }
    return u;
}
