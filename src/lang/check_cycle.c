/* check_cycle.c: invalid recursive types. A defined type may not contain
 * itself by value: `type T struct{ t T }`, `type A [2]A`, `type A B; type B
 * A`, or a longer chain through struct fields and array elements. Pointers,
 * slices, maps, channels and functions break a chain (their values do not
 * hold the element); an interface continues it through the interfaces it
 * embeds (`type I interface{ I }`), not through its methods.
 *
 * The checker records, for each named type it declares, the checked type
 * expression of its declaration (the "right-hand side": for `type B A` that
 * is the name A, not A's underlying type, so the chain B -> A is seen, and
 * for an interface its embedded names, which its type no longer lists).
 * After a package's
 * types are resolved, and after each local type declaration, a depth-first
 * search from each declared type follows the value edges; a type met again
 * on the current path closes a cycle. The cycle is reported once, in the
 * words and order of the Go compiler (starting at its first type in the
 * source), and every type in it gets an invalid underlying type, so nothing
 * later walks the cycle forever (zero values, comparability, vet). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define ERR(pos, ...) diag_error(c->d, (pos), __VA_ARGS__)

struct tdecl {
    struct ast_expr *rhs; /* the declaration's checked type expression; NULL: not
                             declared in a package being checked (the library) */
    const char *name;
    struct pos pos;
    unsigned char state; /* 0 unvisited, 1 on the search path, 2 valid or reported */
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

static struct tdecl *tdecl_of(struct checker *c, const struct type *t)
{
    return t->id < c->ntdecls ? &c->tdecls[t->id] : NULL;
}

void check_cycle_record(struct checker *c, struct type *named, struct ast_expr *rhs,
                        const char *name, struct pos pos)
{
    if (named->id >= c->ntdecls) {
        size_t n = c->ntdecls ? c->ntdecls : 64;
        while (n <= named->id)
            n *= 2;
        c->tdecls = xrealloc(c->tdecls, n * sizeof *c->tdecls);
        memset(c->tdecls + c->ntdecls, 0, (n - c->ntdecls) * sizeof *c->tdecls);
        c->ntdecls = n;
    }
    struct tdecl *td = &c->tdecls[named->id];
    td->rhs = rhs;
    td->name = name;
    td->pos = pos;
    td->state = 0;
}

static bool pos_before(struct pos a, struct pos b)
{
    if (a.file != b.file)
        return a.file < b.file;
    if (a.line != b.line)
        return a.line < b.line;
    return a.col < b.col;
}

/* report names the cycle path[0..n) (each element's successor is the next,
 * the last's is the first) starting at its first type in the source. */
static void report(struct checker *c, struct type **path, int n)
{
    int start = 0;
    for (int i = 1; i < n; i++)
        if (pos_before(tdecl_of(c, path[i])->pos, tdecl_of(c, path[start])->pos))
            start = i;
    struct tdecl *first = tdecl_of(c, path[start]);
    if (n == 1) {
        ERR(first->pos, "invalid recursive type: %s refers to itself", first->name);
    } else {
        size_t cap = 64 + (size_t)n * 400, len = 0;
        char *msg = xrealloc(NULL, cap);
        len += (size_t)snprintf(msg, cap, "invalid recursive type %s", first->name);
        for (int i = 0; i <= n && len < cap; i++) {
            struct tdecl *td = tdecl_of(c, path[(start + i) % n]);
            char ps[300];
            check_pos_string(c, td->pos, ps, sizeof ps);
            len += (size_t)snprintf(msg + len, cap - len, "\n\t%s: %s%s", ps, td->name,
                                    i < n ? " refers to" : "");
        }
        ERR(first->pos, "%s", msg);
        free(msg);
    }
    for (int i = 0; i < n; i++) {
        types_set_underlying(path[i], types_basic(c->ts, T_INVALID));
        tdecl_of(c, path[i])->state = 2;
    }
}

struct search {
    struct type **path;
    int n, cap;
};

static void visit(struct checker *c, struct search *s, struct ast_expr *e, int depth);

static void visit_named(struct checker *c, struct search *s, struct type *t, int depth)
{
    struct tdecl *td = tdecl_of(c, t);
    if (!td || !td->rhs || td->state == 2)
        return; /* declared elsewhere (the library), or already known */
    if (td->state == 1) {
        int k = s->n - 1;
        while (k > 0 && s->path[k] != t)
            k--;
        report(c, s->path + k, s->n - k);
        return;
    }
    td->state = 1;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->path = xrealloc(s->path, (size_t)s->cap * sizeof *s->path);
    }
    s->path[s->n++] = t;
    visit(c, s, td->rhs, depth + 1);
    s->n--;
    td->state = 2;
}

/* visit follows the value edges of a checked type expression. */
static void visit(struct checker *c, struct search *s, struct ast_expr *e, int depth)
{
    if (!e || depth > 4000)
        return;
    switch (e->kind) {
    case EX_PAREN: visit(c, s, e->u.unary.x, depth + 1); break;
    case EX_IDENT:
    case EX_SELECTOR:
    case EX_INDEX:
        if (e->type && e->type->kind == T_NAMED)
            visit_named(c, s, e->type, depth);
        break;
    case EX_ARRAYTYPE:
        if (e->u.arraytype.len) /* not a slice */
            visit(c, s, e->u.arraytype.elem, depth + 1);
        break;
    case EX_STRUCTTYPE:
        for (int i = 0; i < e->u.structtype.nfields; i++)
            visit(c, s, e->u.structtype.fields[i].type, depth + 1);
        break;
    case EX_INTERFACETYPE:
        for (int i = 0; i < e->u.structtype.nfields; i++)
            if (e->u.structtype.fields[i].nnames == 0) /* embedded */
                visit(c, s, e->u.structtype.fields[i].type, depth + 1);
        break;
    default: break; /* pointers, slices, maps, channels, funcs */
    }
}

void check_cycle_validate(struct checker *c, struct type *named)
{
    struct search s = {0};
    visit_named(c, &s, named, 0);
    free(s.path);
}

void check_cycle_free(struct checker *c)
{
    free(c->tdecls);
    c->tdecls = NULL;
    c->ntdecls = 0;
}
