/* vet.c: go vet's copylocks, lostcancel and loopclosure analyses over the
 * checked tree of the user's package, with go vet's wording.
 *
 * copylocks: a value whose type contains a sync.Mutex, RWMutex, WaitGroup,
 * Once or Cond, or a typed atomic (atomic.Int64...), copied by assignment, by value parameter or
 * receiver, by call argument, by return, by composite literal, or by range. Fresh values (composite
 * literals, call results) are not copies.
 *
 * lostcancel: the cancel function of context.WithCancel, WithTimeout or
 * WithDeadline discarded with `_`, or a return statement (or the end of the
 * function) reachable from its definition on a path of the control-flow
 * graph (cfg.c) that never uses it; any mention counts as a use, even in a
 * closure, a defer or a call that stores it. As go vet, main.main is not
 * searched (returning from it ends the process), calls of panic, os.Exit,
 * runtime.Goexit and functions of the package that never return end a path,
 * and each function literal is analysed on its own.
 *
 * loopclosure: under go1.21 loop semantics, a function literal run by `go`
 * or `defer` as the last statement of a loop body that refers to the loop's
 * variables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "check.h"
#include "lex.h"
#include "vet.h"

struct noreturn_memo;

struct vet {
    struct diags *d;
    struct types *ts;
    struct ast_package *pkg;
    bool go121;
    struct noreturn_memo *memo; /* lostcancel: which functions never return */
    int nmemo, capmemo;
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

/* is_context_with_cancel: e is a call of context.WithCancel, WithTimeout or
 * WithDeadline written as a selector on the package (go vet's test, which
 * leaves the Cause variants out); *which gets the function's name. */
static bool is_context_with_cancel(struct ast_expr *e, const char **which)
{
    if (!e || e->kind != EX_CALL || e->u.call.kind != CALL_FUNC || !e->u.call.func)
        return false;
    struct ast_expr *fun = e->u.call.fun;
    if (fun->kind != EX_SELECTOR || fun->u.sel.kind != SELX_PKG)
        return false;
    const char *q = e->u.call.func->qname;
    static const char *const names[] = {"context.WithCancel", "context.WithTimeout",
                                        "context.WithDeadline"};
    for (size_t i = 0; q && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(q, names[i]) == 0) {
            *which = names[i] + strlen("context.");
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

/* A cancel variable and the statement that defines it. */
struct cancel_def {
    struct ast_var *var;
    struct ast_stmt *stmt;
    struct pos pos; /* of the statement as go vet reports it: its first name */
};

struct lostcancel {
    struct vet *v;
    struct ast_func *f;
    struct cancel_def *defs;
    int ndefs, capdefs;
    bool named_result; /* the var being searched is a named result of f */
};

/* node_uses: any reference to var in the node, even inside a function
 * literal; a naked return uses the named results. */
static bool node_uses(struct lostcancel *lc, const struct cfg_node *n, struct ast_var *var)
{
    struct uses u = {var, false};
    if (n->stmt) {
        if (n->stmt->kind == ST_RETURN && n->stmt->u.ret.nresults == 0 && lc->named_result)
            return true;
        walk_stmt_exprs(lc->v, n->stmt, find_use, &u, true, 0);
    } else {
        walk_expr(lc->v, n->expr, find_use, &u, true, 0);
    }
    return u.found;
}

static bool nodes_use(struct lostcancel *lc, const struct cfg_node *ns, int n, struct ast_var *var)
{
    for (int i = 0; i < n; i++)
        if (node_uses(lc, &ns[i], var))
            return true;
    return false;
}

/* lost_cancel_path finds a path from the definition to a return statement
 * on which var is never used, searching depth first in go vet's order;
 * returns the return statement (maybe the synthetic one) or NULL. */
static struct ast_stmt *lost_cancel_path(struct lostcancel *lc, const struct cfg *g,
                                         const struct cancel_def *d)
{
    int defblock = -1, at = 0;
    for (int b = 0; b < g->nblocks && defblock < 0; b++)
        for (int i = 0; i < g->blocks[b].nnodes; i++)
            if (g->blocks[b].nodes[i].stmt == d->stmt) {
                defblock = b;
                at = i + 1;
                break;
            }
    if (defblock < 0)
        return NULL;
    const struct cfg_block *db = &g->blocks[defblock];
    if (nodes_use(lc, db->nodes + at, db->nnodes - at, d->var))
        return NULL;
    struct ast_stmt *ret = cfg_block_return(g, defblock);
    if (ret)
        return ret;
    /* iterative form of go vet's recursive search(blocks): a frame is a
     * successor list and the next index in it */
    bool *seen = calloc((size_t)g->nblocks + 1, sizeof *seen);
    struct frame {
        int block, next;
    } *stack = malloc(((size_t)g->nblocks + 1) * sizeof *stack);
    if (!seen || !stack)
        abort();
    int sp = 0;
    stack[sp++] = (struct frame){defblock, 0};
    ret = NULL;
    while (sp > 0 && !ret) {
        struct frame *fr = &stack[sp - 1];
        const struct cfg_block *from = &g->blocks[fr->block];
        if (fr->next >= from->nsuccs) {
            sp--;
            continue;
        }
        int b = from->succs[fr->next++];
        if (seen[b])
            continue;
        seen[b] = true;
        const struct cfg_block *bl = &g->blocks[b];
        if (nodes_use(lc, bl->nodes, bl->nnodes, d->var))
            continue;
        ret = cfg_block_return(g, b);
        if (!ret)
            stack[sp++] = (struct frame){b, 0};
    }
    free(seen);
    free(stack);
    return ret;
}

static void add_def(struct lostcancel *lc, struct ast_var *var, struct ast_stmt *s, struct pos pos)
{
    /* a variable defined twice is searched from its last definition */
    for (int i = 0; i < lc->ndefs; i++)
        if (lc->defs[i].var == var) {
            lc->defs[i].stmt = s;
            lc->defs[i].pos = pos;
            return;
        }
    if (lc->ndefs == lc->capdefs) {
        lc->capdefs = lc->capdefs ? lc->capdefs * 2 : 4;
        lc->defs = realloc(lc->defs, (size_t)lc->capdefs * sizeof *lc->defs);
        if (!lc->defs)
            abort();
    }
    lc->defs[lc->ndefs++] = (struct cancel_def){var, s, pos};
}

/* def_stmt looks at one simple statement for `ctx, cancel := context.WithX(...)`
 * (or `=`, or `var ctx, cancel = ...`). */
static void def_stmt(struct lostcancel *lc, struct ast_stmt *s)
{
    const char *which = NULL;
    if (s->kind == ST_ASSIGN && s->u.assign.nlhs > 1) {
        bool found = false;
        for (int i = 0; i < s->u.assign.nrhs && !found; i++)
            found = is_context_with_cancel(s->u.assign.rhs[i], &which);
        struct ast_expr *id = s->u.assign.lhs[1];
        if (!found || id->kind != EX_IDENT)
            return;
        if (strcmp(id->u.ident.name, "_") == 0) {
            diag_warn(lc->v->d, id->pos,
                      "the cancel function returned by context.%s should be called, not "
                      "discarded, to avoid a context leak",
                      which);
            return;
        }
        struct ast_var *var = s->u.assign.define && s->u.assign.vars && s->u.assign.vars[1]
                                  ? s->u.assign.vars[1]
                                  : id->u.ident.ref.var;
        /* a variable declared outside the function is assumed used elsewhere */
        if (var && !var->global && var->owner == lc->f)
            add_def(lc, var, s, s->u.assign.lhs[0]->pos);
    } else if (s->kind == ST_VAR && s->u.var.nvars > 1) {
        bool found = false;
        for (int i = 0; i < s->u.var.nvalues && !found; i++)
            found = is_context_with_cancel(s->u.var.values[i], &which);
        if (!found)
            return;
        struct ast_var *var = s->u.var.vars[1];
        if (strcmp(var->name, "_") == 0)
            diag_warn(lc->v->d, var->pos,
                      "the cancel function returned by context.%s should be called, not "
                      "discarded, to avoid a context leak",
                      which);
        else
            add_def(lc, var, s, s->u.var.vars[0]->pos);
    }
}

/* find_defs visits the statements of the function, not those of the
 * function literals inside it (each is analysed on its own). */
static void find_defs(struct lostcancel *lc, struct ast_stmt *s, int depth)
{
    if (!s || depth > 3000)
        return;
    switch (s->kind) {
    case ST_ASSIGN:
    case ST_VAR: def_stmt(lc, s); break;
    case ST_BLOCK:
        for (int i = 0; i < s->u.block.nstmts; i++)
            find_defs(lc, s->u.block.stmts[i], depth + 1);
        break;
    case ST_IF:
        find_defs(lc, s->u.ifs.init, depth + 1);
        find_defs(lc, s->u.ifs.then, depth + 1);
        find_defs(lc, s->u.ifs.els, depth + 1);
        break;
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT:
        find_defs(lc, s->u.sw.init, depth + 1);
        for (int i = 0; i < s->u.sw.ncases; i++) {
            find_defs(lc, s->u.sw.cases[i].comm, depth + 1);
            for (int k = 0; k < s->u.sw.cases[i].nbody; k++)
                find_defs(lc, s->u.sw.cases[i].body[k], depth + 1);
        }
        break;
    case ST_FOR:
        find_defs(lc, s->u.fors.init, depth + 1);
        find_defs(lc, s->u.fors.post, depth + 1);
        find_defs(lc, s->u.fors.body, depth + 1);
        break;
    case ST_RANGE: find_defs(lc, s->u.range.body, depth + 1); break;
    case ST_LABELED: find_defs(lc, s->u.labeled.stmt, depth + 1); break;
    default: break;
    }
}

/* ---- which calls never return (go vet's ctrlflow facts) ---- */

struct noreturn_memo {
    const struct ast_func *f;
    unsigned char state; /* 1 being built (assumed to return), 2 returns, 3 never returns */
};

static bool may_return(void *ud, struct ast_expr *call);

static unsigned char *memo_slot(struct vet *v, const struct ast_func *f)
{
    for (int i = 0; i < v->nmemo; i++)
        if (v->memo[i].f == f)
            return &v->memo[i].state;
    if (v->nmemo == v->capmemo) {
        v->capmemo = v->capmemo ? v->capmemo * 2 : 16;
        v->memo = realloc(v->memo, (size_t)v->capmemo * sizeof *v->memo);
        if (!v->memo)
            abort();
    }
    v->memo[v->nmemo] = (struct noreturn_memo){f, 0};
    return &v->memo[v->nmemo++].state;
}

static bool func_may_return(struct vet *v, const struct ast_func *f)
{
    unsigned char *st = memo_slot(v, f);
    if (*st == 0) {
        *st = 1;
        struct cfg *g = cfg_new(f, may_return, v);
        bool r = cfg_has_reachable_return(g);
        cfg_free(g);
        *memo_slot(v, f) = r ? 2 : 3; /* the memo may have moved */
        return r;
    }
    return *st != 3;
}

static bool may_return(void *ud, struct ast_expr *call)
{
    struct vet *v = ud;
    if (call->u.call.kind == CALL_BUILTIN)
        return call->u.call.builtin != BI_PANIC;
    if (call->u.call.kind != CALL_FUNC && call->u.call.kind != CALL_METHOD)
        return true;
    const struct ast_func *f = call->u.call.func;
    if (!f)
        return true;
    if (f->qname && (strcmp(f->qname, "os.Exit") == 0 || strcmp(f->qname, "runtime.Goexit") == 0))
        return false;
    if (f->pkg != v->pkg || !f->body)
        return true;
    return func_may_return(v, f);
}

static void lostcancel_func(struct vet *v, struct ast_func *f)
{
    if (!f->body)
        return;
    struct lostcancel lc = {.v = v, .f = f};
    find_defs(&lc, f->body, 0);
    /* returning from main.main ends the process: no leak */
    bool is_main = f->recv == NULL && f->name && strcmp(f->name, "main") == 0 && f->qname &&
                   strcmp(f->qname, "main.main") == 0;
    if (lc.ndefs > 0 && !is_main) {
        struct cfg *g = cfg_new(f, may_return, v);
        for (int i = 0; i < lc.ndefs; i++) {
            struct cancel_def *d = &lc.defs[i];
            lc.named_result = false;
            for (int k = 0; k < f->nresults; k++)
                if (f->named_results && f->results[k] == d->var)
                    lc.named_result = true;
            struct ast_stmt *ret = lost_cancel_path(&lc, g, d);
            if (!ret)
                continue;
            diag_warn(v->d, d->pos,
                      "the %s function is not used on all paths (possible context leak)",
                      d->var->name);
            diag_warn(v->d, ret->pos,
                      "this return statement may be reached without using the %s var defined on "
                      "line %u",
                      d->var->name, d->pos.line);
        }
        cfg_free(g);
    }
    free(lc.defs);
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
    struct vet v = {d, ts, prog->main_pkg, prog->go121, NULL, 0, 0};
    for (int i = 0; i < prog->nfuncs; i++) {
        struct ast_func *f = prog->funcs[i];
        if (f->pkg != prog->main_pkg)
            continue;
        copylocks_func(&v, f);
        lostcancel_func(&v, f);
        if (f->body)
            loopclosure_stmt(&v, f->body, 0);
    }
    free(v.memo);
}
