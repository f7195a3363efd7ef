/* lib_misc.c: natives of os, runtime, errors, context, sort, math and
 * math/rand. */
#include "interp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct type *result_type(struct gstate *g, int i)
{
    return g->top->fn->decl->type->u.func.results[i];
}

/* ---- os ----------------------------------------------------------------------------- */

static void n_os_args(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    const char *const *args = in->args;
    int n = in->nargs;
    const char *dflt[1];
    if (!args || n == 0) {
        dflt[0] = in->nfiles && in->files[0] ? in->files[0] : "main";
        args = dflt;
        n = 1;
    }
    struct vbox *arr = interp_box(g, (uint32_t)n);
    g->stk[base] = (struct value){.p = arr, .t = in->ty.t_internal};
    for (int i = 0; i < n; i++) {
        struct value s = interp_str(g, args[i], strlen(args[i]));
        ((struct vbox *)g->stk[base].p)->v[i] = s;
    }
    struct vslice *sl = interp_alloc(g, GC_SLICE, sizeof *sl);
    sl->arr = g->stk[base].p;
    sl->len = sl->cap = (uint32_t)n;
    g->stk[base] = (struct value){.p = sl, .t = in->ty.t_strings};
}

static void n_os_write(struct gstate *g, uint32_t base)
{
    int fd = (int)g->stk[base].i;
    struct value b = g->stk[base + 1];
    uint32_t n = slice_len(b);
    if (race_on(g))
        for (uint32_t i = 0; i < n; i++)
            race_read_var(g, slice_at(b, i), g->in->ty.t_uint8);
    char *buf = lv_malloc(n + 1);
    for (uint32_t i = 0; i < n; i++)
        buf[i] = (char)slice_at(b, i)->u;
    interp_write(g->in, fd == 2 ? 2 : 1, buf, n);
    free(buf);
    g->stk[base] = value_int(g->in->ty.t_int, n);
}

static void n_os_write_string(struct gstate *g, uint32_t base)
{
    int fd = (int)g->stk[base].i;
    struct value s = g->stk[base + 1];
    interp_write(g->in, fd == 2 ? 2 : 1, str_ptr(s), str_len(s));
    g->stk[base] = value_int(g->in->ty.t_int, (int64_t)str_len(s));
}

static void n_os_exit(struct gstate *g, uint32_t base)
{
    interp_drain_quit(g);
    struct interp *in = g->in;
    int code = (int)g->stk[base].i;
    in->status = code ? LANG_RUN_EXIT : LANG_RUN_OK;
    in->os_exit = true;
    rt_exit(in->rt, code);
}

/* ---- runtime ------------------------------------------------------------------------- */

static void n_gosched(struct gstate *g, uint32_t base)
{
    (void)base;
    rt_gosched(g->in->rt);
}

static void n_num_goroutine(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_int(g->in->ty.t_int, (int64_t)g->in->goroutines);
}

static void n_gomaxprocs(struct gstate *g, uint32_t base)
{
    struct rt_snapshot *s = rt_snapshot_new(g->in->rt);
    int64_t n = s ? (int64_t)s->nps : 1;
    rt_snapshot_free(s);
    g->stk[base] = value_int(g->in->ty.t_int, n);
}

static void n_num_cpu(struct gstate *g, uint32_t base)
{
    n_gomaxprocs(g, base);
}

static void n_stack(struct gstate *g, uint32_t base)
{
    struct value buf = g->stk[base];
    bool all = g->stk[base + 1].i != 0;
    /* Go's trace starts at Stack's caller: hide this native's own frame */
    struct frame *self = g->top;
    g->top = self->up;
    char *dump = rt_dump_new(g->in->rt, all ? NULL : g->g);
    g->top = self;
    uint32_t n = slice_len(buf);
    size_t len = dump ? strlen(dump) : 0; /* ends with a newline, as Go's */
    if (len < n)
        n = (uint32_t)len;
    for (uint32_t i = 0; i < n; i++)
        slice_at(buf, i)->u = (unsigned char)dump[i];
    free(dump);
    g->stk[base] = value_int(g->in->ty.t_int, n);
}

static void n_gc(struct gstate *g, uint32_t base)
{
    (void)base;
    heap_collect(g->in->heap);
}

static void n_goexit(struct gstate *g, uint32_t base)
{
    (void)base;
    interp_goexit(g);
}

/* ---- errors and context --------------------------------------------------------------- */

static bool comparable_type(const struct type *t)
{
    if (!t)
        return true;
    const struct type *u = t->underlying;
    switch (u->kind) {
    case T_SLICE:
    case T_MAP:
    case T_FUNC: return false;
    case T_STRUCT:
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (u->u.strct.fields[i].type->underlying->kind != T_INTERFACE &&
                !comparable_type(u->u.strct.fields[i].type))
                return false;
        return true;
    case T_ARRAY: return comparable_type(u->u.array.elem);
    default: return true;
    }
}

static void n_comparable(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_bool(g->in->ty.t_bool, comparable_type(g->stk[base].t));
}

static void n_assign_to(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    struct value err = g->stk[base], target = g->stk[base + 1];
    if (!target.t || target.t->underlying->kind != T_POINTER || !target.p)
        interp_panic_str(g, "errors: target must be a non-nil pointer");
    const struct type *et = target.t->underlying->u.array.elem;
    bool ok;
    if (et->underlying->kind == T_INTERFACE)
        ok = err.t && types_implements(in->ts, (struct type *)err.t, (struct type *)et, NULL, NULL);
    else {
        if (!types_implements(in->ts, (struct type *)et, (struct type *)in->ty.t_error, NULL, NULL))
            interp_panic_str(g, "errors: *target must be interface or implement error");
        ok = err.t == et;
    }
    if (ok) {
        enum type_kind k = et->underlying->kind;
        if (k == T_STRUCT || k == T_ARRAY) {
            struct value dst = {.p = target.p, .t = et};
            struct vbox *holder = interp_box(g, 1);
            holder->v[0] = dst;
            value_store(in->heap, &holder->v[0], interp_copy(g, err));
        } else {
            *ptr_slot(target) = err;
        }
    }
    g->stk[base] = value_bool(in->ty.t_bool, ok);
}

static void n_type_name(struct gstate *g, uint32_t base)
{
    char buf[256];
    type_name(g->stk[base].t, buf, sizeof buf);
    g->stk[base] = interp_str(g, buf, strlen(buf));
}

/* ---- sort ------------------------------------------------------------------------------- */

/* swapper_panic panics as reflect.Swapper does for a value that is not a
 * slice: "reflect: call of Swapper on KIND Value" (reflect's kind names),
 * or "... on zero Value" for nil. */
static _Noreturn void swapper_panic(struct gstate *g, const struct type *t)
{
    static const char *const basic[] = {
        [T_BOOL] = "bool",       [T_INT] = "int",         [T_INT8] = "int8",
        [T_INT16] = "int16",     [T_INT32] = "int32",     [T_INT64] = "int64",
        [T_UINT] = "uint",       [T_UINT8] = "uint8",     [T_UINT16] = "uint16",
        [T_UINT32] = "uint32",   [T_UINT64] = "uint64",   [T_UINTPTR] = "uintptr",
        [T_FLOAT32] = "float32", [T_FLOAT64] = "float64", [T_STRING] = "string",
    };
    const char *kind = "zero";
    if (t) {
        switch (t->underlying->kind) {
        case T_ARRAY: kind = "array"; break;
        case T_CHAN: kind = "chan"; break;
        case T_FUNC: kind = "func"; break;
        case T_MAP: kind = "map"; break;
        case T_POINTER: kind = "ptr"; break;
        case T_STRUCT: kind = "struct"; break;
        default:
            if (t->underlying->kind <= T_STRING && basic[t->underlying->kind])
                kind = basic[t->underlying->kind];
            break;
        }
    }
    char msg[80];
    snprintf(msg, sizeof msg, "reflect: call of Swapper on %s Value", kind);
    interp_panic_str(g, msg);
}

static void n_len_of(struct gstate *g, uint32_t base)
{
    struct value x = g->stk[base];
    if (!x.t || x.t->underlying->kind != T_SLICE)
        swapper_panic(g, x.t);
    g->stk[base] = value_int(g->in->ty.t_int, slice_len(x));
}

static void n_swap(struct gstate *g, uint32_t base)
{
    struct value x = g->stk[base];
    int64_t i = g->stk[base + 1].i, j = g->stk[base + 2].i;
    uint32_t n = slice_len(x);
    if (i < 0 || j < 0 || i >= n || j >= n)
        interp_panic_rt(g, RTE_BOUNDS, "index out of range [%lld] with length %u",
                        (long long)(i < 0 || i >= n ? i : j), n);
    if (race_on(g)) {
        /* reflect.Swapper: reads and writes both elements */
        const struct type *et = x.t->underlying->u.array.elem;
        race_load(g, slice_at(x, (uint32_t)i), et);
        race_load(g, slice_at(x, (uint32_t)j), et);
        race_store(g, slice_at(x, (uint32_t)i), et);
        race_store(g, slice_at(x, (uint32_t)j), et);
    }
    struct value t = *slice_at(x, (uint32_t)i);
    *slice_at(x, (uint32_t)i) = *slice_at(x, (uint32_t)j);
    *slice_at(x, (uint32_t)j) = t;
}

/* ---- math ---------------------------------------------------------------------------------- */

#define M1(name, fn)                                                                               \
    static void name(struct gstate *g, uint32_t base)                                              \
    {                                                                                              \
        g->stk[base] = value_float(g->in->ty.t_float64, fn(g->stk[base].f));                       \
    }
#define M2(name, fn)                                                                               \
    static void name(struct gstate *g, uint32_t base)                                              \
    {                                                                                              \
        g->stk[base] = value_float(g->in->ty.t_float64, fn(g->stk[base].f, g->stk[base + 1].f));   \
    }

static double go_round(double x)
{
    return round(x);
}

M1(n_sqrt, sqrt)
M2(n_pow, pow)
M1(n_exp, exp)
M1(n_log, log)
M1(n_log2, log2)
M1(n_log10, log10)
M1(n_floor, floor)
M1(n_ceil, ceil)
M1(n_trunc, trunc)
M1(n_round, go_round)
M2(n_mod, fmod)
M1(n_sin, sin)
M1(n_cos, cos)
M1(n_tan, tan)
M1(n_atan, atan)
M2(n_atan2, atan2)
M2(n_hypot, hypot)
M1(n_cbrt, cbrt)

static void n_inf(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_float(g->in->ty.t_float64, g->stk[base].i >= 0 ? INFINITY : -INFINITY);
}

static void n_nan(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_float(g->in->ty.t_float64, NAN);
}

static void n_f64bits(struct gstate *g, uint32_t base)
{
    uint64_t u;
    double f = g->stk[base].f;
    memcpy(&u, &f, sizeof u);
    g->stk[base] = value_int(g->in->ty.t_uint64, (int64_t)u);
}

static void n_f64frombits(struct gstate *g, uint32_t base)
{
    double f;
    uint64_t u = g->stk[base].u;
    memcpy(&f, &u, sizeof f);
    g->stk[base] = value_float(g->in->ty.t_float64, f);
}

static void n_f32bits(struct gstate *g, uint32_t base)
{
    float f = (float)g->stk[base].f;
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    g->stk[base] = value_int(g->in->ty.t_uint32, u);
}

static void n_f32frombits(struct gstate *g, uint32_t base)
{
    uint32_t u = (uint32_t)g->stk[base].u;
    float f;
    memcpy(&f, &u, sizeof f);
    g->stk[base] = value_float(result_type(g, 0), f);
}

static void n_run_seed(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_int(g->in->ty.t_int64, (int64_t)g->in->seed);
}

const struct native_entry lib_misc_natives[] = {
    {"os.args", n_os_args},
    {"os.write", n_os_write},
    {"os.writeString", n_os_write_string},
    {"os.Exit", n_os_exit},
    {"runtime.Gosched", n_gosched},
    {"runtime.NumGoroutine", n_num_goroutine},
    {"runtime.GOMAXPROCS", n_gomaxprocs},
    {"runtime.NumCPU", n_num_cpu},
    {"runtime.Stack", n_stack},
    {"runtime.GC", n_gc},
    {"runtime.Goexit", n_goexit},
    {"errors.comparable", n_comparable},
    {"errors.assignTo", n_assign_to},
    {"context.comparable", n_comparable},
    {"context.typeName", n_type_name},
    {"sort.lenOf", n_len_of},
    {"sort.swap", n_swap},
    {"math.Sqrt", n_sqrt},
    {"math.Pow", n_pow},
    {"math.Exp", n_exp},
    {"math.Log", n_log},
    {"math.Log2", n_log2},
    {"math.Log10", n_log10},
    {"math.Floor", n_floor},
    {"math.Ceil", n_ceil},
    {"math.Trunc", n_trunc},
    {"math.Round", n_round},
    {"math.Mod", n_mod},
    {"math.Sin", n_sin},
    {"math.Cos", n_cos},
    {"math.Tan", n_tan},
    {"math.Atan", n_atan},
    {"math.Atan2", n_atan2},
    {"math.Hypot", n_hypot},
    {"math.Cbrt", n_cbrt},
    {"math.Inf", n_inf},
    {"math.NaN", n_nan},
    {"math.Float64bits", n_f64bits},
    {"math.Float64frombits", n_f64frombits},
    {"math.Float32bits", n_f32bits},
    {"math.Float32frombits", n_f32frombits},
    {"math/rand.runSeed", n_run_seed},
    {"rand.runSeed", n_run_seed},
    {NULL, NULL},
};
