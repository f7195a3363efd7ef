/* lib_strings.c: natives of strings and strconv. */
#include "interp.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct type *result_type(struct gstate *g, int i)
{
    return g->top->fn->decl->type->u.func.results[i];
}

static void ret_str(struct gstate *g, uint32_t base, const char *s, size_t n)
{
    g->stk[base] = interp_str(g, s, n);
}

static void ret_int(struct gstate *g, uint32_t base, int64_t i)
{
    g->stk[base] = value_int(g->in->ty.t_int, i);
}

static int64_t find(const char *s, size_t n, const char *p, size_t m, bool last)
{
    if (m > n)
        return -1;
    if (last) {
        for (size_t i = n - m + 1; i-- > 0;)
            if (memcmp(s + i, p, m) == 0)
                return (int64_t)i;
        return -1;
    }
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, p, m) == 0)
            return (int64_t)i;
    return -1;
}

static void n_index(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base], p = g->stk[base + 1];
    ret_int(g, base, find(str_ptr(s), str_len(s), str_ptr(p), str_len(p), false));
}

static void n_last_index(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base], p = g->stk[base + 1];
    ret_int(g, base, find(str_ptr(s), str_len(s), str_ptr(p), str_len(p), true));
}

static void n_index_byte(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    char c = (char)g->stk[base + 1].u;
    const char *q = memchr(str_ptr(s), c, str_len(s));
    ret_int(g, base, q ? q - str_ptr(s) : -1);
}

static void n_index_rune(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int32_t r = (int32_t)g->stk[base + 1].i;
    const char *p = str_ptr(s);
    size_t n = str_len(s);
    for (size_t i = 0; i < n;) {
        int32_t c;
        int w = sc_decode_rune(p + i, n - i, &c);
        if (c == r) {
            ret_int(g, base, (int64_t)i);
            return;
        }
        i += (size_t)w;
    }
    ret_int(g, base, -1);
}

static void n_repeat(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int64_t count = g->stk[base + 1].i;
    if (count < 0)
        interp_panic_str(g, "strings: negative Repeat count");
    size_t n = str_len(s);
    if (n && (uint64_t)count > ((size_t)1 << 31) / n)
        interp_panic_str(g, "strings: Repeat output length overflow");
    struct sbuf b = {0};
    for (int64_t i = 0; i < count; i++)
        sbuf_put(&b, str_ptr(g->stk[base]), n);
    ret_str(g, base, b.s ? b.s : "", b.len);
    sbuf_free(&b);
}

/* rune_case maps r to upper or lower case as unicode.ToUpper/ToLower do for
 * ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic; other runes are
 * returned unchanged (a known gap for the rarer scripts). */
static int32_t rune_case(int32_t r, bool upper)
{
    if (r < 0x80) {
        if (upper && r >= 'a' && r <= 'z')
            return r - 32;
        if (!upper && r >= 'A' && r <= 'Z')
            return r + 32;
        return r;
    }
    if (upper) {
        if (r == 0xB5)
            return 0x39C;
        if (r == 0xFF)
            return 0x178;
        if (r >= 0xE0 && r <= 0xFE && r != 0xF7)
            return r - 32;
        if (r == 0x131)
            return 'I';
        if (r == 0x17F)
            return 'S';
        if (((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177)) && (r & 1))
            return r - 1;
        if (((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)) && !(r & 1))
            return r - 1;
        if (r == 0x3AC)
            return 0x386;
        if (r >= 0x3AD && r <= 0x3AF)
            return r - 37;
        if (r == 0x3CC)
            return 0x38C;
        if (r == 0x3CD || r == 0x3CE)
            return r - 63;
        if (r == 0x3C2)
            return 0x3A3;
        if (r >= 0x3B1 && r <= 0x3CB)
            return r - 32;
        if (r >= 0x430 && r <= 0x44F)
            return r - 32;
        if (r >= 0x450 && r <= 0x45F)
            return r - 80;
        return r;
    }
    if (r >= 0xC0 && r <= 0xDE && r != 0xD7)
        return r + 32;
    if (r == 0x130)
        return 'i';
    if (r == 0x178)
        return 0xFF;
    if (((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177)) && !(r & 1))
        return r + 1;
    if (((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)) && (r & 1))
        return r + 1;
    if (r == 0x386)
        return 0x3AC;
    if (r >= 0x388 && r <= 0x38A)
        return r + 37;
    if (r == 0x38C)
        return 0x3CC;
    if (r == 0x38E || r == 0x38F)
        return r + 63;
    if ((r >= 0x391 && r <= 0x3A1) || (r >= 0x3A3 && r <= 0x3AB))
        return r + 32;
    if (r >= 0x410 && r <= 0x42F)
        return r + 32;
    if (r >= 0x400 && r <= 0x40F)
        return r + 80;
    return r;
}

/* map_case: strings.ToUpper / ToLower. Like Go's (strings.Map underneath),
 * a string with non-ASCII bytes is decoded rune by rune, so invalid UTF-8
 * comes out as U+FFFD. */
static void map_case(struct gstate *g, uint32_t base, bool upper)
{
    struct value s = g->stk[base];
    size_t n = str_len(s);
    const char *p = str_ptr(s);
    struct sbuf b = {0};
    for (size_t i = 0; i < n;) {
        int32_t r;
        i += (size_t)sc_decode_rune(p + i, n - i, &r);
        char enc[4];
        sbuf_put(&b, enc, (size_t)sc_encode_rune(enc, rune_case(r, upper)));
    }
    ret_str(g, base, b.s ? b.s : "", b.len);
    sbuf_free(&b);
}

static void n_to_upper(struct gstate *g, uint32_t base)
{
    map_case(g, base, true);
}

static void n_to_lower(struct gstate *g, uint32_t base)
{
    map_case(g, base, false);
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void n_trim_space(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    const char *p = str_ptr(s);
    size_t a = 0, b = str_len(s);
    while (a < b && is_space((unsigned char)p[a]))
        a++;
    while (b > a && is_space((unsigned char)p[b - 1]))
        b--;
    ret_str(g, base, p + a, b - a);
}

static void n_fields(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    struct value s = g->stk[base];
    size_t n = str_len(s);
    uint32_t count = 0;
    const char *p = str_ptr(s);
    for (size_t i = 0; i < n;) {
        while (i < n && is_space((unsigned char)p[i]))
            i++;
        if (i < n)
            count++;
        while (i < n && !is_space((unsigned char)p[i]))
            i++;
    }
    struct vbox *arr = interp_box(g, count);
    push(g, (struct value){.p = arr, .t = in->ty.t_internal});
    uint32_t k = 0;
    for (size_t i = 0; i < n;) {
        p = str_ptr(g->stk[base]);
        while (i < n && is_space((unsigned char)p[i]))
            i++;
        size_t st = i;
        while (i < n && !is_space((unsigned char)p[i]))
            i++;
        if (i > st)
            arr->v[k++] = interp_str(g, p + st, i - st);
    }
    struct vslice *sl = interp_alloc(g, GC_SLICE, sizeof *sl);
    sl->arr = arr;
    sl->len = sl->cap = count;
    g->sp--;
    g->stk[base] = (struct value){.p = count ? sl : NULL, .t = in->ty.t_strings};
}

static void n_replace(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base], o = g->stk[base + 1], nw = g->stk[base + 2];
    int64_t limit = g->stk[base + 3].i;
    const char *p = str_ptr(s), *op = str_ptr(o), *np = str_ptr(nw);
    size_t n = str_len(s), on = str_len(o), nn = str_len(nw);
    struct sbuf b = {0};
    size_t i = 0;
    int64_t done = 0;
    if (on == 0) {
        /* insert new before every rune and at the end */
        while (i <= n && (limit < 0 || done < limit)) {
            sbuf_put(&b, np, nn);
            done++;
            if (i == n)
                break;
            int32_t r;
            int w = sc_decode_rune(p + i, n - i, &r);
            sbuf_put(&b, p + i, (size_t)w);
            i += (size_t)w;
        }
        if (i < n)
            sbuf_put(&b, p + i, n - i);
    } else {
        while (i < n) {
            if ((limit < 0 || done < limit) && i + on <= n && memcmp(p + i, op, on) == 0) {
                sbuf_put(&b, np, nn);
                i += on;
                done++;
            } else {
                sbuf_putc(&b, p[i++]);
            }
        }
    }
    ret_str(g, base, b.s ? b.s : "", b.len);
    sbuf_free(&b);
}

/* EqualFold: equal under simple case folding, rune by rune (invalid bytes
 * read as U+FFFD), with rune_case's coverage. */
static void n_equal_fold(struct gstate *g, uint32_t base)
{
    struct value a = g->stk[base], b = g->stk[base + 1];
    const char *p = str_ptr(a), *q = str_ptr(b);
    size_t n = str_len(a), m = str_len(b), i = 0, j = 0;
    bool eq = true;
    while (eq && i < n && j < m) {
        int32_t r, t;
        i += (size_t)sc_decode_rune(p + i, n - i, &r);
        j += (size_t)sc_decode_rune(q + j, m - j, &t);
        eq = r == t || rune_case(r, true) == rune_case(t, true) ||
             rune_case(r, false) == rune_case(t, false);
    }
    g->stk[base] = value_bool(g->in->ty.t_bool, eq && i == n && j == m);
}

/* is_separator: Go's strings.Title rule: ASCII other than letters, digits
 * and '_' separates words; above ASCII only white space does. */
static bool is_separator(int32_t r)
{
    if (r < 0x80)
        return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
                 r == '_');
    return r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 ||
           r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}

/* Title: the first rune of each word upper-cased; invalid bytes become
 * U+FFFD, as strings.Map makes them. */
static void n_title(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    const char *p = str_ptr(s);
    size_t n = str_len(s);
    struct sbuf b = {0};
    int32_t prev = ' ';
    for (size_t i = 0; i < n;) {
        int32_t r;
        i += (size_t)sc_decode_rune(p + i, n - i, &r);
        int32_t out = is_separator(prev) ? rune_case(r, true) : r;
        prev = r;
        char enc[4];
        sbuf_put(&b, enc, (size_t)sc_encode_rune(enc, out));
    }
    ret_str(g, base, b.s ? b.s : "", b.len);
    sbuf_free(&b);
}

static void n_first_rune(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int32_t r = 0xFFFD;
    int w = 0;
    if (str_len(s))
        w = sc_decode_rune(str_ptr(s), str_len(s), &r);
    g->stk[base] = value_int(g->in->ty.t_int32, r);
    g->stk[base + 1] = value_int(g->in->ty.t_int, w);
}

static void n_last_rune(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    size_t n = str_len(s);
    const char *p = str_ptr(s);
    int32_t r = 0xFFFD;
    int w = 0;
    if (n) {
        size_t st = n - 1;
        while (st > 0 && n - st < 4 && ((unsigned char)p[st] & 0xC0) == 0x80)
            st--;
        w = sc_decode_rune(p + st, n - st, &r);
        if ((size_t)w != n - st) {
            r = 0xFFFD;
            w = 1;
        }
    }
    g->stk[base] = value_int(g->in->ty.t_int32, r);
    g->stk[base + 1] = value_int(g->in->ty.t_int, w);
}

/* ---- strconv ------------------------------------------------------------------------- */

static void fmt_int_base(struct sbuf *b, uint64_t u, bool neg, int base)
{
    char buf[72];
    int i = sizeof buf;
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    do {
        buf[--i] = digits[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    if (neg)
        buf[--i] = '-';
    sbuf_put(b, buf + i, sizeof buf - (size_t)i);
}

static void n_format_int(struct gstate *g, uint32_t base)
{
    int64_t v = g->stk[base].i;
    int b = (int)g->stk[base + 1].i;
    if (b < 2 || b > 36)
        interp_panic_str(g, "strconv: illegal AppendInt/FormatInt base");
    struct sbuf s = {0};
    fmt_int_base(&s, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0, b);
    ret_str(g, base, s.s, s.len);
    sbuf_free(&s);
}

static void n_format_uint(struct gstate *g, uint32_t base)
{
    int b = (int)g->stk[base + 1].i;
    if (b < 2 || b > 36)
        interp_panic_str(g, "strconv: illegal AppendInt/FormatInt base");
    struct sbuf s = {0};
    fmt_int_base(&s, g->stk[base].u, false, b);
    ret_str(g, base, s.s, s.len);
    sbuf_free(&s);
}

static void n_format_float(struct gstate *g, uint32_t base)
{
    double f = g->stk[base].f;
    char verb = (char)g->stk[base + 1].u;
    int prec = (int)g->stk[base + 2].i;
    int bits = (int)g->stk[base + 3].i;
    struct sbuf s = {0};
    sc_format_float(&s, f, verb, prec, bits == 32 ? 32 : 64);
    ret_str(g, base, s.s, s.len);
    sbuf_free(&s);
}

static void n_can_backquote(struct gstate *g, uint32_t base)
{
    struct value v = g->stk[base];
    g->stk[base] = value_bool(g->in->ty.t_bool, sc_can_backquote(str_ptr(v), str_len(v)));
}

static void quote_common(struct gstate *g, uint32_t base, bool ascii)
{
    struct value v = g->stk[base];
    struct sbuf s = {0};
    sc_quote(&s, str_ptr(v), str_len(v), ascii);
    ret_str(g, base, s.s, s.len);
    sbuf_free(&s);
}

static void n_quote(struct gstate *g, uint32_t base)
{
    quote_common(g, base, false);
}

static void n_quote_ascii(struct gstate *g, uint32_t base)
{
    quote_common(g, base, true);
}

static void n_quote_rune(struct gstate *g, uint32_t base)
{
    struct sbuf s = {0};
    sc_quote_rune(&s, (int32_t)g->stk[base].i, false);
    ret_str(g, base, s.s, s.len);
    sbuf_free(&s);
}

static void n_parse_int(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int b = (int)g->stk[base + 1].i, bits = (int)g->stk[base + 2].i;
    if (bits == 0)
        bits = 64;
    int64_t v;
    int rc = sc_parse_int(str_ptr(s), str_len(s), b, bits, &v);
    g->stk[base] = value_int(result_type(g, 0), v);
    g->stk[base + 1] = value_int(g->in->ty.t_int, rc);
}

static void n_parse_uint(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int b = (int)g->stk[base + 1].i, bits = (int)g->stk[base + 2].i;
    if (bits == 0)
        bits = 64;
    uint64_t v;
    int rc = sc_parse_uint(str_ptr(s), str_len(s), b, bits, &v);
    g->stk[base] = value_int(result_type(g, 0), (int64_t)v);
    g->stk[base + 1] = value_int(g->in->ty.t_int, rc);
}

static void n_parse_float(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    int bits = (int)g->stk[base + 1].i;
    double v;
    int rc = sc_parse_float(str_ptr(s), str_len(s), bits, &v);
    g->stk[base] = value_float(g->in->ty.t_float64, v);
    g->stk[base + 1] = value_int(g->in->ty.t_int, rc);
}

/* unquote_char decodes the character or escape at s[*i] of a literal quoted
 * with quote (strconv.UnquoteChar), appending it to b; false on bad syntax. */
static bool unquote_char(const char *s, size_t n, size_t *i, char quote, struct sbuf *b)
{
    unsigned char c = (unsigned char)s[*i];
    if (c == (unsigned char)quote)
        return false;
    if (c >= 0x80) {
        int32_t r;
        *i += (size_t)sc_decode_rune(s + *i, n - *i, &r);
        char enc[4];
        sbuf_put(b, enc, (size_t)sc_encode_rune(enc, r));
        return true;
    }
    if (c != '\\') {
        sbuf_putc(b, (char)c);
        (*i)++;
        return true;
    }
    if (*i + 1 >= n)
        return false;
    char e = s[*i + 1];
    *i += 2;
    static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
    for (const char *t = simple; *t; t += 2)
        if (*t == e) {
            sbuf_putc(b, t[1]);
            return true;
        }
    switch (e) {
    case 'x':
    case 'u':
    case 'U': {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (n - *i < (size_t)digits)
            return false;
        uint32_t v = 0;
        for (int j = 0; j < digits; j++) {
            int x = sc_digit_val(s[*i + (size_t)j]);
            if (x >= 16)
                return false;
            v = v << 4 | (uint32_t)x;
        }
        *i += (size_t)digits;
        if (e == 'x') {
            sbuf_putc(b, (char)v);
            return true;
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return false;
        char enc[4];
        sbuf_put(b, enc, (size_t)sc_encode_rune(enc, (int32_t)v));
        return true;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        uint32_t v = (uint32_t)(e - '0');
        if (n - *i < 2)
            return false;
        for (int j = 0; j < 2; j++) {
            char d = s[*i + (size_t)j];
            if (d < '0' || d > '7')
                return false;
            v = v << 3 | (uint32_t)(d - '0');
        }
        *i += 2;
        if (v > 255)
            return false;
        sbuf_putc(b, (char)v);
        return true;
    }
    case '\'':
    case '"':
        if (e != quote)
            return false;
        sbuf_putc(b, e);
        return true;
    }
    return false;
}

/* unquote(s) (string, bool): strconv.Unquote for "...", '...' and `...`. */
static void n_unquote(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    const char *p = str_ptr(s);
    size_t n = str_len(s);
    struct sbuf b = {0};
    bool ok = n >= 2 && p[0] == p[n - 1];
    char quote = ok ? p[0] : 0;
    if (quote == '`') {
        ok = memchr(p + 1, '`', n - 2) == NULL;
        for (size_t i = 1; ok && i < n - 1; i++)
            if (p[i] != '\r')
                sbuf_putc(&b, p[i]);
    } else if (quote == '"' || quote == '\'') {
        size_t i = 1;
        while (ok && i < n - 1) {
            if (p[i] == '\n' || !unquote_char(p, n - 1, &i, quote, &b))
                ok = false;
            else if (quote == '\'')
                break;
        }
        ok = ok && i == n - 1;
    } else {
        ok = false;
    }
    ret_str(g, base, ok && b.s ? b.s : "", ok ? b.len : 0);
    sbuf_free(&b);
    g->stk[base + 1] = value_bool(g->in->ty.t_bool, ok);
}

const struct native_entry lib_strings_natives[] = {
    {"strings.Index", n_index},
    {"strings.LastIndex", n_last_index},
    {"strings.IndexByte", n_index_byte},
    {"strings.IndexRune", n_index_rune},
    {"strings.Repeat", n_repeat},
    {"strings.ToUpper", n_to_upper},
    {"strings.ToLower", n_to_lower},
    {"strings.TrimSpace", n_trim_space},
    {"strings.Fields", n_fields},
    {"strings.Replace", n_replace},
    {"strings.EqualFold", n_equal_fold},
    {"strings.Title", n_title},
    {"strings.firstRune", n_first_rune},
    {"strings.lastRune", n_last_rune},
    {"strconv.FormatInt", n_format_int},
    {"strconv.FormatUint", n_format_uint},
    {"strconv.FormatFloat", n_format_float},
    {"strconv.Quote", n_quote},
    {"strconv.CanBackquote", n_can_backquote},
    {"strconv.QuoteToASCII", n_quote_ascii},
    {"strconv.QuoteRune", n_quote_rune},
    {"strconv.parseInt", n_parse_int},
    {"strconv.parseUint", n_parse_uint},
    {"strconv.parseFloat", n_parse_float},
    {"strconv.unquote", n_unquote},
    {NULL, NULL},
};
