/* interp_stmt.c: executing statements: declarations and assignments (with
 * a preemption point between the load and the store of x++ and x op= y),
 * control flow, loops with Go 1.22 per-iteration variables, switch and type
 * switch, select, go, defer and return; package initialisation. */
#include "interp.h"
#include "lex.h"

#include <stdlib.h>
#include <string.h>

static enum exec_status exec(struct gstate *g, const struct ast_stmt *s);

static inline struct value typed(struct value v, const struct type *t)
{
    if (t->underlying->kind != T_INTERFACE)
        v.t = t;
    return v;
}

/* declare gives variable var (of the current frame) the value v: a fresh
 * cell when it is captured, else the slot itself. */
static void declare(struct gstate *g, const struct ast_var *var, struct value v)
{
    if (!var)
        return;
    v = interp_copy(g, typed(v, var->type));
    /* A channel is labelled with the first variable it is stored in, so
     * the Run screen and dumps say `jobs`, not `ch1`. */
    if (type_ukind(var->type) == T_CHAN && var->name && var->name[0] != '_')
        interp_label_chan(g->in, v, var->name);
    uint32_t slot = g->top->base + (uint32_t)var->index;
    if (var->captured) {
        push(g, v);
        struct vbox *c = interp_box(g, 1);
        c->v[0] = pop(g);
        g->stk[slot].p = c;
        g->stk[slot].t = g->in->ty.t_internal;
    } else {
        g->stk[slot] = v;
    }
}

/* ---- assignment ------------------------------------------------------------------ */

static bool is_blank(const struct ast_expr *e)
{
    e = ast_unparen((struct ast_expr *)e);
    return e->kind == EX_IDENT && e->u.ident.ref.kind == REF_NONE;
}

static void assign(struct gstate *g, const struct ast_stmt *s)
{
    int nl = s->u.assign.nlhs, nr = s->u.assign.nrhs;
    struct ast_expr **lhs = s->u.assign.lhs, **rhs = s->u.assign.rhs;
    struct ast_var **vars = s->u.assign.define ? s->u.assign.vars : NULL;
    uint32_t sp = g->sp;
    /* Go checks the target's pointer and index when it stores, after the
     * right-hand side ran: interp_loc_late throughout. */
    if (s->u.assign.op != OP_NONE) {
        struct loc l = interp_loc_late(g, lhs[0]);
        if (l.kind == LOC_NILDEREF || l.kind == LOC_BOUNDS) {
            interp_eval(g, rhs[0]);
            interp_loc_store(g, &l, (struct value){0}); /* panics */
        }
        struct value old = interp_loc_load(g, &l);
        push(g, old);
        struct value y = interp_eval(g, rhs[0]);
        push(g, y);
        rt_preempt_point(g->in->rt);
        y = pop(g);
        old = pop(g);
        /* the location's value may have changed while preempted: Go's
         * lost update, on purpose */
        struct value r = interp_binop(g, s->u.assign.op, old, y, lhs[0]->type, lhs[0]->type);
        interp_loc_store(g, &l, r);
        g->sp = sp;
        return;
    }
    if (nl == 1 && nr == 1) {
        if (vars && vars[0]) {
            declare(g, vars[0], interp_eval(g, rhs[0]));
            g->sp = sp;
            return;
        }
        if (is_blank(lhs[0])) {
            interp_eval(g, rhs[0]);
            g->sp = sp;
            return;
        }
        struct loc l = interp_loc_late(g, lhs[0]);
        struct value v = interp_eval(g, rhs[0]);
        interp_loc_store(g, &l, typed(v, lhs[0]->type));
        g->sp = sp;
        return;
    }
    /* Several: locations first, then the values, then the stores, left to
     * right, each checking its own pointer and index (a, *p = 1, 2 with p
     * nil assigns a, then panics). */
    struct loc locs_small[8];
    struct loc *locs = nl <= 8 ? locs_small : lv_malloc((size_t)nl * sizeof *locs);
    for (int i = 0; i < nl; i++) {
        if ((vars && vars[i]) || is_blank(lhs[i]))
            locs[i].kind = LOC_NONE;
        else
            locs[i] = interp_loc_late(g, lhs[i]);
    }
    uint32_t vbase = g->sp;
    if (nr == 1)
        interp_eval_multi(g, rhs[0], (uint32_t)nl);
    else
        for (int i = 0; i < nr; i++)
            push(g, interp_copy(g, interp_eval(g, rhs[i])));
    for (int i = 0; i < nl; i++) {
        struct value v = g->stk[vbase + (uint32_t)i];
        if (vars && vars[i])
            declare(g, vars[i], v);
        else if (locs[i].kind != LOC_NONE)
            interp_loc_store(g, &locs[i], typed(v, lhs[i]->type));
    }
    if (locs != locs_small)
        free(locs);
    g->sp = sp;
}

static void incdec(struct gstate *g, const struct ast_stmt *s)
{
    uint32_t sp = g->sp;
    const struct ast_expr *x = s->u.incdec.x;
    struct loc l = interp_loc(g, x);
    struct value v = interp_loc_load(g, &l);
    push(g, v);
    rt_preempt_point(g->in->rt);
    v = pop(g);
    const struct type *t = x->type;
    if (types_is_float(t))
        v = value_float(t, v.f + (s->u.incdec.inc ? 1 : -1));
    else
        v = value_int(t, (int64_t)(v.u + (s->u.incdec.inc ? 1 : (uint64_t)-1)));
    interp_loc_store(g, &l, v);
    g->sp = sp;
}

/* ---- go and defer ------------------------------------------------------------------- */

/* callee_and_args evaluates a call's function value and arguments without
 * calling: pushes the function value then the arguments; returns nargs.
 * Builtins push a marker value {i = id, t = NULL}. */
static uint32_t callee_and_args(struct gstate *g, const struct ast_expr *call)
{
    const struct ast_expr *fun = ast_unparen(call->u.call.fun);
    uint32_t base = g->sp;
    struct ast_expr **args = call->u.call.args;
    int nargs = call->u.call.nargs;
    switch (call->u.call.kind) {
    case CALL_BUILTIN: {
        push(g, (struct value){.i = call->u.call.builtin, .t = NULL});
        for (int i = 0; i < nargs; i++)
            push(g, interp_eval(g, args[i]));
        return (uint32_t)nargs;
    }
    case CALL_FUNC:
    case CALL_METHOD:
    case CALL_IFACE:
    case CALL_VALUE: {
        /* Evaluate the callee as a value (a method value binds its
         * receiver now), then the arguments as a real call would. */
        struct value fv;
        if (call->u.call.kind == CALL_FUNC)
            fv = interp_func_value(g->in, call->u.call.func);
        else
            fv = interp_eval(g, fun);
        push(g, fv);
        /* The arguments: evaluate them through a call of a stand-in: we
         * reuse interp_eval_call's argument packing by evaluating each
         * argument here with the same rules. */
        const struct type *ft = fun->type->underlying;
        if (call->u.call.kind == CALL_FUNC)
            ft = call->u.call.func->type;
        if (call->u.call.tuple_arg) {
            int n = args[0]->type->u.tuple.n;
            interp_eval_multi(g, args[0], (uint32_t)n);
            return (uint32_t)n;
        }
        int vf = call->u.call.variadic_from;
        int fixed = vf >= 0 ? vf : nargs;
        for (int i = 0; i < fixed; i++)
            push(g, interp_copy(g, interp_eval(g, args[i])));
        if (vf >= 0) {
            const struct type *st = ft->u.func.params[ft->u.func.nparams - 1];
            const struct type *et = st->underlying->u.array.elem;
            uint32_t n = (uint32_t)(nargs - vf);
            if (n == 0) {
                push(g, (struct value){.p = NULL, .t = st});
            } else {
                uint32_t vb = g->sp;
                for (int i = vf; i < nargs; i++)
                    push(g, interp_copy(g, typed(interp_eval(g, args[i]), et)));
                /* make the slice: an append onto nil */
                struct vbox *arr = interp_box(g, n);
                for (uint32_t i = 0; i < n; i++)
                    arr->v[i] = g->stk[vb + i];
                push(g, (struct value){.p = arr, .t = g->in->ty.t_internal});
                struct vslice *sl = interp_alloc(g, GC_SLICE, sizeof *sl);
                sl->arr = arr;
                sl->len = sl->cap = n;
                g->sp = vb;
                push(g, (struct value){.p = sl, .t = st});
            }
            return (uint32_t)fixed + 1;
        }
        return (uint32_t)fixed;
    }
    default: break;
    }
    (void)base;
    return 0;
}

static void exec_defer(struct gstate *g, const struct ast_stmt *s)
{
    uint32_t sp = g->sp;
    uint32_t nargs = callee_and_args(g, s->u.expr);
    struct vbox *rec = interp_box(g, 2 + nargs);
    uint32_t dslot = g->top->base + g->top->fn->nslots;
    rec->v[0] = g->stk[dslot];
    for (uint32_t i = 0; i <= nargs; i++)
        rec->v[1 + i] = g->stk[sp + i];
    g->stk[dslot].p = rec;
    g->stk[dslot].t = g->in->ty.t_internal;
    g->sp = sp;
}

static void exec_go(struct gstate *g, const struct ast_stmt *s)
{
    uint32_t sp = g->sp;
    const struct ast_expr *call = s->u.expr;
    uint32_t nargs = callee_and_args(g, call);
    struct value fv = g->stk[sp];
    /* fv may be a builtin (go println(x), go close(c)): the new goroutine
     * runs it as a deferred builtin runs (g_entry), its arguments evaluated
     * here. */
    memmove(&g->stk[sp], &g->stk[sp + 1], nargs * sizeof(struct value));
    g->sp = sp + nargs;
    interp_go(g, fv, nargs, s->pos);
    g->sp = sp;
}

/* ---- return ---------------------------------------------------------------------------- */

static void store_result(struct gstate *g, const struct ast_var *rv, struct value v)
{
    uint32_t slot = g->top->base + (uint32_t)rv->index;
    v = interp_copy(g, typed(v, rv->type));
    struct value cur = g->stk[slot];
    if (cur.t == g->in->ty.t_internal) {
        race_write_box(g, cur.p, 0, rv->type); /* a captured result */
        ((struct vbox *)cur.p)->v[0] = v;
    } else
        g->stk[slot] = v;
}

static void exec_return(struct gstate *g, const struct ast_stmt *s)
{
    const struct ast_func *d = g->top->fn->decl;
    int n = s->u.ret.nresults;
    if (n == 0)
        return;
    uint32_t sp = g->sp;
    if (n == 1 && d->nresults > 1) {
        interp_eval_multi(g, s->u.ret.results[0], (uint32_t)d->nresults);
    } else if (n == 1) {
        store_result(g, d->results[0], interp_eval(g, s->u.ret.results[0]));
        g->sp = sp;
        return;
    } else {
        for (int i = 0; i < n; i++)
            push(g, interp_eval(g, s->u.ret.results[i]));
    }
    for (int i = 0; i < d->nresults; i++)
        store_result(g, d->results[i], g->stk[sp + (uint32_t)i]);
    g->sp = sp;
}

/* ---- switch ------------------------------------------------------------------------------ */

enum exec_status interp_exec_switch(struct gstate *g, const struct ast_stmt *s,
                                    const struct interp_bodies *b)
{
    uint32_t sp = g->sp;
    if (s->u.sw.init) {
        enum exec_status st = exec(g, s->u.sw.init);
        (void)st;
    }
    const struct ast_expr *tag = s->u.sw.tag;
    struct value tv = {.i = 1, .t = g->in->ty.t_bool};
    if (tag)
        tv = interp_eval(g, tag);
    push(g, tv);
    int match = -1, def = -1;
    for (int i = 0; i < s->u.sw.ncases && match < 0; i++) {
        const struct ast_case *c = &s->u.sw.cases[i];
        if (c->is_default) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->nexprs; j++) {
            struct value cv = interp_eval(g, c->exprs[j]);
            struct value t = g->stk[sp];
            bool eq;
            if (!tag) {
                /* an interface case equals true only holding a bool true */
                eq = types_is_interface(c->exprs[j]->type) ? cv.t == g->in->ty.t_bool && cv.i
                                                           : cv.i != 0;
            } else {
                struct value r =
                    interp_binop(g, OP_EQL, t, cv, c->exprs[j]->type, g->in->ty.t_bool);
                eq = r.i != 0;
            }
            if (eq) {
                match = i;
                break;
            }
        }
    }
    g->sp = sp;
    if (match < 0)
        match = def;
    if (match < 0)
        return EX_NORMAL;
    for (int i = match; i < s->u.sw.ncases; i++) {
        const struct ast_case *c = &s->u.sw.cases[i];
        enum exec_status st = b ? b->run(g, b->ud, i) : interp_exec_block(g, c->body, c->nbody);
        if (st == EX_FALLTHROUGH)
            continue;
        if (st == EX_BREAK && g->ctl == s)
            return EX_NORMAL;
        return st;
    }
    return EX_NORMAL;
}

enum exec_status interp_exec_typeswitch(struct gstate *g, const struct ast_stmt *s,
                                        const struct interp_bodies *b)
{
    uint32_t sp = g->sp;
    if (s->u.sw.init)
        exec(g, s->u.sw.init);
    struct value x = interp_eval(g, s->u.sw.x);
    push(g, x);
    int match = -1, def = -1;
    const struct type *mt = NULL;
    for (int i = 0; i < s->u.sw.ncases && match < 0; i++) {
        const struct ast_case *c = &s->u.sw.cases[i];
        if (c->is_default) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->nexprs; j++) {
            const struct ast_expr *te = c->exprs[j];
            bool is_nil = !te->is_type;
            if (is_nil ? !x.t : interp_type_matches(g, x, te->type)) {
                match = i;
                mt = is_nil ? NULL : te->type;
                break;
            }
        }
    }
    if (match < 0)
        match = def;
    if (match < 0) {
        g->sp = sp;
        return EX_NORMAL;
    }
    const struct ast_case *c = &s->u.sw.cases[match];
    if (c->tvar) {
        struct value v = g->stk[sp];
        if (c->nexprs == 1 && mt && mt->underlying->kind != T_INTERFACE)
            v.t = mt;
        declare(g, c->tvar, v);
    }
    g->sp = sp;
    enum exec_status st = b ? b->run(g, b->ud, match) : interp_exec_block(g, c->body, c->nbody);
    if (st == EX_BREAK && g->ctl == s)
        return EX_NORMAL;
    return st;
}

/* ---- select --------------------------------------------------------------------------------- */

enum exec_status interp_exec_select(struct gstate *g, const struct ast_stmt *s,
                                    const struct interp_bodies *b)
{
    uint32_t sp = g->sp;
    int chosen = interp_select(g, s);
    const struct ast_case *c = NULL;
    if (chosen < 0) {
        for (int i = 0; i < s->u.sw.ncases; i++)
            if (s->u.sw.cases[i].is_default)
                c = &s->u.sw.cases[i];
    } else {
        c = &s->u.sw.cases[chosen];
        const struct ast_stmt *comm = c->comm;
        if (comm && comm->kind == ST_ASSIGN) {
            /* v[, ok] = <-ch or := : the received values are at the top */
            uint32_t vb = g->sp - 2;
            struct value v = g->stk[vb], ok = g->stk[vb + 1];
            int nl = comm->u.assign.nlhs;
            for (int i = 0; i < nl; i++) {
                struct value x = i == 0 ? v : ok;
                const struct ast_expr *l = comm->u.assign.lhs[i];
                if (comm->u.assign.define && comm->u.assign.vars && comm->u.assign.vars[i]) {
                    declare(g, comm->u.assign.vars[i], x);
                } else if (!is_blank(l)) {
                    push(g, x);
                    uint32_t lsp = g->sp;
                    struct loc loc = interp_loc(g, l);
                    interp_loc_store(g, &loc, typed(g->stk[lsp - 1], l->type));
                    g->sp = lsp - 1;
                }
            }
        }
    }
    g->sp = sp;
    if (!c)
        return EX_NORMAL;
    enum exec_status st =
        b ? b->run(g, b->ud, (int)(c - s->u.sw.cases)) : interp_exec_block(g, c->body, c->nbody);
    if (st == EX_BREAK && g->ctl == s)
        return EX_NORMAL;
    return st;
}

/* ---- loops ------------------------------------------------------------------------------------
 */

/* fresh_loopvars gives every loop variable living in a cell a new cell
 * holding its current value (Go 1.22: each iteration has its own copy). */
void interp_fresh_loopvars(struct gstate *g, const struct ast_stmt *s)
{
    for (int i = 0; i < s->u.fors.nloopvars; i++) {
        const struct ast_var *v = s->u.fors.loopvars[i];
        if (!v)
            continue;
        uint32_t slot = g->top->base + (uint32_t)v->index;
        struct value cur = g->stk[slot];
        if (cur.t != g->in->ty.t_internal)
            continue;
        race_read_box(g, cur.p, 0, v->type); /* the previous iteration's variable */
        struct vbox *c = interp_box(g, 1);
        c->v[0] = ((struct vbox *)g->stk[slot].p)->v[0];
        g->stk[slot].p = c;
    }
}

static enum exec_status exec_for(struct gstate *g, const struct ast_stmt *s)
{
    if (s->u.fors.init)
        exec(g, s->u.fors.init);
    for (;;) {
        if (s->u.fors.cond) {
            struct value c = interp_eval(g, s->u.fors.cond);
            if (!c.i)
                break;
        }
        enum exec_status st =
            interp_exec_block(g, s->u.fors.body->u.block.stmts, s->u.fors.body->u.block.nstmts);
        if (st == EX_BREAK) {
            if (g->ctl == s)
                break;
            return st;
        }
        if (st == EX_CONTINUE && g->ctl != s)
            return st;
        if (st == EX_RETURN || st == EX_GOTO)
            return st;
        if (s->u.fors.per_iteration)
            interp_fresh_loopvars(g, s);
        if (s->u.fors.post)
            exec(g, s->u.fors.post);
        else
            interp_loop_step(g);
    }
    return EX_NORMAL;
}

/* range_assign gives the iteration's key and value to the range variables. */
static void range_assign(struct gstate *g, const struct ast_stmt *s, struct value k, struct value v,
                         bool has_v)
{
    if (s->u.range.define) {
        if (s->u.range.kvar)
            declare(g, s->u.range.kvar, k);
        if (has_v && s->u.range.vvar)
            declare(g, s->u.range.vvar, v);
        return;
    }
    uint32_t sp = g->sp;
    push(g, k);
    push(g, v);
    /* As in `k, v = ...`: both locations first (`for i, x[i] = range y`
     * indexes x with the old i), then the stores. */
    const struct ast_expr *ke = s->u.range.key, *ve = s->u.range.value;
    struct loc kl = {.kind = LOC_NONE}, vl = {.kind = LOC_NONE};
    if (ke && !is_blank(ke))
        kl = interp_loc(g, ke);
    if (has_v && ve && !is_blank(ve))
        vl = interp_loc(g, ve);
    if (kl.kind != LOC_NONE)
        interp_loc_store(g, &kl, typed(g->stk[sp], ke->type));
    if (vl.kind != LOC_NONE)
        interp_loc_store(g, &vl, typed(g->stk[sp + 1], ve->type));
    g->sp = sp;
}

/* loop_body runs the body; returns 0 to continue, 1 to stop normally, 2 to
 * propagate *st. */
static int loop_body(struct gstate *g, const struct ast_stmt *s, enum exec_status *st,
                     const struct interp_bodies *b)
{
    *st = b ? b->run(g, b->ud, 0)
            : interp_exec_block(g, s->u.range.body->u.block.stmts, s->u.range.body->u.block.nstmts);
    if (*st == EX_BREAK)
        return g->ctl == s ? 1 : 2;
    if (*st == EX_CONTINUE)
        return g->ctl == s ? 0 : 2;
    if (*st == EX_RETURN || *st == EX_GOTO)
        return 2;
    return 0;
}

enum exec_status interp_exec_range(struct gstate *g, const struct ast_stmt *s,
                                   const struct interp_bodies *b)
{
    struct interp *in = g->in;
    uint32_t sp = g->sp;
    const struct ast_expr *xe = s->u.range.x;
    const struct type *xt = xe->type;
    bool want_v = s->u.range.value != NULL;
    struct value x = interp_eval(g, xe);
    push(g, x);
    enum exec_status st = EX_NORMAL;
    int r = 0;
    const struct type *kt =
        s->u.range.key && s->u.range.key->type ? s->u.range.key->type : in->ty.t_int;
    if (kt->underlying->kind == T_INTERFACE || kt->kind == T_UNTYPED_NIL)
        kt = in->ty.t_int;
    switch (s->u.range.what) {
    case RANGE_INT: {
        int64_t n = x.i;
        const struct type *it = xt->underlying->kind == T_UNTYPED_INT ? in->ty.t_int : xt;
        for (int64_t i = 0; i < n; i++) {
            range_assign(g, s, value_int(it, i), (struct value){0}, false);
            if ((r = loop_body(g, s, &st, b)) != 0)
                break;
        }
        break;
    }
    case RANGE_ARRAY:
    case RANGE_PTR_ARRAY:
    case RANGE_SLICE: {
        uint32_t n;
        if (s->u.range.what == RANGE_SLICE) {
            n = slice_len(x);
        } else if (s->u.range.what == RANGE_PTR_ARRAY) {
            n = (uint32_t)xt->underlying->u.array.elem->underlying->u.array.len;
            if (want_v && !x.p)
                interp_panic_rt(g, RTE_ERRORSTRING,
                                "invalid memory address or nil pointer dereference");
        } else {
            n = (uint32_t)xt->underlying->u.array.len;
            if (want_v) {
                g->stk[sp] = interp_copy(g, x); /* range over a copy of the array */
            }
        }
        for (uint32_t i = 0; i < n; i++) {
            struct value cur = g->stk[sp];
            struct value v = {0};
            if (want_v) {
                struct value *slot = s->u.range.what == RANGE_SLICE ? slice_at(cur, i)
                                                                    : &((struct vbox *)cur.p)->v[i];
                /* (an array ranges over its copy, already read whole) */
                if (s->u.range.what != RANGE_ARRAY)
                    race_load(g, slot,
                              xt->underlying->kind == T_POINTER
                                  ? xt->underlying->u.array.elem->underlying->u.array.elem
                                  : xt->underlying->u.array.elem);
                v = *slot;
            }
            range_assign(g, s,
                         value_int(kt->underlying->kind == T_INTERFACE ? in->ty.t_int : kt, i), v,
                         want_v);
            if ((r = loop_body(g, s, &st, b)) != 0)
                break;
        }
        break;
    }
    case RANGE_STRING: {
        size_t n = str_len(x);
        for (size_t i = 0; i < n;) {
            int32_t ru;
            struct value cur = g->stk[sp];
            int w = sc_decode_rune(str_ptr(cur) + i, n - i, &ru);
            range_assign(g, s, value_int(in->ty.t_int, (int64_t)i), value_int(in->ty.t_int32, ru),
                         want_v);
            i += (size_t)w;
            if ((r = loop_body(g, s, &st, b)) != 0)
                break;
        }
        break;
    }
    case RANGE_MAP: {
        if (!x.p)
            break;
        in->rng = in->rng * 6364136223846793005ull + 1442695040888963407ull;
        struct vbox *keys = map_keys(in->heap, x.p, in->rng >> 33);
        if (!keys)
            interp_oom(g, 0);
        push(g, (struct value){.p = keys, .t = in->ty.t_internal});
        for (uint32_t i = 0; i < keys->n; i++) {
            struct vmap *m = g->stk[sp].p;
            enum value_err err;
            const struct type *bad;
            race_read_map(g, m); /* each iteration reads the map */
            struct value *slot = map_find(m, keys->v[i], &err, &bad);
            if (!slot)
                continue; /* deleted during the loop */
            range_assign(g, s, keys->v[i], *slot, want_v);
            if ((r = loop_body(g, s, &st, b)) != 0)
                break;
        }
        break;
    }
    case RANGE_CHAN: {
        const struct type *et = xt->underlying->u.chan.elem;
        for (;;) {
            bool ok = interp_chan_recv(g, g->stk[sp], et);
            struct value v = pop(g);
            if (!ok)
                break;
            range_assign(g, s, v, (struct value){0}, false);
            if ((r = loop_body(g, s, &st, b)) != 0)
                break;
        }
        break;
    }
    }
    g->sp = sp;
    if (r == 2)
        return st;
    return EX_NORMAL;
}

/* ---- statements ---------------------------------------------------------------------------- */

static enum exec_status exec(struct gstate *g, const struct ast_stmt *s)
{
    switch (s->kind) {
    case ST_BLOCK: return interp_exec_block(g, s->u.block.stmts, s->u.block.nstmts);
    case ST_LABELED: return exec(g, s->u.labeled.stmt);
    case ST_EMPTY:
    case ST_CONST:
    case ST_TYPE: return EX_NORMAL;
    default: break;
    }
    interp_step(g, s);
    uint32_t sp = g->sp;
    switch (s->kind) {
    case ST_EXPR: {
        const struct ast_expr *e = ast_unparen(s->u.expr);
        if (e->kind == EX_CALL)
            interp_eval_call(g, e);
        else
            interp_eval(g, e);
        g->sp = sp;
        return EX_NORMAL;
    }
    case ST_SEND: {
        struct value ch = interp_eval(g, s->u.send.ch);
        push(g, ch);
        struct value v = interp_eval(g, s->u.send.value);
        const struct type *et = s->u.send.ch->type->underlying->u.chan.elem;
        v = interp_copy(g, typed(v, et));
        interp_chan_send(g, g->stk[sp], v);
        g->sp = sp;
        return EX_NORMAL;
    }
    case ST_INCDEC: incdec(g, s); return EX_NORMAL;
    case ST_ASSIGN: assign(g, s); return EX_NORMAL;
    case ST_VAR: {
        int nv = s->u.var.nvars, nval = s->u.var.nvalues;
        if (nval == 0) {
            for (int i = 0; i < nv; i++)
                if (s->u.var.vars[i])
                    declare(g, s->u.var.vars[i], interp_zero(g, s->u.var.vars[i]->type));
        } else if (nval == nv) {
            for (int i = 0; i < nv; i++)
                push(g, interp_eval(g, s->u.var.values[i]));
            for (int i = 0; i < nv; i++)
                declare(g, s->u.var.vars[i], g->stk[sp + (uint32_t)i]);
        } else {
            interp_eval_multi(g, s->u.var.values[0], (uint32_t)nv);
            for (int i = 0; i < nv; i++)
                declare(g, s->u.var.vars[i], g->stk[sp + (uint32_t)i]);
        }
        g->sp = sp;
        return EX_NORMAL;
    }
    case ST_GO: exec_go(g, s); return EX_NORMAL;
    case ST_DEFER: exec_defer(g, s); return EX_NORMAL;
    case ST_RETURN: exec_return(g, s); return EX_RETURN;
    case ST_BRANCH:
        g->ctl = s->u.branch.target;
        switch (s->u.branch.tok) {
        case TK_BREAK: return EX_BREAK;
        case TK_CONTINUE: return EX_CONTINUE;
        case TK_FALLTHROUGH: return EX_FALLTHROUGH;
        default: return EX_GOTO;
        }
    case ST_IF: {
        if (s->u.ifs.init)
            exec(g, s->u.ifs.init);
        struct value c = interp_eval(g, s->u.ifs.cond);
        g->sp = sp;
        if (c.i)
            return exec(g, s->u.ifs.then);
        if (s->u.ifs.els)
            return exec(g, s->u.ifs.els);
        return EX_NORMAL;
    }
    case ST_SWITCH: return interp_exec_switch(g, s, NULL);
    case ST_TYPESWITCH: return interp_exec_typeswitch(g, s, NULL);
    case ST_SELECT: return interp_exec_select(g, s, NULL);
    case ST_FOR: return exec_for(g, s);
    case ST_RANGE: return interp_exec_range(g, s, NULL);
    default: return EX_NORMAL;
    }
}

enum exec_status interp_exec_stmt(struct gstate *g, const struct ast_stmt *s)
{
    return exec(g, s);
}

enum exec_status interp_exec_block(struct gstate *g, struct ast_stmt **stmts, int n)
{
    for (int i = 0; i < n; i++) {
        enum exec_status st = exec(g, stmts[i]);
        if (st != EX_NORMAL)
            return st;
    }
    return EX_NORMAL;
}

/* ---- package initialisation ------------------------------------------------------------------ */

void interp_run_inits(struct gstate *g)
{
    struct interp *in = g->in;
    struct ast_program *p = in->prog;
    /* every global starts as its zero value */
    for (int i = 0; i < p->nglobals; i++)
        in->globals[i] = interp_zero(g, p->globals[i]->type);
    for (int i = 0; i < p->ninits; i++) {
        const struct ast_init *ini = &p->inits[i];
        uint32_t sp = g->sp;
        if (ini->nvalues == ini->nvars) {
            for (int j = 0; j < ini->nvalues; j++)
                push(g, interp_eval(g, ini->values[j]));
        } else {
            interp_eval_multi(g, ini->values[0], (uint32_t)ini->nvars);
        }
        for (int j = 0; j < ini->nvars; j++) {
            const struct ast_var *v = ini->vars[j];
            if (!v)
                continue;
            struct value x = interp_copy(g, typed(g->stk[sp + (uint32_t)j], v->type));
            in->globals[v->index] = x;
        }
        g->sp = sp;
    }
}
