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

static void map_case(struct gstate *g, uint32_t base, bool upper)
{
    struct value s = g->stk[base];
    size_t n = str_len(s);
    char *buf = lv_malloc(n + 1);
    const char *p = str_ptr(s);
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)(upper ? toupper((unsigned char)p[i]) : tolower((unsigned char)p[i]));
    ret_str(g, base, buf, n);
    free(buf);
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

static void n_equal_fold(struct gstate *g, uint32_t base)
{
    struct value a = g->stk[base], b = g->stk[base + 1];
    bool eq = str_len(a) == str_len(b) && strncasecmp(str_ptr(a), str_ptr(b), str_len(a)) == 0;
    g->stk[base] = value_bool(g->in->ty.t_bool, eq);
}

static void n_title(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    size_t n = str_len(s);
    char *buf = lv_malloc(n + 1);
    memcpy(buf, str_ptr(s), n);
    bool start = true;
    for (size_t i = 0; i < n; i++) {
        if (start && islower((unsigned char)buf[i]))
            buf[i] = (char)toupper((unsigned char)buf[i]);
        start = is_space((unsigned char)buf[i]);
    }
    ret_str(g, base, buf, n);
    free(buf);
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

static void n_unquote(struct gstate *g, uint32_t base)
{
    struct value s = g->stk[base];
    const char *p = str_ptr(s);
    size_t n = str_len(s);
    bool ok = n >= 2 && ((p[0] == '"' && p[n - 1] == '"') || (p[0] == '`' && p[n - 1] == '`'));
    struct sbuf b = {0};
    if (ok && p[0] == '`') {
        sbuf_put(&b, p + 1, n - 2);
    } else if (ok) {
        for (size_t i = 1; i < n - 1 && ok; i++) {
            char c = p[i];
            if (c == '"') {
                ok = false;
            } else if (c != '\\') {
                sbuf_putc(&b, c);
            } else if (++i < n - 1) {
                switch (p[i]) {
                case 'n': sbuf_putc(&b, '\n'); break;
                case 't': sbuf_putc(&b, '\t'); break;
                case 'r': sbuf_putc(&b, '\r'); break;
                case '\\': sbuf_putc(&b, '\\'); break;
                case '"': sbuf_putc(&b, '"'); break;
                case '\'': sbuf_putc(&b, '\''); break;
                case 'a': sbuf_putc(&b, '\a'); break;
                case 'b': sbuf_putc(&b, '\b'); break;
                case 'f': sbuf_putc(&b, '\f'); break;
                case 'v': sbuf_putc(&b, '\v'); break;
                case 'x':
                    if (i + 2 < n - 1) {
                        char hx[3] = {p[i + 1], p[i + 2], 0};
                        sbuf_putc(&b, (char)strtol(hx, NULL, 16));
                        i += 2;
                    } else {
                        ok = false;
                    }
                    break;
                default: ok = false;
                }
            } else {
                ok = false;
            }
        }
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
    {"strconv.QuoteToASCII", n_quote_ascii},
    {"strconv.QuoteRune", n_quote_rune},
    {"strconv.parseInt", n_parse_int},
    {"strconv.parseUint", n_parse_uint},
    {"strconv.parseFloat", n_parse_float},
    {"strconv.unquote", n_unquote},
    {NULL, NULL},
};
