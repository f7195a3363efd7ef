/* check_generic.c: the one generic type of the subset, sync/atomic's
 * Pointer[T any], instantiated by the checker.
 *
 * The subset has no user generics (the parser rejects them), but the
 * standard library declares `type Pointer[T any] struct {...}` with bodiless
 * (native) methods. The generic declaration itself is never a type: its
 * object holds a placeholder named type with an invalid underlying type.
 * Each use `atomic.Pointer[X]` makes (once per X: types are hash-consed, so
 * the argument's pointer is the key) a new named type "Pointer" whose
 * targ is X, whose underlying struct is the declaration's checked with T
 * bound to X, and whose methods are copies of the generic method
 * declarations with T bound to X: same qname, so the interpreter binds the
 * same natives to every instance; their own signature and receiver type, so
 * calls type-check as Go's would. Method bodies are not supported (a
 * generic method with a body would need its body checked per instance). */
#include <string.h>

#include "check.h"

#define TS            (c->ts)
#define ERR(pos, ...) diag_error(c->d, (pos), __VA_ARGS__)

enum { GENERIC_MAX_METHODS = 16 };

struct instance {
    struct type *arg;  /* the type argument */
    struct type *type; /* Pointer[arg] */
    struct instance *next;
};

struct generic {
    struct object *obj; /* the type's object; obj->type is the placeholder */
    struct ast_func *methods[GENERIC_MAX_METHODS];
    bool ptr_recv[GENERIC_MAX_METHODS];
    int nmethods;
    struct instance *insts;
    struct generic *next; /* the checker's list */
};

void check_generic_declare(struct checker *c, struct object *o)
{
    struct generic *g = arena_alloc(c->a, sizeof *g);
    g->obj = o;
    g->next = c->generics;
    c->generics = g;
    o->generic = g;
    o->state = 2; /* nothing to resolve: only instances are types */
}

bool check_generic_method(struct checker *c, struct ast_func *f, struct ast_expr *recv, bool ptr)
{
    if (recv->kind != EX_INDEX || recv->u.index.x->kind != EX_IDENT)
        return false;
    struct object *o = scope_lookup(c->scope, recv->u.index.x->u.ident.name, NULL);
    if (!o || !o->generic)
        return false;
    struct generic *g = o->generic;
    if (f->body) {
        ERR(f->pos, "generic method with a body is not supported by chanlab");
        return true;
    }
    if (g->nmethods == GENERIC_MAX_METHODS) {
        ERR(f->pos, "too many methods on a generic type: not supported by chanlab");
        return true;
    }
    g->ptr_recv[g->nmethods] = ptr;
    g->methods[g->nmethods++] = f;
    const char *tn = g->obj->name;
    size_t n = strlen(c->pkg->name) + strlen(tn) + strlen(f->name) + 3;
    char *q = arena_alloc(c->a, n);
    strcpy(q, c->pkg->name);
    strcat(q, ".");
    strcat(q, tn);
    strcat(q, ".");
    strcat(q, f->name);
    f->qname = q;
    return true;
}

struct generic *check_generic_of(struct checker *c, const struct type *t)
{
    for (struct generic *g = c->generics; g; g = g->next)
        if (g->obj->type == t)
            return g;
    return NULL;
}

/* bind_scope opens a scope over the generic's package in which the type
 * parameter names arg. */
static void bind_scope(struct checker *c, struct generic *g, struct type *arg)
{
    c->pkg = g->obj->pkg;
    c->scope = scope_new(c->a, SCOPE_BLOCK, (struct scope *)g->obj->pkg->scope, 4);
    c->fn = NULL;
    c->dep_obj = NULL;
    c->iota = -1;
    struct object *p = check_new_object(c, OBJ_TYPE, g->obj->decl->tparam, g->obj->pos);
    p->type = arg;
    p->state = 2;
    scope_insert(c->scope, p);
}

struct type *check_generic_instance(struct checker *c, struct generic *g, struct type *arg)
{
    for (struct instance *i = g->insts; i; i = i->next)
        if (i->arg == arg)
            return i->type;
    struct object *o = g->obj;
    struct type *t = types_named(TS, o->name, o->pkg);
    t->u.named.targ = arg;
    struct instance *in = arena_alloc(c->a, sizeof *in);
    in->arg = arg;
    in->type = t;
    in->next = g->insts;
    g->insts = in; /* before the fields: they may mention the instance */

    struct ast_package *spkg = c->pkg;
    struct scope *sscope = c->scope;
    struct fctx *sfn = c->fn;
    struct object *sdep = c->dep_obj;
    int siota = c->iota;
    bind_scope(c, g, arg);
    types_set_underlying(t, check_type_expr(c, o->decl->type_expr));
    for (int k = 0; k < g->nmethods; k++) {
        struct ast_func *f = arena_dup(c->a, g->methods[k], sizeof *g->methods[k]);
        bool variadic;
        f->type = check_signature(c, f->sig, &variadic);
        f->recv_type = g->ptr_recv[k] ? types_pointer(TS, t) : t;
        struct type_method m = {f->name, 0, f->type, f, g->ptr_recv[k]};
        types_add_method(TS, t, &m);
        check_func_body(c, f, NULL); /* lays out the frame; lists f */
    }
    c->pkg = spkg;
    c->scope = sscope;
    c->fn = sfn;
    c->dep_obj = sdep;
    c->iota = siota;
    return t;
}

bool check_generic_bare(struct checker *c, struct ast_expr *e, struct object *o)
{
    if (!o->generic || c->instantiating)
        return false;
    char ts[200];
    check_type_string(c, o->type, ts, sizeof ts);
    ERR(e->pos, "cannot use generic type %s[%s any] without instantiation", ts, o->decl->tparam);
    return true;
}
