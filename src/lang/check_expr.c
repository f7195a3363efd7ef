/* check_expr.c: expressions: name resolution, types, constant folding,
 * untyped conversion, selectors, calls, builtins and implicit conversions. */
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

static struct type *invalid(struct checker *c)
{
    return types_basic(c->ts, T_INVALID);
}

/* ---- printing expressions and operands as Go does ------------------------- */

struct sb {
    char *p;
    size_t size, len;
};

static void sput(struct sb *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, b->len++)
        if (b->len + 1 < b->size)
            b->p[b->len] = s[i];
    if (b->size)
        b->p[b->len + 1 < b->size ? b->len : b->size - 1] = 0;
}

static void sputs(struct sb *b, const char *s)
{
    sput(b, s, strlen(s));
}

static const char *op_text(enum ast_op op)
{
    static const char *const t[] = {
        "",   "+",  "-",  "*", "/",  "%", "&",  "|", "^",  "<<", ">>", "&^", "&&",
        "||", "==", "!=", "<", "<=", ">", ">=", "!", "<-", "&",  "-",  "+",  "^"};
    return op <= OP_BITNOT ? t[op] : "?";
}

static void write_expr(struct sb *b, const struct ast_expr *e, int depth);

static void write_list(struct sb *b, struct ast_expr *const *v, int n, int depth)
{
    for (int i = 0; i < n; i++) {
        if (i)
            sputs(b, ", ");
        write_expr(b, v[i], depth + 1);
    }
}

static void write_fields(struct sb *b, const struct ast_field *f, int n, int depth, const char *sep)
{
    for (int i = 0; i < n; i++) {
        if (i)
            sputs(b, sep);
        for (int j = 0; j < f[i].nnames; j++) {
            if (j)
                sputs(b, ", ");
            sputs(b, f[i].names[j]);
        }
        if (f[i].nnames)
            sputs(b, " ");
        write_expr(b, f[i].type, depth + 1);
    }
}

static void write_sig(struct sb *b, const struct ast_sig *s, int depth)
{
    sputs(b, "(");
    write_fields(b, s->params, s->nparams, depth, ", ");
    sputs(b, ")");
    if (s->nresults == 1 && s->results[0].nnames == 0) {
        sputs(b, " ");
        write_expr(b, s->results[0].type, depth + 1);
    } else if (s->nresults) {
        sputs(b, " (");
        write_fields(b, s->results, s->nresults, depth, ", ");
        sputs(b, ")");
    }
}

static void write_expr(struct sb *b, const struct ast_expr *e, int depth)
{
    if (!e)
        return;
    if (depth > 30) {
        sputs(b, "…");
        return;
    }
    switch (e->kind) {
    case EX_BAD: sputs(b, "BadExpr"); break;
    case EX_IDENT: sputs(b, e->u.ident.name); break;
    case EX_BASICLIT: sput(b, e->u.lit.text, e->u.lit.len); break;
    case EX_COMPOSITE:
        write_expr(b, e->u.composite.type_expr, depth + 1);
        sputs(b, "{");
        if (e->u.composite.nelts)
            sputs(b, "…");
        sputs(b, "}");
        break;
    case EX_FUNCLIT:
        sputs(b, "func");
        write_sig(b, e->u.func->sig, depth);
        sputs(b, " {…}");
        break;
    case EX_PAREN:
        sputs(b, "(");
        write_expr(b, e->u.unary.x, depth + 1);
        sputs(b, ")");
        break;
    case EX_SELECTOR:
        write_expr(b, e->u.sel.x, depth + 1);
        sputs(b, ".");
        sputs(b, e->u.sel.name);
        break;
    case EX_INDEX:
        write_expr(b, e->u.index.x, depth + 1);
        sputs(b, "[");
        write_expr(b, e->u.index.index, depth + 1);
        sputs(b, "]");
        break;
    case EX_SLICE:
        write_expr(b, e->u.slice.x, depth + 1);
        sputs(b, "[");
        write_expr(b, e->u.slice.lo, depth + 1);
        sputs(b, ":");
        write_expr(b, e->u.slice.hi, depth + 1);
        if (e->u.slice.max) {
            sputs(b, ":");
            write_expr(b, e->u.slice.max, depth + 1);
        }
        sputs(b, "]");
        break;
    case EX_TYPEASSERT:
        write_expr(b, e->u.assert.x, depth + 1);
        sputs(b, ".(");
        if (e->u.assert.type_expr)
            write_expr(b, e->u.assert.type_expr, depth + 1);
        else
            sputs(b, "type");
        sputs(b, ")");
        break;
    case EX_CALL:
        write_expr(b, e->u.call.fun, depth + 1);
        sputs(b, "(");
        write_list(b, e->u.call.args, e->u.call.nargs, depth);
        if (e->u.call.has_dots)
            sputs(b, "...");
        sputs(b, ")");
        break;
    case EX_STAR:
        sputs(b, "*");
        write_expr(b, e->u.unary.x, depth + 1);
        break;
    case EX_UNARY:
        sputs(b, op_text(e->u.unary.op));
        write_expr(b, e->u.unary.x, depth + 1);
        break;
    case EX_BINARY:
        write_expr(b, e->u.binary.x, depth + 1);
        sputs(b, " ");
        sputs(b, op_text(e->u.binary.op));
        sputs(b, " ");
        write_expr(b, e->u.binary.y, depth + 1);
        break;
    case EX_KEYVALUE:
        write_expr(b, e->u.kv.key, depth + 1);
        sputs(b, ": ");
        write_expr(b, e->u.kv.value, depth + 1);
        break;
    case EX_ELLIPSIS:
        sputs(b, "...");
        write_expr(b, e->u.ellipsis.elem, depth + 1);
        break;
    case EX_ARRAYTYPE:
        sputs(b, "[");
        if (e->u.arraytype.len)
            write_expr(b, e->u.arraytype.len, depth + 1);
        sputs(b, "]");
        write_expr(b, e->u.arraytype.elem, depth + 1);
        break;
    case EX_STRUCTTYPE:
        sputs(b, "struct{");
        write_fields(b, e->u.structtype.fields, e->u.structtype.nfields, depth, "; ");
        sputs(b, "}");
        break;
    case EX_INTERFACETYPE:
        sputs(b, "interface{");
        for (int i = 0; i < e->u.structtype.nfields; i++) {
            const struct ast_field *f = &e->u.structtype.fields[i];
            if (i)
                sputs(b, "; ");
            if (f->nnames) {
                sputs(b, f->names[0]);
                write_sig(b, f->type->u.functype, depth);
            } else {
                write_expr(b, f->type, depth + 1);
            }
        }
        sputs(b, "}");
        break;
    case EX_FUNCTYPE:
        sputs(b, "func");
        write_sig(b, e->u.functype, depth);
        break;
    case EX_MAPTYPE:
        sputs(b, "map[");
        write_expr(b, e->u.maptype.key, depth + 1);
        sputs(b, "]");
        write_expr(b, e->u.maptype.value, depth + 1);
        break;
    case EX_CHANTYPE:
        sputs(b, e->u.chantype.dir == CHAN_RECV   ? "<-chan "
                 : e->u.chantype.dir == CHAN_SEND ? "chan<- "
                                                  : "chan ");
        write_expr(b, e->u.chantype.elem, depth + 1);
        break;
    case EX_CONVERT:
        if (e->u.convert.implicit) {
            write_expr(b, e->u.convert.x, depth);
        } else {
            char tb[128];
            sputs(b, types_string(e->type, tb, sizeof tb, NULL));
            sputs(b, "(");
            write_expr(b, e->u.convert.x, depth + 1);
            sputs(b, ")");
        }
        break;
    }
}

char *check_expr_string(const struct ast_expr *e, char *buf, size_t size)
{
    struct sb b = {buf, size, 0};
    if (size)
        buf[0] = 0;
    write_expr(&b, e, 0);
    return buf;
}

char *check_type_string(struct checker *c, const struct type *t, char *buf, size_t size)
{
    types_string(t, buf, size, c->pkg);
    if (t == types_any(c->ts))
        snprintf(buf, size, "any");
    return buf;
}

char *check_operand_string(struct checker *c, const struct ast_expr *e, char *buf, size_t size)
{
    char xs[256], ts[256], vs[128];
    check_expr_string(e, xs, sizeof xs);
    if (e->mode == M_NIL) {
        snprintf(buf, size, "nil");
        return buf;
    }
    check_type_string(c, e->type, ts, sizeof ts);
    switch (e->mode) {
    case M_CONST:
        const_string(e->cv, vs, sizeof vs);
        if (types_is_untyped(e->type)) {
            if (strcmp(xs, vs) == 0)
                snprintf(buf, size, "%s (%s constant)", xs, ts);
            else
                snprintf(buf, size, "%s (%s constant %s)", xs, ts, vs);
        } else {
            if (strcmp(xs, vs) == 0)
                snprintf(buf, size, "%s (constant of type %s)", xs, ts);
            else
                snprintf(buf, size, "%s (constant %s of type %s)", xs, vs, ts);
        }
        break;
    case M_VAR: snprintf(buf, size, "%s (variable of type %s)", xs, ts); break;
    case M_MAPINDEX: snprintf(buf, size, "%s (map index expression of type %s)", xs, ts); break;
    case M_COMMAOK: snprintf(buf, size, "%s (comma, ok expression of type %s)", xs, ts); break;
    case M_NOVALUE: snprintf(buf, size, "%s (no value)", xs); break;
    case M_TYPE: snprintf(buf, size, "%s (type)", xs); break;
    case M_BUILTIN: snprintf(buf, size, "%s (built-in function %s)", xs, xs); break;
    default:
        if (types_is_untyped(e->type))
            snprintf(buf, size, "%s (%s value)", xs, ts);
        else
            snprintf(buf, size, "%s (value of type %s)", xs, ts);
        break;
    }
    return buf;
}

/* ---- objects, locals, captures -------------------------------------------- */

struct object *check_new_object(struct checker *c, enum obj_kind kind, const char *name,
                                struct pos pos)
{
    struct object *o = arena_alloc(c->a, sizeof *o);
    o->kind = kind;
    o->name = name;
    o->pos = pos;
    o->pkg = c->pkg;
    o->state = 2;
    return o;
}

char *check_pos_string(struct checker *c, struct pos pos, char *buf, size_t size)
{
    snprintf(buf, size, "%s:%u:%u", c->pkg && c->pkg->file ? c->pkg->file->name : "?", pos.line,
             pos.col);
    return buf;
}

void check_redeclared(struct checker *c, const struct object *obj, const struct object *old)
{
    char ps[300];
    if (old->pos.line)
        ERR(obj->pos, "%s redeclared in this block\n\t%s: other declaration of %s", obj->name,
            check_pos_string(c, old->pos, ps, sizeof ps), obj->name);
    else
        ERR(obj->pos, "%s redeclared in this block", obj->name);
}

void check_declare(struct checker *c, struct object *obj)
{
    if (strcmp(obj->name, "_") == 0)
        return;
    struct object *old = scope_insert(c->scope, obj);
    if (old)
        check_redeclared(c, obj, old);
}

struct ast_var *check_new_local(struct checker *c, const char *name, struct pos pos, struct type *t)
{
    struct ast_var *v = arena_alloc(c->a, sizeof *v);
    v->name = name;
    v->pos = pos;
    v->type = t;
    v->owner = c->fn ? c->fn->func : NULL;
    v->index = c->fn ? c->fn->func->nslots++ : -1;
    return v;
}

/* capture_index returns the index of v in fn's capture list, adding it (and
 * to every closure between fn and v's owner) when new. */
static int capture_index(struct fctx *fn, struct ast_var *v)
{
    for (int i = 0; i < fn->ncaps; i++)
        if (fn->caps[i].var == v)
            return i;
    struct ast_capture cap = {0};
    cap.var = v;
    if (fn->outer && v->owner == fn->outer->func) {
        cap.from_upval = false;
        cap.index = v->index;
    } else if (fn->outer) {
        cap.from_upval = true;
        cap.index = capture_index(fn->outer, v);
    }
    if (fn->ncaps == fn->capcaps) {
        fn->capcaps = fn->capcaps ? fn->capcaps * 2 : 8;
        fn->caps = realloc(fn->caps, (size_t)fn->capcaps * sizeof *fn->caps);
        if (!fn->caps)
            abort();
    }
    fn->caps[fn->ncaps] = cap;
    return fn->ncaps++;
}

static void add_dep(struct checker *c, struct object *o)
{
    struct object *owner = c->fn ? c->fn->dep_obj : c->dep_obj;
    if (!owner || owner == o)
        return;
    for (struct dep *x = owner->deps; x; x = x->next)
        if (x->o == o)
            return;
    struct dep *d = arena_alloc(c->a, sizeof *d);
    d->o = o;
    d->next = owner->deps;
    owner->deps = d;
}

/* resolve_ident fills e (an EX_IDENT) from the scope chain. */
static enum mode check_ident(struct checker *c, struct ast_expr *e)
{
    const char *name = e->u.ident.name;
    if (strcmp(name, "_") == 0) {
        ERR(e->pos, "cannot use _ as value or type");
        return fail(c, e);
    }
    struct scope *where;
    struct object *o = scope_lookup(c->scope, name, &where);
    if (!o) {
        if (!c->quiet_undefined)
            ERR(e->pos, "undefined: %s", name);
        return fail(c, e);
    }
    struct ast_ref *r = &e->u.ident.ref;
    switch (o->kind) {
    case OBJ_PKG:
        if (!o->pkg)
            return fail(c, e);
        r->kind = REF_PACKAGE;
        r->pkg = o->pkg;
        return set(e, M_PKG, invalid(c));
    case OBJ_TYPE:
        if (check_generic_bare(c, e, o))
            return fail(c, e);
        check_resolve_object(c, o);
        r->kind = REF_TYPE;
        return set(e, M_TYPE, o->type);
    case OBJ_CONST:
        if (o->is_iota) {
            if (c->iota < 0) {
                ERR(e->pos, "cannot use iota outside constant declaration");
                return fail(c, e);
            }
            e->cv = const_new_int(c->a, c->iota);
            r->kind = REF_CONST;
            return set(e, M_CONST, basic(c, T_UNTYPED_INT));
        }
        check_resolve_object(c, o);
        r->kind = REF_CONST;
        if (!o->cv)
            return fail(c, e);
        e->cv = o->cv;
        return set(e, M_CONST, o->type);
    case OBJ_NIL: r->kind = REF_NIL; return set(e, M_NIL, basic(c, T_UNTYPED_NIL));
    case OBJ_BUILTIN:
        r->kind = REF_BUILTIN;
        r->builtin = o->builtin;
        if (o->builtin == BI_NONE) {
            ERR(e->pos, "complex number is not supported by chanlab");
            return fail(c, e);
        }
        return set(e, M_BUILTIN, invalid(c));
    case OBJ_FUNC:
        check_resolve_object(c, o);
        r->kind = REF_FUNC;
        r->func = o->func;
        add_dep(c, o);
        return set(e, M_VALUE, o->type ? o->type : invalid(c));
    case OBJ_VAR: {
        struct ast_var *v = o->var;
        if (v->global) {
            check_resolve_object(c, o);
            r->kind = REF_GLOBAL;
            r->var = v;
            r->index = v->index;
            add_dep(c, o);
            return set(e, M_VAR, v->type ? v->type : invalid(c));
        }
        r->var = v;
        v->used = true; /* assignment targets restore the flag (check_lhs) */
        if (!c->fn || v->owner == c->fn->func) {
            r->kind = REF_LOCAL;
            r->index = v->index;
        } else {
            v->captured = true;
            r->kind = REF_UPVAL;
            r->index = capture_index(c->fn, v);
        }
        return set(e, M_VAR, v->type ? v->type : invalid(c));
    }
    }
    return fail(c, e);
}

/* check_use marks the variables an expression reads as used. Called for
 * every expression whose value is consumed. */
void check_use(struct checker *c, struct ast_expr *e)
{
    (void)c;
    e = ast_unparen(e);
    if (e && e->kind == EX_IDENT && e->u.ident.ref.var)
        e->u.ident.ref.var->used = true;
}

/* ---- untyped conversion ----------------------------------------------------- */

static bool is_const(const struct ast_expr *e)
{
    return e->mode == M_CONST && e->cv;
}

/* set_type_deep gives a non-constant untyped expression (comparison, shift of
 * an untyped constant, paren) its final type. */
static void set_type_deep(struct ast_expr *e, struct type *t)
{
    for (int guard = 0; e && guard < 10000; guard++) {
        if (!types_is_untyped(e->type))
            return;
        e->type = t;
        switch (e->kind) {
        case EX_PAREN: e = e->u.unary.x; continue;
        case EX_UNARY:
            if (e->u.unary.op == OP_NOT || e->u.unary.op == OP_NEG || e->u.unary.op == OP_POS ||
                e->u.unary.op == OP_BITNOT) {
                e = e->u.unary.x;
                continue;
            }
            return;
        case EX_BINARY:
            if (e->u.binary.op == OP_SHL || e->u.binary.op == OP_SHR) {
                e = e->u.binary.x;
                continue;
            }
            if (e->u.binary.op == OP_LAND || e->u.binary.op == OP_LOR) {
                set_type_deep(e->u.binary.x, t);
                e = e->u.binary.y;
                continue;
            }
            if (e->u.binary.op != OP_EQL && e->u.binary.op != OP_NEQ && e->u.binary.op != OP_LSS &&
                e->u.binary.op != OP_LEQ && e->u.binary.op != OP_GTR && e->u.binary.op != OP_GEQ) {
                set_type_deep(e->u.binary.x, t);
                e = e->u.binary.y;
                continue;
            }
            return;
        default: return;
        }
    }
}

/* convert_untyped converts untyped e to t (a typed basic type, or an
 * interface: then the default type). On failure returns false and sets
 * *why to "overflows", "truncated" or NULL (mismatch). */
static bool convert_untyped(struct checker *c, struct ast_expr *e, struct type *t, const char **why)
{
    *why = NULL;
    if (!types_is_untyped(e->type) || t->kind == T_INVALID)
        return true;
    if (e->mode == M_NIL)
        return false;
    struct type *target = t;
    if (types_is_interface(t))
        target = types_default(TS, e->type);
    enum type_kind uk = e->type->kind;
    bool ok;
    switch (uk) {
    case T_UNTYPED_BOOL: ok = types_is_boolean(target); break;
    case T_UNTYPED_STRING: ok = types_is_string(target); break;
    default: ok = types_is_numeric(target); break;
    }
    if (!ok)
        return false;
    if (is_const(e)) {
        bool trunc;
        struct const_val *v = const_convert(c->a, e->cv, target, &trunc);
        if (!v) {
            *why = trunc ? "truncated" : "overflows";
            return false;
        }
        e->cv = v;
        e->type = target;
        return true;
    }
    if (uk != T_UNTYPED_BOOL && !types_is_integer(target) && e->kind == EX_BINARY &&
        (e->u.binary.op == OP_SHL || e->u.binary.op == OP_SHR)) {
        char xs[128], ts[64];
        ERR(e->pos, "invalid operation: shifted operand %s (type %s) must be integer",
            check_expr_string(e->u.binary.x, xs, sizeof xs),
            check_type_string(c, target, ts, sizeof ts));
        return true;
    }
    set_type_deep(e, target);
    return true;
}

void check_default(struct checker *c, struct ast_expr *e)
{
    if (e->mode == M_NIL || !types_is_untyped(e->type))
        return;
    const char *why;
    convert_untyped(c, e, types_default(TS, e->type), &why);
    if (why) {
        char xs[128];
        if (e->cv)
            ERR(e->pos, "cannot use %s (untyped %s constant) as %s value in %s (%s)",
                check_expr_string(e, xs, sizeof xs), "int", "int", "assignment", why);
    }
}

struct ast_expr *check_wrap_convert(struct checker *c, struct ast_expr *x, struct type *t,
                                    bool implicit)
{
    struct ast_expr *w = ast_expr_new(c->a, EX_CONVERT, x->pos);
    w->u.convert.x = x;
    w->u.convert.implicit = implicit;
    w->type = t;
    w->mode = M_VALUE;
    return w;
}

/* arg_context builds "argument to f" for the call being checked; only on
 * the error paths, as it is not cheap. */
static const char *arg_context(struct checker *c, const char *context, char *buf, size_t size)
{
    if (context)
        return context;
    char fs[200];
    snprintf(buf, size, "argument to %s",
             c->ctx_fun ? check_expr_string(c->ctx_fun, fs, sizeof fs) : "function");
    return buf;
}

bool check_assign_to(struct checker *c, struct ast_expr **ep, struct type *t,
                     const char *context_in)
{
    struct ast_expr *e = *ep;
    char ctxbuf[260];
#define context arg_context(c, context_in, ctxbuf, sizeof ctxbuf)
    char os[400], ts[200];
    if (e->mode == M_INVALID || t->kind == T_INVALID)
        return true;
    if (e->mode == M_TYPE || e->mode == M_BUILTIN || e->mode == M_PKG || e->mode == M_NOVALUE) {
        return false; /* reported by check_value */
    }
    check_use(c, e);
    if (e->mode == M_NIL) {
        enum type_kind k = t->underlying->kind;
        if (k == T_POINTER || k == T_FUNC || k == T_SLICE || k == T_MAP || k == T_CHAN ||
            k == T_INTERFACE) {
            *ep = check_wrap_convert(c, e, t, true);
            return true;
        }
        ERR(e->pos, "cannot use nil as %s value in %s", check_type_string(c, t, ts, sizeof ts),
            context);
        return false;
    }
    if (types_is_untyped(e->type)) {
        const char *why;
        check_operand_string(c, e, os, sizeof os);
        if (types_is_interface(t) && t->underlying->u.iface.nmethods > 0) {
            struct type *d = types_default(TS, e->type);
            const char *missing = NULL;
            if (!types_implements(TS, d, t, &missing, NULL)) {
                char ds[64];
                ERR(e->pos,
                    "cannot use %s as %s value in %s: %s does not implement %s (missing method %s)",
                    os, check_type_string(c, t, ts, sizeof ts), context,
                    check_type_string(c, d, ds, sizeof ds), ts, missing);
                return false;
            }
        }
        if (!convert_untyped(c, e, t, &why)) {
            check_type_string(c, t, ts, sizeof ts);
            if (why)
                ERR(e->pos, "cannot use %s as %s value in %s (%s)", os, ts, context, why);
            else
                ERR(e->pos, "cannot use %s as %s value in %s", os, ts, context);
            return false;
        }
        if (types_is_interface(t))
            *ep = check_wrap_convert(c, e, t, true);
        return true;
    }
    if (types_assignable(TS, e->type, t)) {
        if (e->type != t)
            *ep = check_wrap_convert(c, e, t, true);
        return true;
    }
    check_operand_string(c, e, os, sizeof os);
    check_type_string(c, t, ts, sizeof ts);
    if (types_is_interface(t)) {
        const char *missing = NULL;
        bool wrong;
        char es[200];
        types_implements(TS, e->type, t, &missing, &wrong);
        check_type_string(c, e->type, es, sizeof es);
        if (missing && wrong)
            ERR(e->pos,
                "cannot use %s as %s value in %s: %s does not implement %s (method %s has pointer "
                "receiver)",
                os, ts, context, es, ts, missing);
        else if (missing)
            ERR(e->pos,
                "cannot use %s as %s value in %s: %s does not implement %s (missing method %s)", os,
                ts, context, es, ts, missing);
        else
            ERR(e->pos, "cannot use %s as %s value in %s", os, ts, context);
        return false;
    }
    if (types_is_interface(e->type) && types_implements(TS, t, e->type, NULL, NULL)) {
        ERR(e->pos, "cannot use %s as %s value in %s: need type assertion", os, ts, context);
        return false;
    }
    ERR(e->pos, "cannot use %s as %s value in %s", os, ts, context);
    return false;
}
#undef context

/* ---- types ------------------------------------------------------------------ */

struct type *check_signature(struct checker *c, struct ast_sig *sig, bool *variadic)
{
    struct type *params[64], *results[64];
    int np = 0, nr = 0;
    *variadic = false;
    for (int i = 0; i < sig->nparams; i++) {
        struct ast_field *f = &sig->params[i];
        struct type *t;
        if (f->type->kind == EX_ELLIPSIS) {
            if (i != sig->nparams - 1 || f->nnames > 1)
                ERR(f->type->pos, "can only use ... with final parameter in list");
            t = types_slice(TS, check_type_expr(c, f->type->u.ellipsis.elem));
            *variadic = true;
        } else {
            t = check_type_expr(c, f->type);
        }
        int n = f->nnames ? f->nnames : 1;
        for (int j = 0; j < n && np < 64; j++)
            params[np++] = t;
    }
    for (int i = 0; i < sig->nresults; i++) {
        struct ast_field *f = &sig->results[i];
        struct type *t = check_type_expr(c, f->type);
        int n = f->nnames ? f->nnames : 1;
        for (int j = 0; j < n && nr < 64; j++)
            results[nr++] = t;
    }
    return types_func(TS, params, np, results, nr, *variadic);
}

static struct type *struct_type(struct checker *c, struct ast_expr *e)
{
    struct type_field fields[256];
    int n = 0;
    for (int i = 0; i < e->u.structtype.nfields; i++) {
        struct ast_field *f = &e->u.structtype.fields[i];
        struct type *t = check_type_expr(c, f->type);
        if (f->nnames == 0) {
            struct ast_expr *te = f->type;
            if (te->kind == EX_STAR)
                te = te->u.unary.x;
            const char *name = te->kind == EX_SELECTOR ? te->u.sel.name
                               : te->kind == EX_IDENT  ? te->u.ident.name
                                                       : "?";
            if (t->underlying->kind == T_POINTER && f->type->kind != EX_STAR)
                ERR(f->type->pos, "embedded field type cannot be a pointer");
            if (n < 256)
                fields[n++] = (struct type_field){name,
                                                  t,
                                                  true,
                                                  name[0] >= 'A' && name[0] <= 'Z' ? NULL : c->pkg,
                                                  (int)f->pos.line,
                                                  (int)f->pos.col};
        }
        for (int j = 0; j < f->nnames && n < 256; j++) {
            const char *name = f->names[j];
            for (int k = 0; k < n; k++)
                if (strcmp(fields[k].name, name) == 0 && strcmp(name, "_") != 0)
                    ERR(f->name_pos[j], "%s redeclared", name);
            fields[n++] = (struct type_field){name,
                                              t,
                                              false,
                                              name[0] >= 'A' && name[0] <= 'Z' ? NULL : c->pkg,
                                              (int)f->name_pos[j].line,
                                              (int)f->name_pos[j].col};
        }
    }
    return types_struct(TS, fields, n);
}

static struct type *interface_type(struct checker *c, struct ast_expr *e)
{
    struct type_method ms[128];
    int n = 0;
    for (int i = 0; i < e->u.structtype.nfields; i++) {
        struct ast_field *f = &e->u.structtype.fields[i];
        if (f->nnames) {
            bool variadic;
            struct type *sig = check_signature(c, f->type->u.functype, &variadic);
            for (int k = 0; k < n; k++)
                if (strcmp(ms[k].name, f->names[0]) == 0)
                    ERR(f->name_pos[0], "duplicate method %s", f->names[0]);
            if (n < 128)
                ms[n++] = (struct type_method){f->names[0], types_name_id(TS, f->names[0]), sig,
                                               NULL, false};
        } else {
            struct type *t = check_type_expr(c, f->type);
            if (t->kind == T_INVALID || check_broken_type(t))
                continue; /* reported, or a cycle check_cycle.c reports */
            if (t->underlying->kind != T_INTERFACE) {
                char ts[128];
                ERR(f->type->pos, "cannot use %s as interface: not supported by chanlab",
                    check_type_string(c, t, ts, sizeof ts));
                continue;
            }
            const struct type *u = t->underlying;
            for (int j = 0; j < u->u.iface.nmethods && n < 128; j++) {
                bool dup = false;
                for (int k = 0; k < n; k++)
                    if (strcmp(ms[k].name, u->u.iface.methods[j].name) == 0)
                        dup = true;
                if (!dup)
                    ms[n++] = u->u.iface.methods[j];
            }
        }
    }
    return types_interface(TS, ms, n);
}

struct type *check_type_expr(struct checker *c, struct ast_expr *e)
{
    if (++c->depth > 2000) {
        c->depth--;
        return invalid(c);
    }
    struct type *t = invalid(c);
    char xs[200];
    switch (e->kind) {
    case EX_IDENT:
    case EX_SELECTOR:
    case EX_PAREN:
    case EX_INDEX: {
        enum mode m = check_expr_or_type(c, e, NULL);
        if (m == M_TYPE) {
            t = e->type;
        } else if (m != M_INVALID) {
            ERR(e->pos, "%s is not a type", check_expr_string(e, xs, sizeof xs));
        }
        break;
    }
    case EX_STAR: t = types_pointer(TS, check_type_expr(c, e->u.unary.x)); break;
    case EX_ARRAYTYPE: {
        struct type *elem = check_type_expr(c, e->u.arraytype.elem);
        if (!e->u.arraytype.len) {
            t = types_slice(TS, elem);
        } else if (e->u.arraytype.len->kind == EX_ELLIPSIS) {
            ERR(e->u.arraytype.len->pos,
                "invalid use of [...] array (outside a composite literal)");
        } else {
            struct ast_expr *l = e->u.arraytype.len;
            check_expr(c, l, NULL);
            long long n;
            if (l->mode != M_CONST || !types_is_numeric(l->type)) {
                if (l->mode != M_INVALID)
                    ERR(l->pos, "array length %s (%s) must be constant",
                        check_expr_string(l, xs, sizeof xs),
                        l->mode == M_VAR ? "variable of type int" : "value");
            } else if (!const_int_value(l->cv, &n) || n < 0) {
                ERR(l->pos, "invalid array length %s", check_expr_string(l, xs, sizeof xs));
            } else {
                if (types_is_untyped(l->type))
                    l->type = basic(c, T_INT);
                t = types_array(TS, elem, n);
            }
        }
        break;
    }
    case EX_MAPTYPE: {
        struct type *k = check_type_expr(c, e->u.maptype.key);
        struct type *v = check_type_expr(c, e->u.maptype.value);
        if (k->kind != T_INVALID && k->underlying->kind != T_INVALID && !types_comparable(k)) {
            char ts[128];
            ERR(e->u.maptype.key->pos, "invalid map key type %s",
                check_type_string(c, k, ts, sizeof ts));
        }
        t = types_map(TS, k, v);
        break;
    }
    case EX_CHANTYPE:
        t = types_chan(TS, check_type_expr(c, e->u.chantype.elem), e->u.chantype.dir);
        break;
    case EX_FUNCTYPE: {
        bool variadic;
        t = check_signature(c, e->u.functype, &variadic);
        break;
    }
    case EX_STRUCTTYPE: t = struct_type(c, e); break;
    case EX_INTERFACETYPE: t = interface_type(c, e); break;
    case EX_BAD: break;
    default: ERR(e->pos, "%s is not a type", check_expr_string(e, xs, sizeof xs)); break;
    }
    c->depth--;
    set(e, M_TYPE, t);
    return t;
}

/* ---- the expression checker itself lives in check_call.c and below ---------- */

/* ---- operators --------------------------------------------------------------- */

static int untyped_rank(enum type_kind k)
{
    switch (k) {
    case T_UNTYPED_INT: return 1;
    case T_UNTYPED_RUNE: return 2;
    case T_UNTYPED_FLOAT: return 3;
    default: return 0;
    }
}

static bool is_comparison(enum ast_op op)
{
    return op >= OP_EQL && op <= OP_GEQ;
}

/* op_ok: is the binary arithmetic/logical op defined on type t? */
static bool op_ok(enum ast_op op, const struct type *t)
{
    switch (op) {
    case OP_ADD: return types_is_numeric(t) || types_is_string(t);
    case OP_SUB:
    case OP_MUL:
    case OP_QUO: return types_is_numeric(t);
    case OP_REM:
    case OP_AND:
    case OP_OR:
    case OP_XOR:
    case OP_AND_NOT: return types_is_integer(t);
    case OP_LAND:
    case OP_LOR: return types_is_boolean(t);
    default: return false;
    }
}

/* representable reports a typed constant result that overflows its type. */
static bool fit_typed_const(struct checker *c, struct ast_expr *e)
{
    if (!is_const(e) || types_is_untyped(e->type))
        return true;
    bool trunc;
    struct const_val *v = const_convert(c->a, e->cv, e->type, &trunc);
    if (!v) {
        char os[300], ts[100];
        ERR(e->pos, "%s overflows %s", check_operand_string(c, e, os, sizeof os),
            check_type_string(c, e->type, ts, sizeof ts));
        e->cv = NULL;
        e->mode = M_VALUE;
        return false;
    }
    e->cv = v;
    return true;
}

/* unify converts an untyped operand to the other's type for a binary op. */
static bool unify(struct checker *c, struct ast_expr *e, struct ast_expr *x, struct ast_expr *y)
{
    char xs[300], ts[100], ys[100];
    struct ast_expr *u = types_is_untyped(x->type) ? x : y;
    struct ast_expr *t = u == x ? y : x;
    if (!types_is_untyped(u->type) || types_is_untyped(t->type))
        return true;
    if (u->mode == M_NIL)
        return true;
    const char *why;
    if (types_is_interface(t->type) && !is_comparison(e->u.binary.op)) {
        /* fall through to mismatch below */
    } else if (convert_untyped(c, u, t->type, &why)) {
        if (types_is_interface(t->type)) {
            struct ast_expr *w = check_wrap_convert(c, u, t->type, true);
            if (u == x)
                e->u.binary.x = w;
            else
                e->u.binary.y = w;
        }
        return true;
    } else if (why) {
        check_operand_string(c, u, xs, sizeof xs);
        ERR(u->pos, "%s %s %s", xs, why, check_type_string(c, t->type, ts, sizeof ts));
        return false;
    }
    check_expr_string(e, xs, sizeof xs);
    ERR(x->pos, "invalid operation: %s (mismatched types %s and %s)", xs,
        check_type_string(c, x->type, ts, sizeof ts), check_type_string(c, y->type, ys, sizeof ys));
    return false;
}

static enum mode check_shift(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *x = e->u.binary.x, *y = e->u.binary.y;
    char xs[300], es[300];
    /* the count: an integer, or an untyped constant representable as uint */
    if (is_const(y)) {
        long long n;
        if (!const_int_value(y->cv, &n)) {
            ERR(y->pos, "invalid shift count %s", check_operand_string(c, y, xs, sizeof xs));
            return fail(c, e);
        }
        if (n < 0) {
            ERR(y->pos, "invalid shift count %s (%s) must not be negative",
                check_expr_string(y, xs, sizeof xs), "untyped int constant");
            return fail(c, e);
        }
        if (types_is_untyped(y->type)) {
            y->cv = const_new_int(c->a, n);
            y->type = basic(c, T_UINT);
        }
    } else if (!types_is_integer(y->type)) {
        ERR(y->pos, "invalid operation: shift count %s must be integer",
            check_operand_string(c, y, xs, sizeof xs));
        return fail(c, e);
    }
    check_use(c, y);
    check_use(c, x);
    if (is_const(x)) {
        if (x->cv->kind == CONST_FLOAT) {
            long long v;
            if (const_int_value(x->cv, &v) && types_is_untyped(x->type)) {
                x->cv = const_new_int(c->a, v);
                x->type = basic(c, T_UNTYPED_INT);
            }
        }
        if (!types_is_integer(x->type) || x->cv->kind != CONST_INT) {
            ERR(x->pos, "invalid operation: shifted operand %s must be integer",
                check_operand_string(c, x, xs, sizeof xs));
            return fail(c, e);
        }
        if (is_const(y)) {
            long long n;
            const_int_value(y->cv, &n);
            const char *err;
            struct const_val *v =
                const_shift(c->a, e->u.binary.op, x->cv, (unsigned long long)n, &err);
            if (!v) {
                ERR(e->pos, "%s (%s)", err, check_expr_string(e, es, sizeof es));
                return fail(c, e);
            }
            e->cv = v;
            set(e, M_CONST, x->type);
            fit_typed_const(c, e);
            return (enum mode)e->mode;
        }
        /* non-constant shift of an untyped constant: the result takes its
         * type from the context (set_type_deep reaches x) */
        if (types_is_untyped(x->type))
            return set(e, M_VALUE, basic(c, T_UNTYPED_INT));
        return set(e, M_VALUE, x->type);
    }
    if (!types_is_integer(x->type)) {
        ERR(x->pos, "invalid operation: shifted operand %s must be integer",
            check_operand_string(c, x, xs, sizeof xs));
        return fail(c, e);
    }
    return set(e, M_VALUE, x->type);
}

static enum mode check_comparison(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *x = e->u.binary.x, *y = e->u.binary.y;
    enum ast_op op = e->u.binary.op;
    char es[300], ts[100], ys[100];
    check_use(c, x);
    check_use(c, y);
    if (x->mode == M_NIL || y->mode == M_NIL) {
        struct ast_expr *o = x->mode == M_NIL ? y : x;
        if (o->mode == M_NIL) {
            ERR(x->pos, "invalid operation: %s (operator %s not defined on nil)",
                check_expr_string(e, es, sizeof es),
                op == OP_EQL || op == OP_NEQ ? op_text(op) : op_text(op));
            return fail(c, e);
        }
        enum type_kind k = o->type->underlying->kind;
        if (k != T_POINTER && k != T_SLICE && k != T_MAP && k != T_CHAN && k != T_FUNC &&
            k != T_INTERFACE) {
            char os[300];
            ERR(o->pos, "invalid operation: %s (mismatched types %s and untyped nil)",
                check_expr_string(e, es, sizeof es), check_type_string(c, o->type, ts, sizeof ts));
            (void)os;
            return fail(c, e);
        }
        if (op != OP_EQL && op != OP_NEQ) {
            ERR(x->pos, "invalid operation: %s (operator %s not defined on nil)",
                check_expr_string(e, es, sizeof es), op_text(op));
            return fail(c, e);
        }
        return set(e, M_VALUE, basic(c, T_UNTYPED_BOOL));
    }
    if (!unify(c, e, x, y))
        return fail(c, e);
    x = e->u.binary.x;
    y = e->u.binary.y;
    bool ok = types_assignable(TS, x->type, y->type) || types_assignable(TS, y->type, x->type);
    if (!ok) {
        ERR(y->pos, "invalid operation: %s (mismatched types %s and %s)",
            check_expr_string(e, es, sizeof es), check_type_string(c, x->type, ts, sizeof ts),
            check_type_string(c, y->type, ys, sizeof ys));
        return fail(c, e);
    }
    /* a concrete operand compared with an interface is boxed first */
    if (types_is_interface(x->type) && !types_is_interface(y->type))
        e->u.binary.y = y = check_wrap_convert(c, y, x->type, true);
    else if (types_is_interface(y->type) && !types_is_interface(x->type))
        e->u.binary.x = x = check_wrap_convert(c, x, y->type, true);
    struct type *t = x->type;
    if (op == OP_EQL || op == OP_NEQ) {
        if (!types_comparable(t)) {
            const char *what = t->underlying->kind == T_SLICE  ? "slice"
                               : t->underlying->kind == T_MAP  ? "map"
                               : t->underlying->kind == T_FUNC ? "func"
                                                               : NULL;
            if (what)
                ERR(x->pos, "invalid operation: %s (%s can only be compared to nil)",
                    check_expr_string(e, es, sizeof es), what);
            else
                ERR(x->pos, "invalid operation: %s (%s cannot be compared)",
                    check_expr_string(e, es, sizeof es), check_type_string(c, t, ts, sizeof ts));
            return fail(c, e);
        }
    } else if (!types_ordered(t)) {
        ERR(x->pos, "invalid operation: %s (operator %s not defined on %s)",
            check_expr_string(e, es, sizeof es), op_text(op),
            x->mode == M_VAR ? x->kind == EX_IDENT ? x->u.ident.name : "operand" : "operand");
        return fail(c, e);
    }
    if (is_const(x) && is_const(y)) {
        e->cv = const_new_bool(c->a, const_compare(op, x->cv, y->cv));
        return set(e, M_CONST, basic(c, T_UNTYPED_BOOL));
    }
    /* untyped operands left (both untyped, non-constant): default them */
    check_default(c, x);
    check_default(c, y);
    return set(e, M_VALUE, basic(c, T_UNTYPED_BOOL));
}

static enum mode check_binary(struct checker *c, struct ast_expr *e, struct type *hint)
{
    struct ast_expr *x = e->u.binary.x, *y = e->u.binary.y;
    enum ast_op op = e->u.binary.op;
    char es[300], ts[100], os[300];
    (void)hint;
    if (check_value(c, x, NULL) == M_INVALID) {
        check_value(c, y, NULL);
        return fail(c, e);
    }
    if (check_value(c, y, NULL) == M_INVALID)
        return fail(c, e);
    if (op == OP_SHL || op == OP_SHR)
        return check_shift(c, e);
    if (is_comparison(op))
        return check_comparison(c, e);
    check_use(c, x);
    check_use(c, y);
    if (x->mode == M_NIL || y->mode == M_NIL) {
        ERR(x->pos, "invalid operation: operator %s not defined on nil", op_text(op));
        return fail(c, e);
    }
    if (!unify(c, e, x, y))
        return fail(c, e);
    x = e->u.binary.x;
    y = e->u.binary.y;
    if (!types_is_untyped(x->type) || !types_is_untyped(y->type)) {
        if (x->type != y->type) {
            char ys[100];
            ERR(x->pos, "invalid operation: %s (mismatched types %s and %s)",
                check_expr_string(e, es, sizeof es), check_type_string(c, x->type, ts, sizeof ts),
                check_type_string(c, y->type, ys, sizeof ys));
            return fail(c, e);
        }
    }
    struct type *t = x->type;
    if (types_is_untyped(x->type) && types_is_untyped(y->type)) {
        /* both untyped: the "larger" kind wins (int < rune < float) */
        int rx = untyped_rank(x->type->kind), ry = untyped_rank(y->type->kind);
        if (rx && ry)
            t = rx >= ry ? x->type : y->type;
        else if (x->type != y->type) {
            char ys[100];
            ERR(x->pos, "invalid operation: %s (mismatched types %s and %s)",
                check_expr_string(e, es, sizeof es), check_type_string(c, x->type, ts, sizeof ts),
                check_type_string(c, y->type, ys, sizeof ys));
            return fail(c, e);
        }
    }
    if (!op_ok(op, t)) {
        check_operand_string(c, x, os, sizeof os);
        ERR(x->pos, "invalid operation: operator %s not defined on %s", op_text(op), os);
        return fail(c, e);
    }
    bool integer = types_is_integer(t);
    if ((op == OP_QUO || op == OP_REM) && is_const(y) && types_is_numeric(y->type)) {
        bool zero = y->cv->kind == CONST_INT ? y->cv->i == 0 : y->cv->f == 0;
        if (zero && (integer || is_const(x))) {
            ERR(y->pos, "invalid operation: division by zero");
            return fail(c, e);
        }
    }
    if (is_const(x) && is_const(y)) {
        const char *err;
        struct const_val *v = const_binary(c->a, op, x->cv, y->cv, integer, &err);
        if (!v) {
            if (err)
                ERR(e->pos, "%s", err);
            return fail(c, e);
        }
        /* an untyped float result that is integral stays float kind */
        e->cv = v;
        set(e, M_CONST, t);
        fit_typed_const(c, e);
        return (enum mode)e->mode;
    }
    return set(e, M_VALUE, t);
}

static enum mode check_unary(struct checker *c, struct ast_expr *e, struct type *hint)
{
    struct ast_expr *x = e->u.unary.x;
    enum ast_op op = e->u.unary.op;
    char os[300], ts[100];
    if (op == OP_ADDR) {
        struct ast_expr *u = ast_unparen(x);
        if (u->kind == EX_COMPOSITE) {
            struct type *h =
                hint && hint->underlying->kind == T_POINTER ? hint->underlying->u.array.elem : NULL;
            if (check_expr(c, u, h) == M_INVALID)
                return fail(c, e);
            x->type = u->type;
            return set(e, M_VALUE, types_pointer(TS, u->type));
        }
        if (check_value(c, x, NULL) == M_INVALID)
            return fail(c, e);
        if (x->mode != M_VAR) {
            ERR(x->pos, "invalid operation: cannot take address of %s",
                check_operand_string(c, x, os, sizeof os));
            return fail(c, e);
        }
        check_use(c, x);
        check_address_taken(x);
        return set(e, M_VALUE, types_pointer(TS, x->type));
    }
    if (op == OP_ARROW) {
        if (check_value(c, x, NULL) == M_INVALID)
            return fail(c, e);
        check_use(c, x);
        const struct type *u = x->type->underlying;
        if (u->kind != T_CHAN) {
            ERR(x->pos, "invalid operation: cannot receive from non-channel %s",
                check_operand_string(c, x, os, sizeof os));
            return fail(c, e);
        }
        if (u->u.chan.dir == CHAN_SEND) {
            ERR(x->pos, "invalid operation: cannot receive from send-only channel %s",
                check_operand_string(c, x, os, sizeof os));
            return fail(c, e);
        }
        return set(e, M_COMMAOK, u->u.chan.elem);
    }
    if (check_value(c, x, hint) == M_INVALID)
        return fail(c, e);
    check_use(c, x);
    bool ok;
    switch (op) {
    case OP_NOT: ok = types_is_boolean(x->type); break;
    case OP_BITNOT: ok = types_is_integer(x->type); break;
    default: ok = types_is_numeric(x->type); break;
    }
    if (!ok || x->mode == M_NIL) {
        ERR(x->pos, "invalid operation: operator %s not defined on %s", op_text(op),
            check_operand_string(c, x, os, sizeof os));
        return fail(c, e);
    }
    if (is_const(x)) {
        const char *err;
        struct const_val *v = const_unary(c->a, op, x->cv, x->type, &err);
        if (!v) {
            ERR(e->pos, "%s", err ? err : "invalid constant operation");
            return fail(c, e);
        }
        e->cv = v;
        set(e, M_CONST, x->type);
        fit_typed_const(c, e);
        (void)ts;
        return (enum mode)e->mode;
    }
    return set(e, M_VALUE, x->type);
}

/* ---- literals ----------------------------------------------------------------- */

static enum mode check_basic_lit(struct checker *c, struct ast_expr *e)
{
    enum type_kind k;
    bool overflow;
    if (e->u.lit.tok == TK_IMAG) {
        ERR(e->pos, "complex number is not supported by chanlab");
        return fail(c, e);
    }
    struct const_val *v =
        const_from_literal(c->a, e->u.lit.tok, e->u.lit.text, e->u.lit.len, &k, &overflow);
    if (overflow) {
        ERR(e->pos,
            "constant overflow: integer literal too large for chanlab (more than 127 bits)");
        return fail(c, e);
    }
    if (!v)
        return fail(c, e);
    e->cv = v;
    return set(e, M_CONST, basic(c, k));
}

static const char *lit_context(const struct type *u)
{
    switch (u->kind) {
    case T_STRUCT: return "struct literal";
    case T_MAP: return "map literal";
    default: return "array or slice literal";
    }
}

static void check_elem_value(struct checker *c, struct ast_expr **vp, struct type *t,
                             const char *context)
{
    struct ast_expr *v = *vp;
    if (v->kind == EX_COMPOSITE && !v->u.composite.type_expr) {
        check_expr(c, v, t);
        return;
    }
    if (v->kind == EX_UNARY && v->u.unary.op == OP_ADDR) {
        check_value(c, v, t);
    } else if (check_value(c, v, t) == M_INVALID) {
        return;
    }
    check_assign_to(c, vp, t, context);
}

static enum mode check_composite(struct checker *c, struct ast_expr *e, struct type *hint)
{
    struct type *t;
    struct ast_expr *te = e->u.composite.type_expr;
    char ts[200], xs[200];
    bool open_array = false;
    if (te) {
        if (te->kind == EX_ARRAYTYPE && te->u.arraytype.len &&
            te->u.arraytype.len->kind == EX_ELLIPSIS) {
            open_array = true;
            t = check_type_expr(c, te->u.arraytype.elem);
            te->mode = M_TYPE;
            te->is_type = true;
        } else {
            t = check_type_expr(c, te);
        }
    } else if (hint) {
        t = hint;
    } else {
        ERR(e->pos, "invalid composite literal type: missing type");
        return fail(c, e);
    }
    if (t->kind == T_INVALID || check_broken_type(t)) {
        for (int i = 0; i < e->u.composite.nelts; i++) {
            struct ast_expr *el = e->u.composite.elts[i];
            if (el->kind == EX_KEYVALUE)
                el = el->u.kv.value;
            if (el->kind != EX_COMPOSITE)
                check_expr(c, el, NULL);
        }
        return fail(c, e);
    }
    struct type *result = t;
    if (!te && t->underlying->kind == T_POINTER) {
        /* &T{} elided inside an outer literal: the value is a pointer */
        t = t->underlying->u.array.elem;
    }
    const struct type *u = open_array ? NULL : t->underlying;
    int n = e->u.composite.nelts;
    e->u.composite.indices = arena_alloc(c->a, (size_t)(n + 1) * sizeof(int64_t));
    if (open_array || u->kind == T_ARRAY || u->kind == T_SLICE) {
        struct type *elem = open_array ? t : u->u.array.elem;
        int64_t idx = 0, max = 0;
        for (int i = 0; i < n; i++) {
            struct ast_expr *el = e->u.composite.elts[i];
            struct ast_expr **vp = &e->u.composite.elts[i];
            if (el->kind == EX_KEYVALUE) {
                struct ast_expr *k = el->u.kv.key;
                check_expr(c, k, NULL);
                long long kv;
                if (k->mode != M_CONST || !const_int_value(k->cv, &kv) || kv < 0) {
                    if (k->mode != M_INVALID)
                        ERR(k->pos, "index %s must be integer constant",
                            check_expr_string(k, xs, sizeof xs));
                } else {
                    if (types_is_untyped(k->type))
                        k->type = basic(c, T_INT);
                    idx = kv;
                }
                vp = &el->u.kv.value;
            }
            for (int j = 0; j < i; j++)
                if (e->u.composite.indices[j] == idx) {
                    ERR(el->pos, "duplicate index %lld in array or slice literal", (long long)idx);
                    break;
                }
            if (!open_array && u->kind == T_ARRAY && idx >= u->u.array.len) {
                ERR(el->pos, "index %lld is out of bounds (>= %lld)", (long long)idx,
                    (long long)u->u.array.len);
            }
            e->u.composite.indices[i] = idx;
            check_elem_value(c, vp, elem, "array or slice literal");
            if (el->kind == EX_KEYVALUE)
                el->type = (*vp)->type;
            idx++;
            if (idx > max)
                max = idx;
        }
        if (open_array) {
            t = types_array(TS, elem, max);
            te->type = t;
            result = t;
        }
        e->u.composite.length = open_array || u->kind == T_SLICE ? max : u->u.array.len;
    } else if (u->kind == T_STRUCT) {
        bool keyed = n > 0 && e->u.composite.elts[0]->kind == EX_KEYVALUE;
        for (int i = 0; i < n; i++) {
            struct ast_expr *el = e->u.composite.elts[i];
            if ((el->kind == EX_KEYVALUE) != keyed) {
                ERR(el->pos, "mixture of field:value and value elements in struct literal");
                return fail(c, e);
            }
            if (keyed) {
                struct ast_expr *k = el->u.kv.key;
                int fi = -1;
                if (k->kind == EX_IDENT)
                    for (int j = 0; j < u->u.strct.nfields; j++)
                        if (strcmp(u->u.strct.fields[j].name, k->u.ident.name) == 0)
                            fi = j;
                if (fi < 0) {
                    ERR(k->pos, "unknown field %s in struct literal of type %s",
                        check_expr_string(k, xs, sizeof xs),
                        check_type_string(c, t, ts, sizeof ts));
                    check_expr(c, el->u.kv.value, NULL);
                    continue;
                }
                for (int j = 0; j < i; j++)
                    if (e->u.composite.indices[j] == fi) {
                        ERR(k->pos, "duplicate field name %s in struct literal", k->u.ident.name);
                        break;
                    }
                const struct type_field *f = &u->u.strct.fields[fi];
                if (f->pkg && f->pkg != c->pkg && !(f->name[0] >= 'A' && f->name[0] <= 'Z'))
                    ERR(k->pos, "cannot refer to unexported field %s in struct literal of type %s",
                        f->name, check_type_string(c, t, ts, sizeof ts));
                k->type = f->type;
                e->u.composite.indices[i] = fi;
                check_elem_value(c, &el->u.kv.value, f->type, "struct literal");
                el->type = el->u.kv.value->type;
            } else {
                if (i >= u->u.strct.nfields) {
                    ERR(el->pos, "too many values in struct literal of type %s",
                        check_type_string(c, t, ts, sizeof ts));
                    return fail(c, e);
                }
                e->u.composite.indices[i] = i;
                check_elem_value(c, &e->u.composite.elts[i], u->u.strct.fields[i].type,
                                 "struct literal");
            }
        }
        if (!keyed && n > 0 && n < u->u.strct.nfields) {
            ERR(e->u.composite.rbrace, "too few values in struct literal of type %s",
                check_type_string(c, t, ts, sizeof ts));
        }
    } else if (u->kind == T_MAP) {
        for (int i = 0; i < n; i++) {
            struct ast_expr *el = e->u.composite.elts[i];
            if (el->kind != EX_KEYVALUE) {
                ERR(el->pos, "missing key in map literal");
                check_expr(c, el, NULL);
                continue;
            }
            check_elem_value(c, &el->u.kv.key, u->u.map.key, "map literal");
            check_elem_value(c, &el->u.kv.value, u->u.map.elem, "map literal");
            struct ast_expr *k = el->u.kv.key;
            if (is_const(k))
                for (int j = 0; j < i; j++) {
                    struct ast_expr *o = e->u.composite.elts[j];
                    if (o->kind == EX_KEYVALUE && is_const(o->u.kv.key) &&
                        o->u.kv.key->cv->kind == k->cv->kind &&
                        const_compare(OP_EQL, o->u.kv.key->cv, k->cv)) {
                        char vs[100];
                        ERR(k->pos, "duplicate key %s in map literal",
                            check_expr_string(k, vs, sizeof vs));
                        break;
                    }
                }
            el->type = el->u.kv.value->type;
        }
    } else {
        ERR(e->pos, "invalid composite literal type %s", check_type_string(c, t, ts, sizeof ts));
        return fail(c, e);
    }
    (void)lit_context;
    return set(e, M_VALUE, result);
}

static enum mode check_func_lit(struct checker *c, struct ast_expr *e)
{
    struct ast_func *f = e->u.func;
    bool variadic;
    f->type = check_signature(c, f->sig, &variadic);
    f->pkg = c->pkg;
    f->outer = c->fn ? c->fn->func : NULL;
    char buf[256];
    snprintf(buf, sizeof buf, "%s.func%d", c->fn ? c->fn->func->qname : "glob",
             ++c->funclit_counter);
    f->qname = arena_strndup(c->a, buf, strlen(buf));
    f->name = "";
    check_func_body(c, f, c->fn);
    return set(e, M_VALUE, f->type);
}

/* ---- index, slice, assertion ------------------------------------------------- */

/* check_index_value checks an index expression; returns its constant value
 * or -1. length >= 0 bounds constant indices. */
static long long check_index_value(struct checker *c, struct ast_expr **ip, long long length,
                                   bool allow_eq)
{
    struct ast_expr *i = *ip;
    char os[300];
    if (check_value(c, i, NULL) == M_INVALID)
        return -2;
    check_use(c, i);
    if (is_const(i)) {
        long long v;
        if (!types_is_numeric(i->type)) {
            ERR(i->pos, "cannot convert %s to type int", check_operand_string(c, i, os, sizeof os));
            return -2;
        }
        if (!const_int_value(i->cv, &v)) {
            ERR(i->pos, "%s truncated to int", check_operand_string(c, i, os, sizeof os));
            return -2;
        }
        if (types_is_untyped(i->type)) {
            i->cv = const_new_int(c->a, v);
            i->type = basic(c, T_INT);
        } else if (!types_is_integer(i->type)) {
            ERR(i->pos, "invalid argument: index %s must be integer",
                check_operand_string(c, i, os, sizeof os));
            return -2;
        }
        if (v < 0) {
            ERR(i->pos, "invalid argument: index %s must not be negative",
                check_operand_string(c, i, os, sizeof os));
            return -2;
        }
        if (length >= 0 && (allow_eq ? v > length : v >= length)) {
            char xs[100];
            ERR(i->pos, "invalid argument: index %s out of bounds [0:%lld]",
                check_expr_string(i, xs, sizeof xs), length + (allow_eq ? 1 : 0));
            return -2;
        }
        return v;
    }
    if (!types_is_integer(i->type)) {
        ERR(i->pos, "invalid argument: index %s must be integer",
            check_operand_string(c, i, os, sizeof os));
        return -2;
    }
    return -1;
}

static enum mode check_index(struct checker *c, struct ast_expr *e, struct type *hint)
{
    struct ast_expr *x = e->u.index.x;
    char os[300];
    (void)hint;
    bool saved_inst = c->instantiating;
    /* a generic type may be named here, and only here: X[...] with X a
     * (qualified) identifier */
    c->instantiating =
        x->kind == EX_IDENT || (x->kind == EX_SELECTOR && x->u.sel.x->kind == EX_IDENT);
    enum mode m = check_expr_or_type(c, x, NULL);
    c->instantiating = saved_inst;
    if (m == M_INVALID) {
        check_expr(c, e->u.index.index, NULL);
        return fail(c, e);
    }
    if (m == M_TYPE) {
        struct generic *g = check_generic_of(c, x->type);
        if (!g) {
            char xs[200], ts[200];
            ERR(e->pos, "invalid operation: %s (%s is not a generic type)",
                check_expr_string(e, xs, sizeof xs), check_type_string(c, x->type, ts, sizeof ts));
            return fail(c, e);
        }
        struct type *arg = check_type_expr(c, e->u.index.index);
        if (arg->kind == T_INVALID)
            return fail(c, e);
        return set(e, M_TYPE, check_generic_instance(c, g, arg));
    }
    if (check_as_value(c, x, m) == M_INVALID)
        return fail(c, e);
    check_use(c, x);
    const struct type *u = x->type->underlying;
    switch (u->kind) {
    case T_STRING:
    case T_UNTYPED_STRING: {
        long long len = is_const(x) ? (long long)x->cv->slen : -1;
        check_index_value(c, &e->u.index.index, len, false);
        check_default(c, x);
        return set(e, M_VALUE, basic(c, T_UINT8));
    }
    case T_ARRAY:
        check_index_value(c, &e->u.index.index, u->u.array.len, false);
        return set(e, x->mode == M_VAR ? M_VAR : M_VALUE, u->u.array.elem);
    case T_POINTER:
        if (u->u.array.elem->underlying->kind == T_ARRAY) {
            const struct type *a = u->u.array.elem->underlying;
            check_index_value(c, &e->u.index.index, a->u.array.len, false);
            return set(e, M_VAR, a->u.array.elem);
        }
        break;
    case T_SLICE:
        check_index_value(c, &e->u.index.index, -1, false);
        return set(e, M_VAR, u->u.array.elem);
    case T_MAP:
        if (check_value(c, e->u.index.index, u->u.map.key) != M_INVALID)
            check_assign_to(c, &e->u.index.index, u->u.map.key, "map index");
        return set(e, M_MAPINDEX, u->u.map.elem);
    default: break;
    }
    ERR(e->u.index.lbrack, "invalid operation: cannot index %s",
        check_operand_string(c, x, os, sizeof os));
    check_expr(c, e->u.index.index, NULL);
    return fail(c, e);
}

static enum mode check_slice_expr(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *x = e->u.slice.x;
    char os[300];
    if (check_value(c, x, NULL) == M_INVALID)
        return fail(c, e);
    check_use(c, x);
    const struct type *u = x->type->underlying;
    long long len = -1;
    struct type *result = NULL;
    switch (u->kind) {
    case T_STRING:
    case T_UNTYPED_STRING:
        if (e->u.slice.max) {
            ERR(e->u.slice.max->pos, "invalid operation: 3-index slice of string");
            return fail(c, e);
        }
        if (is_const(x))
            len = (long long)x->cv->slen;
        check_default(c, x);
        result = x->type;
        break;
    case T_ARRAY:
        if (x->mode != M_VAR) {
            ERR(e->pos, "invalid operation: %s (slice of unaddressable value)",
                check_expr_string(e, os, sizeof os));
            return fail(c, e);
        }
        len = u->u.array.len;
        result = types_slice(TS, u->u.array.elem);
        break;
    case T_POINTER:
        if (u->u.array.elem->underlying->kind == T_ARRAY) {
            len = u->u.array.elem->underlying->u.array.len;
            result = types_slice(TS, u->u.array.elem->underlying->u.array.elem);
        }
        break;
    case T_SLICE: result = x->type; break;
    default: break;
    }
    if (!result) {
        ERR(x->pos, "cannot slice %s", check_operand_string(c, x, os, sizeof os));
        return fail(c, e);
    }
    long long vals[3] = {-1, -1, -1};
    struct ast_expr **parts[3] = {&e->u.slice.lo, &e->u.slice.hi, &e->u.slice.max};
    for (int i = 0; i < 3; i++)
        if (*parts[i])
            vals[i] = check_index_value(c, parts[i], len, true);
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
                ERR((*parts[j])->pos, "invalid slice indices: %lld < %lld", vals[j], vals[i]);
                return fail(c, e);
            }
    return set(e, M_VALUE, result);
}

static enum mode check_type_assert(struct checker *c, struct ast_expr *e)
{
    struct ast_expr *x = e->u.assert.x;
    char os[300], ts[200], xs[300];
    if (!e->u.assert.type_expr) {
        ERR(e->pos, "invalid syntax tree: use of .(type) outside type switch");
        check_expr(c, x, NULL);
        return fail(c, e);
    }
    if (check_value(c, x, NULL) == M_INVALID) {
        check_type_expr(c, e->u.assert.type_expr);
        return fail(c, e);
    }
    check_use(c, x);
    struct type *t = check_type_expr(c, e->u.assert.type_expr);
    if (!types_is_interface(x->type)) {
        ERR(x->pos, "invalid operation: %s is not an interface",
            check_operand_string(c, x, os, sizeof os));
        return fail(c, e);
    }
    if (t->kind == T_INVALID)
        return fail(c, e);
    if (!types_is_interface(t)) {
        const char *missing = NULL;
        bool wrong;
        if (!types_implements(TS, t, x->type, &missing, &wrong)) {
            char is[200];
            check_type_string(c, x->type, is, sizeof is);
            ERR(x->pos, "impossible type assertion: %s\n\t%s does not implement %s (%s %s%s)",
                check_expr_string(e, xs, sizeof xs), check_type_string(c, t, ts, sizeof ts), is,
                wrong ? "method" : "missing method", missing ? missing : "?",
                wrong ? " has pointer receiver" : "");
            return fail(c, e);
        }
    }
    return set(e, M_COMMAOK, t);
}

/* ---- the dispatcher ----------------------------------------------------------- */

enum mode check_selector(struct checker *c, struct ast_expr *e);
enum mode check_call(struct checker *c, struct ast_expr *e, struct type *hint);

enum mode check_expr_or_type(struct checker *c, struct ast_expr *e, struct type *hint)
{
    if (++c->depth > 3000) {
        c->depth--;
        ERR(e->pos, "expression nesting too deep: not supported by chanlab");
        return fail(c, e);
    }
    enum mode m;
    switch (e->kind) {
    case EX_BAD: m = fail(c, e); break;
    case EX_IDENT: m = check_ident(c, e); break;
    case EX_BASICLIT: m = check_basic_lit(c, e); break;
    case EX_COMPOSITE: m = check_composite(c, e, hint); break;
    case EX_FUNCLIT: m = check_func_lit(c, e); break;
    case EX_PAREN: {
        struct ast_expr *x = e->u.unary.x;
        m = check_expr_or_type(c, x, hint);
        e->cv = x->cv;
        set(e, m, x->type);
        break;
    }
    case EX_SELECTOR: m = check_selector(c, e); break;
    case EX_INDEX: m = check_index(c, e, hint); break;
    case EX_SLICE: m = check_slice_expr(c, e); break;
    case EX_TYPEASSERT: m = check_type_assert(c, e); break;
    case EX_CALL: m = check_call(c, e, hint); break;
    case EX_STAR: {
        struct ast_expr *x = e->u.unary.x;
        enum mode xm = check_expr_or_type(c, x, NULL);
        if (xm == M_INVALID) {
            m = fail(c, e);
        } else if (xm == M_TYPE) {
            m = set(e, M_TYPE, types_pointer(TS, x->type));
        } else if (xm == M_NIL) {
            ERR(e->pos, "invalid operation: cannot indirect nil");
            m = fail(c, e);
        } else if (x->type->underlying->kind != T_POINTER) {
            char os[300];
            ERR(x->pos, "invalid operation: cannot indirect %s",
                check_operand_string(c, x, os, sizeof os));
            m = fail(c, e);
        } else {
            check_use(c, x);
            m = set(e, M_VAR, x->type->underlying->u.array.elem);
        }
        break;
    }
    case EX_UNARY: m = check_unary(c, e, hint); break;
    case EX_BINARY: m = check_binary(c, e, hint); break;
    case EX_KEYVALUE:
        ERR(e->pos, "unexpected key:value expression");
        m = fail(c, e);
        break;
    case EX_ELLIPSIS:
        ERR(e->pos, "invalid use of ...");
        m = fail(c, e);
        break;
    case EX_ARRAYTYPE:
    case EX_STRUCTTYPE:
    case EX_FUNCTYPE:
    case EX_INTERFACETYPE:
    case EX_MAPTYPE:
    case EX_CHANTYPE:
        check_type_expr(c, e);
        m = (enum mode)e->mode;
        break;
    case EX_CONVERT: m = (enum mode)e->mode; break;
    default: m = fail(c, e); break;
    }
    c->depth--;
    return m;
}

enum mode check_expr(struct checker *c, struct ast_expr *e, struct type *hint)
{
    enum mode m = check_expr_or_type(c, e, hint);
    if (m == M_TYPE) {
        char xs[200];
        ERR(e->pos, "%s (type) is not an expression", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    }
    return m;
}

enum mode check_value(struct checker *c, struct ast_expr *e, struct type *hint)
{
    return check_as_value(c, e, check_expr(c, e, hint));
}

enum mode check_as_value(struct checker *c, struct ast_expr *e, enum mode m)
{
    char os[300], xs[300];
    if (m == M_TYPE) {
        ERR(e->pos, "%s (type) is not an expression", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    }
    if (m != M_PKG && m != M_BUILTIN && e->type && e->type->kind == T_INVALID)
        return fail(c, e); /* already reported */
    switch (m) {
    case M_NOVALUE:
        ERR(e->pos, "%s (no value) used as value", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    case M_BUILTIN:
        ERR(e->pos, "%s (built-in) must be called", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    case M_PKG:
        ERR(e->pos, "use of package %s not in selector", check_expr_string(e, xs, sizeof xs));
        return fail(c, e);
    default: break;
    }
    if (m != M_INVALID && e->type && e->type->kind == T_TUPLE) {
        check_expr_string(e, xs, sizeof xs);
        check_type_string(c, e->type, os, sizeof os);
        ERR(e->pos, "multiple-value %s (value of type %s) in single-value context", xs, os);
        return fail(c, e);
    }
    return m;
}
