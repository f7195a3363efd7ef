/* lib_strconv.c: Go's strconv in C: float formatting (shortest round-trip
 * and fixed precision, with Go's layout rules), quoting, UTF-8, integer and
 * float parsing. fmt's engine and the strconv natives both use it.
 *
 * Digits come from the C library's correctly rounded conversions: the
 * shortest representation is the shortest precision whose correctly rounded
 * decimal reads back as the same float; Go's own algorithm yields the same
 * digits. The layout (where the exponent starts, how many exponent digits,
 * trailing zeros) follows strconv/ftoa.go's rules. */
#include "fmtcore.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sbuf ------------------------------------------------------------------- */

static void sbuf_grow(struct sbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = lv_realloc(b->s, cap);
    b->cap = cap;
}

void sbuf_put(struct sbuf *b, const char *s, size_t n)
{
    sbuf_grow(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void sbuf_puts(struct sbuf *b, const char *s)
{
    sbuf_put(b, s, strlen(s));
}

void sbuf_putc(struct sbuf *b, char c)
{
    sbuf_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    sbuf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sbuf_free(struct sbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ---- float digits ------------------------------------------------------------ */

/* Decimal digits of |f|: d[0..nd) with the decimal point dp digits from the
 * left (0.d1d2... x 10^dp), as strconv's decimal type; nd == 0 for zero. */
struct digits {
    char d[800];
    int nd, dp;
};

/* digits_of rounds |f| to n significant digits (n >= 1) and trims trailing
 * zeros when trim is set. */
static void digits_of(double f, int n, bool trim, struct digits *out)
{
    char tmp[900];
    if (f == 0) {
        out->nd = 0;
        out->dp = 0;
        return;
    }
    snprintf(tmp, sizeof tmp, "%.*e", n - 1, fabs(f));
    int nd = 0;
    char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            out->d[nd++] = *p;
    int exp = atoi(p + 1);
    out->dp = exp + 1;
    if (trim)
        while (nd > 0 && out->d[nd - 1] == '0')
            nd--;
    out->nd = nd;
}

/* shortest_digits finds the fewest significant digits that read back as f
 * (as a float32 when bits is 32). */
static void shortest_digits(double f, int bits, struct digits *out)
{
    if (f == 0) {
        out->nd = out->dp = 0;
        return;
    }
    int maxd = bits == 32 ? 9 : 17;
    for (int n = 1; n <= maxd; n++) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.*e", n - 1, fabs(f));
        bool same;
        if (bits == 32)
            same = strtof(tmp, NULL) == (float)fabs(f);
        else
            same = strtod(tmp, NULL) == fabs(f);
        if (same || n == maxd) {
            digits_of(f, n, true, out);
            return;
        }
    }
}

static void fmt_e(struct sbuf *b, bool neg, const struct digits *d, int prec, char verb)
{
    if (neg)
        sbuf_putc(b, '-');
    sbuf_putc(b, d->nd ? d->d[0] : '0');
    if (prec > 0) {
        sbuf_putc(b, '.');
        int i = 1;
        int m = d->nd < prec + 1 ? d->nd : prec + 1;
        if (i < m) {
            sbuf_put(b, d->d + i, (size_t)(m - i));
            i = m;
        }
        for (; i <= prec; i++)
            sbuf_putc(b, '0');
    }
    sbuf_putc(b, verb);
    int exp = d->nd ? d->dp - 1 : 0;
    sbuf_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp < 10)
        sbuf_printf(b, "0%d", exp);
    else
        sbuf_printf(b, "%d", exp);
}

static void fmt_f(struct sbuf *b, bool neg, const struct digits *d, int prec)
{
    if (neg)
        sbuf_putc(b, '-');
    if (d->dp > 0) {
        int m = d->nd < d->dp ? d->nd : d->dp;
        sbuf_put(b, d->d, (size_t)m);
        for (; m < d->dp; m++)
            sbuf_putc(b, '0');
    } else {
        sbuf_putc(b, '0');
    }
    if (prec > 0) {
        sbuf_putc(b, '.');
        for (int i = 1; i <= prec; i++) {
            char ch = '0';
            int j = d->dp + i - 1;
            if (j >= 0 && j < d->nd)
                ch = d->d[j];
            sbuf_putc(b, ch);
        }
    }
}

/* Binary layout of f: the significand with the implicit bit added (mant)
 * and the exponent of its lowest bit plus mbits (exp), as strconv's
 * genericFtoa computes them; bits selects float32 or float64. */
static void float_parts(double f, int bits, uint64_t *mant, int *exp, int *mbits)
{
    uint64_t raw;
    int ebits, bias;
    if (bits == 32) {
        float g = (float)f;
        uint32_t r32;
        memcpy(&r32, &g, sizeof r32);
        raw = r32;
        *mbits = 23;
        ebits = 8;
        bias = -127;
    } else {
        memcpy(&raw, &f, sizeof raw);
        *mbits = 52;
        ebits = 11;
        bias = -1023;
    }
    int e = (int)(raw >> *mbits) & ((1 << ebits) - 1);
    uint64_t m = raw & ((UINT64_C(1) << *mbits) - 1);
    if (e == 0)
        e++; /* subnormal */
    else
        m |= UINT64_C(1) << *mbits;
    *mant = m;
    *exp = e + bias;
}

/* fmt_b: -ddddp±dd, the significand and the power of two in decimal. */
static void fmt_b(struct sbuf *b, bool neg, uint64_t mant, int exp, int mbits)
{
    exp -= mbits;
    sbuf_printf(b, "%s%llup%s%d", neg ? "-" : "", (unsigned long long)mant, exp >= 0 ? "+" : "",
                exp);
}

/* fmt_x: -0x1.hhhhp±dd, hexadecimal significand with the leading 1 (or 0
 * for zero) before the point; prec hex digits after it, rounded to even,
 * or as many as needed when prec < 0. */
static void fmt_x(struct sbuf *b, int prec, char verb, bool neg, uint64_t mant, int exp, int mbits)
{
    if (mant == 0)
        exp = 0;
    const uint64_t one = UINT64_C(1) << 60;
    mant <<= 60 - mbits;
    while (mant != 0 && (mant & one) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & (one - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > one / 2)
            mant++;
        mant <<= 60 - shift;
        if (mant & (one << 1)) {
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg)
        sbuf_putc(b, '-');
    sbuf_putc(b, '0');
    sbuf_putc(b, verb);
    sbuf_putc(b, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
        sbuf_putc(b, '.');
        for (; mant != 0; mant <<= 4)
            sbuf_putc(b, hex[(mant >> 60) & 15]);
    } else if (prec > 0) {
        sbuf_putc(b, '.');
        for (int i = 0; i < prec; i++, mant <<= 4)
            sbuf_putc(b, hex[(mant >> 60) & 15]);
    }
    sbuf_putc(b, verb == 'X' ? 'P' : 'p');
    sbuf_putc(b, exp < 0 ? '-' : '+');
    sbuf_printf(b, "%02d", exp < 0 ? -exp : exp);
}

void sc_format_float(struct sbuf *b, double f, char verb, int prec, int bits)
{
    if (bits == 32)
        f = (float)f;
    if (isnan(f)) {
        sbuf_puts(b, "NaN");
        return;
    }
    if (isinf(f)) {
        sbuf_puts(b, f > 0 ? "+Inf" : "-Inf");
        return;
    }
    bool neg = signbit(f);
    if (verb == 'b' || verb == 'x' || verb == 'X') {
        uint64_t mant;
        int exp, mbits;
        float_parts(f, bits, &mant, &exp, &mbits);
        if (verb == 'b')
            fmt_b(b, neg, mant, exp, mbits);
        else
            fmt_x(b, prec, verb, neg, mant, exp, mbits);
        return;
    }
    if (verb != 'e' && verb != 'E' && verb != 'f' && verb != 'g' && verb != 'G') {
        sbuf_putc(b, '%');
        sbuf_putc(b, verb);
        return;
    }
    struct digits d;
    bool shortest = prec < 0;
    if (shortest) {
        shortest_digits(f, bits, &d);
        switch (verb) {
        case 'e':
        case 'E': prec = d.nd > 0 ? d.nd - 1 : 0; break;
        case 'f': prec = d.nd - d.dp > 0 ? d.nd - d.dp : 0; break;
        default: prec = d.nd; break;
        }
    } else {
        switch (verb) {
        case 'e':
        case 'E': digits_of(f, prec + 1, false, &d); break;
        case 'f': {
            /* Round at prec digits after the point. */
            char tmp[1200];
            snprintf(tmp, sizeof tmp, "%.*f", prec, f);
            sbuf_puts(b, tmp);
            return;
        }
        default:
            if (prec == 0)
                prec = 1;
            digits_of(f, prec, true, &d);
            break;
        }
    }
    switch (verb) {
    case 'e':
    case 'E': fmt_e(b, neg, &d, prec, verb); return;
    case 'f': fmt_f(b, neg, &d, prec); return;
    default: {
        int eprec = prec;
        if (eprec > d.nd && d.nd >= d.dp)
            eprec = d.nd;
        if (shortest)
            eprec = 6;
        int exp = d.dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d.nd)
                prec = d.nd;
            fmt_e(b, neg, &d, prec - 1, verb == 'G' ? 'E' : 'e');
            return;
        }
        if (prec > d.dp)
            prec = d.nd;
        fmt_f(b, neg, &d, prec - d.dp > 0 ? prec - d.dp : 0);
    }
    }
}

void sc_print_float(struct sbuf *b, double f)
{
    if (isnan(f)) {
        sbuf_puts(b, "NaN");
        return;
    }
    if (isinf(f)) {
        sbuf_puts(b, f > 0 ? "+Inf" : "-Inf");
        return;
    }
    /* The runtime's own printer: 7 significant digits, truncating the
     * scaled value, exponent with 3 digits. */
    char buf[32];
    int n = 7;
    buf[0] = '+';
    int e = 0;
    double v = f;
    if (v == 0) {
        if (signbit(v))
            buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int i = 0; i < n; i++)
            h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < n; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[n + 2] = 'e';
    buf[n + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[n + 3] = '-';
    }
    buf[n + 4] = (char)(e / 100 + '0');
    buf[n + 5] = (char)(e / 10 % 10 + '0');
    buf[n + 6] = (char)(e % 10 + '0');
    sbuf_put(b, buf, (size_t)n + 7);
}

/* ---- UTF-8 --------------------------------------------------------------- */

int sc_decode_rune(const char *s, size_t n, int32_t *r)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[0];
    if (c < 0x80) {
        *r = (int32_t)c;
        return 1;
    }
    int len;
    int32_t min;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *r = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *r = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *r = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if ((int32_t)v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *r = 0xFFFD;
        return 1;
    }
    *r = (int32_t)v;
    return len;
}

int sc_encode_rune(char out[4], int32_t r)
{
    uint32_t c = (uint32_t)r;
    if (r < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t sc_rune_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        int32_t r;
        i += (size_t)sc_decode_rune(s + i, n - i, &r);
        count++;
    }
    return count;
}

#include "isprint_table.h"

bool sc_is_print(int32_t r)
{
    /* Go's strconv.IsPrint: ASCII graphic characters and space, and above
     * U+007F the ranges of the table (letters, marks, numbers, punctuation
     * and symbols; no other spaces, controls or unassigned code points). */
    if (r < 0x80)
        return r >= 0x20 && r < 0x7F;
    size_t lo = 0, hi = sizeof sc_print_ranges / sizeof sc_print_ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uint32_t)r > sc_print_ranges[mid][1])
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof sc_print_ranges / sizeof sc_print_ranges[0] &&
           (uint32_t)r >= sc_print_ranges[lo][0];
}

/* ---- quoting ------------------------------------------------------------- */

static void quote_rune_body(struct sbuf *b, int32_t r, int width, char quote, bool ascii)
{
    static const char hex[] = "0123456789abcdef";
    if (width == 1 && r == 0xFFFD) {
        /* an invalid byte: written by the caller as \x.. */
        return;
    }
    if (r == quote || r == '\\') {
        sbuf_putc(b, '\\');
        sbuf_putc(b, (char)r);
        return;
    }
    if (ascii ? (r < 0x80 && sc_is_print(r)) : sc_is_print(r)) {
        char u[4];
        sbuf_put(b, u, (size_t)sc_encode_rune(u, r));
        return;
    }
    switch (r) {
    case '\a': sbuf_puts(b, "\\a"); return;
    case '\b': sbuf_puts(b, "\\b"); return;
    case '\f': sbuf_puts(b, "\\f"); return;
    case '\n': sbuf_puts(b, "\\n"); return;
    case '\r': sbuf_puts(b, "\\r"); return;
    case '\t': sbuf_puts(b, "\\t"); return;
    case '\v': sbuf_puts(b, "\\v"); return;
    default: break;
    }
    if (r < ' ' || r == 0x7F) {
        sbuf_puts(b, "\\x");
        sbuf_putc(b, hex[(r >> 4) & 0xF]);
        sbuf_putc(b, hex[r & 0xF]);
    } else if (r < 0x10000) {
        sbuf_puts(b, "\\u");
        for (int s = 12; s >= 0; s -= 4)
            sbuf_putc(b, hex[(r >> s) & 0xF]);
    } else {
        sbuf_puts(b, "\\U");
        for (int s = 28; s >= 0; s -= 4)
            sbuf_putc(b, hex[(r >> s) & 0xF]);
    }
}

void sc_quote(struct sbuf *b, const char *s, size_t n, bool ascii)
{
    static const char hex[] = "0123456789abcdef";
    sbuf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        int32_t r;
        int w = sc_decode_rune(s + i, n - i, &r);
        if (w == 1 && r == 0xFFFD && (unsigned char)s[i] >= 0x80) {
            unsigned char c = (unsigned char)s[i];
            sbuf_puts(b, "\\x");
            sbuf_putc(b, hex[c >> 4]);
            sbuf_putc(b, hex[c & 0xF]);
        } else {
            quote_rune_body(b, r, w == 1 && r == 0xFFFD ? 0 : w, '"', ascii);
        }
        i += (size_t)w;
    }
    sbuf_putc(b, '"');
}

void sc_quote_rune(struct sbuf *b, int32_t r, bool ascii)
{
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    sbuf_putc(b, '\'');
    quote_rune_body(b, r, 0, '\'', ascii);
    sbuf_putc(b, '\'');
}

bool sc_can_backquote(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t r;
        int w = sc_decode_rune(s + i, n - i, &r);
        i += (size_t)w;
        if (w > 1) {
            if (r == 0xFEFF)
                return false;
            continue;
        }
        if (r == 0xFFFD)
            return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return false;
    }
    return true;
}

/* ---- parsing ------------------------------------------------------------- */

int sc_digit_val(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* underscore_ok: Go's rule for digit separators (base-0 integers and all
 * floats): each '_' must sit between two digits, or between a base prefix
 * and a digit. */
static bool underscore_ok(const char *s, size_t n)
{
    char saw = '^'; /* ^ start, 0 digit or prefix, _ underscore, ! other */
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    bool hex = false;
    if (n >= 2 && s[0] == '0' && strchr("bBoOxX", s[1])) {
        i = 2;
        saw = '0';
        hex = s[1] == 'x' || s[1] == 'X';
    }
    for (; i < n; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && strchr("abcdefABCDEF", c))) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

int sc_parse_uint(const char *s, size_t n, int base, int bits, uint64_t *out)
{
    *out = 0;
    if (n == 0)
        return 1;
    const char *s0 = s;
    size_t n0 = n, i = 0;
    bool base0 = base == 0;
    if (base0) {
        base = 10;
        if (s[0] == '0') {
            if (n >= 3 && (s[1] == 'x' || s[1] == 'X')) {
                base = 16;
                i = 2;
            } else if (n >= 3 && (s[1] == 'b' || s[1] == 'B')) {
                base = 2;
                i = 2;
            } else if (n >= 3 && (s[1] == 'o' || s[1] == 'O')) {
                base = 8;
                i = 2;
            } else {
                base = 8;
                i = 1;
            }
        }
    }
    if (base < 2 || base > 36)
        return 1;
    uint64_t max = bits >= 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    uint64_t v = 0;
    bool underscores = false;
    /* As Go's ParseUint: a bad digit is a syntax error, and overflow is a
     * range error at once, whatever follows. */
    for (; i < n; i++) {
        if (s[i] == '_' && base0) {
            underscores = true;
            continue;
        }
        int d = sc_digit_val(s[i]);
        if (d >= base)
            return 1;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base ||
            v * (uint64_t)base + (uint64_t)d > max) {
            *out = max;
            return 2;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (underscores && !underscore_ok(s0, n0))
        return 1;
    *out = v;
    return 0;
}

int sc_parse_int(const char *s, size_t n, int base, int bits, int64_t *out)
{
    *out = 0;
    if (n == 0)
        return 1;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s++;
        n--;
    }
    uint64_t u;
    int rc = sc_parse_uint(s, n, base, bits, &u);
    if (rc == 1)
        return 1;
    uint64_t cutoff = (uint64_t)1 << (bits - 1);
    if (rc == 2 || (!neg && u >= cutoff) || (neg && u > cutoff)) {
        *out = neg ? -(int64_t)(cutoff - 1) - 1 : (int64_t)(cutoff - 1);
        return 2;
    }
    *out = neg ? (int64_t)(0 - u) : (int64_t)u;
    return 0;
}

/* parse_float_text parses NUL-terminated text without underscores. */
static int parse_float_text(const char *tmp, int bits, double *out)
{
    const char *p = tmp;
    if (*p == '+' || *p == '-')
        p++;
    if (strcasecmp(p, "inf") == 0 || strcasecmp(p, "infinity") == 0) {
        *out = tmp[0] == '-' ? -INFINITY : INFINITY;
        return 0;
    }
    if (p == tmp && strcasecmp(p, "nan") == 0) {
        *out = NAN;
        return 0;
    }
    for (const char *q = p; *q; q++)
        if (!strchr("0123456789.eE+-xXpPabcdefABCDEF", *q))
            return 1;
    /* A hexadecimal mantissa needs its p exponent in Go (C's does not). */
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && !strpbrk(p, "pP"))
        return 1;
    errno = 0;
    char *end;
    double v = bits == 32 ? (double)strtof(tmp, &end) : strtod(tmp, &end);
    if (*end || end == tmp)
        return 1;
    *out = v;
    if (errno == ERANGE && isinf(v))
        return 2;
    return 0;
}

int sc_parse_float(const char *s, size_t n, int bits, double *out)
{
    *out = 0;
    if (n == 0)
        return 1;
    if (memchr(s, '_', n) && !underscore_ok(s, n))
        return 1;
    char *tmp = lv_malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            tmp[k++] = s[i];
    tmp[k] = 0;
    int rc = parse_float_text(tmp, bits, out);
    free(tmp);
    return rc;
}
