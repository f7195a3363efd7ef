/* check_call.c: selectors (fields, methods, package members), calls,
 * conversions and the builtin functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lex.h"

#define TS            (c->ts)
#define ERR(pos, ...) diag_error(c->d, (pos), __VA_ARGS__)

enum mode check_selector(struct checker *c, struct ast_expr *e);
enum mode check_call(struct checker *c, struct ast_expr *e, struct type *hint);

static struct type *basic(struct checker *c, enum type_kind k)
{
    return types_basic(c->ts, k);
}

static bool is_const(const struct ast_expr *e)
{
    return e->mode == M_CONST && e->cv;
}

static bool exported(const char *name)
{
    return name[0] >= 'A' && name[0] <= 'Z';
}

/* ---- selectors ------------------------------------------------------------------ */

static enum mode package_member(struct checker *c, struct ast_expr *e, struct object *po)
{
    const char *name = e->u.sel.name;
    struct ast_package *pkg = po->pkg;
    po->used = true;
    if (!pkg)
        return fail(c, e); /* an import that failed: reported there */
    struct scope *ps = pkg->scope;
    struct object *o = ps ? scope_find_local(ps, name) : NULL;
    if (!o || !exported(name)) {
        ERR(e->u.sel.name_pos, "undefined: %s.%s", po->name, name);
        return fail(c, e);
    }
    e->u.sel.kind = SELX_PKG;
    struct ast_ref *r = &e->u.sel.ref;
    struct ast_package *saved = c->pkg;
    check_resolve_object(c, o);
    c->pkg = saved;
    switch (o->kind) {
    case OBJ_TYPE:
        if (check_generic_bare(c, e, o))
            return fail(c, e);
        r->kind = REF_TYPE;
        return set(e, M_TYPE, o->type);
    case OBJ_CONST:
        r->kind = REF_CONST;
        if (!o->cv)
            return fail(c, e);
        e->cv = o->cv;
        return set(e, M_CONST, o->type);
    case OBJ_FUNC:
        r->kind = REF_FUNC;
        r->func = o->func;
        return set(e, M_VALUE, o->type);
    case OBJ_VAR:
        r->kind = REF_GLOBAL;
        r->var = o->var;
        r->index = o->var->index;
        return set(e, M_VAR, o->var->type);
    default: return fail(c, e);
    }
}

enum mode check_selector(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *x = e->u.sel.x;
    const char *name = e->u.sel.name;
    char xs[300], ts[200];
    if (x->kind == EX_IDENT) {
        struct object *o = scope_lookup(c->scope, x->u.ident.name, NULL);
        if (o && o->kind == OBJ_PKG) {
            x->u.ident.ref.kind = REF_PACKAGE;
            x->u.ident.ref.pkg = o->pkg;
            x->mode = M_PKG;
            return package_member(c, e, o);
        }
    }
    enum mode m = check_expr_or_type(c, x, NULL);
    if (m == M_INVALID)
        return fail(c, e);
    if (m == M_TYPE) {
        /* method expression T.m or (*T).m */
        struct type_selection s = types_lookup(TS, x->type, name, c->pkg);
        if (s.kind != SEL_METHOD) {
            ERR(e->u.sel.name_pos, "%s undefined (type %s has no method %s)",
                check_expr_string(e, xs, sizeof xs), check_type_string(c, x->type, ts, sizeof ts),
                name);
            return fail(c, e);
        }
        if (s.recv_addr && x->type->underlying->kind != T_POINTER) {
            /* a pointer method is not in the method set of T */
            char rs[200];
            check_type_string(c, x->type, rs, sizeof rs);
            ERR(e->u.sel.name_pos, "invalid method expression %s (needs pointer receiver (*%s).%s)",
                check_expr_string(e, xs, sizeof xs), rs, name);
            return fail(c, e);
        }
        struct type *params[65];
        const struct type *sig = s.type;
        params[0] = x->type;
        int np = sig->u.func.nparams < 64 ? sig->u.func.nparams : 64;
        for (int i = 0; i < np; i++)
            params[i + 1] = sig->u.func.params[i];
        e->u.sel.kind = SELX_METHOD_EXPR;
        e->u.sel.method = s.method;
        e->u.sel.path = s.path;
        e->u.sel.npath = s.npath;
        return set(e, M_VALUE,
                   types_func(TS, params, np + 1, sig->u.func.results, sig->u.func.nresults,
                              sig->u.func.variadic));
    }
    if (check_as_value(c, x, m) == M_INVALID)
        return fail(c, e);
    if (m == M_NIL) {
        ERR(e->u.sel.name_pos, "nil.%s undefined", name);
        return fail(c, e);
    }
    check_use(c, x);
    struct type_selection s = types_lookup(TS, x->type, name, c->pkg);
    if (s.kind == SEL_NONE && check_broken_type(x->type))
        return fail(c, e); /* a rejected recursive type: reported there */
    if (s.kind == SEL_NONE) {
        check_expr_string(e, xs, sizeof xs);
        check_type_string(c, x->type, ts, sizeof ts);
        struct type *base = x->type;
        if (base->underlying->kind == T_POINTER)
            base = base->underlying->u.array.elem;
        struct type_selection s2 =
            base->kind == T_NAMED ? types_lookup(TS, x->type, name, base->u.named.pkg) : s;
        if (s2.kind == SEL_FIELD)
            ERR(e->u.sel.name_pos, "%s undefined (cannot refer to unexported field %s)", xs, name);
        else if (s2.kind == SEL_METHOD)
            ERR(e->u.sel.name_pos, "%s undefined (cannot refer to unexported method %s)", xs, name);
        else if (x->type->underlying->kind == T_POINTER &&
                 types_is_interface(x->type->underlying->u.array.elem))
            ERR(e->u.sel.name_pos, "%s undefined (type %s is pointer to interface, not interface)",
                xs, ts);
        else
            ERR(e->u.sel.name_pos, "%s undefined (type %s has no field or method %s)", xs, ts,
                name);
        return fail(c, e);
    }
    if (s.kind == SEL_AMBIGUOUS) {
        ERR(e->u.sel.name_pos, "ambiguous selector %s", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    }
    e->u.sel.path = s.path;
    e->u.sel.npath = s.npath;
    if (s.kind == SEL_FIELD) {
        e->u.sel.kind = SELX_FIELD;
        bool via_ptr = false;
        for (int i = 0; i < s.npath; i++)
            if (s.path[i].deref)
                via_ptr = true;
        return set(e, x->mode == M_VAR || via_ptr ? M_VAR : M_VALUE, s.type);
    }
    e->u.sel.method = s.method;
    if (s.iface) {
        e->u.sel.kind = SELX_IFACE;
        const struct type *iu = s.recv_base->underlying;
        for (int i = 0; i < iu->u.iface.nmethods; i++)
            if (strcmp(iu->u.iface.methods[i].name, name) == 0)
                e->u.sel.method_index = i;
        return set(e, M_VALUE, s.type);
    }
    e->u.sel.kind = SELX_METHOD;
    e->u.sel.recv_addr = s.recv_addr;
    e->u.sel.recv_deref = s.recv_deref;
    if (s.recv_addr) {
        bool via_ptr = false;
        for (int i = 0; i < s.npath; i++)
            if (s.path[i].deref || (i == 0 && x->type->underlying->kind == T_POINTER))
                via_ptr = true;
        if (x->mode != M_VAR && !via_ptr && x->type->underlying->kind != T_POINTER) {
            ERR(e->u.sel.name_pos, "cannot call pointer method %s on %s", name,
                check_type_string(c, x->type, ts, sizeof ts));
            return fail(c, e);
        }
        if (s.npath == 0)
            check_address_taken(x);
    }
    return set(e, M_VALUE, s.type);
}

/* ---- argument lists --------------------------------------------------------------- */

static void write_have(struct checker *c, struct ast_expr **args, int n, char *buf, size_t size)
{
    size_t o = 0;
    o += (size_t)snprintf(buf + o, size - o, "(");
    for (int i = 0; i < n && o < size; i++) {
        char ts[128];
        struct ast_expr *a = args[i];
        const char *s;
        if (a->mode == M_NIL)
            s = "nil";
        else if (a->type && types_is_untyped(a->type))
            s = types_is_numeric(a->type) ? "number" : types_is_string(a->type) ? "string" : "bool";
        else if (a->type && a->type->kind == T_TUPLE) {
            check_type_string(c, a->type, ts, sizeof ts);
            size_t l = strlen(ts);
            if (l >= 2) {
                memmove(ts, ts + 1, l - 2);
                ts[l - 2] = 0;
            }
            s = ts;
        } else
            s = a->type ? check_type_string(c, a->type, ts, sizeof ts) : "?";
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", s);
    }
    if (o < size)
        snprintf(buf + o, size - o, ")");
}

static void write_want(struct checker *c, const struct type *sig, char *buf, size_t size)
{
    size_t o = 0;
    o += (size_t)snprintf(buf + o, size - o, "(");
    for (int i = 0; i < sig->u.func.nparams && o < size; i++) {
        char ts[128];
        if (sig->u.func.variadic && i == sig->u.func.nparams - 1) {
            check_type_string(c, sig->u.func.params[i]->u.array.elem, ts, sizeof ts);
            o += (size_t)snprintf(buf + o, size - o, "%s...%s", i ? ", " : "", ts);
        } else {
            check_type_string(c, sig->u.func.params[i], ts, sizeof ts);
            o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", ts);
        }
    }
    if (o < size)
        snprintf(buf + o, size - o, ")");
}

/* check_args checks a call's arguments against signature sig. */
static void check_args(struct checker *c, struct ast_expr *e, const struct type *sig)
{
    struct ast_expr **args = e->u.call.args;
    int nargs = e->u.call.nargs;
    int np = sig->u.func.nparams;
    bool variadic = sig->u.func.variadic;
    char fs[200], have[400], want[400], ctx[260];
    fs[0] = ctx[0] = 0;
#define FS  (check_expr_string(e->u.call.fun, fs, sizeof fs))
#define CTX (snprintf(ctx, sizeof ctx, "argument to %s", FS), ctx)
    e->u.call.variadic_from = -1;

    /* f(g()) with multi-valued g */
    if (nargs == 1 && !e->u.call.has_dots) {
        struct ast_expr *a = args[0];
        enum mode m = check_expr(c, a, np == 1 ? sig->u.func.params[0] : NULL);
        if (m == M_INVALID)
            return;
        if (a->type && a->type->kind == T_TUPLE && a->type->u.tuple.n != 1) {
            const struct type *tt = a->type;
            int n = tt->u.tuple.n;
            e->u.call.tuple_arg = true;
            bool count_ok = variadic ? n >= np - 1 : n == np;
            if (!count_ok) {
                write_have(c, args, 1, have, sizeof have);
                write_want(c, sig, want, sizeof want);
                ERR(n < np ? e->u.call.rparen : a->pos,
                    "%s arguments in call to %s\n\thave %s\n\twant %s",
                    n < np ? "not enough" : "too many", FS, have, want);
                return;
            }
            for (int i = 0; i < n; i++) {
                struct type *pt = variadic && i >= np - 1 ? sig->u.func.params[np - 1]->u.array.elem
                                                          : sig->u.func.params[i];
                if (!types_assignable(TS, tt->u.tuple.elems[i], pt)) {
                    char ts[128], ps[128];
                    ERR(a->pos, "cannot use %s (value of type %s) as %s value in %s", FS,
                        check_type_string(c, tt->u.tuple.elems[i], ts, sizeof ts),
                        check_type_string(c, pt, ps, sizeof ps), CTX);
                    return;
                }
            }
            if (variadic)
                e->u.call.variadic_from = np - 1;
            return;
        }
        if (m == M_NOVALUE || m == M_TYPE || m == M_BUILTIN || m == M_PKG) {
            check_as_value(c, a, m);
            return;
        }
    } else {
        for (int i = 0; i < nargs; i++) {
            struct type *hint = NULL;
            if (i < np - (variadic ? 1 : 0))
                hint = sig->u.func.params[i];
            else if (variadic && np > 0)
                hint = e->u.call.has_dots ? sig->u.func.params[np - 1]
                                          : sig->u.func.params[np - 1]->u.array.elem;
            check_value(c, args[i], hint);
        }
    }
    for (int i = 0; i < nargs; i++)
        if (args[i]->mode == M_INVALID)
            return;

    if (e->u.call.has_dots) {
        if (!variadic) {
            ERR(e->pos, "cannot use ... in call to non-variadic %s", FS);
            return;
        }
        if (nargs != np) {
            write_have(c, args, nargs, have, sizeof have);
            write_want(c, sig, want, sizeof want);
            ERR(nargs < np ? e->u.call.rparen : args[np]->pos,
                "%s arguments in call to %s\n\thave %s\n\twant %s",
                nargs < np ? "not enough" : "too many", FS, have, want);
            return;
        }
        for (int i = 0; i < nargs; i++)
            check_assign_to(c, &args[i], sig->u.func.params[i], NULL);
        return;
    }
    bool ok = variadic ? nargs >= np - 1 : nargs == np;
    if (!ok) {
        write_have(c, args, nargs, have, sizeof have);
        write_want(c, sig, want, sizeof want);
        bool few = nargs < np;
        struct pos at = few ? (nargs ? args[nargs - 1]->pos : e->u.call.rparen) : args[np]->pos;
        if (few && nargs == 0)
            at = e->u.call.rparen;
        ERR(at, "%s arguments in call to %s\n\thave %s\n\twant %s", few ? "not enough" : "too many",
            FS, have, want);
        return;
    }
    for (int i = 0; i < nargs; i++) {
        struct type *pt = variadic && i >= np - 1 ? sig->u.func.params[np - 1]->u.array.elem
                                                  : sig->u.func.params[i];
        check_assign_to(c, &args[i], pt, NULL);
    }
    if (variadic)
        e->u.call.variadic_from = np - 1;
}
#undef FS
#undef CTX

static enum mode call_result(struct checker *c, struct ast_expr *e, const struct type *sig)
{
    int n = sig->u.func.nresults;
    if (n == 0)
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    if (n == 1)
        return set(e, M_VALUE, sig->u.func.results[0]);
    return set(e, M_VALUE, types_tuple(TS, sig->u.func.results, n));
}

/* ---- conversions -------------------------------------------------------------------- */

static enum mode check_conversion(struct checker *c, struct ast_expr *e, struct type *t)
{
    char os[300], ts[200];
    int nargs = e->u.call.nargs;
    check_type_string(c, t, ts, sizeof ts);
    if (nargs != 1) {
        ERR(nargs ? e->u.call.args[1]->pos : e->u.call.rparen, "%s arguments in conversion to %s",
            nargs ? "too many" : "missing", ts);
        for (int i = 0; i < nargs; i++)
            check_expr(c, e->u.call.args[i], NULL);
        return fail(c, e);
    }
    struct ast_expr *x = e->u.call.args[0];
    if (check_value(c, x, t) == M_INVALID || t->kind == T_INVALID)
        return fail(c, e);
    check_use(c, x);
    struct ast_expr *conv = e;
    bool ok;
    if (x->mode == M_NIL) {
        enum type_kind k = t->underlying->kind;
        ok = k == T_POINTER || k == T_FUNC || k == T_SLICE || k == T_MAP || k == T_CHAN ||
             k == T_INTERFACE;
        if (!ok) {
            ERR(x->pos, "cannot convert nil to type %s", ts);
            return fail(c, e);
        }
        conv->kind = EX_CONVERT;
        conv->u.convert.x = x;
        conv->u.convert.implicit = false;
        return set(conv, M_VALUE, t);
    }
    if (is_const(x) && t->underlying->kind <= T_STRING && t->underlying->kind != T_INVALID) {
        /* constant conversion: the result is a constant of type t */
        struct const_val *v = NULL;
        bool trunc = false;
        if (types_is_string(t) && types_is_integer(x->type) && x->cv->kind == CONST_INT) {
            char buf[8];
            const_int r = x->cv->i;
            int n = lex_utf8_encode(buf, r < 0 || r > 0x10FFFF ? 0xFFFD : (int32_t)r);
            v = const_new_string(c->a, arena_strndup(c->a, buf, (size_t)n), (size_t)n);
        } else if ((types_is_numeric(t) && types_is_numeric(x->type)) ||
                   (types_is_string(t) && types_is_string(x->type)) ||
                   (types_is_boolean(t) && types_is_boolean(x->type))) {
            /* the folded value lives in the arena: const_convert may return
             * its argument (bool and string constants) */
            v = const_convert(c->a, x->cv, t, &trunc);
            if (!v) {
                if (trunc || (x->cv->kind == CONST_FLOAT && types_is_integer(t)))
                    ERR(x->pos, "cannot convert %s to type %s",
                        check_operand_string(c, x, os, sizeof os), ts);
                else if (types_is_numeric(t) && types_is_numeric(x->type)) {
                    char vs[100];
                    ERR(x->pos, "constant %s overflows %s", const_string(x->cv, vs, sizeof vs), ts);
                } else {
                    ERR(x->pos, "cannot convert %s to type %s",
                        check_operand_string(c, x, os, sizeof os), ts);
                }
                return fail(c, e);
            }
        } else {
            ERR(x->pos, "cannot convert %s to type %s", check_operand_string(c, x, os, sizeof os),
                ts);
            return fail(c, e);
        }
        if (types_is_untyped(x->type)) {
            /* give the operand its own default type for the interpreter */
            if (types_is_numeric(x->type) && types_is_numeric(t)) {
                bool tr;
                struct const_val *xv = const_convert(c->a, x->cv, t, &tr);
                if (xv) {
                    x->cv = xv;
                    x->type = t;
                }
            } else {
                check_default(c, x);
            }
        }
        conv->kind = EX_CONVERT;
        conv->u.convert.x = x;
        conv->u.convert.implicit = false;
        conv->cv = v;
        return set(conv, M_CONST, t);
    }
    if (types_is_untyped(x->type)) {
        const char *why = NULL;
        struct type *target = types_is_interface(t) ? types_default(TS, x->type) : t;
        if (types_is_numeric(x->type) && types_is_numeric(target)) {
            /* non-constant untyped (shift result): takes the target type */
        }
        (void)why;
        check_default(c, x);
        if (!types_is_interface(t) && types_convertible(TS, x->type, t)) {
            /* e.g. float64(1 << s) */
        }
        (void)target;
    }
    ok = types_convertible(TS, x->type, t);
    if (!ok) {
        ERR(x->pos, "cannot convert %s to type %s", check_operand_string(c, x, os, sizeof os), ts);
        return fail(c, e);
    }
    conv->kind = EX_CONVERT;
    conv->u.convert.x = x;
    conv->u.convert.implicit = false;
    return set(conv, M_VALUE, t);
}

/* ---- builtins ------------------------------------------------------------------------- */

/* has_call_or_recv: e contains a channel receive or a non-constant call,
 * which len and cap of an array must evaluate (Go's rule for when they are
 * constant). Function literals' bodies do not count. */
static bool has_call_or_recv(const struct ast_expr *e, int depth)
{
    if (!e || depth > 1000)
        return false;
    if (e->mode == M_CONST)
        return false;
    switch (e->kind) {
    case EX_CALL: return true; /* conversions of non-constants included: harmless */
    case EX_UNARY: return e->u.unary.op == OP_ARROW || has_call_or_recv(e->u.unary.x, depth + 1);
    case EX_PAREN:
    case EX_STAR: return has_call_or_recv(e->u.unary.x, depth + 1);
    case EX_SELECTOR: return has_call_or_recv(e->u.sel.x, depth + 1);
    case EX_INDEX:
        return has_call_or_recv(e->u.index.x, depth + 1) ||
               has_call_or_recv(e->u.index.index, depth + 1);
    case EX_SLICE:
        return has_call_or_recv(e->u.slice.x, depth + 1) ||
               has_call_or_recv(e->u.slice.lo, depth + 1) ||
               has_call_or_recv(e->u.slice.hi, depth + 1) ||
               has_call_or_recv(e->u.slice.max, depth + 1);
    case EX_TYPEASSERT: return has_call_or_recv(e->u.assert.x, depth + 1);
    case EX_BINARY:
        return has_call_or_recv(e->u.binary.x, depth + 1) ||
               has_call_or_recv(e->u.binary.y, depth + 1);
    case EX_CONVERT: return has_call_or_recv(e->u.convert.x, depth + 1);
    case EX_COMPOSITE:
        for (int i = 0; i < e->u.composite.nelts; i++)
            if (has_call_or_recv(e->u.composite.elts[i], depth + 1))
                return true;
        return false;
    case EX_KEYVALUE:
        return has_call_or_recv(e->u.kv.key, depth + 1) ||
               has_call_or_recv(e->u.kv.value, depth + 1);
    default: return false;
    }
}

static const char *builtin_name(enum builtin_id b)
{
    static const char *const n[] = {"",       "append", "cap",     "clear",  "close", "copy",
                                    "delete", "len",    "make",    "max",    "min",   "new",
                                    "panic",  "print",  "println", "recover"};
    return b <= BI_RECOVER ? n[b] : "?";
}

static bool nargs_ok(struct checker *c, struct ast_expr *e, int min, int max)
{
    int n = e->u.call.nargs;
    char xs[300];
    if (n < min) {
        ERR(e->u.call.rparen, "not enough arguments for %s (expected %d, found %d)",
            check_expr_string(e, xs, sizeof xs), min, n);
        return false;
    }
    if (max >= 0 && n > max) {
        ERR(e->u.call.args[max]->pos, "too many arguments for %s (expected %d, found %d)",
            check_expr_string(e, xs, sizeof xs), max, n);
        return false;
    }
    return true;
}

static enum mode check_builtin(struct checker *c, struct ast_expr *e, enum builtin_id b,
                               struct type *hint)
{
    struct ast_expr **args = e->u.call.args;
    int n = e->u.call.nargs;
    const char *name = builtin_name(b);
    char os[300], ts[200];
    e->u.call.kind = CALL_BUILTIN;
    e->u.call.builtin = b;
    e->u.call.variadic_from = -1;
    if (e->u.call.has_dots && b != BI_APPEND) {
        ERR(e->pos, "invalid operation: invalid use of ... with built-in %s", name);
        return fail(c, e);
    }
    switch (b) {
    case BI_LEN:
    case BI_CAP: {
        if (!nargs_ok(c, e, 1, 1))
            return fail(c, e);
        struct ast_expr *x = args[0];
        if (check_value(c, x, NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, x);
        const struct type *u = x->type->underlying;
        if (u->kind == T_POINTER && u->u.array.elem->underlying->kind == T_ARRAY)
            u = u->u.array.elem->underlying;
        bool ok = u->kind == T_ARRAY || u->kind == T_SLICE || u->kind == T_CHAN ||
                  (b == BI_LEN && (u->kind == T_MAP || types_is_string(x->type)));
        if (!ok || x->mode == M_NIL) {
            ERR(x->pos, "invalid argument: %s for built-in %s",
                check_operand_string(c, x, os, sizeof os), name);
            return fail(c, e);
        }
        if (is_const(x) && types_is_string(x->type)) {
            e->cv = const_new_int(c->a, (const_int)x->cv->slen);
            check_default(c, x);
            return set(e, M_CONST, basic(c, T_INT));
        }
        if (u->kind == T_ARRAY && !has_call_or_recv(x, 0)) {
            e->cv = const_new_int(c->a, u->u.array.len);
            return set(e, M_CONST, basic(c, T_INT));
        }
        check_default(c, x);
        return set(e, M_VALUE, basic(c, T_INT));
    }
    case BI_APPEND: {
        if (!nargs_ok(c, e, 1, -1))
            return fail(c, e);
        struct ast_expr *s = args[0];
        if (check_value(c, s, hint) == M_INVALID) {
            for (int i = 1; i < n; i++)
                check_expr(c, args[i], NULL);
            return fail(c, e);
        }
        check_use(c, s);
        if (s->mode == M_NIL && hint && hint->underlying->kind == T_SLICE)
            check_assign_to(c, &args[0], hint, "argument to append"), s = args[0];
        if (s->type->underlying->kind != T_SLICE) {
            ERR(s->pos, "first argument to append must be a slice; have %s",
                check_operand_string(c, s, os, sizeof os));
            for (int i = 1; i < n; i++)
                check_expr(c, args[i], NULL);
            return fail(c, e);
        }
        struct type *elem = s->type->underlying->u.array.elem;
        if (e->u.call.has_dots) {
            if (n != 2) {
                ERR(e->pos, "can only use ... with final argument in list");
                return fail(c, e);
            }
            if (check_value(c, args[1], NULL) == M_INVALID)
                return fail(c, e);
            /* append([]byte, string...) is allowed */
            if (elem->underlying->kind == T_UINT8 && types_is_string(args[1]->type)) {
                check_default(c, args[1]);
            } else {
                check_assign_to(c, &args[1], types_slice(TS, elem), "argument to append");
            }
            return set(e, M_VALUE, s->type);
        }
        for (int i = 1; i < n; i++) {
            if (check_value(c, args[i], elem) != M_INVALID)
                check_assign_to(c, &args[i], elem, "argument to append");
        }
        e->u.call.variadic_from = 1;
        return set(e, M_VALUE, s->type);
    }
    case BI_MAKE: {
        if (n == 0) {
            ERR(e->u.call.rparen, "not enough arguments for make() (expected 1, found 0)");
            return fail(c, e);
        }
        struct type *t = check_type_expr(c, args[0]);
        if (t->kind == T_INVALID)
            return fail(c, e);
        const struct type *u = t->underlying;
        int min = 1, max = 2;
        if (u->kind == T_SLICE)
            min = 2, max = 3;
        else if (u->kind != T_MAP && u->kind != T_CHAN) {
            ERR(args[0]->pos,
                "invalid argument: cannot make %s; type must be slice, map, or channel",
                check_expr_string(args[0], os, sizeof os));
            return fail(c, e);
        }
        if (n < min || n > max) {
            char xs[300];
            ERR(e->pos, "invalid operation: %s expects %d or %d arguments; found %d",
                check_expr_string(e, xs, sizeof xs), min, max, n);
            return fail(c, e);
        }
        long long sizes[2] = {-1, -1};
        for (int i = 1; i < n; i++) {
            struct ast_expr *a = args[i];
            if (check_value(c, a, NULL) == M_INVALID)
                return fail(c, e);
            check_use(c, a);
            if (is_const(a)) {
                long long v;
                if (!const_int_value(a->cv, &v) || !types_is_numeric(a->type)) {
                    ERR(a->pos, "%s truncated to int", check_operand_string(c, a, os, sizeof os));
                    return fail(c, e);
                }
                if (v < 0) {
                    ERR(a->pos, "invalid argument: index %s must not be negative",
                        check_operand_string(c, a, os, sizeof os));
                    return fail(c, e);
                }
                sizes[i - 1] = v;
                if (types_is_untyped(a->type)) {
                    a->cv = const_new_int(c->a, v);
                    a->type = basic(c, T_INT);
                }
            } else if (!types_is_integer(a->type)) {
                ERR(a->pos, "cannot convert %s to type int",
                    check_operand_string(c, a, os, sizeof os));
                return fail(c, e);
            } else {
                check_default(c, a);
            }
        }
        if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
            ERR(args[1]->pos, "invalid argument: length and capacity swapped");
            return fail(c, e);
        }
        (void)ts;
        return set(e, M_VALUE, t);
    }
    case BI_NEW: {
        if (!nargs_ok(c, e, 1, 1))
            return fail(c, e);
        struct type *t = check_type_expr(c, args[0]);
        if (t->kind == T_INVALID)
            return fail(c, e);
        return set(e, M_VALUE, types_pointer(TS, t));
    }
    case BI_DELETE: {
        if (!nargs_ok(c, e, 2, 2))
            return fail(c, e);
        struct ast_expr *m = args[0];
        if (check_value(c, m, NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, m);
        if (m->type->underlying->kind != T_MAP) {
            ERR(m->pos, "invalid argument: %s is not a map",
                check_operand_string(c, m, os, sizeof os));
            return fail(c, e);
        }
        struct type *kt = m->type->underlying->u.map.key;
        if (check_value(c, args[1], kt) != M_INVALID)
            check_assign_to(c, &args[1], kt, "argument to delete");
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    }
    case BI_CLOSE: {
        if (!nargs_ok(c, e, 1, 1))
            return fail(c, e);
        struct ast_expr *ch = args[0];
        if (check_value(c, ch, NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, ch);
        const struct type *u = ch->type->underlying;
        if (u->kind != T_CHAN) {
            ERR(ch->pos, "invalid operation: cannot close non-channel %s",
                check_operand_string(c, ch, os, sizeof os));
            return fail(c, e);
        }
        if (u->u.chan.dir == CHAN_RECV) {
            ERR(ch->pos, "invalid operation: cannot close receive-only channel %s",
                check_operand_string(c, ch, os, sizeof os));
            return fail(c, e);
        }
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    }
    case BI_COPY: {
        if (!nargs_ok(c, e, 2, 2))
            return fail(c, e);
        if (check_value(c, args[0], NULL) == M_INVALID ||
            check_value(c, args[1], NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, args[0]);
        check_use(c, args[1]);
        const struct type *d = args[0]->type->underlying, *s = args[1]->type->underlying;
        bool ok =
            d->kind == T_SLICE &&
            ((s->kind == T_SLICE && s->u.array.elem == d->u.array.elem) ||
             (types_is_string(args[1]->type) && d->u.array.elem->underlying->kind == T_UINT8));
        if (!ok) {
            char os2[300];
            ERR(e->pos, "invalid argument: copy expects slice arguments; found %s and %s",
                check_operand_string(c, args[0], os, sizeof os),
                check_operand_string(c, args[1], os2, sizeof os2));
            return fail(c, e);
        }
        check_default(c, args[1]);
        return set(e, M_VALUE, basic(c, T_INT));
    }
    case BI_CLEAR: {
        if (!nargs_ok(c, e, 1, 1))
            return fail(c, e);
        if (check_value(c, args[0], NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, args[0]);
        enum type_kind k = args[0]->type->underlying->kind;
        if (k != T_MAP && k != T_SLICE) {
            ERR(args[0]->pos, "invalid argument: %s must be a map or slice",
                check_operand_string(c, args[0], os, sizeof os));
            return fail(c, e);
        }
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    }
    case BI_PANIC: {
        if (!nargs_ok(c, e, 1, 1))
            return fail(c, e);
        if (check_value(c, args[0], NULL) != M_INVALID)
            check_assign_to(c, &args[0], types_any(TS), "argument to panic");
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    }
    case BI_RECOVER:
        if (!nargs_ok(c, e, 0, 0))
            return fail(c, e);
        if (c->fn)
            c->fn->func->has_recover = true;
        return set(e, M_VALUE, types_any(TS));
    case BI_PRINT:
    case BI_PRINTLN:
        for (int i = 0; i < n; i++) {
            if (check_value(c, args[i], NULL) == M_INVALID)
                continue;
            check_use(c, args[i]);
            if (args[i]->mode == M_NIL) {
                ERR(args[i]->pos, "use of untyped nil in argument to built-in %s", name);
                continue;
            }
            check_default(c, args[i]);
        }
        return set(e, M_NOVALUE, types_tuple(TS, NULL, 0));
    case BI_MIN:
    case BI_MAX: {
        if (!nargs_ok(c, e, 1, -1))
            return fail(c, e);
        struct type *t = NULL;
        bool all_const = true;
        for (int i = 0; i < n; i++) {
            if (check_value(c, args[i], hint) == M_INVALID)
                return fail(c, e);
            check_use(c, args[i]);
            if (!types_ordered(args[i]->type)) {
                ERR(args[i]->pos, "invalid argument: %s cannot be ordered",
                    check_operand_string(c, args[i], os, sizeof os));
                return fail(c, e);
            }
            if (!is_const(args[i]))
                all_const = false;
            if (!types_is_untyped(args[i]->type))
                t = t ? t : args[i]->type;
        }
        if (all_const && !t) {
            /* all untyped constants: fold */
            struct ast_expr *best = args[0];
            struct type *rt = args[0]->type;
            for (int i = 1; i < n; i++) {
                if (args[i]->type->kind > rt->kind && types_is_numeric(args[i]->type))
                    rt = args[i]->type;
                bool less = const_compare(OP_LSS, args[i]->cv, best->cv);
                if ((b == BI_MIN) == less)
                    best = args[i];
            }
            e->cv = best->cv;
            return set(e, M_CONST, rt);
        }
        if (!t)
            t = types_default(TS, args[0]->type);
        for (int i = 0; i < n; i++)
            if (!check_assign_to(c, &args[i], t, "argument to built-in"))
                return fail(c, e);
        if (all_const) {
            struct ast_expr *best = args[0];
            for (int i = 1; i < n; i++) {
                bool less = const_compare(OP_LSS, args[i]->cv, best->cv);
                if ((b == BI_MIN) == less)
                    best = args[i];
            }
            e->cv = best->cv;
            return set(e, M_CONST, t);
        }
        return set(e, M_VALUE, t);
    }
    default: break;
    }
    ERR(e->pos, "%s is not supported by chanlab", name);
    return fail(c, e);
}

/* check_generic_once types sync.OnceValue(f) / sync.OnceValues(f), generic
 * in Go: f must be func() T (func() (T1, T2)); the call has type func() T
 * (func() (T1, T2)). The library's body is written with `any` in place of
 * the type parameters; the argument is passed as it is. */
static enum mode check_generic_once(struct checker *c, struct ast_expr *e, struct ast_func *fn,
                                    bool two)
{
    char os[300];
    int want = two ? 2 : 1;
    e->u.call.kind = CALL_FUNC;
    e->u.call.func = fn;
    e->u.call.variadic_from = -1;
    if (!nargs_ok(c, e, 1, 1))
        return fail(c, e);
    struct ast_expr *a = e->u.call.args[0];
    if (check_value(c, a, NULL) == M_INVALID)
        return fail(c, e);
    const struct type *u = a->type->underlying;
    if (u->kind != T_FUNC || u->u.func.nparams != 0 || u->u.func.nresults != want) {
        ERR(a->pos, "in call to %s, type %s of %s does not match func() %s",
            two ? "sync.OnceValues" : "sync.OnceValue",
            check_type_string(c, a->type, os, sizeof os), "f", two ? "(T1, T2)" : "T");
        return fail(c, e);
    }
    return set(e, M_VALUE, types_func(TS, NULL, 0, u->u.func.results, want, false));
}

/* ---- calls ---------------------------------------------------------------------------- */

enum mode check_call(struct checker *c, struct ast_expr *e, struct type *hint)
{
    struct ast_expr *fun = e->u.call.fun;
    char os[300];
    enum mode m = check_expr_or_type(c, fun, NULL);
    if (m == M_INVALID) {
        for (int i = 0; i < e->u.call.nargs; i++)
            check_expr(c, e->u.call.args[i], NULL);
        return fail(c, e);
    }
    if (m == M_TYPE)
        return check_conversion(c, e, fun->type);
    if (m == M_BUILTIN) {
        struct ast_expr *f = ast_unparen(fun);
        return check_builtin(c, e, f->u.ident.ref.builtin, hint);
    }
    if (check_as_value(c, fun, m) == M_INVALID)
        return fail(c, e);
    check_use(c, fun);
    const struct type *sig = fun->type->underlying;
    if (sig->kind != T_FUNC) {
        ERR(e->pos, "invalid operation: cannot call non-function %s",
            check_operand_string(c, fun, os, sizeof os));
        for (int i = 0; i < e->u.call.nargs; i++)
            check_expr(c, e->u.call.args[i], NULL);
        return fail(c, e);
    }
    struct ast_expr *f = ast_unparen(fun);
    if (f->kind == EX_SELECTOR && f->u.sel.kind == SELX_PKG && f->u.sel.ref.kind == REF_FUNC &&
        f->u.sel.ref.func->qname &&
        (strcmp(f->u.sel.ref.func->qname, "sync.OnceValue") == 0 ||
         strcmp(f->u.sel.ref.func->qname, "sync.OnceValues") == 0))
        return check_generic_once(c, e, f->u.sel.ref.func,
                                  strcmp(f->u.sel.ref.func->qname, "sync.OnceValues") == 0);
    e->u.call.kind = CALL_VALUE;
    if (f->kind == EX_IDENT && f->u.ident.ref.kind == REF_FUNC) {
        e->u.call.kind = CALL_FUNC;
        e->u.call.func = f->u.ident.ref.func;
    } else if (f->kind == EX_SELECTOR) {
        if (f->u.sel.kind == SELX_PKG && f->u.sel.ref.kind == REF_FUNC) {
            e->u.call.kind = CALL_FUNC;
            e->u.call.func = f->u.sel.ref.func;
        } else if (f->u.sel.kind == SELX_METHOD) {
            e->u.call.kind = CALL_METHOD;
            e->u.call.func = f->u.sel.method->func;
        } else if (f->u.sel.kind == SELX_IFACE) {
            e->u.call.kind = CALL_IFACE;
        }
    }
    const struct ast_expr *saved_fun = c->ctx_fun;
    c->ctx_fun = e->u.call.fun;
    check_args(c, e, sig);
    c->ctx_fun = saved_fun;
    return call_result(c, e, sig);
}
