/* vet.c: go vet's copylocks, lostcancel and loopclosure analyses over the
 * checked tree of the user's package, with go vet's wording.
 *
 * copylocks: a value whose type contains a sync.Mutex, RWMutex, WaitGroup,
 * Once or Cond, or a typed atomic (atomic.Int64...), copied by assignment, by value parameter or
 * receiver, by call argument, by return, by composite literal, or by range. Fresh values (composite
 * literals, call results) are not copies.
 *
 * lostcancel: the cancel function of context.WithCancel, WithTimeout,
 * WithDeadline (and the Cause variants) discarded with `_`, or a return
 * statement reachable from its definition without using it (a structured
 * approximation of go vet's control-flow search).
 *
 * loopclosure: under go1.21 loop semantics, a function literal run by `go`
 * or `defer` as the last statement of a loop body that refers to the loop's
 * variables. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "lex.h"
#include "vet.h"

struct vet {
    struct diags *d;
    struct types *ts;
    struct ast_package *pkg;
    bool go121;
};

/* ---- walking ------------------------------------------------------------------- */

typedef void (*expr_fn)(struct vet *v, struct ast_expr *e, void *ud);

static void walk_expr(struct vet *v, struct ast_expr *e, expr_fn fn, void *ud, bool into_lits,
                      int depth);
static void walk_stmt_exprs(struct vet *v, struct ast_stmt *s, expr_fn fn, void *ud, bool into_lits,
                            int depth);

static void walk_list(struct vet *v, struct ast_expr **xs, int n, expr_fn fn, void *ud,
                      bool into_lits, int depth)
{
    for (int i = 0; i < n; i++)
        walk_expr(v, xs[i], fn, ud, into_lits, depth + 1);
}

static void walk_expr(struct vet *v, struct ast_expr *e, expr_fn fn, void *ud, bool into_lits,
                      int depth)
{
    if (!e || depth > 2000)
        return;
    fn(v, e, ud);
    switch (e->kind) {
    case EX_COMPOSITE:
        walk_list(v, e->u.composite.elts, e->u.composite.nelts, fn, ud, into_lits, depth);
        break;
    case EX_FUNCLIT:
        if (into_lits && e->u.func->body)
            walk_stmt_exprs(v, e->u.func->body, fn, ud, into_lits, depth + 1);
        break;
    case EX_PAREN:
    case EX_STAR:
    case EX_UNARY: walk_expr(v, e->u.unary.x, fn, ud, into_lits, depth + 1); break;
    case EX_SELECTOR: walk_expr(v, e->u.sel.x, fn, ud, into_lits, depth + 1); break;
    case EX_INDEX:
        walk_expr(v, e->u.index.x, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.index.index, fn, ud, into_lits, depth + 1);
        break;
    case EX_SLICE:
        walk_expr(v, e->u.slice.x, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.slice.lo, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.slice.hi, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.slice.max, fn, ud, into_lits, depth + 1);
        break;
    case EX_TYPEASSERT: walk_expr(v, e->u.assert.x, fn, ud, into_lits, depth + 1); break;
    case EX_CALL:
        walk_expr(v, e->u.call.fun, fn, ud, into_lits, depth + 1);
        walk_list(v, e->u.call.args, e->u.call.nargs, fn, ud, into_lits, depth);
        break;
    case EX_BINARY:
        walk_expr(v, e->u.binary.x, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.binary.y, fn, ud, into_lits, depth + 1);
        break;
    case EX_KEYVALUE:
        walk_expr(v, e->u.kv.key, fn, ud, into_lits, depth + 1);
        walk_expr(v, e->u.kv.value, fn, ud, into_lits, depth + 1);
        break;
    case EX_CONVERT: walk_expr(v, e->u.convert.x, fn, ud, into_lits, depth + 1); break;
    default: break;
    }
}

static void walk_body(struct vet *v, struct ast_stmt **ss, int n, expr_fn fn, void *ud,
                      bool into_lits, int depth)
{
    for (int i = 0; i < n; i++)
        walk_stmt_exprs(v, ss[i], fn, ud, into_lits, depth + 1);
}

static void walk_stmt_exprs(struct vet *v, struct ast_stmt *s, expr_fn fn, void *ud, bool into_lits,
                            int depth)
{
    if (!s || depth > 2000)
        return;
    switch (s->kind) {
    case ST_EXPR:
    case ST_GO:
    case ST_DEFER: walk_expr(v, s->u.expr, fn, ud, into_lits, depth + 1); break;
    case ST_SEND:
        walk_expr(v, s->u.send.ch, fn, ud, into_lits, depth + 1);
        walk_expr(v, s->u.send.value, fn, ud, into_lits, depth + 1);
        break;
    case ST_INCDEC: walk_expr(v, s->u.incdec.x, fn, ud, into_lits, depth + 1); break;
    case ST_ASSIGN:
        walk_list(v, s->u.assign.lhs, s->u.assign.nlhs, fn, ud, into_lits, depth);
        walk_list(v, s->u.assign.rhs, s->u.assign.nrhs, fn, ud, into_lits, depth);
        break;
    case ST_VAR: walk_list(v, s->u.var.values, s->u.var.nvalues, fn, ud, into_lits, depth); break;
    case ST_RETURN:
        walk_list(v, s->u.ret.results, s->u.ret.nresults, fn, ud, into_lits, depth);
        break;
    case ST_BLOCK:
        walk_body(v, s->u.block.stmts, s->u.block.nstmts, fn, ud, into_lits, depth);
        break;
    case ST_IF:
        walk_stmt_exprs(v, s->u.ifs.init, fn, ud, into_lits, depth + 1);
        walk_expr(v, s->u.ifs.cond, fn, ud, into_lits, depth + 1);
        walk_stmt_exprs(v, s->u.ifs.then, fn, ud, into_lits, depth + 1);
        walk_stmt_exprs(v, s->u.ifs.els, fn, ud, into_lits, depth + 1);
        break;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        walk_stmt_exprs(v, s->u.sw.init, fn, ud, into_lits, depth + 1);
        walk_expr(v, s->u.sw.tag, fn, ud, into_lits, depth + 1);
        walk_expr(v, s->u.sw.x, fn, ud, into_lits, depth + 1);
        for (int i = 0; i < s->u.sw.ncases; i++) {
            struct ast_case *c = &s->u.sw.cases[i];
            if (s->kind == ST_SWITCH)
                walk_list(v, c->exprs, c->nexprs, fn, ud, into_lits, depth);
            walk_stmt_exprs(v, c->comm, fn, ud, into_lits, depth + 1);
            walk_body(v, c->body, c->nbody, fn, ud, into_lits, depth);
        }
        break;
    case ST_FOR:
        walk_stmt_exprs(v, s->u.fors.init, fn, ud, into_lits, depth + 1);
        walk_expr(v, s->u.fors.cond, fn, ud, into_lits, depth + 1);
        walk_stmt_exprs(v, s->u.fors.post, fn, ud, into_lits, depth + 1);
        walk_stmt_exprs(v, s->u.fors.body, fn, ud, into_lits, depth + 1);
        break;
    case ST_RANGE:
        walk_expr(v, s->u.range.x, fn, ud, into_lits, depth + 1);
        walk_stmt_exprs(v, s->u.range.body, fn, ud, into_lits, depth + 1);
        break;
    case ST_LABELED: walk_stmt_exprs(v, s->u.labeled.stmt, fn, ud, into_lits, depth + 1); break;
    default: break;
    }
}

/* ---- copylocks --------------------------------------------------------------------- */

/* lock_path writes how go vet names the lock inside t ("sync.Mutex",
 * "main.T contains sync.Mutex"); returns false when t holds no lock. */
static bool lock_path(struct vet *v, const struct type *t, char *buf, size_t size, int depth)
{
    if (depth > 20 || !t)
        return false;
    if (t->kind == T_NAMED && t->u.named.pkg && strcmp(t->u.named.pkg->path, "sync") == 0) {
        static const struct {
            const char *name, *path;
        } locks[] = {
            {"Mutex", "sync.Mutex"},
            {"RWMutex", "sync.RWMutex"},
            {"WaitGroup", "sync.WaitGroup contains sync.noCopy"},
            {"Cond", "sync.Cond contains sync.noCopy"},
            {"Once", "sync.Once contains sync/atomic.Uint32 contains sync/atomic.noCopy"},
        };
        for (size_t i = 0; i < sizeof locks / sizeof locks[0]; i++)
            if (strcmp(t->u.named.name, locks[i].name) == 0) {
                snprintf(buf, size, "%s", locks[i].path);
                return true;
            }
        return false;
    }
    if (t->kind == T_NAMED && t->u.named.pkg && strcmp(t->u.named.pkg->path, "sync/atomic") == 0) {
        static const char *const typed[] = {"Int32",   "Int64", "Uint32", "Uint64",
                                            "Uintptr", "Bool",  "Pointer"};
        for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
            if (strcmp(t->u.named.name, typed[i]) == 0) {
                char targ[200] = "";
                if (t->u.named.targ) {
                    /* go vet qualifies type arguments by package path */
                    char ts[190];
                    types_string(t->u.named.targ, ts, sizeof ts, NULL);
                    snprintf(targ, sizeof targ, "[%s]", ts);
                }
                snprintf(buf, size, "sync/atomic.%s%s contains sync/atomic.noCopy", typed[i], targ);
                return true;
            }
        return false;
    }
    const struct type *u = t->underlying;
    if (u->kind == T_ARRAY)
        return u->u.array.len > 0 && lock_path(v, u->u.array.elem, buf, size, depth + 1);
    if (u->kind != T_STRUCT)
        return false;
    for (int i = 0; i < u->u.strct.nfields; i++) {
        char inner[256];
        if (lock_path(v, u->u.strct.fields[i].type, inner, sizeof inner, depth + 1)) {
            char name[128];
            if (t->kind == T_NAMED)
                snprintf(name, sizeof name, "%s.%s", t->u.named.pkg ? t->u.named.pkg->path : "",
                         t->u.named.name);
            else
                types_string(t, name, sizeof name, NULL);
            snprintf(buf, size, "%s contains %s", name, inner);
            return true;
        }
    }
    return false;
}

/* rhs_lock_path: the lock path of a value expression that copies, or false
 * for fresh values (literals, calls, conversions of them, nil). */
static bool rhs_lock_path(struct vet *v, struct ast_expr *e, char *buf, size_t size)
{
    struct ast_expr *u = e;
    while (u && (u->kind == EX_PAREN || (u->kind == EX_CONVERT && u->u.convert.implicit)))
        u = u->kind == EX_PAREN ? u->u.unary.x : u->u.convert.x;
    if (!u || u->kind == EX_COMPOSITE || u->kind == EX_CALL || u->kind == EX_FUNCLIT ||
        u->mode == M_NIL || u->is_type)
        return false;
    if (u->kind == EX_UNARY && u->u.unary.op == OP_ADDR)
        return false;
    if (!u->type || u->type->kind == T_TUPLE)
        return false;
    return lock_path(v, u->type, buf, size, 0);
}

static void copy_check_params(struct vet *v, struct ast_func *f)
{
    char path[500];
    const char *name = f->name && f->name[0] ? f->name : "func";
    if (f->recv && f->recv_type && lock_path(v, f->recv_type, path, sizeof path, 0))
        diag_warn(v->d, f->recv[0].type->pos, "%s passes lock by value: %s", name, path);
    for (int i = 0; i < f->sig->nparams; i++) {
        struct ast_field *fl = &f->sig->params[i];
        struct type *t = fl->type->type;
        if (t && lock_path(v, t, path, sizeof path, 0))
            diag_warn(v->d, fl->type->pos, "%s passes lock by value: %s", name, path);
    }
}

static void copy_check_expr(struct vet *v, struct ast_expr *e, void *ud)
{
    (void)ud;
    char path[500], xs[300];
    if (e->kind == EX_CALL && e->u.call.kind != CALL_BUILTIN) {
        for (int i = 0; i < e->u.call.nargs; i++)
            if (rhs_lock_path(v, e->u.call.args[i], path, sizeof path))
                diag_warn(v->d, e->u.call.args[i]->pos, "call of %s copies lock value: %s",
                          check_expr_string(e->u.call.fun, xs, sizeof xs), path);
    } else if (e->kind == EX_COMPOSITE) {
        for (int i = 0; i < e->u.composite.nelts; i++) {
            struct ast_expr *el = e->u.composite.elts[i];
            if (el->kind == EX_KEYVALUE)
                el = el->u.kv.value;
            if (rhs_lock_path(v, el, path, sizeof path))
                diag_warn(v->d, el->pos, "literal copies lock value from %s: %s",
                          check_expr_string(el, xs, sizeof xs), path);
        }
    } else if (e->kind == EX_FUNCLIT) {
        copy_check_params(v, e->u.func);
    }
}

static void copy_check_stmt(struct vet *v, struct ast_stmt *s, int depth);

static void copy_check_body(struct vet *v, struct ast_stmt **ss, int n, int depth)
{
    for (int i = 0; i < n; i++)
        copy_check_stmt(v, ss[i], depth + 1);
}

static void copy_check_stmt(struct vet *v, struct ast_stmt *s, int depth)
{
    char path[500], xs[300];
    if (!s || depth > 2000)
        return;
    switch (s->kind) {
    case ST_ASSIGN:
        if (s->u.assign.op == OP_NONE && s->u.assign.nlhs == s->u.assign.nrhs)
            for (int i = 0; i < s->u.assign.nrhs; i++)
                if (rhs_lock_path(v, s->u.assign.rhs[i], path, sizeof path))
                    diag_warn(v->d, s->u.assign.rhs[i]->pos,
                              "assignment copies lock value to %s: %s",
                              check_expr_string(s->u.assign.lhs[i], xs, sizeof xs), path);
        break;
    case ST_VAR:
        if (s->u.var.nvalues == s->u.var.nvars)
            for (int i = 0; i < s->u.var.nvalues; i++)
                if (rhs_lock_path(v, s->u.var.values[i], path, sizeof path))
                    diag_warn(v->d, s->u.var.values[i]->pos,
                              "variable declaration copies lock value to %s: %s",
                              s->u.var.vars[i]->name, path);
        break;
    case ST_RETURN:
        for (int i = 0; i < s->u.ret.nresults; i++)
            if (rhs_lock_path(v, s->u.ret.results[i], path, sizeof path))
                diag_warn(v->d, s->u.ret.results[i]->pos, "return copies lock value: %s", path);
        break;
    case ST_RANGE:
        if (s->u.range.value && s->u.range.value->type &&
            lock_path(v, s->u.range.value->type, path, sizeof path, 0))
            diag_warn(v->d, s->u.range.value->pos, "range var %s copies lock: %s",
                      check_expr_string(s->u.range.value, xs, sizeof xs), path);
        copy_check_stmt(v, s->u.range.body, depth + 1);
        return;
    case ST_BLOCK: copy_check_body(v, s->u.block.stmts, s->u.block.nstmts, depth); return;
    case ST_IF:
        copy_check_stmt(v, s->u.ifs.init, depth + 1);
        copy_check_stmt(v, s->u.ifs.then, depth + 1);
        copy_check_stmt(v, s->u.ifs.els, depth + 1);
        return;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        copy_check_stmt(v, s->u.sw.init, depth + 1);
        for (int i = 0; i < s->u.sw.ncases; i++) {
            copy_check_stmt(v, s->u.sw.cases[i].comm, depth + 1);
            copy_check_body(v, s->u.sw.cases[i].body, s->u.sw.cases[i].nbody, depth);
        }
        return;
    case ST_FOR:
        copy_check_stmt(v, s->u.fors.init, depth + 1);
        copy_check_stmt(v, s->u.fors.post, depth + 1);
        copy_check_stmt(v, s->u.fors.body, depth + 1);
        return;
    case ST_LABELED: copy_check_stmt(v, s->u.labeled.stmt, depth + 1); return;
    default: break;
    }
}

/* statement-level checks of one function body (not nested literals: those
 * are functions of their own in prog->funcs) */
static void copylocks_func(struct vet *v, struct ast_func *f)
{
    if (!f->outer)
        copy_check_params(v, f);
    if (!f->body)
        return;
    copy_check_stmt(v, f->body, 0);
    walk_stmt_exprs(v, f->body, copy_check_expr, NULL, false, 0);
}

/* ---- lostcancel ----------------------------------------------------------------------- */

static bool is_context_with_cancel(struct ast_expr *e, const char **which)
{
    e = ast_unparen(e);
    if (!e || e->kind != EX_CALL || e->u.call.kind != CALL_FUNC || !e->u.call.func)
        return false;
    const char *q = e->u.call.func->qname;
    static const char *const names[] = {"context.WithCancel",       "context.WithTimeout",
                                        "context.WithDeadline",     "context.WithCancelCause",
                                        "context.WithTimeoutCause", "context.WithDeadlineCause"};
    for (size_t i = 0; q && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(q, names[i]) == 0) {
            *which = names[i];
            return true;
        }
    return false;
}

struct uses {
    struct ast_var *var;
    bool found;
};

static void find_use(struct vet *v, struct ast_expr *e, void *ud)
{
    (void)v;
    struct uses *u = ud;
    if (e->kind == EX_IDENT && e->u.ident.ref.var == u->var)
        u->found = true;
}

static bool stmt_uses(struct vet *v, struct ast_stmt *s, struct ast_var *var)
{
    struct uses u = {var, false};
    walk_stmt_exprs(v, s, find_use, &u, true, 0);
    return u.found;
}

static bool expr_uses(struct vet *v, struct ast_expr *e, struct ast_var *var)
{
    struct uses u = {var, false};
    walk_expr(v, e, find_use, &u, true, 0);
    return u.found;
}

struct cancel_state {
    struct ast_var *var;
    struct pos def;
    bool reported_def;
};

static void report_return(struct vet *v, struct cancel_state *cs, struct ast_stmt *ret)
{
    if (!cs->reported_def) {
        diag_warn(v->d, cs->def,
                  "the cancel function is not used on all paths (possible context leak)");
        cs->reported_def = true;
    }
    diag_warn(v->d, ret->pos,
              "this return statement may be reached without using the %s var defined on line %u",
              cs->var->name, cs->def.line);
}

/* flow walks statements in order with `used` = the cancel var was used on
 * the path so far; returns whether it is used at the end of the list. */
static bool flow(struct vet *v, struct cancel_state *cs, struct ast_stmt **ss, int n, bool used,
                 int depth);

static bool flow_stmt(struct vet *v, struct cancel_state *cs, struct ast_stmt *s, bool used,
                      int depth)
{
    if (!s || used || depth > 2000)
        return used;
    switch (s->kind) {
    case ST_RETURN:
        for (int i = 0; i < s->u.ret.nresults; i++)
            if (expr_uses(v, s->u.ret.results[i], cs->var))
                return true;
        report_return(v, cs, s);
        return true; /* this path ends here */
    case ST_BLOCK: return flow(v, cs, s->u.block.stmts, s->u.block.nstmts, used, depth + 1);
    case ST_IF: {
        if (stmt_uses(v, s->u.ifs.init, cs->var) || expr_uses(v, s->u.ifs.cond, cs->var))
            return true;
        bool a = flow_stmt(v, cs, s->u.ifs.then, false, depth + 1);
        bool b = s->u.ifs.els ? flow_stmt(v, cs, s->u.ifs.els, false, depth + 1) : false;
        return a && b;
    }
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT: {
        if (stmt_uses(v, s->u.sw.init, cs->var) || expr_uses(v, s->u.sw.tag, cs->var))
            return true;
        bool all = s->kind != ST_SELECT ? false : true;
        bool has_default = false;
        for (int i = 0; i < s->u.sw.ncases; i++) {
            struct ast_case *c = &s->u.sw.cases[i];
            has_default |= c->is_default;
            bool u = c->comm && stmt_uses(v, c->comm, cs->var);
            u = flow(v, cs, c->body, c->nbody, u, depth + 1);
            if (i == 0 && s->kind != ST_SELECT)
                all = u;
            else
                all = all && u;
        }
        return all && (has_default || s->kind == ST_SELECT) && s->u.sw.ncases > 0;
    }
    case ST_FOR:
        if (stmt_uses(v, s->u.fors.init, cs->var) || expr_uses(v, s->u.fors.cond, cs->var))
            return true;
        flow_stmt(v, cs, s->u.fors.body, false, depth + 1);
        return false;
    case ST_RANGE:
        if (expr_uses(v, s->u.range.x, cs->var))
            return true;
        flow_stmt(v, cs, s->u.range.body, false, depth + 1);
        return false;
    case ST_LABELED: return flow_stmt(v, cs, s->u.labeled.stmt, used, depth + 1);
    default: return stmt_uses(v, s, cs->var);
    }
}

static bool flow(struct vet *v, struct cancel_state *cs, struct ast_stmt **ss, int n, bool used,
                 int depth)
{
    for (int i = 0; i < n && !used; i++)
        used = flow_stmt(v, cs, ss[i], used, depth + 1);
    return used;
}

/* lostcancel_list looks for cancel definitions in a statement list and
 * follows the rest of the list (and, conservatively, nothing after it). */
static void lostcancel_list(struct vet *v, struct ast_stmt **ss, int n, int depth);

static void lostcancel_stmt_children(struct vet *v, struct ast_stmt *s, int depth)
{
    if (!s || depth > 2000)
        return;
    switch (s->kind) {
    case ST_BLOCK: lostcancel_list(v, s->u.block.stmts, s->u.block.nstmts, depth + 1); break;
    case ST_IF:
        lostcancel_stmt_children(v, s->u.ifs.then, depth + 1);
        lostcancel_stmt_children(v, s->u.ifs.els, depth + 1);
        break;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        for (int i = 0; i < s->u.sw.ncases; i++)
            lostcancel_list(v, s->u.sw.cases[i].body, s->u.sw.cases[i].nbody, depth + 1);
        break;
    case ST_FOR: lostcancel_stmt_children(v, s->u.fors.body, depth + 1); break;
    case ST_RANGE: lostcancel_stmt_children(v, s->u.range.body, depth + 1); break;
    case ST_LABELED: lostcancel_stmt_children(v, s->u.labeled.stmt, depth + 1); break;
    default: break;
    }
}

static void lostcancel_list(struct vet *v, struct ast_stmt **ss, int n, int depth)
{
    for (int i = 0; i < n; i++) {
        struct ast_stmt *s = ss[i];
        lostcancel_stmt_children(v, s, depth + 1);
        const char *which;
        struct ast_expr *lhs = NULL, *rhs = NULL;
        struct ast_var *var = NULL;
        if (s->kind == ST_ASSIGN && s->u.assign.nlhs == 2 && s->u.assign.nrhs == 1) {
            lhs = s->u.assign.lhs[1];
            rhs = s->u.assign.rhs[0];
            if (s->u.assign.define && s->u.assign.vars)
                var = s->u.assign.vars[1];
            else if (lhs->kind == EX_IDENT)
                var = lhs->u.ident.ref.var;
        } else if (s->kind == ST_VAR && s->u.var.nvars == 2 && s->u.var.nvalues == 1) {
            rhs = s->u.var.values[0];
            var = s->u.var.vars[1];
        }
        if (!rhs || !is_context_with_cancel(rhs, &which))
            continue;
        bool blank = lhs ? (lhs->kind == EX_IDENT && strcmp(lhs->u.ident.name, "_") == 0)
                         : strcmp(var->name, "_") == 0;
        if (blank) {
            diag_warn(v->d, lhs ? lhs->pos : s->pos,
                      "the cancel function returned by %s should be called, not discarded, to "
                      "avoid a context leak",
                      which);
            continue;
        }
        if (!var || var->global)
            continue;
        struct cancel_state cs = {var, s->pos, false};
        bool used = flow(v, &cs, ss + i + 1, n - i - 1, false, depth + 1);
        (void)used; /* falling off the end unused: the compiler's "declared and not used"
                       or a later use in an enclosing list covers it */
    }
}

static void lostcancel_func(struct vet *v, struct ast_func *f)
{
    if (f->body)
        lostcancel_list(v, f->body->u.block.stmts, f->body->u.block.nstmts, 0);
}

/* ---- loopclosure ------------------------------------------------------------------------ */

struct loopvars {
    struct ast_var *vars[8];
    int n;
};

static void report_loopvar(struct vet *v, struct ast_expr *e, void *ud)
{
    struct loopvars *lv = ud;
    if (e->kind != EX_IDENT || !e->u.ident.ref.var)
        return;
    for (int i = 0; i < lv->n; i++)
        if (e->u.ident.ref.var == lv->vars[i])
            diag_warn(v->d, e->pos, "loop variable %s captured by func literal", lv->vars[i]->name);
}

static void loopclosure_last(struct vet *v, struct ast_stmt *body, struct loopvars *lv)
{
    if (!body || body->kind != ST_BLOCK || body->u.block.nstmts == 0 || lv->n == 0)
        return;
    struct ast_stmt *last = body->u.block.stmts[body->u.block.nstmts - 1];
    if (last->kind != ST_GO && last->kind != ST_DEFER)
        return;
    struct ast_expr *call = last->u.expr;
    if (!call || call->kind != EX_CALL)
        return;
    struct ast_expr *fun = ast_unparen(call->u.call.fun);
    if (fun->kind == EX_FUNCLIT && fun->u.func->body)
        walk_stmt_exprs(v, fun->u.func->body, report_loopvar, lv, true, 0);
}

static void loopclosure_stmt(struct vet *v, struct ast_stmt *s, int depth)
{
    if (!s || depth > 2000)
        return;
    switch (s->kind) {
    case ST_FOR: {
        struct loopvars lv = {0};
        for (int i = 0; i < s->u.fors.nloopvars && lv.n < 8; i++)
            lv.vars[lv.n++] = s->u.fors.loopvars[i];
        if (!s->u.fors.per_iteration)
            loopclosure_last(v, s->u.fors.body, &lv);
        loopclosure_stmt(v, s->u.fors.body, depth + 1);
        break;
    }
    case ST_RANGE: {
        struct loopvars lv = {0};
        if (s->u.range.kvar)
            lv.vars[lv.n++] = s->u.range.kvar;
        if (s->u.range.vvar)
            lv.vars[lv.n++] = s->u.range.vvar;
        if (s->u.range.define && !s->u.range.per_iteration)
            loopclosure_last(v, s->u.range.body, &lv);
        loopclosure_stmt(v, s->u.range.body, depth + 1);
        break;
    }
    case ST_BLOCK:
        for (int i = 0; i < s->u.block.nstmts; i++)
            loopclosure_stmt(v, s->u.block.stmts[i], depth + 1);
        break;
    case ST_IF:
        loopclosure_stmt(v, s->u.ifs.then, depth + 1);
        loopclosure_stmt(v, s->u.ifs.els, depth + 1);
        break;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        for (int i = 0; i < s->u.sw.ncases; i++)
            for (int j = 0; j < s->u.sw.cases[i].nbody; j++)
                loopclosure_stmt(v, s->u.sw.cases[i].body[j], depth + 1);
        break;
    case ST_LABELED: loopclosure_stmt(v, s->u.labeled.stmt, depth + 1); break;
    default: break;
    }
}

/* ---- entry ----------------------------------------------------------------------------- */

void vet_program(struct ast_program *prog, struct diags *d, struct types *ts)
{
    struct vet v = {d, ts, prog->main_pkg, prog->go121};
    for (int i = 0; i < prog->nfuncs; i++) {
        struct ast_func *f = prog->funcs[i];
        if (f->pkg != prog->main_pkg)
            continue;
        copylocks_func(&v, f);
        lostcancel_func(&v, f);
        if (f->body)
            loopclosure_stmt(&v, f->body, 0);
    }
}
