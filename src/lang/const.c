/* const.c: exact constant arithmetic for Go's constant expressions.
 *
 * Integers are exact in 128 bits (Go's are unbounded; a program that needs
 * more gets "constant overflow"); floats are doubles. Values are converted
 * to their final type by const_convert, which implements Go's
 * representability rule. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lex.h"

__extension__ typedef unsigned __int128 const_uint;

struct const_val *const_new_int(struct arena *a, const_int v)
{
    struct const_val *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_INT;
    c->i = v;
    return c;
}

struct const_val *const_new_float(struct arena *a, double v)
{
    struct const_val *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_FLOAT;
    c->f = v;
    return c;
}

struct const_val *const_new_bool(struct arena *a, bool v)
{
    struct const_val *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_BOOL;
    c->b = v;
    return c;
}

struct const_val *const_new_string(struct arena *a, const char *s, size_t n)
{
    struct const_val *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_STRING;
    c->s = s;
    c->slen = n;
    return c;
}

static int digit_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

struct const_val *const_from_literal(struct arena *a, int tok, const char *text, size_t len,
                                     enum type_kind *kind, bool *overflow)
{
    *overflow = false;
    switch (tok) {
    case TK_INT: {
        *kind = T_UNTYPED_INT;
        int base = 10;
        size_t i = 0;
        if (len >= 2 && text[0] == '0') {
            char p = (char)(text[1] | 0x20);
            if (p == 'x')
                base = 16, i = 2;
            else if (p == 'b')
                base = 2, i = 2;
            else if (p == 'o')
                base = 8, i = 2;
            else
                base = 8, i = 1;
        }
        const_int v = 0;
        for (; i < len; i++) {
            if (text[i] == '_')
                continue;
            int d = digit_val((unsigned char)text[i]);
            if (d >= base)
                return const_new_int(a, 0);
            if (__builtin_mul_overflow(v, (const_int)base, &v) ||
                __builtin_add_overflow(v, (const_int)d, &v)) {
                *overflow = true;
                return const_new_int(a, 0);
            }
        }
        return const_new_int(a, v);
    }
    case TK_FLOAT: {
        *kind = T_UNTYPED_FLOAT;
        char buf[256];
        size_t n = 0;
        for (size_t i = 0; i < len && n + 1 < sizeof buf; i++)
            if (text[i] != '_')
                buf[n++] = text[i];
        buf[n] = 0;
        return const_new_float(a, strtod(buf, NULL));
    }
    case TK_RUNE: *kind = T_UNTYPED_RUNE; return const_new_int(a, lex_rune_value(text, len));
    case TK_STRING: {
        *kind = T_UNTYPED_STRING;
        size_t n;
        char *s = lex_string_value(a, text, len, &n);
        return const_new_string(a, s, n);
    }
    default: *kind = T_INVALID; return NULL;
    }
}

static double to_float(const struct const_val *x)
{
    return x->kind == CONST_INT ? (double)x->i : x->f;
}

bool const_int_value(const struct const_val *x, long long *out)
{
    if (!x)
        return false;
    if (x->kind == CONST_FLOAT) {
        if (x->f != floor(x->f) || fabs(x->f) > 9.2e18)
            return false;
        *out = (long long)x->f;
        return true;
    }
    if (x->kind != CONST_INT || x->i > (const_int)INT64_MAX || x->i < (const_int)INT64_MIN)
        return false;
    *out = (long long)x->i;
    return true;
}

struct const_val *const_binary(struct arena *a, enum ast_op op, const struct const_val *x,
                               const struct const_val *y, bool integer, const char **err)
{
    *err = NULL;
    if (x->kind == CONST_STRING && y->kind == CONST_STRING && op == OP_ADD) {
        char *s = arena_alloc(a, x->slen + y->slen + 1);
        memcpy(s, x->s, x->slen);
        memcpy(s + x->slen, y->s, y->slen);
        return const_new_string(a, s, x->slen + y->slen);
    }
    if (x->kind == CONST_BOOL && y->kind == CONST_BOOL) {
        if (op == OP_LAND)
            return const_new_bool(a, x->b && y->b);
        if (op == OP_LOR)
            return const_new_bool(a, x->b || y->b);
        return NULL;
    }
    if (x->kind == CONST_INT && y->kind == CONST_INT && (integer || op != OP_QUO)) {
        const_int r = 0, u = x->i, v = y->i;
        bool ovf = false;
        switch (op) {
        case OP_ADD: ovf = __builtin_add_overflow(u, v, &r); break;
        case OP_SUB: ovf = __builtin_sub_overflow(u, v, &r); break;
        case OP_MUL: ovf = __builtin_mul_overflow(u, v, &r); break;
        case OP_QUO:
        case OP_REM:
            if (v == 0) {
                *err = "invalid operation: division by zero";
                return NULL;
            }
            if (v == -1)
                r = op == OP_QUO ? -u : 0;
            else
                r = op == OP_QUO ? u / v : u % v;
            break;
        case OP_AND: r = u & v; break;
        case OP_OR: r = u | v; break;
        case OP_XOR: r = u ^ v; break;
        case OP_AND_NOT: r = u & ~v; break;
        default: return NULL;
        }
        if (ovf) {
            *err = "constant overflow";
            return NULL;
        }
        return const_new_int(a, r);
    }
    if ((x->kind == CONST_INT || x->kind == CONST_FLOAT) &&
        (y->kind == CONST_INT || y->kind == CONST_FLOAT)) {
        double u = to_float(x), v = to_float(y), r;
        switch (op) {
        case OP_ADD: r = u + v; break;
        case OP_SUB: r = u - v; break;
        case OP_MUL: r = u * v; break;
        case OP_QUO:
            if (v == 0) {
                *err = "invalid operation: division by zero";
                return NULL;
            }
            r = u / v;
            break;
        default: return NULL;
        }
        if (isinf(r) || isnan(r)) {
            *err = "constant overflow";
            return NULL;
        }
        return const_new_float(a, r);
    }
    return NULL;
}

struct const_val *const_unary(struct arena *a, enum ast_op op, const struct const_val *x,
                              const struct type *t, const char **err)
{
    *err = NULL;
    switch (op) {
    case OP_POS: return (struct const_val *)x;
    case OP_NEG:
        if (x->kind == CONST_INT) {
            const_int r;
            if (__builtin_sub_overflow((const_int)0, x->i, &r)) {
                *err = "constant overflow";
                return NULL;
            }
            return const_new_int(a, r);
        }
        return x->kind == CONST_FLOAT ? const_new_float(a, -x->f) : NULL;
    case OP_NOT: return x->kind == CONST_BOOL ? const_new_bool(a, !x->b) : NULL;
    case OP_BITNOT:
        if (x->kind != CONST_INT)
            return NULL;
        if (t && types_is_unsigned(t)) {
            int bits = types_size_bits(t);
            const_uint mask = bits >= 64 ? (const_uint)UINT64_MAX : (((const_uint)1 << bits) - 1);
            return const_new_int(a, (const_int)(~(const_uint)x->i & mask));
        }
        return const_new_int(a, ~x->i);
    default: return NULL;
    }
}

struct const_val *const_shift(struct arena *a, enum ast_op op, const struct const_val *x,
                              unsigned long long s, const char **err)
{
    *err = NULL;
    if (x->kind != CONST_INT)
        return NULL;
    if (op == OP_SHR)
        return const_new_int(a, s >= 127 ? (x->i < 0 ? -1 : 0) : x->i >> s);
    if (x->i == 0)
        return const_new_int(a, 0);
    if (s >= 126) {
        *err = "constant shift overflow";
        return NULL;
    }
    const_int r = x->i * ((const_int)1 << s);
    if (r / ((const_int)1 << s) != x->i) {
        *err = "constant shift overflow";
        return NULL;
    }
    return const_new_int(a, r);
}

bool const_compare(enum ast_op op, const struct const_val *x, const struct const_val *y)
{
    int c;
    if (x->kind == CONST_STRING && y->kind == CONST_STRING) {
        size_t n = x->slen < y->slen ? x->slen : y->slen;
        c = memcmp(x->s, y->s, n);
        if (c == 0)
            c = (x->slen > y->slen) - (x->slen < y->slen);
    } else if (x->kind == CONST_BOOL && y->kind == CONST_BOOL) {
        c = x->b != y->b;
    } else if (x->kind == CONST_INT && y->kind == CONST_INT) {
        c = (x->i > y->i) - (x->i < y->i);
    } else {
        double u = to_float(x), v = to_float(y);
        c = (u > v) - (u < v);
    }
    switch (op) {
    case OP_EQL: return c == 0;
    case OP_NEQ: return c != 0;
    case OP_LSS: return c < 0;
    case OP_LEQ: return c <= 0;
    case OP_GTR: return c > 0;
    case OP_GEQ: return c >= 0;
    default: return false;
    }
}

struct const_val *const_convert(struct arena *a, const struct const_val *x, const struct type *t,
                                bool *truncated)
{
    *truncated = false;
    enum type_kind k = t->underlying->kind;
    if (k == T_BOOL || k == T_UNTYPED_BOOL)
        return x->kind == CONST_BOOL ? (struct const_val *)x : NULL;
    if (k == T_STRING || k == T_UNTYPED_STRING)
        return x->kind == CONST_STRING ? (struct const_val *)x : NULL;
    if (x->kind != CONST_INT && x->kind != CONST_FLOAT)
        return NULL;
    if (types_is_integer(t)) {
        const_int v;
        if (x->kind == CONST_FLOAT) {
            if (x->f != floor(x->f)) {
                *truncated = true;
                return NULL;
            }
            if (fabs(x->f) >= 1.7e38)
                return NULL;
            v = (const_int)x->f;
        } else {
            v = x->i;
        }
        if (k == T_UNTYPED_INT || k == T_UNTYPED_RUNE)
            return const_new_int(a, v);
        int bits = types_size_bits(t);
        if (types_is_unsigned(t)) {
            if (v < 0 || (bits < 64 ? v >= ((const_int)1 << bits) : v > (const_int)UINT64_MAX))
                return NULL;
        } else {
            const_int lim = (const_int)1 << (bits - 1);
            if (v < -lim || v >= lim)
                return NULL;
        }
        return const_new_int(a, v);
    }
    if (types_is_float(t)) {
        double f = to_float(x);
        if (k == T_FLOAT32) {
            if (fabs(f) > FLT_MAX)
                return NULL;
            f = (double)(float)f;
        }
        if (isinf(f))
            return NULL;
        return const_new_float(a, f);
    }
    return NULL;
}

static void int128_str(const_int v, char *buf, size_t size)
{
    char tmp[64];
    int n = 0;
    bool neg = v < 0;
    const_uint u = neg ? (const_uint)0 - (const_uint)v : (const_uint)v;
    do {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u && n < 60);
    size_t o = 0;
    if (neg && o + 1 < size)
        buf[o++] = '-';
    while (n > 0 && o + 1 < size)
        buf[o++] = tmp[--n];
    buf[o] = 0;
}

char *const_string(const struct const_val *x, char *buf, size_t size)
{
    switch (x->kind) {
    case CONST_BOOL: snprintf(buf, size, "%s", x->b ? "true" : "false"); break;
    case CONST_INT: int128_str(x->i, buf, size); break;
    case CONST_FLOAT:
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(buf, size, "%.*g", prec, x->f);
            if (strtod(buf, NULL) == x->f)
                break;
        }
        break;
    case CONST_STRING: {
        size_t o = 0;
        if (size < 8) {
            buf[0] = 0;
            break;
        }
        buf[o++] = '"';
        for (size_t i = 0; i < x->slen && o + 6 < size; i++) {
            unsigned char ch = (unsigned char)x->s[i];
            if (ch == '"' || ch == '\\') {
                buf[o++] = '\\';
                buf[o++] = (char)ch;
            } else if (ch == '\n') {
                buf[o++] = '\\';
                buf[o++] = 'n';
            } else if (ch == '\t') {
                buf[o++] = '\\';
                buf[o++] = 't';
            } else if (ch < 0x20) {
                o += (size_t)snprintf(buf + o, size - o, "\\x%02x", ch);
            } else {
                buf[o++] = (char)ch;
            }
        }
        buf[o++] = '"';
        buf[o] = 0;
        break;
    }
    }
    return buf;
}
