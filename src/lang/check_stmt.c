/* check_stmt.c: statements: scopes and `declared and not used`,
 * assignments and declarations, control flow, branch targets, loop
 * variables, and the terminating-statement analysis behind `missing
 * return`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lex.h"

#define TS            (c->ts)
#define ERR(pos, ...) diag_error(c->d, (pos), __VA_ARGS__)

static struct type *basic(struct checker *c, enum type_kind k)
{
    return types_basic(c->ts, k);
}

static bool is_const(const struct ast_expr *e)
{
    return e->mode == M_CONST && e->cv;
}

/* ---- scopes ------------------------------------------------------------------ */

void check_open_scope(struct checker *c, enum scope_kind kind)
{
    c->scope = scope_new(c->a, kind, c->scope, 16);
}

void check_close_scope(struct checker *c)
{
    for (struct object *o = c->scope->first; o; o = o->order_next)
        if (o->kind == OBJ_VAR && o->var && !o->var->global && !o->var->used)
            ERR(o->pos, "declared and not used: %s", o->name);
    c->scope = c->scope->parent;
}

static struct ast_var *declare_var(struct checker *c, const char *name, struct pos pos,
                                   struct type *t)
{
    struct ast_var *v = check_new_local(c, name, pos, t);
    if (strcmp(name, "_") == 0) {
        v->used = true;
        return v;
    }
    struct object *o = check_new_object(c, OBJ_VAR, name, pos);
    o->var = v;
    o->type = t;
    check_declare(c, o);
    return v;
}

/* ---- expression statements ------------------------------------------------------ */

static void check_expr_stmt(struct checker *c, struct ast_stmt *s)
{
    struct ast_expr *e = s->u.expr;
    enum mode m = check_expr_or_type(c, e, NULL);
    if (m == M_INVALID)
        return;
    struct ast_expr *u = ast_unparen(e);
    char os[300];
    if (u->kind == EX_CALL) {
        if (u->u.call.kind == CALL_BUILTIN) {
            switch (u->u.call.builtin) {
            case BI_APPEND:
            case BI_CAP:
            case BI_LEN:
            case BI_MAKE:
            case BI_NEW:
            case BI_MIN:
            case BI_MAX:
                ERR(e->pos, "%s is not used", check_operand_string(c, e, os, sizeof os));
                break;
            default: break;
            }
        }
        return;
    }
    if (u->kind == EX_CONVERT) {
        ERR(e->pos, "%s is not used", check_operand_string(c, e, os, sizeof os));
        return;
    }
    if (u->kind == EX_UNARY && u->u.unary.op == OP_ARROW)
        return;
    if (m == M_TYPE) {
        char xs[200];
        ERR(e->pos, "%s (type) is not an expression", check_expr_string(e, xs, sizeof xs));
        return;
    }
    if (m == M_BUILTIN) {
        char xs[200];
        check_expr_string(e, xs, sizeof xs);
        ERR(e->pos, "%s (built-in) must be called", xs);
        return;
    }
    check_use(c, e);
    ERR(e->pos, "%s is not used", check_operand_string(c, e, os, sizeof os));
}

static void check_send(struct checker *c, struct ast_stmt *s)
{
    struct ast_expr *ch = s->u.send.ch;
    char os[300];
    if (check_value(c, ch, NULL) == M_INVALID) {
        check_expr(c, s->u.send.value, NULL);
        return;
    }
    check_use(c, ch);
    const struct type *u = ch->type->underlying;
    if (u->kind != T_CHAN) {
        ERR(s->pos, "invalid operation: cannot send to non-channel %s",
            check_operand_string(c, ch, os, sizeof os));
        check_expr(c, s->u.send.value, NULL);
        return;
    }
    if (u->u.chan.dir == CHAN_RECV) {
        ERR(s->pos, "invalid operation: cannot send to receive-only channel %s",
            check_operand_string(c, ch, os, sizeof os));
        check_expr(c, s->u.send.value, NULL);
        return;
    }
    if (check_value(c, s->u.send.value, u->u.chan.elem) != M_INVALID)
        check_assign_to(c, &s->u.send.value, u->u.chan.elem, "send");
}

/* assignable_lhs checks that e (checked) can be assigned to. */
static bool assignable_lhs(struct checker *c, struct ast_expr *e)
{
    if (e->mode == M_INVALID)
        return false;
    if (e->mode == M_VAR || e->mode == M_MAPINDEX)
        return true;
    char os[300], xs[300];
    struct ast_expr *u = ast_unparen(e);
    if (u->kind == EX_SELECTOR && u->u.sel.kind == SELX_FIELD) {
        struct ast_expr *x = ast_unparen(u->u.sel.x);
        if (x->kind == EX_INDEX && x->u.index.x->type &&
            x->u.index.x->type->underlying->kind == T_MAP) {
            ERR(e->pos, "cannot assign to struct field %s in map",
                check_expr_string(e, xs, sizeof xs));
            return false;
        }
    }
    check_operand_string(c, e, os, sizeof os);
    if (e->mode == M_VALUE)
        ERR(e->pos, "cannot assign to %s (neither addressable nor a map index expression)",
            check_expr_string(e, xs, sizeof xs));
    else
        ERR(e->pos, "cannot assign to %s (neither addressable nor a map index expression)", os);
    return false;
}

/* check_lhs checks an assignment target: `_`, or an addressable expression;
 * a bare identifier on the left is not a use. */
static struct type *check_lhs(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *u = ast_unparen(e);
    if (u->kind == EX_IDENT && strcmp(u->u.ident.name, "_") == 0) {
        u->mode = M_VAR;
        u->u.ident.ref.kind = REF_NONE;
        u->type = NULL;
        e->mode = M_VAR;
        return NULL;
    }
    bool was_used = false;
    struct ast_var *v = NULL;
    if (u->kind == EX_IDENT) {
        struct object *o = scope_lookup(c->scope, u->u.ident.name, NULL);
        if (o && o->kind == OBJ_VAR && o->var) {
            v = o->var;
            was_used = v->used;
        }
    }
    enum mode m = check_expr(c, e, NULL);
    if (v)
        v->used = was_used;
    if (m == M_INVALID)
        return basic(c, T_INVALID);
    if (!assignable_lhs(c, e))
        return basic(c, T_INVALID);
    return e->type;
}

static bool is_commaok_expr(struct ast_expr *e)
{
    e = ast_unparen(e);
    return e->mode == M_COMMAOK || e->mode == M_MAPINDEX;
}

static void mark_commaok(struct ast_expr *e)
{
    e = ast_unparen(e);
    if (e->kind == EX_INDEX)
        e->u.index.map_comma_ok = true;
    else if (e->kind == EX_TYPEASSERT)
        e->u.assert.comma_ok = true;
    else if (e->kind == EX_UNARY)
        e->u.unary.comma_ok = true;
    e->type = NULL; /* set by the caller to the tuple */
}

static const char *values_word(int n)
{
    return n == 1 ? "value" : "values";
}

static const char *vars_word(int n)
{
    return n == 1 ? "variable" : "variables";
}

/* check_rhs_tuple checks rhs for nlhs targets: either nrhs == nlhs, or one
 * multi-valued expression; returns the types of the values in *out (NULL
 * entries for untyped/unknown), or false after an error. */
static bool check_multi(struct checker *c, struct ast_expr **rhs, int nrhs, int nlhs,
                        struct type **lhs_types, struct type **out, struct pos at, bool *tuple_mode)
{
    char xs[300];
    *tuple_mode = false;
    if (nrhs > 0)
        at = rhs[0]->pos;
    if (nrhs == 1 && nlhs == 1) {
        struct ast_expr *r = rhs[0];
        enum mode m = check_expr(c, r, lhs_types ? lhs_types[0] : NULL);
        struct ast_expr *u = ast_unparen(r);
        if (m != M_INVALID && r->type && r->type->kind == T_TUPLE && u->kind == EX_CALL &&
            r->type->u.tuple.n > 1) {
            int n = r->type->u.tuple.n;
            ERR(at, "assignment mismatch: 1 variable but %s returns %d values",
                check_expr_string(u->u.call.fun, xs, sizeof xs), n);
            out[0] = NULL;
            return false;
        }
        out[0] = check_as_value(c, r, m) == M_INVALID ? NULL : r->type;
        return true;
    }
    if (nrhs == nlhs) {
        for (int i = 0; i < nrhs; i++) {
            if (check_value(c, rhs[i], lhs_types ? lhs_types[i] : NULL) == M_INVALID) {
                out[i] = NULL;
                continue;
            }
            out[i] = rhs[i]->type;
        }
        return true;
    }
    if (nrhs == 1) {
        struct ast_expr *r = rhs[0];
        enum mode m = check_expr(c, r, NULL);
        if (m == M_INVALID)
            return false;
        if (nlhs == 2 && is_commaok_expr(r)) {
            struct type *t = r->type;
            mark_commaok(r);
            struct type *pair[2] = {t, basic(c, T_BOOL)};
            r->type = types_tuple(TS, pair, 2);
            out[0] = t;
            out[1] = basic(c, T_BOOL);
            *tuple_mode = true;
            return true;
        }
        if (r->type && r->type->kind == T_TUPLE && r->type->u.tuple.n == nlhs) {
            for (int i = 0; i < nlhs; i++)
                out[i] = r->type->u.tuple.elems[i];
            *tuple_mode = true;
            check_use(c, r);
            return true;
        }
        if (r->type && r->type->kind == T_TUPLE && ast_unparen(r)->kind == EX_CALL) {
            int n = r->type->u.tuple.n;
            ERR(at, "assignment mismatch: %d %s but %s returns %d %s", nlhs, vars_word(nlhs),
                check_expr_string(ast_unparen(r)->u.call.fun, xs, sizeof xs), n, values_word(n));
            return false;
        }
        if (m == M_NOVALUE) {
            ERR(r->pos, "%s (no value) used as value", check_expr_string(r, xs, sizeof xs));
            return false;
        }
        if (ast_unparen(r)->kind == EX_CALL) {
            ERR(at, "assignment mismatch: %d %s but %s returns 1 value", nlhs, vars_word(nlhs),
                check_expr_string(ast_unparen(r)->u.call.fun, xs, sizeof xs));
            return false;
        }
        ERR(at, "assignment mismatch: %d %s but 1 value", nlhs, vars_word(nlhs));
        return false;
    }
    for (int i = 0; i < nrhs; i++)
        check_expr(c, rhs[i], NULL);
    ERR(at, "assignment mismatch: %d %s but %d %s", nlhs, vars_word(nlhs), nrhs, values_word(nrhs));
    return false;
}

static void check_define(struct checker *c, struct ast_stmt *s)
{
    int n = s->u.assign.nlhs;
    struct ast_expr **lhs = s->u.assign.lhs;
    s->u.assign.vars = arena_alloc(c->a, (size_t)n * sizeof(struct ast_var *));
    struct type *types[64] = {0};
    struct type *hints[64] = {0};
    struct object *existing[64] = {0};
    bool any_new = false, ok = true;
    char xs[200];
    if (n > 64) {
        ERR(s->pos,
            "too many variables in one assignment (more than 64) is not supported by chanlab");
        return;
    }
    for (int i = 0; i < n; i++) {
        struct ast_expr *l = lhs[i];
        if (l->kind != EX_IDENT) {
            ERR(l->pos, "non-name %s on left side of :=", check_expr_string(l, xs, sizeof xs));
            ok = false;
            continue;
        }
        if (strcmp(l->u.ident.name, "_") == 0)
            continue;
        for (int j = 0; j < i; j++)
            if (lhs[j]->kind == EX_IDENT && strcmp(lhs[j]->u.ident.name, l->u.ident.name) == 0) {
                ERR(l->pos, "%s repeated on left side of :=", l->u.ident.name);
                ok = false;
            }
        struct object *o = scope_find_local(c->scope, l->u.ident.name);
        if (o) {
            existing[i] = o;
            if (o->kind == OBJ_VAR)
                hints[i] = o->var->type;
        } else {
            any_new = true;
        }
    }
    if (!ok) {
        for (int i = 0; i < s->u.assign.nrhs; i++)
            check_expr(c, s->u.assign.rhs[i], NULL);
        return;
    }
    if (!any_new)
        ERR(s->u.assign.op_pos, "no new variables on left side of :=");
    bool tuple;
    if (!check_multi(c, s->u.assign.rhs, s->u.assign.nrhs, n, hints, types, s->pos, &tuple)) {
        /* declare the names anyway to avoid follow-on errors */
        for (int i = 0; i < n; i++)
            if (!existing[i] && lhs[i]->kind == EX_IDENT) {
                struct ast_var *v =
                    declare_var(c, lhs[i]->u.ident.name, lhs[i]->pos, basic(c, T_INVALID));
                v->used = true;
            }
        return;
    }
    for (int i = 0; i < n; i++) {
        struct ast_expr *l = lhs[i];
        struct type *t = types[i];
        if (!tuple && t) {
            struct ast_expr *r = s->u.assign.rhs[i];
            if (r->mode == M_NIL) {
                ERR(r->pos, "use of untyped nil in assignment");
                t = NULL;
            } else if (existing[i] && existing[i]->kind == OBJ_VAR) {
                check_assign_to(c, &s->u.assign.rhs[i], existing[i]->var->type, "assignment");
            } else {
                check_use(c, r);
                check_default(c, r);
                t = r->type;
            }
        }
        if (!t)
            t = basic(c, T_INVALID);
        if (strcmp(l->u.ident.name, "_") == 0) {
            l->mode = M_VAR;
            continue;
        }
        if (existing[i]) {
            struct object *o = existing[i];
            if (o->kind != OBJ_VAR) {
                ERR(l->pos, "cannot assign to %s", l->u.ident.name);
                continue;
            }
            bool was = o->var->used;
            check_expr(c, l, NULL);
            o->var->used = was;
            if (tuple && !types_assignable(TS, t, o->var->type)) {
                char ts[100], vs[100];
                ERR(l->pos, "cannot use %s value as %s value in assignment",
                    check_type_string(c, t, ts, sizeof ts),
                    check_type_string(c, o->var->type, vs, sizeof vs));
            }
            continue;
        }
        if (t->kind == T_UNTYPED_NIL)
            t = basic(c, T_INVALID);
        s->u.assign.vars[i] = NULL;
        struct ast_var *v = check_new_local(c, l->u.ident.name, l->pos, t);
        if (t->kind == T_INVALID)
            v->used = true; /* no follow-on error for a broken initialiser */
        s->u.assign.vars[i] = v;
        l->u.ident.ref.kind = REF_LOCAL;
        l->u.ident.ref.var = v;
        l->u.ident.ref.index = v->index;
        l->type = t;
        l->mode = M_VAR;
    }
    /* the new variables are in scope only after the statement */
    for (int i = 0; i < n; i++)
        if (s->u.assign.vars[i]) {
            struct ast_var *v = s->u.assign.vars[i];
            struct object *o = check_new_object(c, OBJ_VAR, v->name, v->pos);
            o->var = v;
            o->type = v->type;
            check_declare(c, o);
        }
}

static void check_assign(struct checker *c, struct ast_stmt *s)
{
    if (s->u.assign.define) {
        check_define(c, s);
        return;
    }
    int n = s->u.assign.nlhs;
    struct ast_expr **lhs = s->u.assign.lhs;
    if (s->u.assign.op != OP_NONE) {
        /* x op= y: check as x op y, assign back */
        if (n != 1 || s->u.assign.nrhs != 1) {
            ERR(s->pos, "assignment operation %s= requires single-valued expressions", "op");
            return;
        }
        struct ast_expr tmp = {0};
        tmp.kind = EX_BINARY;
        tmp.pos = lhs[0]->pos;
        tmp.u.binary.op = s->u.assign.op;
        tmp.u.binary.x = lhs[0];
        tmp.u.binary.y = s->u.assign.rhs[0];
        enum mode m = check_expr(c, &tmp, NULL);
        s->u.assign.rhs[0] = tmp.u.binary.y;
        if (m == M_INVALID)
            return;
        if (!assignable_lhs(c, lhs[0]))
            return;
        struct ast_expr *y = s->u.assign.rhs[0];
        if (types_is_untyped(y->type) && s->u.assign.op != OP_SHL && s->u.assign.op != OP_SHR) {
            check_assign_to(c, &s->u.assign.rhs[0], lhs[0]->type, "assignment");
        } else if (types_is_untyped(y->type)) {
            check_default(c, y);
            if (is_const(y) == false && types_is_untyped(y->type))
                y->type = basic(c, T_UINT);
        }
        return;
    }
    struct type *lt[64];
    if (n > 64)
        return;
    for (int i = 0; i < n; i++)
        lt[i] = check_lhs(c, lhs[i]);
    struct type *rt[64];
    bool tuple;
    if (!check_multi(c, s->u.assign.rhs, s->u.assign.nrhs, n, lt, rt, s->pos, &tuple))
        return;
    for (int i = 0; i < n; i++) {
        if (lt[i] && lt[i]->kind == T_INVALID)
            continue;
        if (tuple) {
            if (lt[i] && rt[i] && !types_assignable(TS, rt[i], lt[i])) {
                char ts[100], vs[100], xs[200];
                ERR(s->u.assign.rhs[0]->pos,
                    "cannot use %s (value of type %s) as %s value in assignment",
                    check_expr_string(s->u.assign.rhs[0], xs, sizeof xs),
                    check_type_string(c, rt[i], ts, sizeof ts),
                    check_type_string(c, lt[i], vs, sizeof vs));
            }
            continue;
        }
        struct ast_expr **rp = &s->u.assign.rhs[i];
        if ((*rp)->mode == M_INVALID)
            continue;
        if (!lt[i]) {
            /* _ = x */
            if ((*rp)->mode == M_NIL) {
                ERR((*rp)->pos, "use of untyped nil in assignment");
                continue;
            }
            check_use(c, *rp);
            check_default(c, *rp);
            continue;
        }
        check_assign_to(c, rp, lt[i], "assignment");
    }
}

static void check_incdec(struct checker *c, struct ast_stmt *s)
{
    struct ast_expr *x = s->u.incdec.x;
    char xs[200], ts[100];
    if (check_value(c, x, NULL) == M_INVALID)
        return;
    check_use(c, x);
    if (!types_is_numeric(x->type)) {
        ERR(x->pos, "invalid operation: %s%s (non-numeric type %s)",
            check_expr_string(x, xs, sizeof xs), s->u.incdec.inc ? "++" : "--",
            check_type_string(c, x->type, ts, sizeof ts));
        return;
    }
    assignable_lhs(c, x);
}

/* ---- declarations inside functions ---------------------------------------------- */

static void check_local_var(struct checker *c, struct ast_stmt *s)
{
    struct ast_decl *d = s->u.var.decl;
    int n = d->nnames;
    struct type *t = d->type_expr ? check_type_expr(c, d->type_expr) : NULL;
    struct type *types[64] = {0};
    struct type *hints[64];
    if (n > 64)
        return;
    for (int i = 0; i < n; i++)
        hints[i] = t;
    if (d->nvalues) {
        bool tuple;
        if (check_multi(c, d->values, d->nvalues, n, hints, types, d->pos, &tuple)) {
            for (int i = 0; i < n && !tuple; i++) {
                struct ast_expr **vp = &d->values[i];
                if ((*vp)->mode == M_INVALID)
                    continue;
                if (t) {
                    check_assign_to(c, vp, t, "variable declaration");
                } else if ((*vp)->mode == M_NIL) {
                    ERR((*vp)->pos, "use of untyped nil in variable declaration");
                    types[i] = NULL;
                } else {
                    check_use(c, *vp);
                    check_default_in(c, *vp, "variable declaration");
                    types[i] = (*vp)->type;
                }
            }
            if (tuple && t)
                for (int i = 0; i < n; i++)
                    if (types[i] && !types_assignable(TS, types[i], t)) {
                        char ts[100], vs[100], xs[200];
                        ERR(d->values[0]->pos,
                            "cannot use %s (value of type %s) as %s value in assignment",
                            check_expr_string(d->values[0], xs, sizeof xs),
                            check_type_string(c, types[i], ts, sizeof ts),
                            check_type_string(c, t, vs, sizeof vs));
                    }
        }
    }
    s->u.var.type_expr = d->type_expr;
    s->u.var.values = d->values;
    s->u.var.nvalues = d->nvalues;
    for (int i = 0; i < n; i++) {
        struct type *vt = t ? t : types[i] ? types[i] : basic(c, T_INVALID);
        struct ast_var *v = declare_var(c, d->names[i], d->name_pos[i], vt);
        if (vt->kind == T_INVALID)
            v->used = true;
        s->u.var.vars[i] = v;
    }
}

static void check_local_type(struct checker *c, struct ast_stmt *s)
{
    struct ast_decl *d = s->u.var.decl;
    struct object *o = check_new_object(c, OBJ_TYPE, d->names[0], d->name_pos[0]);
    if (d->alias) {
        o->type = check_type_expr(c, d->type_expr);
        check_declare(c, o);
        return;
    }
    struct type *t = types_named(TS, d->names[0], c->pkg);
    t->u.named.local = true;
    o->type = t;
    check_declare(c, o);
    struct type *u = check_type_expr(c, d->type_expr);
    check_cycle_record(c, t, d->type_expr, d->names[0], d->name_pos[0]);
    types_set_underlying(t, u);
    check_cycle_validate(c, t);
}

static void check_local_const(struct checker *c, struct ast_stmt *s)
{
    struct ast_decl *d = s->u.var.decl;
    struct object *objs[64];
    int n = d->nnames < 64 ? d->nnames : 64;
    for (int i = 0; i < n; i++) {
        objs[i] = check_new_object(c, OBJ_CONST, d->names[i], d->name_pos[i]);
        objs[i]->decl = d;
        objs[i]->decl_index = i;
    }
    check_const_spec(c, d, objs);
    for (int i = 0; i < n; i++)
        check_declare(c, objs[i]);
}

/* ---- branch targets ------------------------------------------------------------------ */

static void push_target(struct checker *c, struct ast_stmt *s, bool loop)
{
    if (c->ntargets < 256) {
        c->targets[c->ntargets].stmt = s;
        c->targets[c->ntargets].loop = loop;
        c->targets[c->ntargets].label = c->pending_label;
        c->ntargets++;
    }
    c->pending_label = NULL;
}

static void pop_target(struct checker *c)
{
    if (c->ntargets > 0)
        c->ntargets--;
}

static int target_floor(struct checker *c)
{
    return c->fn ? c->fn->target_floor : 0;
}

static void check_branch(struct checker *c, struct ast_stmt *s, bool last_in_case,
                         bool in_switch_case)
{
    int tok = s->u.branch.tok;
    const char *label = s->u.branch.label;
    int floor = target_floor(c);
    if (tok == TK_FALLTHROUGH) {
        if (!in_switch_case) {
            ERR(s->pos, "fallthrough statement out of place");
            return;
        }
        if (!last_in_case) {
            ERR(s->pos, "fallthrough statement out of place");
            return;
        }
        return;
    }
    if (label) {
        struct label *l = NULL;
        for (struct label *x = c->fn ? c->fn->labels : NULL; x; x = x->next)
            if (strcmp(x->name, label) == 0)
                l = x;
        if (!l) {
            ERR(s->u.branch.label_pos, "%s label not defined: %s",
                tok == TK_BREAK ? "break" : "continue", label);
            return;
        }
        l->used = true;
        for (int i = c->ntargets - 1; i >= floor; i--)
            if (c->targets[i].label && strcmp(c->targets[i].label, label) == 0) {
                if (tok == TK_CONTINUE && !c->targets[i].loop) {
                    ERR(s->u.branch.label_pos, "invalid continue label %s", label);
                    return;
                }
                s->u.branch.target = c->targets[i].stmt;
                return;
            }
        ERR(s->u.branch.label_pos, "invalid %s label %s", tok == TK_BREAK ? "break" : "continue",
            label);
        return;
    }
    for (int i = c->ntargets - 1; i >= floor; i--) {
        if (tok == TK_CONTINUE && !c->targets[i].loop)
            continue;
        s->u.branch.target = c->targets[i].stmt;
        return;
    }
    if (tok == TK_BREAK)
        ERR(s->pos, "break is not in a loop, switch, or select");
    else
        ERR(s->pos, "continue is not in a loop");
}

/* ---- control flow ------------------------------------------------------------------- */

static void check_stmt_in(struct checker *c, struct ast_stmt *s, bool last_in_case,
                          bool in_switch_case);

static void check_stmts(struct checker *c, struct ast_stmt **stmts, int n, bool case_body,
                        bool switch_case)
{
    for (int i = 0; i < n; i++)
        check_stmt_in(c, stmts[i], case_body && i == n - 1, switch_case);
}

void check_block_stmts(struct checker *c, struct ast_stmt **stmts, int n)
{
    check_stmts(c, stmts, n, false, false);
}

static void check_cond(struct checker *c, struct ast_expr *cond, const char *what)
{
    if (!cond)
        return;
    if (check_value(c, cond, NULL) == M_INVALID)
        return;
    check_use(c, cond);
    if (!types_is_boolean(cond->type)) {
        char xs[300];
        ERR(cond->pos, "non-boolean condition in %s statement", what);
        (void)xs;
        return;
    }
    check_default(c, cond);
}

static void check_if(struct checker *c, struct ast_stmt *s)
{
    check_open_scope(c, SCOPE_BLOCK);
    if (s->u.ifs.init)
        check_stmt(c, s->u.ifs.init);
    check_cond(c, s->u.ifs.cond, "if");
    check_stmt(c, s->u.ifs.then);
    if (s->u.ifs.els)
        check_stmt(c, s->u.ifs.els);
    check_close_scope(c);
}

static void check_switch(struct checker *c, struct ast_stmt *s)
{
    check_open_scope(c, SCOPE_BLOCK);
    if (s->u.sw.init)
        check_stmt(c, s->u.sw.init);
    struct ast_expr *tag = s->u.sw.tag;
    if (tag) {
        if (check_value(c, tag, NULL) != M_INVALID) {
            check_use(c, tag);
            if (tag->mode == M_NIL) {
                ERR(tag->pos, "use of untyped nil in switch expression");
                tag = NULL;
            } else {
                check_default(c, tag);
            }
        } else {
            tag = NULL;
        }
    }
    push_target(c, s, false);
    struct ast_case *first_default = NULL;
    for (int i = 0; i < s->u.sw.ncases; i++) {
        struct ast_case *cs = &s->u.sw.cases[i];
        if (cs->is_default) {
            char ps[300];
            if (first_default)
                ERR(cs->pos, "multiple defaults (first at %s)",
                    check_pos_string(c, first_default->pos, ps, sizeof ps));
            else
                first_default = cs;
        }
        for (int j = 0; j < cs->nexprs; j++) {
            struct ast_expr **ep = &cs->exprs[j];
            if (check_value(c, *ep, tag ? tag->type : NULL) == M_INVALID)
                continue;
            check_use(c, *ep);
            if (tag) {
                /* compare as tag == expr */
                struct ast_expr tmp = {0};
                tmp.kind = EX_BINARY;
                tmp.pos = (*ep)->pos;
                tmp.u.binary.op = OP_EQL;
                tmp.u.binary.x = *ep;
                tmp.u.binary.y = tag;
                struct ast_expr *saved_tag = tag;
                if (types_is_untyped((*ep)->type) && (*ep)->mode != M_NIL) {
                    check_assign_to(c, ep, tag->type, "switch case");
                } else if (!types_assignable(TS, (*ep)->type, tag->type) &&
                           !types_assignable(TS, tag->type, (*ep)->type)) {
                    char xs[200], ts[100], ys[100];
                    ERR((*ep)->pos, "invalid case %s in switch on %s (mismatched types %s and %s)",
                        check_expr_string(*ep, xs, sizeof xs),
                        check_expr_string(tag, ys, sizeof ys),
                        check_type_string(c, (*ep)->type, ts, sizeof ts),
                        check_type_string(c, tag->type, ys, sizeof ys));
                } else if (types_is_interface(tag->type) && !types_is_interface((*ep)->type)) {
                    *ep = check_wrap_convert(c, *ep, tag->type, true);
                }
                (void)tmp;
                (void)saved_tag;
            } else {
                /* switch { case x: } compares x with true: x is a boolean, or
                 * an interface that bool implements (true goes in as bool) */
                bool ok = types_is_boolean((*ep)->type) ||
                          (types_is_interface((*ep)->type) &&
                           types_implements(TS, types_basic(TS, T_BOOL), (*ep)->type, NULL, NULL));
                if (!ok) {
                    char os[300], ts[200];
                    if (types_is_untyped((*ep)->type))
                        ERR((*ep)->pos, "cannot convert %s to type bool",
                            check_operand_string(c, *ep, os, sizeof os));
                    else
                        ERR((*ep)->pos,
                            "invalid case %s in switch on true (mismatched types %s and bool)",
                            check_expr_string(*ep, os, sizeof os),
                            check_type_string(c, (*ep)->type, ts, sizeof ts));
                }
                check_default(c, *ep);
            }
            /* duplicate constant cases */
            if (is_const(*ep)) {
                for (int k = 0; k <= i; k++) {
                    struct ast_case *o = &s->u.sw.cases[k];
                    int lim = k == i ? j : o->nexprs;
                    for (int q = 0; q < lim; q++)
                        if (is_const(o->exprs[q]) && o->exprs[q]->cv->kind == (*ep)->cv->kind &&
                            o->exprs[q]->type == (*ep)->type &&
                            const_compare(OP_EQL, o->exprs[q]->cv, (*ep)->cv)) {
                            char xs[300], ps[300];
                            ERR((*ep)->pos,
                                "duplicate case %s in expression switch\n\t%s: previous case",
                                check_operand_string(c, *ep, xs, sizeof xs),
                                check_pos_string(c, o->exprs[q]->pos, ps, sizeof ps));
                            goto next_expr;
                        }
                }
            }
        next_expr:;
        }
        check_open_scope(c, SCOPE_BLOCK);
        check_stmts(c, cs->body, cs->nbody, true, true);
        if (i == s->u.sw.ncases - 1 && cs->nbody > 0) {
            struct ast_stmt *last = cs->body[cs->nbody - 1];
            if (last->kind == ST_BRANCH && last->u.branch.tok == TK_FALLTHROUGH)
                ERR(last->pos, "cannot fallthrough final case in switch");
        }
        check_close_scope(c);
    }
    pop_target(c);
    check_close_scope(c);
}

static void check_type_switch(struct checker *c, struct ast_stmt *s)
{
    check_open_scope(c, SCOPE_BLOCK);
    if (s->u.sw.init)
        check_stmt(c, s->u.sw.init);
    struct ast_expr *x = s->u.sw.x;
    char os[300], ts[200];
    bool ok = check_value(c, x, NULL) != M_INVALID;
    if (ok) {
        check_use(c, x);
        if (!types_is_interface(x->type)) {
            ERR(x->pos, "%s is not an interface", check_operand_string(c, x, os, sizeof os));
            ok = false;
        }
    }
    push_target(c, s, false);
    bool any_used = false;
    struct ast_case *first_default = NULL;
    for (int i = 0; i < s->u.sw.ncases; i++) {
        struct ast_case *cs = &s->u.sw.cases[i];
        struct type *single = NULL;
        if (cs->is_default) {
            char ps[300];
            if (first_default)
                ERR(cs->pos, "multiple defaults (first at %s)",
                    check_pos_string(c, first_default->pos, ps, sizeof ps));
            else
                first_default = cs;
        }
        for (int j = 0; j < cs->nexprs; j++) {
            struct ast_expr *te = cs->exprs[j];
            enum mode m = check_expr_or_type(c, te, NULL);
            if (m == M_NIL) {
                single = j == 0 && cs->nexprs == 1 ? x->type : NULL;
                continue;
            }
            if (m == M_INVALID)
                continue;
            if (m != M_TYPE) {
                ERR(te->pos, "%s is not a type", check_expr_string(te, os, sizeof os));
                continue;
            }
            if (ok && !types_is_interface(te->type)) {
                const char *missing = NULL;
                bool wrong;
                if (!types_implements(TS, te->type, x->type, &missing, &wrong))
                    ERR(te->pos,
                        "impossible type switch case: %s cannot have dynamic type %s (%s %s%s)",
                        check_operand_string(c, x, os, sizeof os),
                        check_type_string(c, te->type, ts, sizeof ts),
                        wrong ? "method" : "missing method", missing ? missing : "?",
                        wrong ? " has pointer receiver" : "");
            }
            for (int k = 0; k <= i; k++) {
                struct ast_case *o = &s->u.sw.cases[k];
                int lim = k == i ? j : o->nexprs;
                for (int q = 0; q < lim; q++)
                    if (o->exprs[q]->mode == M_TYPE && o->exprs[q]->type == te->type) {
                        ERR(te->pos, "duplicate case %s in type switch",
                            check_expr_string(te, os, sizeof os));
                        goto next;
                    }
            }
        next:
            if (cs->nexprs == 1)
                single = te->type;
        }
        check_open_scope(c, SCOPE_BLOCK);
        if (s->u.sw.bind) {
            struct type *vt = single ? single : ok ? x->type : types_basic(TS, T_INVALID);
            cs->tvar = check_new_local(c, s->u.sw.bind, s->u.sw.bind_pos, vt);
            struct object *o = check_new_object(c, OBJ_VAR, s->u.sw.bind, s->u.sw.bind_pos);
            o->var = cs->tvar;
            o->type = vt;
            scope_insert(c->scope, o);
        }
        check_stmts(c, cs->body, cs->nbody, true, false);
        if (cs->tvar) {
            any_used |= cs->tvar->used;
            cs->tvar->used = true;
        }
        check_close_scope(c);
    }
    if (s->u.sw.bind && !any_used && strcmp(s->u.sw.bind, "_") != 0)
        ERR(s->u.sw.bind_pos, "%s declared and not used", s->u.sw.bind);
    pop_target(c);
    check_close_scope(c);
}

static bool is_recv(struct ast_expr *e)
{
    e = ast_unparen(e);
    return e && e->kind == EX_UNARY && e->u.unary.op == OP_ARROW;
}

static void check_select(struct checker *c, struct ast_stmt *s)
{
    push_target(c, s, false);
    struct ast_case *first_default = NULL;
    for (int i = 0; i < s->u.sw.ncases; i++) {
        struct ast_case *cs = &s->u.sw.cases[i];
        check_open_scope(c, SCOPE_BLOCK);
        if (cs->is_default) {
            char ps[300];
            if (first_default)
                ERR(cs->pos, "multiple defaults (first at %s)",
                    check_pos_string(c, first_default->pos, ps, sizeof ps));
            else
                first_default = cs;
        } else if (cs->comm) {
            struct ast_stmt *cm = cs->comm;
            bool valid =
                cm->kind == ST_SEND || (cm->kind == ST_EXPR && is_recv(cm->u.expr)) ||
                (cm->kind == ST_ASSIGN && cm->u.assign.nrhs == 1 && cm->u.assign.nlhs <= 2 &&
                 cm->u.assign.op == OP_NONE && is_recv(cm->u.assign.rhs[0]));
            if (!valid)
                ERR(cm->pos, "select case must be receive, send or assign recv");
            else
                check_stmt(c, cm);
        }
        check_stmts(c, cs->body, cs->nbody, false, false);
        check_close_scope(c);
    }
    pop_target(c);
}

static void check_for(struct checker *c, struct ast_stmt *s)
{
    check_open_scope(c, SCOPE_BLOCK);
    struct ast_stmt *init = s->u.fors.init;
    if (init) {
        check_stmt(c, init);
        if (init->kind == ST_ASSIGN && init->u.assign.define) {
            int n = init->u.assign.nlhs;
            s->u.fors.loopvars = arena_alloc(c->a, (size_t)n * sizeof(struct ast_var *));
            for (int i = 0; i < n; i++)
                if (init->u.assign.vars && init->u.assign.vars[i]) {
                    init->u.assign.vars[i]->loopvar = true;
                    s->u.fors.loopvars[s->u.fors.nloopvars++] = init->u.assign.vars[i];
                }
        }
    }
    s->u.fors.per_iteration = !c->go121;
    check_cond(c, s->u.fors.cond, "for");
    if (s->u.fors.post) {
        struct ast_stmt *p = s->u.fors.post;
        if (p->kind == ST_ASSIGN && p->u.assign.define)
            ERR(p->pos, "cannot declare in post statement of for loop");
        else
            check_stmt(c, p);
    }
    push_target(c, s, true);
    check_stmt(c, s->u.fors.body);
    pop_target(c);
    check_close_scope(c);
}

static void check_range(struct checker *c, struct ast_stmt *s)
{
    check_open_scope(c, SCOPE_BLOCK);
    struct ast_expr *x = s->u.range.x;
    char os[300];
    struct type *kt = NULL, *vt = NULL;
    bool ok = check_value(c, x, NULL) != M_INVALID;
    int maxvars = 2;
    char xdesc[300] = "";
    if (ok) {
        check_use(c, x);
        check_operand_string(c, x, xdesc, sizeof xdesc);
        const struct type *u = x->type->underlying;
        switch (u->kind) {
        case T_UNTYPED_INT:
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
        case T_UNTYPED_RUNE:
            s->u.range.what = RANGE_INT;
            if (types_is_untyped(x->type)) {
                struct type *target = NULL;
                if (s->u.range.key && !s->u.range.define) {
                    /* the key's type decides */
                }
                check_default(c, x);
                (void)target;
            }
            kt = x->type;
            maxvars = 1;
            break;
        case T_UNTYPED_FLOAT:
        case T_FLOAT32:
        case T_FLOAT64:
            ERR(x->pos, "cannot range over %s", check_operand_string(c, x, os, sizeof os));
            ok = false;
            break;
        case T_STRING:
        case T_UNTYPED_STRING:
            s->u.range.what = RANGE_STRING;
            check_default(c, x);
            kt = basic(c, T_INT);
            vt = basic(c, T_INT32);
            break;
        case T_ARRAY:
            s->u.range.what = RANGE_ARRAY;
            kt = basic(c, T_INT);
            vt = u->u.array.elem;
            break;
        case T_SLICE:
            s->u.range.what = RANGE_SLICE;
            kt = basic(c, T_INT);
            vt = u->u.array.elem;
            break;
        case T_POINTER:
            if (u->u.array.elem->underlying->kind == T_ARRAY) {
                s->u.range.what = RANGE_PTR_ARRAY;
                kt = basic(c, T_INT);
                vt = u->u.array.elem->underlying->u.array.elem;
                break;
            }
            ERR(x->pos, "cannot range over %s", check_operand_string(c, x, os, sizeof os));
            ok = false;
            break;
        case T_MAP:
            s->u.range.what = RANGE_MAP;
            kt = u->u.map.key;
            vt = u->u.map.elem;
            break;
        case T_CHAN:
            s->u.range.what = RANGE_CHAN;
            if (u->u.chan.dir == CHAN_SEND) {
                ERR(x->pos, "cannot range over %s: receive from send-only channel", xdesc);
                ok = false;
            }
            kt = u->u.chan.elem;
            maxvars = 1;
            break;
        case T_FUNC:
            ERR(x->pos, "range over function (iterator) is not supported by chanlab");
            ok = false;
            break;
        default:
            if (x->mode == M_NIL)
                ERR(x->pos, "cannot range over nil");
            else
                ERR(x->pos, "cannot range over %s", check_operand_string(c, x, os, sizeof os));
            ok = false;
            break;
        }
    }
    if (ok && maxvars == 1 && s->u.range.value) {
        ERR(s->u.range.value->pos, "range over %s permits only one iteration variable", xdesc);
        ok = false;
    }
    struct ast_expr *keys[2] = {s->u.range.key, s->u.range.value};
    struct type *types[2] = {kt, vt};
    if (s->u.range.define) {
        s->u.range.per_iteration = !c->go121;
        struct ast_var *vars[2] = {NULL, NULL};
        for (int i = 0; i < 2; i++) {
            struct ast_expr *k = keys[i];
            if (!k)
                continue;
            if (k->kind != EX_IDENT) {
                char xs[200];
                ERR(k->pos, "non-name %s on left side of :=", check_expr_string(k, xs, sizeof xs));
                continue;
            }
            struct type *t = ok && types[i] ? types[i] : basic(c, T_INVALID);
            if (strcmp(k->u.ident.name, "_") == 0) {
                k->mode = M_VAR;
                continue;
            }
            vars[i] = check_new_local(c, k->u.ident.name, k->pos, t);
            vars[i]->loopvar = true;
            if (t->kind == T_INVALID)
                vars[i]->used = true;
            k->u.ident.ref.kind = REF_LOCAL;
            k->u.ident.ref.var = vars[i];
            k->u.ident.ref.index = vars[i]->index;
            k->type = t;
            k->mode = M_VAR;
        }
        if (keys[0] && keys[1] && vars[0] && vars[1] && strcmp(vars[0]->name, vars[1]->name) == 0)
            ERR(keys[1]->pos, "%s repeated on left side of :=", vars[1]->name);
        for (int i = 0; i < 2; i++)
            if (vars[i]) {
                struct object *o = check_new_object(c, OBJ_VAR, vars[i]->name, vars[i]->pos);
                o->var = vars[i];
                o->type = vars[i]->type;
                scope_insert(c->scope, o);
            }
        s->u.range.kvar = vars[0];
        s->u.range.vvar = vars[1];
    } else {
        for (int i = 0; i < 2; i++) {
            struct ast_expr *k = keys[i];
            if (!k)
                continue;
            struct type *lt = check_lhs(c, k);
            if (ok && lt && types[i] && lt->kind != T_INVALID &&
                !types_assignable(TS, types[i], lt)) {
                char ts[100], ls[100];
                ERR(k->pos, "cannot use %s (value of type %s) as %s value in range",
                    check_expr_string(k, os, sizeof os),
                    check_type_string(c, types[i], ts, sizeof ts),
                    check_type_string(c, lt, ls, sizeof ls));
            }
        }
    }
    push_target(c, s, true);
    check_stmt(c, s->u.range.body);
    pop_target(c);
    check_close_scope(c);
}

static void check_return(struct checker *c, struct ast_stmt *s)
{
    if (!c->fn)
        return;
    struct ast_func *f = c->fn->func;
    const struct type *sig = f->type;
    int want = sig->u.func.nresults;
    int n = s->u.ret.nresults;
    char have[400], wantb[400];
    if (n == 0) {
        if (want > 0 && !f->named_results)
            ERR(s->pos, "not enough return values\n\thave ()\n\twant %s",
                check_type_string(c, types_tuple(TS, sig->u.func.results, want), wantb,
                                  sizeof wantb));
        return;
    }
    if (want == 0) {
        size_t o = 0;
        o += (size_t)snprintf(have, sizeof have, "(");
        for (int i = 0; i < n && o < sizeof have; i++) {
            struct ast_expr *r = s->u.ret.results[i];
            check_expr(c, r, NULL);
            char ts[100];
            const char *t = r->mode == M_NIL ? "nil"
                            : r->type && types_is_untyped(r->type)
                                ? (types_is_numeric(r->type)  ? "number"
                                   : types_is_string(r->type) ? "string"
                                                              : "bool")
                            : r->type ? check_type_string(c, r->type, ts, sizeof ts)
                                      : "?";
            o += (size_t)snprintf(have + o, sizeof have - o, "%s%s", i ? ", " : "", t);
        }
        if (o < sizeof have)
            snprintf(have + o, sizeof have - o, ")");
        ERR(s->u.ret.results[0]->pos, "too many return values\n\thave %s\n\twant ()", have);
        return;
    }
    if (n == 1 && want > 1) {
        struct ast_expr *r = s->u.ret.results[0];
        if (check_expr(c, r, NULL) == M_INVALID)
            return;
        if (r->type && r->type->kind == T_TUPLE && r->type->u.tuple.n == want) {
            for (int i = 0; i < want; i++)
                if (!types_assignable(TS, r->type->u.tuple.elems[i], sig->u.func.results[i])) {
                    char xs[200], ts[100], rs[100];
                    ERR(r->pos, "cannot use %s (value of type %s) as %s value in return statement",
                        check_expr_string(r, xs, sizeof xs),
                        check_type_string(c, r->type, ts, sizeof ts),
                        check_type_string(c, sig->u.func.results[i], rs, sizeof rs));
                    return;
                }
            check_use(c, r);
            return;
        }
        check_type_string(c, types_tuple(TS, sig->u.func.results, want), wantb, sizeof wantb);
        check_type_string(c, r->type && r->type->kind == T_TUPLE ? r->type : r->type, have,
                          sizeof have);
        ERR(r->pos, "not enough return values\n\thave (%s)\n\twant %s",
            types_is_untyped(r->type) ? "number" : have, wantb);
        return;
    }
    for (int i = 0; i < n; i++)
        check_value(c, s->u.ret.results[i], i < want ? sig->u.func.results[i] : NULL);
    if (n != want) {
        size_t o = 0;
        have[0] = 0;
        o += (size_t)snprintf(have, sizeof have, "(");
        for (int i = 0; i < n && o < sizeof have; i++) {
            struct ast_expr *r = s->u.ret.results[i];
            char ts[100];
            const char *t = r->mode == M_NIL ? "nil"
                            : r->type && types_is_untyped(r->type) && types_is_numeric(r->type)
                                ? "number"
                            : r->type ? check_type_string(c, r->type, ts, sizeof ts)
                                      : "?";
            o += (size_t)snprintf(have + o, sizeof have - o, "%s%s", i ? ", " : "", t);
        }
        if (o < sizeof have)
            snprintf(have + o, sizeof have - o, ")");
        check_type_string(c, types_tuple(TS, sig->u.func.results, want), wantb, sizeof wantb);
        if (want == 1) {
            /* types_string of a 1-tuple prints (T) */
        }
        ERR(n > want ? s->u.ret.results[want]->pos : s->u.ret.results[n - 1]->pos,
            "%s return values\n\thave %s\n\twant %s", n > want ? "too many" : "not enough", have,
            wantb);
        return;
    }
    for (int i = 0; i < n; i++)
        if (s->u.ret.results[i]->mode != M_INVALID)
            check_assign_to(c, &s->u.ret.results[i], sig->u.func.results[i], "return statement");
}

static void check_labeled(struct checker *c, struct ast_stmt *s)
{
    struct ast_stmt *inner = s->u.labeled.stmt;
    if (inner && (inner->kind == ST_FOR || inner->kind == ST_RANGE || inner->kind == ST_SWITCH ||
                  inner->kind == ST_TYPESWITCH || inner->kind == ST_SELECT))
        c->pending_label = s->u.labeled.label;
    if (inner)
        check_stmt(c, inner);
    c->pending_label = NULL;
}

static void check_stmt_in(struct checker *c, struct ast_stmt *s, bool last_in_case,
                          bool in_switch_case)
{
    if (++c->depth > 3000) {
        c->depth--;
        return;
    }
    switch (s->kind) {
    case ST_BAD:
    case ST_EMPTY: break;
    case ST_EXPR: check_expr_stmt(c, s); break;
    case ST_SEND: check_send(c, s); break;
    case ST_INCDEC: check_incdec(c, s); break;
    case ST_ASSIGN: check_assign(c, s); break;
    case ST_VAR: check_local_var(c, s); break;
    case ST_CONST: check_local_const(c, s); break;
    case ST_TYPE: check_local_type(c, s); break;
    case ST_GO:
    case ST_DEFER: {
        struct ast_expr *e = s->u.expr;
        if (e->kind != EX_CALL) {
            check_expr(c, e, NULL);
            break;
        }
        enum mode m = check_expr_or_type(c, e, NULL);
        if (s->kind == ST_DEFER && c->fn)
            c->fn->func->has_defer = true;
        if (m == M_INVALID)
            break;
        if (e->kind == EX_CONVERT) {
            char xs[200];
            ERR(e->pos, "%s requires function call, not conversion",
                s->kind == ST_GO ? "go" : "defer");
            (void)xs;
            break;
        }
        if (e->u.call.kind == CALL_BUILTIN) {
            switch (e->u.call.builtin) {
            case BI_APPEND:
            case BI_CAP:
            case BI_LEN:
            case BI_MAKE:
            case BI_NEW:
            case BI_MIN:
            case BI_MAX: {
                char xs[200];
                ERR(e->pos, "%s discards result of %s", s->kind == ST_GO ? "go" : "defer",
                    check_expr_string(e, xs, sizeof xs));
                break;
            }
            default: break;
            }
        }
        break;
    }
    case ST_RETURN: check_return(c, s); break;
    case ST_BRANCH: check_branch(c, s, last_in_case, in_switch_case); break;
    case ST_BLOCK:
        if (s->u.block.group) {
            check_stmts(c, s->u.block.stmts, s->u.block.nstmts, false, false);
        } else {
            check_open_scope(c, SCOPE_BLOCK);
            check_stmts(c, s->u.block.stmts, s->u.block.nstmts, false, false);
            check_close_scope(c);
        }
        break;
    case ST_IF: check_if(c, s); break;
    case ST_SWITCH: check_switch(c, s); break;
    case ST_TYPESWITCH: check_type_switch(c, s); break;
    case ST_SELECT: check_select(c, s); break;
    case ST_FOR: check_for(c, s); break;
    case ST_RANGE: check_range(c, s); break;
    case ST_LABELED: check_labeled(c, s); break;
    }
    c->depth--;
}

void check_stmt(struct checker *c, struct ast_stmt *s)
{
    check_stmt_in(c, s, false, false);
}

/* ---- terminating statements (spec: "Terminating statements") -------------------- */

static bool has_break(const struct ast_stmt *s, const struct ast_stmt *target, int depth);

static bool list_has_break(struct ast_stmt *const *v, int n, const struct ast_stmt *target,
                           int depth)
{
    for (int i = 0; i < n; i++)
        if (has_break(v[i], target, depth + 1))
            return true;
    return false;
}

static bool has_break(const struct ast_stmt *s, const struct ast_stmt *target, int depth)
{
    if (!s || depth > 3000)
        return false;
    switch (s->kind) {
    case ST_BRANCH: return s->u.branch.tok == TK_BREAK && s->u.branch.target == target;
    case ST_BLOCK: return list_has_break(s->u.block.stmts, s->u.block.nstmts, target, depth);
    case ST_IF:
        return has_break(s->u.ifs.then, target, depth + 1) ||
               has_break(s->u.ifs.els, target, depth + 1);
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        for (int i = 0; i < s->u.sw.ncases; i++)
            if (list_has_break(s->u.sw.cases[i].body, s->u.sw.cases[i].nbody, target, depth))
                return true;
        return false;
    case ST_FOR: return has_break(s->u.fors.body, target, depth + 1);
    case ST_RANGE: return has_break(s->u.range.body, target, depth + 1);
    case ST_LABELED: return has_break(s->u.labeled.stmt, target, depth + 1);
    default: return false;
    }
}

static bool terminates(const struct ast_stmt *s, int depth)
{
    if (!s || depth > 3000)
        return false;
    switch (s->kind) {
    case ST_RETURN: return true;
    case ST_EXPR: {
        const struct ast_expr *e = ast_unparen(s->u.expr);
        return e->kind == EX_CALL && e->u.call.kind == CALL_BUILTIN &&
               e->u.call.builtin == BI_PANIC;
    }
    case ST_BLOCK:
        return s->u.block.nstmts > 0 &&
               terminates(s->u.block.stmts[s->u.block.nstmts - 1], depth + 1);
    case ST_IF:
        return s->u.ifs.els && terminates(s->u.ifs.then, depth + 1) &&
               terminates(s->u.ifs.els, depth + 1);
    case ST_FOR: return !s->u.fors.cond && !has_break(s->u.fors.body, s, 0);
    case ST_LABELED: return terminates(s->u.labeled.stmt, depth + 1);
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT: {
        bool has_default = s->kind == ST_SELECT;
        for (int i = 0; i < s->u.sw.ncases; i++) {
            const struct ast_case *cs = &s->u.sw.cases[i];
            if (cs->is_default)
                has_default = true;
            if (list_has_break(cs->body, cs->nbody, s, 0))
                return false;
            if (cs->nbody == 0)
                return false;
            const struct ast_stmt *last = cs->body[cs->nbody - 1];
            if (last->kind == ST_BRANCH && last->u.branch.tok == TK_FALLTHROUGH)
                continue;
            if (!terminates(last, depth + 1))
                return false;
        }
        return has_default;
    }
    default: return false;
    }
}

bool check_terminates(const struct ast_stmt *s, const char *label)
{
    (void)label;
    return terminates(s, 0);
}
