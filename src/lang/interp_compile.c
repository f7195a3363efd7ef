/* interp_compile.c: the fast path of the evaluator. Before a function first
 * runs, its checked body is compiled once into a tree of pre-resolved nodes
 * (struct cx for expressions, struct cs for statements), each carrying a C
 * function pointer specialised for what the checker already knows: an int
 * add of a local and a constant, a comparison, a call of a known function
 * with N arguments, a loop, an if... Running a node is one indirect call: no
 * switch on the syntax kind, no type dispatch, no function-table lookup.
 *
 * Shapes without a specialised node compile to a generic node that hands
 * the original syntax subtree to the tree walker (interp_eval,
 * interp_exec_stmt), so every construct keeps exactly the walker's
 * semantics, and the two mix freely: a generic statement may contain loops
 * that run in the walker, a compiled call runs its callee compiled.
 *
 * What the specialised nodes keep from the walker: a preemption point and
 * step count at every statement (interp_loop_step) and between the load
 * and the store of x++ / x op= y; the statement position in the frame for
 * dumps; every value that must survive an allocation on the value stack
 * (the collector's roots). A local that has been moved into a cell (its
 * address taken, or captured) is read and written through the walker's
 * code, which is where shared accesses are instrumented.
 *
 * Memory: nodes are malloc'd into the interpreter's code arena
 * (in->code), released by lang_run_free. */
#include "interp.h"
#include "lex.h"

#include <stdlib.h>
#include <string.h>

struct cx;
struct cs;
typedef struct value cx_fn(struct gstate *g, const struct cx *x);
typedef enum exec_status cs_fn(struct gstate *g, const struct cs *s);

/* A compiled expression. */
struct cx {
    cx_fn *ev;
    const struct ast_expr *e; /* the syntax (generic nodes, slow paths) */
    const struct type *t;     /* e->type */
    const struct cx *a, *b;   /* operands */
    const struct ast_expr *ea, *eb;
    uint32_t sa, sb;        /* local slots of operands a and b */
    struct value kb;        /* constant operand b, or the constant itself */
    const struct ifunc *fn; /* call target */
    const struct cx **args;
    uint32_t nargs;
    uint32_t copy_mask; /* arguments that may be structs or arrays (copied) */
};

/* A compiled statement. */
struct cs {
    cs_fn *ex;
    const struct ast_stmt *s;
    struct pos pos;         /* s->pos */
    const struct cx *a, *b; /* condition / value / channel ... */
    const struct cs *init, *post, *els;
    const struct cs **body;
    uint32_t nbody;
    uint32_t slot;                  /* local slot (assignments) */
    const struct ast_expr *lhs;     /* assignment target */
    const struct ast_var *var;      /* result or declared variable */
    const struct type *et;          /* send: the element type; incdec: the variable's type */
    const struct cs **const *cbody; /* range, switch, select: each case's body */
    const uint32_t *cn;
    enum ast_op op;
    bool inc;
};

/* A compiled function body. A simple function (no deferred calls, no
 * captured parameter or result, no struct or array result) is entered by
 * call_simple with its results' zero values ready. */
struct cfunc {
    const struct cs **body;
    uint32_t nbody;
    bool simple;
    bool simple1; /* simple with one result (ev_call1's own entry) */
    uint32_t nparams, nslots, nres;
    uint32_t *ridx;      /* slot of each result */
    struct value *rzero; /* zero value of each result */
    struct value *tmpl;  /* slots nparams..nslots (the deferred-call slot last) at
                            entry: zero, results their zero values */
    uint32_t ntmpl;
    struct pos pos;
    struct frame entry; /* ev_call1's frame at entry but for up, base and depth */
};

/* ---- node memory ------------------------------------------------------------------ */

struct code_chunk {
    struct code_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char mem[];
};

static void *code_alloc(struct interp *in, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct code_chunk *c = in->code;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        c = lv_malloc(sizeof *c + cap);
        c->next = in->code;
        c->used = 0;
        c->cap = cap;
        in->code = c;
    }
    void *p = c->mem + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

void interp_code_free(struct interp *in)
{
    struct code_chunk *c = in->code;
    while (c) {
        struct code_chunk *n = c->next;
        free(c);
        c = n;
    }
    in->code = NULL;
}

/* ---- helpers ----------------------------------------------------------------------------- */

static inline bool is_cellv(struct gstate *g, struct value v)
{
    return v.t == &g->in->internal_type;
}

static inline struct value typed(struct value v, const struct type *t)
{
    if (t->underlying->kind != T_INTERFACE)
        v.t = t;
    return v;
}

/* A local variable of the current frame; through the walker when it lives
 * in a cell. */
static inline struct value ld_local(struct gstate *g, uint32_t slot, const struct ast_expr *e)
{
    struct value v = g->stk[g->top->base + slot];
    if (__builtin_expect(is_cellv(g, v), 0))
        return interp_eval(g, e);
    return v;
}

static inline void step(struct gstate *g, const struct cs *s)
{
    g->top->pos = s->pos;
    interp_tick(g);
}

static enum exec_status run_list(struct gstate *g, const struct cs *const *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        enum exec_status st = b[i]->ex(g, b[i]);
        if (st != EX_NORMAL)
            return st;
    }
    return EX_NORMAL;
}

/* ---- generic nodes ------------------------------------------------------------------- */

static struct value ev_generic(struct gstate *g, const struct cx *x)
{
    return interp_eval(g, x->e);
}

static enum exec_status ex_generic(struct gstate *g, const struct cs *s)
{
    return interp_exec_stmt(g, s->s);
}

/* ---- leaves -------------------------------------------------------------------------------- */

static struct value ev_const(struct gstate *g, const struct cx *x)
{
    (void)g;
    return x->kb;
}

static struct value ev_local(struct gstate *g, const struct cx *x)
{
    return ld_local(g, x->sa, x->e);
}

/* a variable of an enclosing function (always a cell) */
static struct value ev_upval(struct gstate *g, const struct cx *x)
{
    struct vbox *c = g->top->clo->caps[x->sa].p;
    race_read_box(g, c, 0, x->t); /* shared with the enclosing function */
    return c->v[0];
}

/* ---- integer operators (64-bit kinds: no wrap-around to apply) ---------------------------- */

static _Noreturn void div_zero(struct gstate *g)
{
    interp_panic_rt(g, RTE_ERRORSTRING, "integer divide by zero");
}

static inline int64_t s_quo(struct gstate *g, int64_t a, int64_t b)
{
    if (b == 0)
        div_zero(g);
    if (b == -1)
        return (int64_t)(0 - (uint64_t)a);
    return a / b;
}

static inline int64_t s_rem(struct gstate *g, int64_t a, int64_t b)
{
    if (b == 0)
        div_zero(g);
    if (b == -1)
        return 0;
    return a % b;
}

#define A_X (x->a->ev(g, x->a).i)
#define A_L (ld_local(g, x->sa, x->ea).i)
#define B_X (x->b->ev(g, x->b).i)
#define B_L (ld_local(g, x->sb, x->eb).i)
#define B_K (x->kb.i)

#define DEF_SHAPE(name, shape, A, B, EXPR)                                                         \
    static struct value ev_##name##_##shape(struct gstate *g, const struct cx *x)                  \
    {                                                                                              \
        int64_t a = A;                                                                             \
        int64_t b = B;                                                                             \
        struct value r = {.t = x->t};                                                              \
        r.i = (EXPR);                                                                              \
        (void)g;                                                                                   \
        return r;                                                                                  \
    }

#define DEF_OP(name, EXPR)                                                                         \
    DEF_SHAPE(name, xx, A_X, B_X, EXPR)                                                            \
    DEF_SHAPE(name, lk, A_L, B_K, EXPR)                                                            \
    DEF_SHAPE(name, ll, A_L, B_L, EXPR)                                                            \
    DEF_SHAPE(name, xk, A_X, B_K, EXPR)                                                            \
    DEF_SHAPE(name, lx, A_L, B_X, EXPR)

DEF_OP(add, (int64_t)((uint64_t)a + (uint64_t)b))
DEF_OP(sub, (int64_t)((uint64_t)a - (uint64_t)b))
DEF_OP(mul, (int64_t)((uint64_t)a *(uint64_t)b))
DEF_OP(quo, s_quo(g, a, b))
DEF_OP(rem, s_rem(g, a, b))
DEF_OP(and, a &b)
DEF_OP(or, a | b)
DEF_OP(xor, a ^ b)
DEF_OP(lss, a < b)
DEF_OP(leq, a <= b)
DEF_OP(gtr, a > b)
DEF_OP(geq, a >= b)
DEF_OP(eql, a == b)
DEF_OP(neq, a != b)
DEF_OP(ulss, (uint64_t)a < (uint64_t)b)
DEF_OP(uleq, (uint64_t)a <= (uint64_t)b)
DEF_OP(ugtr, (uint64_t)a > (uint64_t)b)
DEF_OP(ugeq, (uint64_t)a >= (uint64_t)b)

#define OP_ROW(name)                                                                               \
    {                                                                                              \
        ev_##name##_xx, ev_##name##_lk, ev_##name##_ll, ev_##name##_xk, ev_##name##_lx             \
    }
enum { SH_XX, SH_LK, SH_LL, SH_XK, SH_LX, SH_N };

/* The generic binary operator over compiled operands (the walker's
 * interp_binop does the work). */
static struct value ev_binop(struct gstate *g, const struct cx *x)
{
    struct value a = x->a->ev(g, x->a);
    push(g, a);
    struct value b = x->b->ev(g, x->b);
    a = pop(g);
    return interp_binop(g, x->e->u.binary.op, a, b, x->ea->type, x->t);
}

static struct value ev_land(struct gstate *g, const struct cx *x)
{
    struct value r = {.t = x->t};
    r.i = x->a->ev(g, x->a).i != 0 && x->b->ev(g, x->b).i != 0;
    return r;
}

static struct value ev_lor(struct gstate *g, const struct cx *x)
{
    struct value r = {.t = x->t};
    r.i = x->a->ev(g, x->a).i != 0 || x->b->ev(g, x->b).i != 0;
    return r;
}

static struct value ev_not(struct gstate *g, const struct cx *x)
{
    struct value r = {.t = x->t};
    r.i = !x->a->ev(g, x->a).i;
    return r;
}

static struct value ev_neg64(struct gstate *g, const struct cx *x)
{
    struct value r = {.t = x->t};
    r.u = 0 - x->a->ev(g, x->a).u;
    return r;
}

/* <-ch, one result */
static struct value ev_recv(struct gstate *g, const struct cx *x)
{
    struct value ch = x->a->ev(g, x->a);
    interp_chan_recv(g, ch, x->t);
    return pop(g);
}

/* ---- calls ------------------------------------------------------------------------------- */

static inline uint32_t push_cargs(struct gstate *g, const struct cx *x)
{
    uint32_t base = g->sp;
    if (base + x->nargs > g->cap) /* evaluating an argument restores sp */
        interp_grow(g, x->nargs);
    for (uint32_t i = 0; i < x->nargs; i++) {
        const struct cx *a = x->args[i];
        struct value v = a->ev(g, a);
        if (x->copy_mask & (1u << i))
            v = interp_copy(g, v);
        g->stk[g->sp++] = v;
    }
    return base;
}

/* enter_tmpl copies a frame's entry template (n >= 1 values: the locals'
 * and results' zero values, the deferred-call slot). Small frames, the
 * common case, copy without a loop. */
static inline __attribute__((always_inline)) void
enter_tmpl(struct value *restrict st, const struct value *restrict tmpl, uint32_t n)
{
    switch (n) {
    case 4: st[3] = tmpl[3]; /* fall through */
    case 3: st[2] = tmpl[2]; /* fall through */
    case 2: st[1] = tmpl[1]; /* fall through */
    case 1: st[0] = tmpl[0]; break;
    default:
        for (uint32_t i = 0; i < n; i++)
            st[i] = tmpl[i];
    }
}

/* call_simple is interp_call_func for a compiled simple function called
 * from compiled code (arguments at base). */
static inline __attribute__((always_inline)) void
call_simple(struct gstate *g, const struct ifunc *fn, const struct cfunc *cf, uint32_t base)
{
    if (__builtin_expect(++g->depth > MAX_DEPTH || interp_stack_exhausted(g), 0)) {
        g->depth--;
        interp_call_deep(g, fn, NULL, base); /* on a new segment, or overflow */
        return;
    }
    uint32_t top = base + cf->nslots + 1;
    if (top > g->cap)
        interp_grow(g, top - g->sp);
    struct value *st = g->stk + base + cf->nparams;
    enter_tmpl(st, cf->tmpl, cf->ntmpl);
    g->sp = top;
    struct frame fr;
    /* every field set (a designated initializer would memset the frame) */
    fr.up = g->top;
    fr.fn = fn;
    fr.base = base;
    fr.clo = NULL;
    fr.clo_slot = UINT32_MAX;
    fr.depth = g->depth;
    fr.pos = cf->pos;
    fr.jb = NULL;
    fr.deferred = false;
    fr.pcall = false;
    fr.panic_depth_entry = 0;
    fr.up_site_ok = false;
    fr.up_site = 0;
    fr.line_site = 0;
    fr.line_site_line = 0;
    g->top = &fr;
    run_list(g, cf->body, cf->nbody);
    g->top = fr.up;
    g->depth--;
    st = g->stk + base;
    if (cf->nres == 1)
        st[0] = st[cf->ridx[0]];
    else
        for (uint32_t i = 0; i < cf->nres; i++)
            st[i] = st[cf->ridx[i]];
    g->sp = base + cf->nres;
}

static inline void call_fn(struct gstate *g, const struct ifunc *fn, uint32_t base)
{
    const struct cfunc *cf = fn->code;
    if (cf && cf->simple && !g->defer_mark)
        call_simple(g, fn, cf, base);
    else
        interp_call_func(g, fn, NULL, base);
}

/* A call with one argument that needs no copy. When the callee is a
 * simple function with one result, this is call_simple specialised: the
 * frame is entered here and the result read from its slot, without the
 * generic copy of the results to base. */
static inline __attribute__((always_inline)) struct value call1(struct gstate *g,
                                                                const struct cx *x, struct value v)
{
    uint32_t base = g->sp;
    const struct cfunc *cf = x->fn->code;
    if (__builtin_expect(!cf || !cf->simple1 || g->defer_mark, 0)) {
        if (base + 1 > g->cap)
            interp_grow(g, 1);
        g->stk[base] = v;
        g->sp = base + 1;
        call_fn(g, x->fn, base);
        v = g->sp > base ? g->stk[base] : (struct value){0};
        g->sp = base;
        return v;
    }
    uint32_t top = base + cf->nslots + 1;
    if (__builtin_expect(top > g->cap, 0))
        interp_grow(g, top - base);
    struct value *st = g->stk + base;
    st[0] = v;
    struct frame fr;
    if (__builtin_expect(++g->depth > MAX_DEPTH || interp_stack_exhausted_at(g, (uintptr_t)&fr),
                         0)) {
        g->depth--;
        g->sp = base + 1;
        interp_call_deep(g, x->fn, NULL, base); /* on a new segment, or overflow */
        v = g->sp > base ? g->stk[base] : (struct value){0};
        g->sp = base;
        return v;
    }
    enter_tmpl(st + cf->nparams, cf->tmpl, cf->ntmpl);
    g->sp = top;
    fr = cf->entry; /* a copy of whole words, then the three that vary */
    fr.up = g->top;
    fr.base = base;
    fr.depth = g->depth;
    g->top = &fr;
    run_list(g, cf->body, cf->nbody);
    g->top = fr.up;
    g->depth--;
    g->sp = base;
    return g->stk[base + cf->ridx[0]];
}

static struct value ev_call1(struct gstate *g, const struct cx *x)
{
    const struct cx *a = x->args[0];
    return call1(g, x, a->ev(g, a));
}

/* ev_call1 whose argument is a local of a 64-bit integer type plus or
 * minus a constant, evaluated here (local in x->sa, x->ea; the constant to
 * add, negated for a minus, in x->kb) */
static struct value ev_call1_lk(struct gstate *g, const struct cx *x)
{
    struct value v = {.t = x->args[0]->t};
    v.u = (uint64_t)ld_local(g, x->sa, x->ea).i + x->kb.u;
    return call1(g, x, v);
}

/* A call of a package-level function (or a function literal without
 * captures) with fixed arguments. */
static struct value ev_call(struct gstate *g, const struct cx *x)
{
    uint32_t base = push_cargs(g, x);
    call_fn(g, x->fn, base);
    struct value v = g->sp > base ? g->stk[base] : (struct value){0};
    g->sp = base;
    return v;
}

/* ---- compiling expressions ------------------------------------------------------------ */

static const struct cx *cexpr(struct gstate *g, const struct ast_expr *e);

static struct cx *new_cx(struct gstate *g, cx_fn *ev, const struct ast_expr *e)
{
    struct cx *x = code_alloc(g->in, sizeof *x);
    x->ev = ev;
    x->e = e;
    x->t = e->type;
    return x;
}

static bool is_plain_local(const struct ast_expr *e)
{
    e = ast_unparen((struct ast_expr *)e);
    return e->kind == EX_IDENT && e->u.ident.ref.kind == REF_LOCAL && e->u.ident.ref.var &&
           !e->u.ident.ref.var->captured && !e->cv;
}

static uint32_t local_slot(const struct ast_expr *e)
{
    e = ast_unparen((struct ast_expr *)e);
    return (uint32_t)e->u.ident.ref.index;
}

/* A constant that needs no allocation per evaluation: numbers and booleans
 * are values; a string constant is allocated once and pinned. */
static bool folds(const struct ast_expr *e);

static bool const_expr(struct gstate *g, const struct ast_expr *e, struct value *out)
{
    if (!folds(e))
        return false;
    struct value v = interp_eval(g, e);
    if (e->cv->kind == CONST_STRING && v.p)
        heap_pin(v.p);
    *out = v;
    return true;
}

static bool int64_kind(const struct type *t)
{
    if (!t || t->kind == T_TUPLE)
        return false;
    enum type_kind k = t->underlying->kind;
    return k == T_INT || k == T_INT64;
}

static bool uint64_kind(const struct type *t)
{
    if (!t || t->kind == T_TUPLE)
        return false;
    enum type_kind k = t->underlying->kind;
    return k == T_UINT || k == T_UINT64 || k == T_UINTPTR;
}

static const struct cx *cbinary(struct gstate *g, const struct ast_expr *e)
{
    static cx_fn *const rows[][SH_N] = {
        OP_ROW(add), OP_ROW(sub), OP_ROW(mul),  OP_ROW(quo),  OP_ROW(rem),  OP_ROW(and),
        OP_ROW(or),  OP_ROW(xor), OP_ROW(lss),  OP_ROW(leq),  OP_ROW(gtr),  OP_ROW(geq),
        OP_ROW(eql), OP_ROW(neq), OP_ROW(ulss), OP_ROW(uleq), OP_ROW(ugtr), OP_ROW(ugeq),
    };
    enum {
        R_ADD,
        R_SUB,
        R_MUL,
        R_QUO,
        R_REM,
        R_AND,
        R_OR,
        R_XOR,
        R_LSS,
        R_LEQ,
        R_GTR,
        R_GEQ,
        R_EQL,
        R_NEQ,
        R_ULSS,
        R_ULEQ,
        R_UGTR,
        R_UGEQ
    };
    enum ast_op op = e->u.binary.op;
    const struct ast_expr *xe = e->u.binary.x, *ye = e->u.binary.y;
    if (op == OP_LAND || op == OP_LOR) {
        struct cx *x = new_cx(g, op == OP_LAND ? ev_land : ev_lor, e);
        x->a = cexpr(g, xe);
        x->b = cexpr(g, ye);
        return x;
    }
    if (xe->type->kind == T_UNTYPED_NIL || ye->type->kind == T_UNTYPED_NIL)
        return new_cx(g, ev_generic, e);
    if (op == OP_SHL || op == OP_SHR)
        return NULL; /* the generic binop handles the shift count's type */
    bool s64 = int64_kind(xe->type) && int64_kind(ye->type);
    bool u64 = uint64_kind(xe->type) && uint64_kind(ye->type);
    int row = -1;
    if (s64 || u64) {
        switch (op) {
        case OP_ADD: row = R_ADD; break;
        case OP_SUB: row = R_SUB; break;
        case OP_MUL: row = R_MUL; break;
        case OP_QUO: row = s64 ? R_QUO : -1; break;
        case OP_REM: row = s64 ? R_REM : -1; break;
        case OP_AND: row = R_AND; break;
        case OP_OR: row = R_OR; break;
        case OP_XOR: row = R_XOR; break;
        case OP_EQL: row = R_EQL; break;
        case OP_NEQ: row = R_NEQ; break;
        case OP_LSS: row = s64 ? R_LSS : R_ULSS; break;
        case OP_LEQ: row = s64 ? R_LEQ : R_ULEQ; break;
        case OP_GTR: row = s64 ? R_GTR : R_UGTR; break;
        case OP_GEQ: row = s64 ? R_GEQ : R_UGEQ; break;
        default: break;
        }
    }
    struct cx *x = new_cx(g, ev_binop, e);
    x->ea = ast_unparen((struct ast_expr *)xe);
    x->eb = ast_unparen((struct ast_expr *)ye);
    if (row < 0) {
        x->a = cexpr(g, xe);
        x->b = cexpr(g, ye);
        return x;
    }
    bool la = is_plain_local(xe), lb = is_plain_local(ye);
    struct value k;
    bool kb = const_expr(g, ye, &k);
    int sh;
    if (la && kb)
        sh = SH_LK;
    else if (la && lb)
        sh = SH_LL;
    else if (kb)
        sh = SH_XK;
    else if (la)
        sh = SH_LX;
    else
        sh = SH_XX;
    x->ev = rows[row][sh];
    if (la)
        x->sa = local_slot(xe);
    else
        x->a = cexpr(g, xe);
    if (kb)
        x->kb = k;
    else if (lb && sh == SH_LL)
        x->sb = local_slot(ye);
    else
        x->b = cexpr(g, ye);
    return x;
}

static const struct cx *ccall(struct gstate *g, const struct ast_expr *e)
{
    if (e->u.call.kind != CALL_FUNC || e->u.call.tuple_arg || e->u.call.variadic_from >= 0 ||
        e->u.call.nargs > 32)
        return NULL;
    const struct ifunc *fn = interp_func(g->in, e->u.call.func);
    if (fn->variadic && !e->u.call.has_dots)
        return NULL;
    struct cx *x = new_cx(g, ev_call, e);
    x->fn = fn;
    x->nargs = (uint32_t)e->u.call.nargs;
    x->args = code_alloc(g->in, x->nargs * sizeof *x->args + 1);
    for (uint32_t i = 0; i < x->nargs; i++) {
        const struct ast_expr *a = e->u.call.args[i];
        x->args[i] = cexpr(g, a);
        enum type_kind k = a->type ? a->type->underlying->kind : T_INTERFACE;
        if (k == T_STRUCT || k == T_ARRAY || k == T_INTERFACE)
            x->copy_mask |= 1u << i;
    }
    if (x->nargs == 1 && !x->copy_mask) {
        x->ev = ev_call1;
        const struct cx *a = x->args[0];
        if (a->ev == ev_add_lk || a->ev == ev_sub_lk) {
            x->ev = ev_call1_lk;
            x->sa = a->sa;
            x->ea = a->ea;
            x->kb.u = a->ev == ev_add_lk ? a->kb.u : 0 - a->kb.u;
        }
    }
    return x;
}

/* Whether the walker evaluates constant expression e to a constant (and not
 * to a run-time conversion, as for strings: see eval in interp_expr.c). */
static bool folds(const struct ast_expr *e)
{
    if (!e->cv || !e->type || e->type->kind == T_TUPLE)
        return false;
    if (e->kind != EX_CONVERT)
        return true;
    enum const_kind ck = e->cv->kind;
    const struct type *xt = e->u.convert.x->type;
    enum type_kind xk = xt->underlying->kind;
    bool numeric =
        (xk >= T_BOOL && xk <= T_FLOAT64) || (xk >= T_UNTYPED_BOOL && xk <= T_UNTYPED_FLOAT);
    return numeric && (ck == CONST_BOOL || ck == CONST_INT || ck == CONST_FLOAT);
}

static const struct cx *cexpr(struct gstate *g, const struct ast_expr *e)
{
    struct value k;
    if (folds(e) && const_expr(g, e, &k)) {
        struct cx *x = new_cx(g, ev_const, e);
        x->kb = k;
        return x;
    }
    if (e->cv)
        return new_cx(g, ev_generic, e);
    const struct cx *r = NULL;
    switch (e->kind) {
    case EX_PAREN: return cexpr(g, e->u.unary.x);
    case EX_IDENT:
        if (is_plain_local(e)) {
            struct cx *x = new_cx(g, ev_local, e);
            x->sa = local_slot(e);
            return x;
        }
        if (e->u.ident.ref.kind == REF_UPVAL) {
            struct cx *x = new_cx(g, ev_upval, e);
            x->sa = (uint32_t)e->u.ident.ref.index;
            return x;
        }
        break;
    case EX_BINARY: r = cbinary(g, e); break;
    case EX_UNARY:
        if (e->u.unary.op == OP_NOT) {
            struct cx *x = new_cx(g, ev_not, e);
            x->a = cexpr(g, e->u.unary.x);
            return x;
        }
        if (e->u.unary.op == OP_NEG && (int64_kind(e->type) || uint64_kind(e->type))) {
            struct cx *x = new_cx(g, ev_neg64, e);
            x->a = cexpr(g, e->u.unary.x);
            return x;
        }
        if (e->u.unary.op == OP_ARROW && e->type && e->type->kind != T_TUPLE) {
            struct cx *x = new_cx(g, ev_recv, e);
            x->a = cexpr(g, e->u.unary.x);
            return x;
        }
        break;
    case EX_CALL: r = ccall(g, e); break;
    default: break;
    }
    return r ? r : new_cx(g, ev_generic, e);
}

/* ---- statements -------------------------------------------------------------------------- */

static enum exec_status ex_block(struct gstate *g, const struct cs *s)
{
    return run_list(g, s->body, s->nbody);
}

static enum exec_status ex_expr(struct gstate *g, const struct cs *s)
{
    step(g, s);
    uint32_t sp = g->sp;
    s->a->ev(g, s->a);
    g->sp = sp;
    return EX_NORMAL;
}

static enum exec_status ex_call(struct gstate *g, const struct cs *s)
{
    step(g, s);
    const struct cx *x = s->a;
    uint32_t base = push_cargs(g, x);
    call_fn(g, x->fn, base);
    g->sp = base;
    return EX_NORMAL;
}

static enum exec_status ex_if(struct gstate *g, const struct cs *s)
{
    step(g, s);
    if (s->init)
        s->init->ex(g, s->init);
    uint32_t sp = g->sp;
    struct value c = s->a->ev(g, s->a);
    g->sp = sp;
    if (c.i)
        return run_list(g, s->body, s->nbody);
    if (s->els)
        return s->els->ex(g, s->els);
    return EX_NORMAL;
}

/* return of one value of a type that is neither an interface, a struct nor
 * an array (et: that type) */
static inline __attribute__((always_inline)) enum exec_status return1_scalar(struct gstate *g,
                                                                             const struct cs *s)
{
    step(g, s);
    const struct cx *a = s->a;
    struct value v;
    if (a->ev == ev_local) {
        v = ld_local(g, a->sa, a->e);
    } else if (a->ev == ev_add_xx) { /* return f(x) + g(y): one C call less */
        int64_t l = a->a->ev(g, a->a).i;
        v.i = (int64_t)((uint64_t)l + (uint64_t)a->b->ev(g, a->b).i);
    } else {
        v = a->ev(g, a);
    }
    v.t = s->et;
    struct value *dst = &g->stk[g->top->base + s->slot];
    if (__builtin_expect(is_cellv(g, *dst), 0)) {
        race_write_box(g, dst->p, 0, s->et); /* a captured result */
        ((struct vbox *)dst->p)->v[0] = v;
    } else {
        *dst = v;
    }
    return EX_RETURN;
}

static enum exec_status ex_return1_scalar(struct gstate *g, const struct cs *s)
{
    return return1_scalar(g, s);
}

/* if with a condition comparing a local of a 64-bit integer type with a
 * constant (the local in s->a->sa, the constant in s->a->kb), one function
 * per operator */
#define DEF_IF_LK(name, OP)                                                                        \
    static enum exec_status ex_if_##name##_lk(struct gstate *g, const struct cs *s)                \
    {                                                                                              \
        step(g, s);                                                                                \
        if (s->init)                                                                               \
            s->init->ex(g, s->init);                                                               \
        const struct cx *c = s->a;                                                                 \
        if (ld_local(g, c->sa, c->ea).i OP c->kb.i)                                                \
            return run_list(g, s->body, s->nbody);                                                 \
        if (s->els)                                                                                \
            return s->els->ex(g, s->els);                                                          \
        return EX_NORMAL;                                                                          \
    }                                                                                              \
    /* the same without init and else, the body one ex_return1_scalar */                           \
    static enum exec_status ex_ifret_##name##_lk(struct gstate *g, const struct cs *s)             \
    {                                                                                              \
        step(g, s);                                                                                \
        const struct cx *c = s->a;                                                                 \
        if (ld_local(g, c->sa, c->ea).i OP c->kb.i)                                                \
            return return1_scalar(g, s->body[0]);                                                  \
        return EX_NORMAL;                                                                          \
    }
DEF_IF_LK(lss, <)
DEF_IF_LK(leq, <=)
DEF_IF_LK(gtr, >)
DEF_IF_LK(geq, >=)
DEF_IF_LK(eql, ==)
DEF_IF_LK(neq, !=)

/* return of one value */
static enum exec_status ex_return1(struct gstate *g, const struct cs *s)
{
    step(g, s);
    uint32_t slot = g->top->base + s->slot;
    struct value v = s->a->ev(g, s->a);
    v = typed(v, s->var->type);
    if (s->inc) /* may hold a struct or an array */
        v = interp_copy(g, v);
    struct value cur = g->stk[slot];
    if (is_cellv(g, cur)) {
        race_write_box(g, cur.p, 0, s->var->type); /* a captured result */
        ((struct vbox *)cur.p)->v[0] = v;
    } else {
        g->stk[slot] = v;
    }
    return EX_RETURN;
}

static enum exec_status ex_return0(struct gstate *g, const struct cs *s)
{
    step(g, s);
    return EX_RETURN;
}

static enum exec_status ex_branch(struct gstate *g, const struct cs *s)
{
    step(g, s);
    g->ctl = s->s->u.branch.target;
    return (enum exec_status)s->slot;
}

/* x := v / x = v for a local of a scalar type (no struct copy, no label) */
static enum exec_status ex_set_local(struct gstate *g, const struct cs *s)
{
    step(g, s);
    uint32_t sp = g->sp;
    struct value v = s->a->ev(g, s->a);
    v = typed(v, s->var ? s->var->type : s->lhs->type);
    struct value *dst = &g->stk[g->top->base + s->slot];
    if (__builtin_expect(is_cellv(g, *dst), 0) && !s->var) {
        /* the variable was moved into a cell: store like the walker */
        push(g, v);
        struct loc l = interp_loc(g, s->lhs);
        interp_loc_store(g, &l, g->stk[sp]);
    } else {
        *dst = v;
    }
    g->sp = sp;
    return EX_NORMAL;
}

/* x++ / x-- / x op= y on a local of a 64-bit integer type */
static enum exec_status ex_incdec_local(struct gstate *g, const struct cs *s)
{
    uint32_t slot = g->top->base + s->slot;
    if (__builtin_expect(is_cellv(g, g->stk[slot]), 0))
        return interp_exec_stmt(g, s->s);
    step(g, s);
    uint64_t old = g->stk[slot].u;
    rt_preempt_point(g->in->rt);
    g->stk[slot].u = old + (s->inc ? 1 : (uint64_t)-1);
    g->stk[slot].t = s->et;
    return EX_NORMAL;
}

static enum exec_status ex_opassign_local(struct gstate *g, const struct cs *s)
{
    uint32_t slot = g->top->base + s->slot;
    if (__builtin_expect(is_cellv(g, g->stk[slot]), 0))
        return interp_exec_stmt(g, s->s);
    step(g, s);
    uint32_t sp = g->sp;
    struct value old = g->stk[g->top->base + s->slot];
    push(g, old);
    struct value y = s->a->ev(g, s->a);
    push(g, y);
    rt_preempt_point(g->in->rt);
    y = pop(g);
    old = pop(g);
    struct value r = interp_binop(g, s->op, old, y, s->lhs->type, s->lhs->type);
    slot = g->top->base + s->slot;
    if (__builtin_expect(is_cellv(g, g->stk[slot]), 0)) {
        push(g, r);
        struct loc l = interp_loc(g, s->lhs);
        interp_loc_store(g, &l, g->stk[sp]);
    } else {
        g->stk[slot] = r;
    }
    g->sp = sp;
    return EX_NORMAL;
}

static enum exec_status ex_send(struct gstate *g, const struct cs *s)
{
    step(g, s);
    uint32_t sp = g->sp;
    struct value ch = s->a->ev(g, s->a);
    push(g, ch);
    struct value v = s->b->ev(g, s->b);
    v = interp_copy(g, typed(v, s->et));
    interp_chan_send(g, g->stk[sp], v);
    g->sp = sp;
    return EX_NORMAL;
}

static enum exec_status ex_for(struct gstate *g, const struct cs *s)
{
    const struct ast_stmt *as = s->s;
    if (s->init)
        s->init->ex(g, s->init);
    for (;;) {
        if (s->a) {
            uint32_t sp = g->sp;
            struct value c = s->a->ev(g, s->a);
            g->sp = sp;
            if (!c.i)
                break;
        }
        enum exec_status st = run_list(g, s->body, s->nbody);
        if (st == EX_BREAK) {
            if (g->ctl == as)
                break;
            return st;
        }
        if (st == EX_CONTINUE && g->ctl != as)
            return st;
        if (st == EX_RETURN || st == EX_GOTO)
            return st;
        if (as->u.fors.per_iteration)
            interp_fresh_loopvars(g, as);
        if (s->post)
            s->post->ex(g, s->post);
        else
            interp_tick(g);
    }
    return EX_NORMAL;
}

/* range, switch, type switch and select: the walker's statement code with
 * compiled bodies */
static enum exec_status run_case(struct gstate *g, const void *ud, int i)
{
    const struct cs *s = ud;
    return run_list(g, s->cbody[i], s->cn[i]);
}

static enum exec_status ex_range(struct gstate *g, const struct cs *s)
{
    step(g, s);
    struct interp_bodies b = {run_case, s};
    return interp_exec_range(g, s->s, &b);
}

static enum exec_status ex_switch(struct gstate *g, const struct cs *s)
{
    step(g, s);
    struct interp_bodies b = {run_case, s};
    return interp_exec_switch(g, s->s, &b);
}

static enum exec_status ex_typeswitch(struct gstate *g, const struct cs *s)
{
    step(g, s);
    struct interp_bodies b = {run_case, s};
    return interp_exec_typeswitch(g, s->s, &b);
}

static enum exec_status ex_select(struct gstate *g, const struct cs *s)
{
    step(g, s);
    struct interp_bodies b = {run_case, s};
    return interp_exec_select(g, s->s, &b);
}

static enum exec_status ex_labeled(struct gstate *g, const struct cs *s)
{
    return s->init->ex(g, s->init);
}

static enum exec_status ex_nothing(struct gstate *g, const struct cs *s)
{
    (void)g;
    (void)s;
    return EX_NORMAL;
}

/* ---- compiling statements --------------------------------------------------------------- */

static const struct cs *cstmt(struct gstate *g, const struct ast_stmt *s);

static struct cs *new_cs(struct gstate *g, cs_fn *ex, const struct ast_stmt *s)
{
    struct cs *c = code_alloc(g->in, sizeof *c);
    c->ex = ex;
    c->s = s;
    c->pos = s->pos;
    return c;
}

static const struct cs **clist(struct gstate *g, struct ast_stmt **stmts, int n, uint32_t *count)
{
    const struct cs **l = code_alloc(g->in, (size_t)(n + 1) * sizeof *l);
    uint32_t k = 0;
    for (int i = 0; i < n; i++) {
        enum stmt_kind sk = stmts[i]->kind;
        if (sk == ST_EMPTY || sk == ST_CONST || sk == ST_TYPE)
            continue;
        l[k++] = cstmt(g, stmts[i]);
    }
    *count = k;
    return l;
}

static bool scalar_type(const struct type *t)
{
    if (!t)
        return false;
    enum type_kind k = t->underlying->kind;
    return k != T_STRUCT && k != T_ARRAY && k != T_CHAN && k != T_TUPLE;
}

static const struct cs *cassign(struct gstate *g, const struct ast_stmt *s)
{
    if (s->u.assign.nlhs != 1 || s->u.assign.nrhs != 1)
        return NULL;
    const struct ast_expr *lhs = ast_unparen(s->u.assign.lhs[0]);
    const struct ast_expr *rhs = s->u.assign.rhs[0];
    if (s->u.assign.op != OP_NONE) {
        if (!is_plain_local(lhs) || !(int64_kind(lhs->type) || uint64_kind(lhs->type)))
            return NULL;
        struct cs *c = new_cs(g, ex_opassign_local, s);
        c->slot = local_slot(lhs);
        c->lhs = lhs;
        c->op = s->u.assign.op;
        c->a = cexpr(g, rhs);
        return c;
    }
    if (s->u.assign.define && s->u.assign.vars && s->u.assign.vars[0]) {
        const struct ast_var *v = s->u.assign.vars[0];
        if (v->captured || !scalar_type(v->type) || !rhs->type || rhs->type->kind == T_TUPLE)
            return NULL;
        enum type_kind vk = v->type->underlying->kind;
        if (vk == T_INTERFACE)
            return NULL; /* the value may be a struct: copied by declare */
        struct cs *c = new_cs(g, ex_set_local, s);
        c->var = v;
        c->slot = (uint32_t)v->index;
        c->a = cexpr(g, rhs);
        return c;
    }
    if (s->u.assign.define)
        return NULL;
    if (!is_plain_local(lhs) || !scalar_type(lhs->type) ||
        lhs->type->underlying->kind == T_INTERFACE || !rhs->type || rhs->type->kind == T_TUPLE)
        return NULL;
    struct cs *c = new_cs(g, ex_set_local, s);
    c->lhs = lhs;
    c->slot = local_slot(lhs);
    c->a = cexpr(g, rhs);
    return c;
}

static const struct cs *cstmt_inner(struct gstate *g, const struct ast_stmt *s)
{
    const struct ast_func *d = g->top->fn->decl;
    switch (s->kind) {
    case ST_EMPTY:
    case ST_CONST:
    case ST_TYPE: return new_cs(g, ex_nothing, s);
    case ST_BLOCK: {
        struct cs *c = new_cs(g, ex_block, s);
        c->body = clist(g, s->u.block.stmts, s->u.block.nstmts, &c->nbody);
        return c;
    }
    case ST_LABELED: {
        struct cs *c = new_cs(g, ex_labeled, s);
        c->init = cstmt(g, s->u.labeled.stmt);
        return c;
    }
    case ST_EXPR: {
        const struct ast_expr *e = ast_unparen(s->u.expr);
        const struct cx *x = cexpr(g, e);
        struct cs *c = new_cs(
            g, x->ev == ev_call || x->ev == ev_call1 || x->ev == ev_call1_lk ? ex_call : ex_expr,
            s);
        c->a = x;
        return c;
    }
    case ST_IF: {
        if (s->u.ifs.then->kind != ST_BLOCK)
            return NULL;
        struct cs *c = new_cs(g, ex_if, s);
        if (s->u.ifs.init)
            c->init = cstmt(g, s->u.ifs.init);
        c->a = cexpr(g, s->u.ifs.cond);
        c->body = clist(g, s->u.ifs.then->u.block.stmts, s->u.ifs.then->u.block.nstmts, &c->nbody);
        if (s->u.ifs.els)
            c->els = cstmt(g, s->u.ifs.els);
        static cx_fn *const cmp_lk[] = {ev_lss_lk, ev_leq_lk, ev_gtr_lk,
                                        ev_geq_lk, ev_eql_lk, ev_neq_lk};
        static cs_fn *const if_lk[] = {ex_if_lss_lk, ex_if_leq_lk, ex_if_gtr_lk,
                                       ex_if_geq_lk, ex_if_eql_lk, ex_if_neq_lk};
        static cs_fn *const ifret_lk[] = {ex_ifret_lss_lk, ex_ifret_leq_lk, ex_ifret_gtr_lk,
                                          ex_ifret_geq_lk, ex_ifret_eql_lk, ex_ifret_neq_lk};
        bool ret = !c->init && !c->els && c->nbody == 1 && c->body[0]->ex == ex_return1_scalar;
        for (size_t i = 0; i < sizeof if_lk / sizeof if_lk[0]; i++)
            if (c->a->ev == cmp_lk[i])
                c->ex = ret ? ifret_lk[i] : if_lk[i];
        return c;
    }
    case ST_FOR: {
        struct cs *c = new_cs(g, ex_for, s);
        if (s->u.fors.init)
            c->init = cstmt(g, s->u.fors.init);
        if (s->u.fors.cond)
            c->a = cexpr(g, s->u.fors.cond);
        if (s->u.fors.post)
            c->post = cstmt(g, s->u.fors.post);
        c->body =
            clist(g, s->u.fors.body->u.block.stmts, s->u.fors.body->u.block.nstmts, &c->nbody);
        return c;
    }
    case ST_RETURN: {
        int n = s->u.ret.nresults;
        if (n == 0)
            return new_cs(g, ex_return0, s);
        if (n != 1 || d->nresults != 1)
            return NULL;
        const struct ast_var *rv = d->results[0];
        struct cs *c = new_cs(g, ex_return1, s);
        c->var = rv;
        c->slot = (uint32_t)rv->index;
        enum type_kind rk = rv->type->underlying->kind;
        c->inc = rk == T_STRUCT || rk == T_ARRAY || rk == T_INTERFACE;
        c->a = cexpr(g, s->u.ret.results[0]);
        if (!c->inc) {
            c->ex = ex_return1_scalar;
            c->et = rv->type;
        }
        return c;
    }
    case ST_BRANCH: {
        struct cs *c = new_cs(g, ex_branch, s);
        switch (s->u.branch.tok) {
        case TK_BREAK: c->slot = EX_BREAK; break;
        case TK_CONTINUE: c->slot = EX_CONTINUE; break;
        case TK_FALLTHROUGH: c->slot = EX_FALLTHROUGH; break;
        default: c->slot = EX_GOTO; break;
        }
        return c;
    }
    case ST_INCDEC: {
        const struct ast_expr *x = ast_unparen(s->u.incdec.x);
        if (!is_plain_local(x) || !(int64_kind(x->type) || uint64_kind(x->type)))
            return NULL;
        struct cs *c = new_cs(g, ex_incdec_local, s);
        c->slot = local_slot(x);
        c->inc = s->u.incdec.inc;
        c->et = x->type;
        return c;
    }
    case ST_ASSIGN: return cassign(g, s);
    case ST_RANGE: {
        struct cs *c = new_cs(g, ex_range, s);
        const struct cs ***cb = code_alloc(g->in, sizeof *cb);
        uint32_t *cn = code_alloc(g->in, sizeof *cn);
        cb[0] = clist(g, s->u.range.body->u.block.stmts, s->u.range.body->u.block.nstmts, &cn[0]);
        c->cbody = (const struct cs **const *)cb;
        c->cn = cn;
        return c;
    }
    case ST_SWITCH:
    case ST_TYPESWITCH:
    case ST_SELECT: {
        struct cs *c = new_cs(g,
                              s->kind == ST_SWITCH       ? ex_switch
                              : s->kind == ST_TYPESWITCH ? ex_typeswitch
                                                         : ex_select,
                              s);
        int n = s->u.sw.ncases;
        const struct cs ***cb = code_alloc(g->in, (size_t)(n + 1) * sizeof *cb);
        uint32_t *cn = code_alloc(g->in, (size_t)(n + 1) * sizeof *cn);
        for (int i = 0; i < n; i++)
            cb[i] = clist(g, s->u.sw.cases[i].body, s->u.sw.cases[i].nbody, &cn[i]);
        c->cbody = (const struct cs **const *)cb;
        c->cn = cn;
        return c;
    }
    case ST_SEND: {
        struct cs *c = new_cs(g, ex_send, s);
        c->a = cexpr(g, s->u.send.ch);
        c->b = cexpr(g, s->u.send.value);
        c->et = s->u.send.ch->type->underlying->u.chan.elem;
        return c;
    }
    default: return NULL;
    }
}

static const struct cs *cstmt(struct gstate *g, const struct ast_stmt *s)
{
    const struct cs *c = cstmt_inner(g, s);
    return c ? c : new_cs(g, ex_generic, s);
}

/* ---- entry points ---------------------------------------------------------------------- */

void interp_compile(struct gstate *g, struct ifunc *fn)
{
    const struct ast_func *d = fn->decl;
    struct cfunc *cf = code_alloc(g->in, sizeof *cf);
    cf->body = clist(g, d->body->u.block.stmts, d->body->u.block.nstmts, &cf->nbody);
    cf->nparams = fn->nparams;
    cf->nslots = fn->nslots;
    cf->nres = fn->nresults;
    cf->pos = d->pos;
    cf->ridx = code_alloc(g->in, (cf->nres + 1) * sizeof *cf->ridx);
    cf->rzero = code_alloc(g->in, (cf->nres + 1) * sizeof *cf->rzero);
    cf->simple = !d->has_defer && !fn->cap_params;
    for (uint32_t i = 0; i < cf->nres; i++) {
        const struct ast_var *rv = d->results[i];
        enum type_kind rk = rv->type->underlying->kind;
        cf->ridx[i] = (uint32_t)rv->index;
        cf->rzero[i] = (struct value){.p = NULL, .t = rk == T_INTERFACE ? NULL : rv->type};
        if (rv->captured || rk == T_STRUCT || rk == T_ARRAY || cf->ridx[i] < i)
            cf->simple = false;
    }
    cf->simple1 = cf->simple && cf->nres == 1;
    memset(&cf->entry, 0, sizeof cf->entry);
    cf->entry.fn = fn;
    cf->entry.clo_slot = UINT32_MAX;
    cf->entry.pos = cf->pos;
    cf->ntmpl = cf->nslots + 1 - cf->nparams;
    cf->tmpl = code_alloc(g->in, cf->ntmpl * sizeof *cf->tmpl);
    for (uint32_t i = 0; i < cf->nres; i++)
        if (cf->ridx[i] >= cf->nparams && cf->ridx[i] < cf->nslots)
            cf->tmpl[cf->ridx[i] - cf->nparams] = cf->rzero[i];
    fn->code = cf;
}

enum exec_status interp_run_code(struct gstate *g, const struct cfunc *cf)
{
    return run_list(g, cf->body, cf->nbody);
}
