/* const.c: exact constant arithmetic for Go's constant expressions.
 *
 * Integers are exact in 128 bits (Go's are unbounded; a program that needs
 * more gets "constant overflow"). Untyped floats are rationals num/den in
 * lowest terms while both stay below 2^120, which covers decimal literals up
 * to 36 digits and their sums, products and quotients; an operation whose
 * result does not fit continues in long double (64-bit or wider mantissa)
 * and stays inexact. Typed float constants hold their rounded value, as Go
 * rounds them to their type. A rational is rounded to float64 (or float32)
 * correctly: its decimal expansion, exact or with a sticky last digit, goes
 * through strtod. Values are converted to their final type by const_convert,
 * which implements Go's representability rule. */
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
    c->lf = v;
    return c;
}

/* ---- rationals ---- */

/* A float operand: exact num/den, or lf. */
struct fnum {
    bool exact;
    const_int num, den;
    long double lf;
};

static const const_int RAT_LIMIT = (const_int)1 << 120;
#define INT128_MIN_ ((const_int)((const_uint)1 << 127)) /* cannot be negated */

static const_int gcd128(const_int a, const_int b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        const_int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static bool int128_abs_ok(const_int v)
{
    return v < RAT_LIMIT && v > -RAT_LIMIT;
}

static struct fnum fnum_of(const struct const_val *x)
{
    struct fnum r = {0};
    if (x->kind == CONST_INT) {
        r.num = x->i;
        r.den = 1;
        r.exact = int128_abs_ok(x->i);
        r.lf = (long double)x->i;
    } else if (x->exact) {
        r.exact = true;
        r.num = x->num;
        r.den = x->den;
        r.lf = (long double)x->num / (long double)x->den;
    } else {
        r.lf = x->lf;
    }
    return r;
}

/* rat_decimal writes num/den (den > 0, both below 2^120) in decimal: every
 * digit when the expansion ends within 150 fraction digits (a value with a
 * power-of-two denominator below 2^120 always does), else 150 digits and a
 * sticky 1, so strtod rounds it as it would the exact value. */
static void rat_decimal(const_int num, const_int den, char *buf, size_t size)
{
    size_t o = 0;
    if (num < 0) {
        buf[o++] = '-';
        num = -num;
    }
    const_int q = num / den, r = num % den;
    char tmp[64];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + (int)(q % 10));
        q /= 10;
    } while (q && n < 60);
    while (n > 0 && o + 1 < size)
        buf[o++] = tmp[--n];
    if (r && o + 1 < size)
        buf[o++] = '.';
    for (int i = 0; r && i < 150 && o + 2 < size; i++) {
        r *= 10;
        buf[o++] = (char)('0' + (int)(r / den));
        r %= den;
    }
    if (r && o + 1 < size)
        buf[o++] = '1';
    buf[o] = 0;
}

static double rat_to_double(const_int num, const_int den)
{
    char buf[256];
    rat_decimal(num, den, buf, sizeof buf);
    return strtod(buf, NULL);
}

static float rat_to_float(const_int num, const_int den)
{
    char buf[256];
    rat_decimal(num, den, buf, sizeof buf);
    return strtof(buf, NULL);
}

/* fnum_new stores v as an untyped float constant (reduced, or inexact when
 * it does not fit); NULL when an inexact value is infinite or not a number. */
static struct const_val *fnum_new(struct arena *a, struct fnum v)
{
    struct const_val *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_FLOAT;
    if (v.exact && v.den != 0 && v.num != INT128_MIN_ && v.den != INT128_MIN_) {
        if (v.den < 0) {
            v.num = -v.num;
            v.den = -v.den;
        }
        const_int g = gcd128(v.num, v.den);
        if (g > 1) {
            v.num /= g;
            v.den /= g;
        }
        if (int128_abs_ok(v.num) && v.den < RAT_LIMIT) {
            c->exact = true;
            c->num = v.num;
            c->den = v.den;
            c->f = rat_to_double(v.num, v.den);
            c->lf = (long double)v.num / (long double)v.den;
            return c;
        }
        v.lf = (long double)v.num / (long double)v.den;
    }
    if (isinf(v.lf) || isnan(v.lf))
        return NULL;
    c->lf = v.lf;
    c->f = (double)v.lf;
    return c;
}

/* fnum_arith: x op y for + - * /, exactly when both are exact and the
 * result fits, else in long double. */
static struct fnum fnum_arith(enum ast_op op, struct fnum x, struct fnum y)
{
    struct fnum r = {0};
    if (x.exact && y.exact) {
        const_int a = x.num, b = x.den, c = y.num, d = y.den, n, m, t1, t2;
        bool ovf = false;
        switch (op) {
        case OP_ADD:
        case OP_SUB: {
            const_int g = gcd128(b, d);
            ovf = __builtin_mul_overflow(a, d / g, &t1) || __builtin_mul_overflow(c, b / g, &t2) ||
                  (op == OP_ADD ? __builtin_add_overflow(t1, t2, &n)
                                : __builtin_sub_overflow(t1, t2, &n)) ||
                  __builtin_mul_overflow(b / g, d, &m);
            break;
        }
        case OP_MUL: {
            const_int g1 = gcd128(a, d), g2 = gcd128(c, b);
            if (g1 == 0)
                g1 = 1;
            if (g2 == 0)
                g2 = 1;
            ovf = __builtin_mul_overflow(a / g1, c / g2, &n) ||
                  __builtin_mul_overflow(b / g2, d / g1, &m);
            break;
        }
        case OP_QUO: {
            const_int g1 = gcd128(a, c), g2 = gcd128(d, b);
            if (g1 == 0)
                g1 = 1;
            if (g2 == 0)
                g2 = 1;
            ovf = __builtin_mul_overflow(a / g1, d / g2, &n) ||
                  __builtin_mul_overflow(b / g2, c / g1, &m);
            break;
        }
        default: ovf = true; break;
        }
        if (!ovf) {
            r.exact = true;
            r.num = n;
            r.den = m;
            return r;
        }
    }
    switch (op) {
    case OP_ADD: r.lf = x.lf + y.lf; break;
    case OP_SUB: r.lf = x.lf - y.lf; break;
    case OP_MUL: r.lf = x.lf * y.lf; break;
    case OP_QUO: r.lf = x.lf / y.lf; break;
    default: r.lf = NAN; break;
    }
    return r;
}

/* fnum_cmp: -1, 0 or 1. */
static int fnum_cmp(struct fnum x, struct fnum y)
{
    if (x.exact && y.exact) {
        const_int l, r;
        if (!__builtin_mul_overflow(x.num, y.den, &l) && !__builtin_mul_overflow(y.num, x.den, &r))
            return (l > r) - (l < r);
    }
    return (x.lf > y.lf) - (x.lf < y.lf);
}

static bool fnum_is_zero(struct fnum x)
{
    return x.exact ? x.num == 0 : x.lf == 0;
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

/* float_literal reads a decimal (1.5e-3) or hexadecimal (0x1.8p-2) float
 * literal without `_`: exactly as mantissa * 10^exp or 2^exp when that
 * fits, else at extended precision. NULL if it is out of range even so. */
static struct const_val *float_literal(struct arena *a, const char *s)
{
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    int base = hex ? 16 : 10;
    const char *p = hex ? s + 2 : s;
    const_int m = 0;
    long exp10 = 0; /* hex: a power of two */
    bool fits = true, frac = false;
    for (; *p && *p != 'e' && *p != 'E' && *p != 'p' && *p != 'P'; p++) {
        if (*p == '.') {
            frac = true;
            continue;
        }
        int d = digit_val((unsigned char)*p);
        if (d >= base)
            break;
        if (fits && (__builtin_mul_overflow(m, (const_int)base, &m) ||
                     __builtin_add_overflow(m, (const_int)d, &m)))
            fits = false;
        if (frac)
            exp10 -= hex ? 4 : 1;
    }
    if (*p == 'e' || *p == 'E' || *p == 'p' || *p == 'P') {
        long e = strtol(p + 1, NULL, 10);
        if (e > 100000 || e < -100000)
            fits = false;
        else
            exp10 += e;
    }
    struct fnum v = {.exact = fits, .num = m, .den = 1};
    for (long i = 0; v.exact && i < (exp10 < 0 ? -exp10 : exp10); i++) {
        const_int *t = exp10 < 0 ? &v.den : &v.num;
        if (__builtin_mul_overflow(*t, (const_int)(hex ? 2 : 10), t) || *t >= RAT_LIMIT)
            v.exact = false;
    }
    if (!v.exact)
        v.lf = strtold(s, NULL);
    return fnum_new(a, v);
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
        struct const_val *v = float_literal(a, buf);
        if (!v) {
            *overflow = true;
            return const_new_float(a, 0);
        }
        return v;
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

bool const_int_value(const struct const_val *x, long long *out)
{
    if (!x)
        return false;
    if (x->kind == CONST_FLOAT) {
        if (x->exact) {
            if (x->den != 1 || x->num > (const_int)INT64_MAX || x->num < (const_int)INT64_MIN)
                return false;
            *out = (long long)x->num;
            return true;
        }
        if (x->lf != floorl(x->lf) || fabsl(x->lf) > 9.2e18L)
            return false;
        *out = (long long)x->lf;
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
        if (op != OP_ADD && op != OP_SUB && op != OP_MUL && op != OP_QUO)
            return NULL;
        struct fnum u = fnum_of(x), v = fnum_of(y);
        if (op == OP_QUO && fnum_is_zero(v)) {
            *err = "invalid operation: division by zero";
            return NULL;
        }
        struct const_val *r = fnum_new(a, fnum_arith(op, u, v));
        if (!r)
            *err = "constant overflow";
        return r;
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
        if (x->kind != CONST_FLOAT)
            return NULL;
        if (!x->exact) {
            struct const_val *r = arena_dup(a, x, sizeof *x);
            r->lf = -x->lf;
            r->f = -x->f;
            return r;
        }
        struct fnum v = fnum_of(x);
        v.num = -v.num;
        return fnum_new(a, v);
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
        c = fnum_cmp(fnum_of(x), fnum_of(y));
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
        if (x->kind == CONST_FLOAT && x->exact) {
            if (x->den != 1) {
                *truncated = true;
                return NULL;
            }
            v = x->num;
        } else if (x->kind == CONST_FLOAT) {
            if (x->lf != floorl(x->lf)) {
                *truncated = true;
                return NULL;
            }
            if (fabsl(x->lf) >= 1.7e38L)
                return NULL;
            v = (const_int)x->lf;
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
    if (k == T_UNTYPED_FLOAT) {
        if (x->kind == CONST_FLOAT)
            return (struct const_val *)x;
        return fnum_new(a, fnum_of(x));
    }
    if (types_is_float(t)) {
        /* round to the type: a typed float constant holds its rounded value */
        struct fnum v = fnum_of(x);
        double f;
        if (k == T_FLOAT32) /* rounded first: overflow is rounding to infinity */
            f = v.exact ? (double)rat_to_float(v.num, v.den) : (double)(float)v.lf;
        else
            f = v.exact ? rat_to_double(v.num, v.den) : (double)v.lf;
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

/* float_string: go/constant's short form: %.6g of the float64 value (the
 * shortest exact form when %.6g hides a fraction), or m.mmmmmeN when the
 * value is beyond float64's range. */
static void float_string(const struct const_val *x, char *buf, size_t size)
{
    struct fnum v = fnum_of(x);
    bool zero = fnum_is_zero(v);
    bool integral = v.exact ? v.den == 1 : v.lf == floorl(v.lf);
    double d = x->f;
    if (!isinf(d) && !isnan(d) && (d == 0) == zero) {
        snprintf(buf, size, "%.6g", d);
        if (!integral && !strchr(buf, '.')) {
            for (int prec = 1; prec <= 17; prec++) {
                snprintf(buf, size, "%.*g", prec, d);
                if (strtod(buf, NULL) == d)
                    break;
            }
        }
        return;
    }
    long double a = fabsl(v.lf);
    if (isinf(a) || isnan(a) || a == 0) {
        snprintf(buf, size, "%s", isnan(a) ? "NaN" : a == 0 ? "0" : v.lf < 0 ? "-Inf" : "+Inf");
        return;
    }
    long e = (long)floorl(log10l(a));
    long double m = v.lf / powl(10.0L, (long double)e);
    if (fabsl(m) < 1 - 0.5e-6L) {
        m *= 10;
        e--;
    } else if (fabsl(m) >= 10) {
        m /= 10;
        e++;
    }
    snprintf(buf, size, "%.6ge%+ld", (double)m, e);
}

char *const_string(const struct const_val *x, char *buf, size_t size)
{
    switch (x->kind) {
    case CONST_BOOL: snprintf(buf, size, "%s", x->b ? "true" : "false"); break;
    case CONST_INT: int128_str(x->i, buf, size); break;
    case CONST_FLOAT: float_string(x, buf, size); break;
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
