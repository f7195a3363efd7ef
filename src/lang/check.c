/* check.c: package-level checking: imports, collecting declarations,
 * lazy resolution of types, constants, variables and signatures, methods,
 * function bodies with their frames and captures, and Go's package
 * initialisation order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lex.h"

#define TS            (c->ts)
#define ERR(pos, ...) diag_error(c->d, (pos), __VA_ARGS__)

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

#define GROW(arr, n, cap)                                                                          \
    do {                                                                                           \
        if ((n) == (cap)) {                                                                        \
            (cap) = (cap) ? (cap)*2 : 16;                                                          \
            (arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr));                                \
        }                                                                                          \
    } while (0)

static struct type *basic(struct checker *c, enum type_kind k)
{
    return types_basic(c->ts, k);
}

/* State saved around lazy resolution, which may start anywhere. */
struct saved {
    struct ast_package *pkg;
    struct scope *scope;
    struct fctx *fn;
    struct object *dep_obj;
    int iota;
};

static struct saved save(struct checker *c)
{
    return (struct saved){c->pkg, c->scope, c->fn, c->dep_obj, c->iota};
}

static void restore(struct checker *c, struct saved s)
{
    c->pkg = s.pkg;
    c->scope = s.scope;
    c->fn = s.fn;
    c->dep_obj = s.dep_obj;
    c->iota = s.iota;
}

/* ---- constants ------------------------------------------------------------------- */

void check_const_spec(struct checker *c, struct ast_decl *d, struct object **objs)
{
    int n = d->nnames;
    int saved_iota = c->iota;
    c->iota = d->iota;
    struct type *t = d->type_expr ? check_type_expr(c, d->type_expr) : NULL;
    if (t && t->kind != T_INVALID &&
        !(t->underlying->kind >= T_BOOL && t->underlying->kind <= T_STRING)) {
        char ts[100];
        ERR(d->type_expr->pos, "invalid constant type %s", check_type_string(c, t, ts, sizeof ts));
        t = basic(c, T_INVALID);
    }
    for (int i = 0; i < n; i++) {
        struct object *o = objs[i];
        o->state = 2;
        o->type = basic(c, T_INVALID);
        if (i >= d->nvalues) {
            if (i == d->nvalues)
                ERR(o->pos, d->nvalues ? "missing init expr for const declaration"
                                       : "missing init expr for const declaration");
            continue;
        }
        /* the shared expression of an implicitly repeated spec is checked
         * again with this spec's iota: work on a copy of its top node */
        struct ast_expr *e = d->values[i];
        if (d->iota > 0 && objs[0]->decl && objs[0]->decl->values == d->values) {
            /* nothing: decl-local */
        }
        struct ast_expr *copy = arena_dup(c->a, e, sizeof *e);
        if (check_value(c, copy, t) == M_INVALID)
            continue;
        if (copy->mode != M_CONST) {
            char os[300];
            ERR(copy->pos, "%s is not constant", check_operand_string(c, copy, os, sizeof os));
            continue;
        }
        if (t) {
            if (!check_assign_to(c, &copy, t, "constant declaration"))
                continue;
            if (copy->kind == EX_CONVERT && copy->u.convert.implicit)
                copy = copy->u.convert.x;
            o->type = t;
        } else {
            o->type = copy->type;
        }
        o->cv = copy->cv;
    }
    if (d->nvalues > n)
        ERR(d->values[n]->pos, "extra init expr");
    c->iota = saved_iota;
}

/* ---- lazy resolution ----------------------------------------------------------------- */

static void resolve_var_spec(struct checker *c, struct object *first);

void check_resolve_object(struct checker *c, struct object *o)
{
    if (o->state == 2 || !o->decl)
        return;
    if (o->state == 1) {
        if (o->kind == OBJ_TYPE)
            return; /* recursive through pointers etc.: the named type exists */
        if (o->kind == OBJ_VAR || o->kind == OBJ_CONST) {
            ERR(o->pos, "initialization cycle or invalid reference: %s refers to itself", o->name);
            o->state = 2;
            if (o->kind == OBJ_VAR && !o->var->type)
                o->var->type = basic(c, T_INVALID);
            if (!o->type)
                o->type = basic(c, T_INVALID);
        }
        return;
    }
    struct saved sv = save(c);
    c->pkg = o->pkg;
    c->scope = (struct scope *)o->pkg->scope;
    c->fn = NULL;
    c->iota = -1;
    o->state = 1;
    struct ast_decl *d = o->decl;
    switch (o->kind) {
    case OBJ_TYPE:
        if (o->generic) {
            break;
        } else if (d->alias) {
            o->type = check_type_expr(c, d->type_expr);
        } else {
            struct type *u = check_type_expr(c, d->type_expr);
            check_cycle_record(c, o->type, d->type_expr, o->name, o->pos);
            types_set_underlying(o->type, u);
        }
        break;
    case OBJ_CONST: {
        struct object *objs[64];
        int n = d->nnames < 64 ? d->nnames : 64;
        /* find the sibling objects of the spec in the package scope */
        for (int i = 0; i < n; i++) {
            struct object *s = scope_find_local((struct scope *)o->pkg->scope, d->names[i]);
            objs[i] =
                s && s->decl == d ? s : check_new_object(c, OBJ_CONST, d->names[i], d->name_pos[i]);
            objs[i]->state = 1;
        }
        check_const_spec(c, d, objs);
        break;
    }
    case OBJ_VAR: resolve_var_spec(c, o); break;
    case OBJ_FUNC: {
        bool variadic;
        c->dep_obj = o;
        o->type = check_signature(c, o->func->sig, &variadic);
        o->func->type = o->type;
        break;
    }
    default: break;
    }
    o->state = 2;
    restore(c, sv);
}

/* The objects of one var spec, in name order. */
static int spec_objects(struct checker *c, struct ast_decl *d, struct object **objs, int max)
{
    int n = 0;
    for (int i = 0; i < d->nnames && n < max; i++) {
        struct ast_var *v = d->vars[i];
        struct object *o = NULL;
        if (strcmp(d->names[i], "_") != 0)
            o = scope_find_local((struct scope *)c->pkg->scope, d->names[i]);
        if (o && o->decl != d)
            o = NULL;
        objs[n++] = o;
        (void)v;
    }
    return n;
}

static void resolve_var_spec(struct checker *c, struct object *first)
{
    struct ast_decl *d = first->decl;
    struct object *objs[64];
    int n = spec_objects(c, d, objs, 64);
    /* the spec is checked once, by whichever of its objects comes first */
    struct object *owner = NULL;
    for (int i = 0; i < n; i++)
        if (objs[i]) {
            owner = objs[i];
            break;
        }
    if (!owner)
        owner = first;
    for (int i = 0; i < n; i++)
        if (objs[i])
            objs[i]->state = 1;
    c->dep_obj = owner;
    struct type *t = d->type_expr ? check_type_expr(c, d->type_expr) : NULL;
    struct type *types[64] = {0};
    if (d->nvalues == n) {
        for (int i = 0; i < n; i++) {
            struct ast_expr **vp = &d->values[i];
            if (check_value(c, *vp, t) == M_INVALID)
                continue;
            if (t) {
                check_assign_to(c, vp, t, "variable declaration");
                types[i] = t;
            } else if ((*vp)->mode == M_NIL) {
                ERR((*vp)->pos, "use of untyped nil in variable declaration");
            } else {
                check_use(c, *vp);
                check_default(c, *vp);
                types[i] = (*vp)->type;
            }
        }
    } else if (d->nvalues == 1) {
        struct ast_expr *r = d->values[0];
        enum mode m = check_expr(c, r, NULL);
        if (m != M_INVALID) {
            if (n == 2 && (r->mode == M_COMMAOK || r->mode == M_MAPINDEX)) {
                struct type *vt = r->type;
                struct ast_expr *u = ast_unparen(r);
                if (u->kind == EX_INDEX)
                    u->u.index.map_comma_ok = true;
                else if (u->kind == EX_TYPEASSERT)
                    u->u.assert.comma_ok = true;
                else if (u->kind == EX_UNARY)
                    u->u.unary.comma_ok = true;
                struct type *pair[2] = {vt, basic(c, T_BOOL)};
                r->type = types_tuple(TS, pair, 2);
                types[0] = vt;
                types[1] = basic(c, T_BOOL);
            } else if (r->type && r->type->kind == T_TUPLE && r->type->u.tuple.n == n) {
                for (int i = 0; i < n; i++)
                    types[i] = r->type->u.tuple.elems[i];
            } else {
                char xs[200];
                int have = r->type && r->type->kind == T_TUPLE ? r->type->u.tuple.n : 1;
                if (ast_unparen(r)->kind == EX_CALL)
                    ERR(d->pos, "assignment mismatch: %d variables but %s returns %d value%s", n,
                        check_expr_string(r, xs, sizeof xs), have, have == 1 ? "" : "s");
                else
                    ERR(d->pos, "assignment mismatch: %d variables but 1 value", n);
            }
            if (t)
                for (int i = 0; i < n; i++)
                    types[i] = t;
        }
    } else if (d->nvalues > 0) {
        for (int i = 0; i < d->nvalues; i++)
            check_expr(c, d->values[i], NULL);
        ERR(d->pos, "assignment mismatch: %d variable%s but %d value%s", n, n == 1 ? "" : "s",
            d->nvalues, d->nvalues == 1 ? "" : "s");
    }
    for (int i = 0; i < n; i++) {
        struct type *vt = t ? t : types[i] ? types[i] : basic(c, T_INVALID);
        d->vars[i]->type = vt;
        if (objs[i]) {
            objs[i]->type = vt;
            objs[i]->state = 2;
        }
    }
    /* dependencies were collected on owner; share them */
    for (int i = 0; i < n; i++)
        if (objs[i] && objs[i] != owner)
            objs[i]->deps = owner->deps;
}

static void collect_labels(struct checker *c, struct fctx *fc, struct ast_stmt *s, int depth);

/* ---- function bodies ------------------------------------------------------------------- */

static struct ast_var *param_var(struct checker *c, const char *name, struct pos pos,
                                 struct type *t)
{
    struct ast_var *v = check_new_local(c, name, pos, t);
    v->used = true;
    if (name && strcmp(name, "_") != 0) {
        struct object *o = check_new_object(c, OBJ_VAR, name, pos);
        o->var = v;
        o->type = t;
        check_declare(c, o);
    }
    return v;
}

void check_func_body(struct checker *c, struct ast_func *f, struct fctx *outer)
{
    struct fctx fc = {0};
    fc.func = f;
    fc.outer = outer;
    fc.dep_obj = outer ? outer->dep_obj : c->dep_obj;
    fc.target_floor = c->ntargets;
    struct fctx *saved_fn = c->fn;
    struct scope *saved_scope = c->scope;
    const char *saved_label = c->pending_label;
    c->pending_label = NULL;
    c->fn = &fc;
    f->nslots = 0;
    if (f->body)
        collect_labels(c, &fc, f->body, 0);
    check_open_scope(c, SCOPE_FUNC);

    const struct type *sig = f->type;
    int np = sig->u.func.nparams + (f->recv ? 1 : 0);
    f->params = arena_alloc(c->a, (size_t)(np + 1) * sizeof *f->params);
    f->nparams = 0;
    if (f->recv) {
        struct ast_field *r = &f->recv[0];
        f->params[f->nparams++] = param_var(c, r->nnames ? r->names[0] : "_",
                                            r->nnames ? r->name_pos[0] : r->pos, f->recv_type);
    }
    int k = 0;
    for (int i = 0; i < f->sig->nparams; i++) {
        struct ast_field *fl = &f->sig->params[i];
        int n = fl->nnames ? fl->nnames : 1;
        for (int j = 0; j < n && k < sig->u.func.nparams; j++, k++)
            f->params[f->nparams++] =
                param_var(c, fl->nnames ? fl->names[j] : "_",
                          fl->nnames ? fl->name_pos[j] : fl->pos, sig->u.func.params[k]);
    }
    int nr = sig->u.func.nresults;
    f->results = arena_alloc(c->a, (size_t)(nr + 1) * sizeof *f->results);
    f->nresults = 0;
    k = 0;
    for (int i = 0; i < f->sig->nresults; i++) {
        struct ast_field *fl = &f->sig->results[i];
        int n = fl->nnames ? fl->nnames : 1;
        if (fl->nnames)
            f->named_results = true;
        for (int j = 0; j < n && k < nr; j++, k++)
            f->results[f->nresults++] =
                param_var(c, fl->nnames ? fl->names[j] : "_",
                          fl->nnames ? fl->name_pos[j] : fl->pos, sig->u.func.results[k]);
    }

    if (f->body) {
        check_block_stmts(c, f->body->u.block.stmts, f->body->u.block.nstmts);
        if (nr > 0 && !check_terminates(f->body, NULL))
            ERR(f->end, "missing return");
    }
    for (struct label *l = fc.labels; l; l = l->next)
        if (!l->used)
            ERR(l->pos, "label %s defined and not used", l->name);
    check_close_scope(c);

    f->ncaptures = fc.ncaps;
    f->captures = fc.ncaps ? arena_dup(c->a, fc.caps, (size_t)fc.ncaps * sizeof *fc.caps) : NULL;
    free(fc.caps);
    check_add_func(c, f);
    c->fn = saved_fn;
    c->scope = saved_scope;
    c->pending_label = saved_label;
}

void check_add_func(struct checker *c, struct ast_func *f)
{
    GROW(c->funcs, c->nfuncs, c->capfuncs);
    c->funcs[c->nfuncs++] = f;
}

/* labels are collected before the body is checked so forward references
 * (break L inside L's loop) resolve */

static void collect_list(struct checker *c, struct fctx *fc, struct ast_stmt **v, int n, int depth)
{
    for (int i = 0; i < n; i++)
        collect_labels(c, fc, v[i], depth + 1);
}

static void collect_labels(struct checker *c, struct fctx *fc, struct ast_stmt *s, int depth)
{
    if (!s || depth > 3000)
        return;
    switch (s->kind) {
    case ST_LABELED: {
        for (struct label *l = fc->labels; l; l = l->next)
            if (strcmp(l->name, s->u.labeled.label) == 0) {
                ERR(s->pos, "label %s already defined", l->name);
                return;
            }
        struct label *l = arena_alloc(c->a, sizeof *l);
        l->name = s->u.labeled.label;
        l->pos = s->pos;
        l->stmt = s->u.labeled.stmt;
        l->next = fc->labels;
        fc->labels = l;
        collect_labels(c, fc, s->u.labeled.stmt, depth + 1);
        break;
    }
    case ST_BLOCK: collect_list(c, fc, s->u.block.stmts, s->u.block.nstmts, depth); break;
    case ST_IF:
        collect_labels(c, fc, s->u.ifs.then, depth + 1);
        collect_labels(c, fc, s->u.ifs.els, depth + 1);
        break;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        for (int i = 0; i < s->u.sw.ncases; i++)
            collect_list(c, fc, s->u.sw.cases[i].body, s->u.sw.cases[i].nbody, depth);
        break;
    case ST_FOR: collect_labels(c, fc, s->u.fors.body, depth + 1); break;
    case ST_RANGE: collect_labels(c, fc, s->u.range.body, depth + 1); break;
    default: break;
    }
}

/* ---- methods ------------------------------------------------------------------------------ */

static void declare_method(struct checker *c, struct ast_func *f)
{
    struct ast_field *r = &f->recv[0];
    struct ast_expr *te = r->type;
    bool ptr = false;
    while (te->kind == EX_PAREN)
        te = te->u.unary.x;
    if (te->kind == EX_STAR) {
        ptr = true;
        te = te->u.unary.x;
    }
    if (check_generic_method(c, f, te, ptr))
        return; /* f->type stays NULL: only instances have methods */
    struct type *base = check_type_expr(c, te);
    char ts[100];
    bool variadic;
    f->type = check_signature(c, f->sig, &variadic);
    if (base->kind == T_INVALID) {
        f->recv_type = base;
        return;
    }
    if (base->kind != T_NAMED || base->u.named.pkg != c->pkg) {
        ERR(te->pos, "cannot define new methods on non-local type %s",
            check_type_string(c, base, ts, sizeof ts));
        f->recv_type = basic(c, T_INVALID);
        return;
    }
    if (base->underlying->kind == T_POINTER || base->underlying->kind == T_INTERFACE) {
        ERR(te->pos, "invalid receiver type %s (pointer or interface type)",
            check_type_string(c, base, ts, sizeof ts));
        f->recv_type = basic(c, T_INVALID);
        return;
    }
    f->recv_type = ptr ? types_pointer(TS, base) : base;
    for (int i = 0; i < base->u.named.nmethods; i++)
        if (strcmp(base->u.named.methods[i].name, f->name) == 0) {
            char ps[300];
            ERR(f->name_pos, "method %s.%s already declared at %s", base->u.named.name, f->name,
                check_pos_string(c, base->u.named.methods[i].func->name_pos, ps, sizeof ps));
            return;
        }
    if (base->underlying->kind == T_STRUCT) {
        const struct type *u = base->underlying;
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (strcmp(u->u.strct.fields[i].name, f->name) == 0) {
                char ps[300];
                struct pos fp = {f->pos.file, (uint32_t)u->u.strct.fields[i].line,
                                 (uint32_t)u->u.strct.fields[i].col};
                ERR(f->name_pos,
                    "field and method with the same name %s\n\t%s: other declaration of %s",
                    f->name, check_pos_string(c, fp, ps, sizeof ps), f->name);
                return;
            }
    }
    if (strcmp(f->name, "_") == 0)
        return;
    struct type_method m = {f->name, 0, f->type, f, ptr};
    types_add_method(TS, base, &m);
    char q[256];
    snprintf(q, sizeof q, "%s.%s.%s", c->pkg->name, base->u.named.name, f->name);
    f->qname = arena_strndup(c->a, q, strlen(q));
}

/* ---- initialisation order ------------------------------------------------------------------ */

/* var_deps collects, into out, the package-level variables that object o
 * depends on, looking through functions (transitively). */
static void var_deps(struct object *o, struct object **out, int *n, int max, unsigned mark,
                     int depth)
{
    if (depth > 2000)
        return;
    for (struct dep *d = o->deps; d; d = d->next) {
        struct object *x = d->o;
        if (x->mark == mark)
            continue;
        x->mark = mark;
        if (x->kind == OBJ_VAR) {
            if (*n < max)
                out[(*n)++] = x;
        } else if (x->kind == OBJ_FUNC) {
            var_deps(x, out, n, max, mark, depth + 1);
        }
    }
}

static void init_order(struct checker *c, struct ast_package *pkg)
{
    /* the var specs of the package in declaration order */
    struct ast_file *f = pkg->file;
    int nspecs = 0;
    for (int i = 0; i < f->ndecls; i++)
        if (f->decls[i]->kind == DECL_VAR)
            nspecs++;
    if (nspecs == 0)
        return;
    struct ast_decl **specs = calloc((size_t)nspecs, sizeof *specs);
    bool *done = calloc((size_t)nspecs, sizeof *done);
    if (!specs || !done)
        abort();
    int k = 0;
    for (int i = 0; i < f->ndecls; i++)
        if (f->decls[i]->kind == DECL_VAR)
            specs[k++] = f->decls[i];
    static unsigned mark_counter = 0;
    int remaining = nspecs;
    while (remaining > 0) {
        int pick = -1;
        for (int i = 0; i < nspecs && pick < 0; i++) {
            if (done[i])
                continue;
            struct object *objs[64];
            int n = spec_objects(c, specs[i], objs, 64);
            bool ready = true;
            for (int j = 0; j < n && ready; j++) {
                if (!objs[j])
                    continue;
                struct object *deps[512];
                int nd = 0;
                var_deps(objs[j], deps, &nd, 512, ++mark_counter, 0);
                for (int q = 0; q < nd && ready; q++) {
                    struct object *dv = deps[q];
                    if (dv->decl == specs[i] || dv->pkg != pkg)
                        continue;
                    for (int s = 0; s < nspecs; s++)
                        if (specs[s] == dv->decl && !done[s])
                            ready = false;
                }
            }
            if (ready)
                pick = i;
        }
        if (pick < 0) {
            /* a cycle: report it at the first remaining spec and emit the rest
             * in declaration order */
            for (int i = 0; i < nspecs; i++)
                if (!done[i]) {
                    ERR(specs[i]->pos, "initialization cycle for %s", specs[i]->names[0]);
                    pick = i;
                    break;
                }
        }
        done[pick] = true;
        remaining--;
        struct ast_decl *d = specs[pick];
        if (d->nvalues == 0)
            continue;
        GROW(c->inits, c->ninits, c->capinits);
        struct ast_init *in = &c->inits[c->ninits++];
        in->nvars = d->nnames;
        in->vars = arena_alloc(c->a, (size_t)d->nnames * sizeof *in->vars);
        for (int i = 0; i < d->nnames; i++)
            in->vars[i] = strcmp(d->names[i], "_") == 0 ? NULL : d->vars[i];
        in->values = d->values;
        in->nvalues = d->nvalues;
    }
    (void)basic;
    free(specs);
    free(done);
}

/* ---- packages -------------------------------------------------------------------------------- */

/* all_blank: every name the spec declares is `_`. */
static bool all_blank(const struct ast_decl *d)
{
    for (int i = 0; i < d->nnames; i++)
        if (strcmp(d->names[i], "_") != 0)
            return false;
    return true;
}

static bool is_unsupported_import(const char *path)
{
    return strcmp(path, "unsafe") == 0 || strcmp(path, "reflect") == 0 || strcmp(path, "C") == 0;
}

void check_package(struct checker *c, struct ast_package *pkg)
{
    if (pkg->checked)
        return;
    pkg->checked = true;
    struct saved sv = save(c);
    struct ast_file *file = pkg->file;
    c->pkg = pkg;
    c->fn = NULL;
    c->iota = -1;
    c->dep_obj = NULL;
    struct scope *ps = scope_new(c->a, SCOPE_PACKAGE, c->universe, 256);
    pkg->scope = ps;
    /* imports live in a file scope between the package scope and function
     * scopes; with one file per package it is simplest to give them the
     * package scope itself, which Go would reject only for a clash between
     * an import name and a package-level name (reported below). */
    c->scope = ps;

    /* 1. imports */
    struct object *imports[128];
    int nimports = 0;
    pkg->imports = arena_alloc(c->a, 128 * sizeof *pkg->imports);
    for (int i = 0; i < file->ndecls; i++) {
        struct ast_decl *d = file->decls[i];
        if (d->kind != DECL_IMPORT)
            continue;
        struct pos ppos = d->type_expr ? d->type_expr->pos : d->pos;
        if (is_unsupported_import(d->path)) {
            ERR(ppos, "%s is not supported by chanlab",
                strcmp(d->path, "C") == 0        ? "cgo"
                : strcmp(d->path, "unsafe") == 0 ? "package unsafe"
                                                 : "package reflect");
            struct object *uo =
                check_new_object(c, OBJ_PKG, d->nnames ? d->names[0] : d->path, ppos);
            uo->used = true;
            uo->pkg = NULL;
            scope_insert(ps, uo);
            continue;
        }
        struct ast_package *ip = c->import(c->import_ud, d->path, ppos);
        if (!ip) {
            /* reported; a placeholder keeps uses of the name quiet */
            const char *pn = d->nnames               ? d->names[0]
                             : strrchr(d->path, '/') ? strrchr(d->path, '/') + 1
                                                     : d->path;
            struct object *o = check_new_object(c, OBJ_PKG, pn, ppos);
            o->pkg = NULL;
            o->used = true;
            scope_insert(ps, o);
            continue;
        }
        if (ip == pkg) {
            ERR(ppos, "import cycle not allowed");
            continue;
        }
        if (!ip->checked) {
            check_package(c, ip);
            c->pkg = pkg;
            c->scope = ps;
            c->fn = NULL;
            c->iota = -1;
            c->dep_obj = NULL;
        } else if (!ip->scope) {
            ERR(ppos, "import cycle not allowed");
            continue;
        }
        if (pkg->nimports < 128)
            pkg->imports[pkg->nimports++] = ip;
        const char *name = d->nnames ? d->names[0] : ip->name;
        if (strcmp(name, ".") == 0) {
            ERR(d->pos, "dot import is not supported by chanlab");
            c->quiet_undefined = true;
            continue;
        }
        if (strcmp(name, "_") == 0)
            continue;
        struct object *o = check_new_object(c, OBJ_PKG, name, d->nnames ? d->name_pos[0] : ppos);
        o->pkg = ip;
        struct object *old = scope_insert(ps, o);
        if (old) {
            ERR(d->pos, "%s redeclared in this block", name);
            continue;
        }
        if (nimports < 128)
            imports[nimports++] = o;
        o->decl = d; /* for the unused-import message */
        o->state = 2;
    }

    /* 2. collect package-level objects; a var or const spec of blank names
     * only gets an object outside the scope, so it is still checked (the
     * others are checked through their named objects) */
    int nmethods = 0;
    struct object **blanks = NULL;
    int nblanks = 0, capblanks = 0;
    for (int i = 0; i < file->ndecls; i++) {
        struct ast_decl *d = file->decls[i];
        switch (d->kind) {
        case DECL_FUNC: {
            struct ast_func *f = d->func;
            f->pkg = pkg;
            if (f->recv) {
                nmethods++;
                continue;
            }
            char q[256];
            snprintf(q, sizeof q, "%s.%s", pkg->name, f->name);
            f->qname = arena_strndup(c->a, q, strlen(q));
            if (strcmp(f->name, "init") == 0) {
                f->is_init = true;
                if (f->sig->nparams || f->sig->nresults)
                    ERR(f->name_pos, "func init must have no arguments and no return values");
                GROW(c->init_funcs, c->ninit_funcs, c->capinit_funcs);
                c->init_funcs[c->ninit_funcs++] = f;
                continue;
            }
            if (strcmp(f->name, "main") == 0 && strcmp(pkg->path, "main") == 0 &&
                (f->sig->nparams || f->sig->nresults))
                ERR(f->name_pos, "func main must have no arguments and no return values");
            if (strcmp(f->name, "_") == 0)
                continue;
            struct object *o = check_new_object(c, OBJ_FUNC, f->name, f->pos);
            o->func = f;
            o->decl = d;
            o->state = 0;
            o->pos = f->name_pos;
            struct object *old = scope_insert(ps, o);
            if (old)
                check_redeclared(c, o, old);
            break;
        }
        case DECL_VAR:
            d->vars = arena_alloc(c->a, (size_t)(d->nnames + 1) * sizeof *d->vars);
            for (int j = 0; j < d->nnames; j++) {
                struct ast_var *v = arena_alloc(c->a, sizeof *v);
                v->name = d->names[j];
                v->pos = d->name_pos[j];
                v->global = true;
                v->used = true;
                GROW(c->globals, c->nglobals, c->capglobals);
                v->index = c->nglobals;
                c->globals[c->nglobals++] = v;
                d->vars[j] = v;
                struct object *o = check_new_object(c, OBJ_VAR, d->names[j], d->name_pos[j]);
                o->var = v;
                o->decl = d;
                o->decl_index = j;
                o->state = 0;
                if (strcmp(d->names[j], "_") == 0) {
                    if (j == d->nnames - 1 && all_blank(d)) {
                        GROW(blanks, nblanks, capblanks);
                        blanks[nblanks++] = o;
                    }
                    continue;
                }
                struct object *old = scope_insert(ps, o);
                if (old)
                    check_redeclared(c, o, old);
            }
            break;
        case DECL_CONST:
            for (int j = 0; j < d->nnames; j++) {
                struct object *o = check_new_object(c, OBJ_CONST, d->names[j], d->name_pos[j]);
                o->decl = d;
                o->decl_index = j;
                o->state = 0;
                if (strcmp(d->names[j], "_") == 0) {
                    if (j == d->nnames - 1 && all_blank(d)) {
                        GROW(blanks, nblanks, capblanks);
                        blanks[nblanks++] = o;
                    }
                    continue;
                }
                struct object *old = scope_insert(ps, o);
                if (old)
                    check_redeclared(c, o, old);
            }
            break;
        case DECL_TYPE: {
            struct object *o = check_new_object(c, OBJ_TYPE, d->names[0], d->name_pos[0]);
            o->decl = d;
            o->state = 0;
            if (!d->alias)
                o->type = types_named(TS, d->names[0], pkg);
            if (d->tparam)
                check_generic_declare(c, o);
            if (strcmp(d->names[0], "_") == 0)
                break;
            struct object *old = scope_insert(ps, o);
            if (old)
                check_redeclared(c, o, old);
            break;
        }
        default: break;
        }
    }

    /* 3. types first, then methods, then everything else */
    for (struct object *o = ps->first; o; o = o->order_next)
        if (o->kind == OBJ_TYPE)
            check_resolve_object(c, o);
    for (struct object *o = ps->first; o; o = o->order_next)
        if (o->kind == OBJ_TYPE && o->type && o->type->kind == T_NAMED && !o->generic)
            check_cycle_validate(c, o->type);
    for (int i = 0; i < file->ndecls; i++) {
        struct ast_decl *d = file->decls[i];
        if (d->kind == DECL_FUNC && d->func->recv)
            declare_method(c, d->func);
    }
    for (struct object *o = ps->first; o; o = o->order_next)
        check_resolve_object(c, o);
    for (int i = 0; i < nblanks; i++)
        check_resolve_object(c, blanks[i]);
    free(blanks);
    for (int i = 0; i < c->ninit_funcs; i++) {
        struct ast_func *f = c->init_funcs[i];
        if (f->pkg == pkg && !f->type) {
            bool variadic;
            f->type = check_signature(c, f->sig, &variadic);
        }
    }

    /* 4. bodies */
    for (int i = 0; i < file->ndecls; i++) {
        struct ast_decl *d = file->decls[i];
        if (d->kind != DECL_FUNC)
            continue;
        struct ast_func *f = d->func;
        if (!f->type)
            continue;
        if (!f->body) {
            if (strcmp(pkg->path, "main") == 0)
                ERR(f->pos, "missing function body");
            /* a native: its frame (params, results) is laid out all the same,
             * so nparams and nresults hold for every function */
            c->scope = ps;
            check_func_body(c, f, NULL);
            continue;
        }
        struct object *o = f->recv || f->is_init ? NULL : scope_find_local(ps, f->name);
        c->dep_obj = o && o->func == f ? o : NULL;
        c->scope = ps;
        c->funclit_counter = 0;
        check_func_body(c, f, NULL);
        c->dep_obj = NULL;
    }

    /* 5. initialisation order, unused imports, main */
    init_order(c, pkg);
    for (int i = 0; i < nimports; i++)
        if (!imports[i]->used) {
            struct ast_decl *d = imports[i]->decl;
            if (d->nnames)
                ERR(imports[i]->pos, "\"%s\" imported as %s and not used", d->path,
                    imports[i]->name);
            else
                ERR(imports[i]->pos, "\"%s\" imported and not used", d->path);
        }
    if (strcmp(pkg->path, "main") == 0) {
        struct object *m = scope_find_local(ps, "main");
        if (!m || m->kind != OBJ_FUNC) {
            struct pos p1 = {0, 1, 1};
            ERR(p1, "function main is undeclared in the main package");
        } else
            c->prog->main_func = m->func;
    }
    GROW(c->prog->pkgs, c->prog->npkgs, c->cappkgs);
    c->prog->pkgs[c->prog->npkgs++] = pkg;
    restore(c, sv);
}

void check_finish(struct checker *c)
{
    struct ast_program *p = c->prog;
    p->globals =
        c->nglobals ? arena_dup(c->a, c->globals, (size_t)c->nglobals * sizeof *c->globals) : NULL;
    p->nglobals = c->nglobals;
    p->inits = c->ninits ? arena_dup(c->a, c->inits, (size_t)c->ninits * sizeof *c->inits) : NULL;
    p->ninits = c->ninits;
    p->init_funcs = c->ninit_funcs ? arena_dup(c->a, c->init_funcs,
                                               (size_t)c->ninit_funcs * sizeof *c->init_funcs)
                                   : NULL;
    p->ninit_funcs = c->ninit_funcs;
    p->funcs = c->nfuncs ? arena_dup(c->a, c->funcs, (size_t)c->nfuncs * sizeof *c->funcs) : NULL;
    p->nfuncs = c->nfuncs;
    struct ast_package **pk = p->pkgs;
    p->pkgs = p->npkgs ? arena_dup(c->a, pk, (size_t)p->npkgs * sizeof *pk) : NULL;
    free(pk);
    check_cycle_free(c);
    free(c->globals);
    free(c->inits);
    free(c->init_funcs);
    free(c->funcs);
    c->globals = NULL;
    c->inits = NULL;
    c->init_funcs = NULL;
    c->funcs = NULL;
}
