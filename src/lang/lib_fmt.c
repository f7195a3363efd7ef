/* lib_fmt.c: fmt's formatting engine over run-time values: Printf's verbs,
 * flags, width and precision, %v of every kind (maps sorted by key, structs,
 * pointers to composites, nil), Error() and String() methods, and the
 * %!verb(type=value) complaints, all as Go's fmt prints them.
 *
 * Structure follows the order of Go's own fmt: printArg decides by the
 * dynamic type, handleMethods tries Error/String, printValue walks
 * composites; the fmt_* helpers do padding and numbers. */
#include "fmtcore.h"
#include "interp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pf {
    struct sbuf *b;
    const struct fmt_hooks *hk;
    bool plus, minus, sharp, space, zero;
    bool plus_v, sharp_v; /* %+v, %#v */
    bool wid_present, prec_present;
    int wid, prec;
    bool erroring;  /* printing a complaint: no methods */
    bool panicking; /* printing the value a String/Error method panicked with */
    bool wrap_errs; /* Errorf: %w takes an error */
};

static void clear_flags(struct pf *p)
{
    p->plus = p->minus = p->sharp = p->space = p->zero = false;
    p->plus_v = p->sharp_v = false;
    p->wid_present = p->prec_present = false;
    p->wid = p->prec = 0;
}

/* ---- padding ---------------------------------------------------------------- */

static void write_padding(struct pf *p, int n)
{
    char c = p->zero ? '0' : ' ';
    for (int i = 0; i < n; i++)
        sbuf_putc(p->b, c);
}

static void pad(struct pf *p, const char *s, size_t n)
{
    if (!p->wid_present || p->wid == 0) {
        sbuf_put(p->b, s, n);
        return;
    }
    int width = p->wid - (int)sc_rune_count(s, n);
    if (!p->minus) {
        write_padding(p, width);
        sbuf_put(p->b, s, n);
    } else {
        sbuf_put(p->b, s, n);
        write_padding(p, width);
    }
}

/* ---- basic kinds ------------------------------------------------------------ */

static void fmt_bool(struct pf *p, bool v)
{
    pad(p, v ? "true" : "false", v ? 4 : 5);
}

static void fmt_integer(struct pf *p, uint64_t u, int base, bool is_signed, char verb)
{
    static const char ldigits[] = "0123456789abcdefx";
    static const char udigits[] = "0123456789ABCDEFX";
    const char *digits = verb == 'X' ? udigits : ldigits;
    bool negative = is_signed && (int64_t)u < 0;
    if (negative)
        u = 0 - u;
    char buf[128];
    int prec = 0;
    if (p->prec_present) {
        prec = p->prec;
        if (prec == 0 && u == 0) {
            bool old = p->zero;
            p->zero = false;
            write_padding(p, p->wid);
            p->zero = old;
            return;
        }
    } else if (p->zero && p->wid_present) {
        prec = p->wid;
        if (negative || p->plus || p->space)
            prec--;
    }
    if (prec > 100)
        prec = 100;
    int i = (int)sizeof buf;
    switch (base) {
    case 10:
        while (u >= 10) {
            buf[--i] = (char)('0' + u % 10);
            u /= 10;
        }
        break;
    case 16:
        while (u >= 16) {
            buf[--i] = digits[u & 0xF];
            u >>= 4;
        }
        break;
    case 8:
        while (u >= 8) {
            buf[--i] = (char)('0' + (u & 7));
            u >>= 3;
        }
        break;
    case 2:
        while (u >= 2) {
            buf[--i] = (char)('0' + (u & 1));
            u >>= 1;
        }
        break;
    }
    buf[--i] = digits[u];
    while (i > 0 && prec > (int)sizeof buf - i)
        buf[--i] = '0';
    if (p->sharp) {
        switch (base) {
        case 2:
            buf[--i] = 'b';
            buf[--i] = '0';
            break;
        case 8:
            if (buf[i] != '0')
                buf[--i] = '0';
            break;
        case 16:
            buf[--i] = digits[16];
            buf[--i] = '0';
            break;
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (p->plus)
        buf[--i] = '+';
    else if (p->space)
        buf[--i] = ' ';
    bool old = p->zero;
    p->zero = false;
    pad(p, buf + i, sizeof buf - (size_t)i);
    p->zero = old;
}

static void fmt_unicode(struct pf *p, uint64_t u)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "U+%04llX", (unsigned long long)u);
    if (p->prec_present && p->prec > 4) {
        n = snprintf(buf, sizeof buf, "U+%0*llX", p->prec > 32 ? 32 : p->prec,
                     (unsigned long long)u);
    }
    if (p->sharp && u <= 0x10FFFF && sc_is_print((int32_t)u)) {
        char r[4];
        int w = sc_encode_rune(r, (int32_t)u);
        buf[n++] = ' ';
        buf[n++] = '\'';
        memcpy(buf + n, r, (size_t)w);
        n += w;
        buf[n++] = '\'';
    }
    bool old = p->zero;
    p->zero = false;
    pad(p, buf, (size_t)n);
    p->zero = old;
}

static void fmt_c(struct pf *p, uint64_t u)
{
    int32_t r = u > 0x10FFFF ? 0xFFFD : (int32_t)u;
    char buf[4];
    int w = sc_encode_rune(buf, r);
    pad(p, buf, (size_t)w);
}

static void fmt_qc(struct pf *p, uint64_t u)
{
    int32_t r = u > 0x10FFFF ? 0xFFFD : (int32_t)u;
    struct sbuf q = {0};
    sc_quote_rune(&q, r, p->plus);
    pad(p, q.s, q.len);
    sbuf_free(&q);
}

static void fmt_float(struct pf *p, double v, int size, char verb, int prec)
{
    struct sbuf s = {0};
    if (p->prec_present)
        prec = p->prec;
    sbuf_putc(&s, '+');
    sc_format_float(&s, v, verb, prec, size);
    char *num = s.s;
    size_t n = s.len;
    if (num[1] == '-' || num[1] == '+') {
        num++;
        n--;
    } else {
        num[0] = '+';
    }
    if (p->space && num[0] == '+' && !p->plus)
        num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
        bool old = p->zero;
        p->zero = false;
        if (num[1] == 'N' && !p->space && !p->plus) {
            num++;
            n--;
        }
        pad(p, num, n);
        p->zero = old;
        sbuf_free(&s);
        return;
    }
    if (p->sharp && verb != 'b') {
        /* The sharp flag keeps the decimal point, and for %#g, %#v and %#x
         * restores trailing zeros up to the precision (6 when none). */
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
            digits = prec < 0 ? 6 : prec;
        struct sbuf t = {0};
        const char *tail = "";
        size_t tail_len = 0, head = n;
        bool has_point = false, nonzero = false;
        for (size_t i = 1; i < n; i++) {
            char c = num[i];
            if (c == '.') {
                has_point = true;
            } else if (c == 'p' || c == 'P' ||
                       ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num + i;
                tail_len = n - i;
                head = i;
                break;
            } else {
                if (c != '0')
                    nonzero = true;
                if (nonzero)
                    digits--;
            }
        }
        sbuf_put(&t, num, head);
        if (!has_point) {
            if (head == 2 && num[1] == '0')
                digits--; /* a lone leading 0 counts once */
            sbuf_putc(&t, '.');
        }
        for (; digits > 0; digits--)
            sbuf_putc(&t, '0');
        sbuf_put(&t, tail, tail_len);
        sbuf_free(&s);
        s = t;
        num = s.s;
        n = s.len;
    }
    if (p->plus || num[0] != '+') {
        if (p->zero && !p->minus && p->wid_present && p->wid > (int)n) {
            sbuf_putc(p->b, num[0]);
            write_padding(p, p->wid - (int)n);
            sbuf_put(p->b, num + 1, n - 1);
            sbuf_free(&s);
            return;
        }
        pad(p, num, n);
        sbuf_free(&s);
        return;
    }
    pad(p, num + 1, n - 1);
    sbuf_free(&s);
}

static size_t truncate_runes(struct pf *p, const char *s, size_t n)
{
    if (!p->prec_present)
        return n;
    size_t i = 0;
    for (int k = 0; k < p->prec && i < n; k++) {
        int32_t r;
        i += (size_t)sc_decode_rune(s + i, n - i, &r);
    }
    return i;
}

static void fmt_sbx(struct pf *p, const char *s, size_t n, const char *digits)
{
    int length = (int)n;
    if (p->prec_present && p->prec < length)
        length = p->prec;
    int width = 2 * length;
    if (width > 0) {
        if (p->space) {
            if (p->sharp)
                width *= 2;
            width += length - 1;
        } else if (p->sharp) {
            width += 2;
        }
    } else {
        if (p->wid_present)
            write_padding(p, p->wid);
        return;
    }
    if (p->wid_present && p->wid > width && !p->minus)
        write_padding(p, p->wid - width);
    if (p->sharp)
        sbuf_put(p->b, digits[16] == 'x' ? "0x" : "0X", 2);
    for (int i = 0; i < length; i++) {
        if (p->space && i > 0) {
            sbuf_putc(p->b, ' ');
            if (p->sharp)
                sbuf_put(p->b, digits[16] == 'x' ? "0x" : "0X", 2);
        }
        unsigned char c = (unsigned char)s[i];
        sbuf_putc(p->b, digits[c >> 4]);
        sbuf_putc(p->b, digits[c & 0xF]);
    }
    if (p->wid_present && p->wid > width && p->minus)
        write_padding(p, p->wid - width);
}

static void fmt_q(struct pf *p, const char *s, size_t n)
{
    n = truncate_runes(p, s, n);
    if (p->sharp && sc_can_backquote(s, n)) {
        struct sbuf t = {0};
        sbuf_putc(&t, '`');
        sbuf_put(&t, s, n);
        sbuf_putc(&t, '`');
        pad(p, t.s, t.len);
        sbuf_free(&t);
        return;
    }
    struct sbuf q = {0};
    sc_quote(&q, s, n, p->plus);
    pad(p, q.s, q.len);
    sbuf_free(&q);
}

/* ---- printing arguments ---------------------------------------------------- */

static void print_value(struct pf *p, struct value v, char verb, int depth, bool can_iface);

static void type_string(const struct type *t, struct sbuf *out)
{
    char buf[512];
    sbuf_puts(out, type_name(t, buf, sizeof buf));
}

static void bad_verb(struct pf *p, struct value v, char verb)
{
    p->erroring = true;
    sbuf_puts(p->b, "%!");
    char vb[4];
    sbuf_put(p->b, vb, (size_t)sc_encode_rune(vb, (unsigned char)verb));
    sbuf_putc(p->b, '(');
    if (v.t) {
        type_string(v.t, p->b);
        sbuf_putc(p->b, '=');
        print_value(p, v, 'v', 0, false);
    } else {
        sbuf_puts(p->b, "<nil>");
    }
    sbuf_putc(p->b, ')');
    p->erroring = false;
}

static bool is_int_kind(enum type_kind k)
{
    return k >= T_INT && k <= T_UINTPTR;
}

static bool is_unsigned_kind(enum type_kind k)
{
    return k >= T_UINT && k <= T_UINTPTR;
}

static void fmt_int_verb(struct pf *p, struct value v, char verb)
{
    enum type_kind k = type_ukind(v.t);
    bool sign = !is_unsigned_kind(k);
    uint64_t u = v.u;
    switch (verb) {
    case 'v':
        if (p->sharp_v && !sign) {
            bool old = p->sharp;
            p->sharp = true;
            fmt_integer(p, u, 16, false, 'v');
            p->sharp = old;
        } else {
            fmt_integer(p, u, 10, sign, verb);
        }
        break;
    case 'd': fmt_integer(p, u, 10, sign, verb); break;
    case 'b': fmt_integer(p, u, 2, sign, verb); break;
    case 'o':
    case 'O': fmt_integer(p, u, 8, sign, verb); break;
    case 'x': fmt_integer(p, u, 16, sign, verb); break;
    case 'X': fmt_integer(p, u, 16, sign, verb); break;
    case 'c': fmt_c(p, u); break;
    case 'q': fmt_qc(p, u); break;
    case 'U': fmt_unicode(p, u); break;
    default: bad_verb(p, v, verb); break;
    }
}

static void fmt_float_verb(struct pf *p, struct value v, int size, char verb)
{
    switch (verb) {
    case 'v': fmt_float(p, v.f, size, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmt_float(p, v.f, size, verb, -1); break;
    case 'f':
    case 'e':
    case 'E': fmt_float(p, v.f, size, verb, 6); break;
    case 'F': fmt_float(p, v.f, size, 'f', 6); break;
    default: bad_verb(p, v, verb); break;
    }
}

static void fmt_string_verb(struct pf *p, const char *s, size_t n, char verb, struct value v)
{
    switch (verb) {
    case 'v':
        if (p->sharp_v) {
            fmt_q(p, s, n);
            break;
        }
        /* fallthrough */
    case 's': {
        size_t m = truncate_runes(p, s, n);
        pad(p, s, m);
        break;
    }
    case 'x': fmt_sbx(p, s, n, "0123456789abcdefx"); break;
    case 'X': fmt_sbx(p, s, n, "0123456789ABCDEFX"); break;
    case 'q': fmt_q(p, s, n); break;
    default: bad_verb(p, v, verb); break;
    }
}

static void fmt_pointer(struct pf *p, struct value v, char verb)
{
    uint64_t u = (uint64_t)(uintptr_t)v.p;
    switch (verb) {
    case 'v':
        if (p->sharp_v) {
            sbuf_putc(p->b, '(');
            type_string(v.t, p->b);
            sbuf_puts(p->b, ")(");
            if (!u) {
                sbuf_puts(p->b, "nil");
            } else {
                bool old = p->sharp;
                p->sharp = true;
                fmt_integer(p, u, 16, false, 'v');
                p->sharp = old;
            }
            sbuf_putc(p->b, ')');
        } else if (!u) {
            pad(p, "<nil>", 5);
        } else {
            bool old = p->sharp;
            p->sharp = !p->sharp;
            fmt_integer(p, u, 16, false, 'v');
            p->sharp = old;
        }
        break;
    case 'p': {
        bool old = p->sharp;
        p->sharp = !p->sharp;
        fmt_integer(p, u, 16, false, 'v');
        p->sharp = old;
        break;
    }
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
        fmt_integer(p, u, verb == 'b' ? 2 : verb == 'o' ? 8 : verb == 'd' ? 10 : 16, false, verb);
        break;
    default: bad_verb(p, v, verb); break;
    }
}

static void print_arg(struct pf *p, struct value v, char verb);

/* handle_methods: Error() then String() for the verbs that print strings. */
static bool handle_methods(struct pf *p, struct value v, char verb)
{
    if (p->erroring || !p->hk || !v.t)
        return false;
    if (p->sharp_v)
        return false;
    switch (verb) {
    case 'v':
    case 's':
    case 'x':
    case 'X':
    case 'q': break;
    default: return false;
    }
    enum fmt_method which;
    if (p->hk->has_method(p->hk->ud, v.t, FMT_ERROR))
        which = FMT_ERROR;
    else if (p->hk->has_method(p->hk->ud, v.t, FMT_STRING))
        which = FMT_STRING;
    else
        return false;
    struct value out = {0};
    if (p->hk->call_method(p->hk->ud, v, which, &out)) {
        fmt_string_verb(p, str_ptr(out), str_len(out), verb, out);
        return true;
    }
    /* The method panicked (fmt's catchPanic): a nil pointer receiver prints
     * as <nil>, anything else as %!verb(PANIC=Method method: value). */
    if (type_ukind(v.t) == T_POINTER && !v.p) {
        sbuf_puts(p->b, "<nil>");
        return true;
    }
    struct pf saved = *p;
    clear_flags(p);
    sbuf_puts(p->b, "%!");
    char vb[4];
    sbuf_put(p->b, vb, (size_t)sc_encode_rune(vb, (unsigned char)verb));
    sbuf_puts(p->b, which == FMT_ERROR ? "(PANIC=Error method: " : "(PANIC=String method: ");
    /* Go re-panics when printing the panic value panics too; here that
     * value is printed without methods instead, so printing always ends. */
    if (p->panicking)
        p->erroring = true;
    p->panicking = true;
    print_arg(p, out, 'v');
    sbuf_putc(p->b, ')');
    saved.b = p->b;
    *p = saved;
    return true;
}

/* ---- map key ordering (internal/fmtsort) ------------------------------------ */

static int compare_values(struct value a, struct value b)
{
    if (a.t != b.t) {
        if (!a.t)
            return -1;
        if (!b.t)
            return 1;
        return a.t->id < b.t->id ? -1 : 1;
    }
    if (!a.t)
        return 0;
    enum type_kind k = type_ukind(a.t);
    switch (k) {
    case T_BOOL: return a.i == b.i ? 0 : a.i ? 1 : -1;
    case T_FLOAT32:
    case T_FLOAT64:
        if (a.f < b.f)
            return -1;
        if (a.f > b.f)
            return 1;
        if (a.f != a.f && b.f != b.f)
            return 0;
        if (a.f != a.f)
            return -1;
        if (b.f != b.f)
            return 1;
        return 0;
    case T_STRING: {
        size_t n = str_len(a) < str_len(b) ? str_len(a) : str_len(b);
        int c = memcmp(str_ptr(a), str_ptr(b), n);
        if (c)
            return c < 0 ? -1 : 1;
        return str_len(a) < str_len(b) ? -1 : str_len(a) > str_len(b) ? 1 : 0;
    }
    case T_STRUCT:
    case T_ARRAY: {
        struct vbox *x = a.p, *y = b.p;
        for (uint32_t i = 0; i < x->n; i++) {
            int c = compare_values(x->v[i], y->v[i]);
            if (c)
                return c;
        }
        return 0;
    }
    case T_POINTER:
    case T_CHAN: {
        uintptr_t x = (uintptr_t)a.p, y = (uintptr_t)b.p;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    default:
        if (is_unsigned_kind(k))
            return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
        return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    }
}

struct kv {
    struct value k, v;
};

static int kv_cmp(const void *x, const void *y)
{
    const struct kv *a = x, *b = y;
    return compare_values(a->k, b->k);
}

/* ---- printValue --------------------------------------------------------------- */

static bool is_exported(const char *name)
{
    return name && name[0] >= 'A' && name[0] <= 'Z';
}

/* read_hook reports a read of a shared slot (fmt_hooks.read). */
static inline void read_hook(const struct pf *p, const void *addr)
{
    if (p->hk && p->hk->read)
        p->hk->read(p->hk->ud, addr);
}

/* print_elem prints an element, field, key or value e of a composite whose
 * static type is st: a nil interface prints as "<nil>" whatever the verb,
 * or as "T(nil)" under %#v. */
static void print_elem(struct pf *p, struct value e, const struct type *st, char verb, int depth,
                       bool can_iface)
{
    if (!e.t && p->sharp_v && type_ukind(st) == T_INTERFACE) {
        type_string(st, p->b);
        sbuf_puts(p->b, "(nil)");
        return;
    }
    print_value(p, e, verb, depth, can_iface);
}

static void print_value(struct pf *p, struct value v, char verb, int depth, bool can_iface)
{
    if (depth > 0 && v.t && can_iface && handle_methods(p, v, verb))
        return;
    if (!v.t) {
        /* Only an interface holds no type; at depth 0 there is no value. */
        sbuf_puts(p->b, depth == 0 ? "<invalid reflect.Value>" : "<nil>");
        return;
    }
    const struct type *u = v.t->underlying;
    switch (u->kind) {
    case T_BOOL:
        if (verb == 'v' || verb == 't')
            fmt_bool(p, v.i != 0);
        else
            bad_verb(p, v, verb);
        return;
    case T_FLOAT32: fmt_float_verb(p, v, 32, verb); return;
    case T_FLOAT64: fmt_float_verb(p, v, 64, verb); return;
    case T_STRING: fmt_string_verb(p, str_ptr(v), str_len(v), verb, v); return;
    case T_MAP: {
        if (p->sharp_v) {
            type_string(v.t, p->b);
            if (!v.p) {
                sbuf_puts(p->b, "(nil)");
                return;
            }
            sbuf_putc(p->b, '{');
        } else {
            sbuf_puts(p->b, "map[");
        }
        struct vmap *m = v.p;
        if (m)
            read_hook(p, m);
        size_t n = 0;
        struct kv *kvs = NULL;
        if (m && m->count) {
            kvs = lv_malloc(m->count * sizeof *kvs);
            for (size_t i = 0; i < m->nent; i++)
                if (m->ent[i].live) {
                    kvs[n].k = m->ent[i].k;
                    kvs[n].v = m->ent[i].v;
                    n++;
                }
            qsort(kvs, n, sizeof *kvs, kv_cmp);
        }
        for (size_t i = 0; i < n; i++) {
            if (i > 0)
                sbuf_puts(p->b, p->sharp_v ? ", " : " ");
            print_elem(p, kvs[i].k, u->u.map.key, verb, depth + 1, can_iface);
            sbuf_putc(p->b, ':');
            print_elem(p, kvs[i].v, u->u.map.elem, verb, depth + 1, can_iface);
        }
        free(kvs);
        sbuf_putc(p->b, p->sharp_v ? '}' : ']');
        return;
    }
    case T_STRUCT: {
        if (p->sharp_v)
            type_string(v.t, p->b);
        sbuf_putc(p->b, '{');
        struct vbox *b = v.p;
        for (int i = 0; i < u->u.strct.nfields; i++) {
            const struct type_field *f = &u->u.strct.fields[i];
            if (i > 0)
                sbuf_puts(p->b, p->sharp_v ? ", " : " ");
            if (p->plus_v || p->sharp_v) {
                sbuf_puts(p->b, f->name);
                sbuf_putc(p->b, ':');
            }
            read_hook(p, &b->v[i]);
            print_elem(p, b->v[i], f->type, verb, depth + 1, can_iface && is_exported(f->name));
        }
        sbuf_putc(p->b, '}');
        return;
    }
    case T_ARRAY:
    case T_SLICE: {
        const struct type *elem = u->u.array.elem;
        bool bytes = elem->underlying->kind == T_UINT8;
        if (bytes && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
            struct sbuf t = {0};
            uint32_t n = u->kind == T_SLICE ? slice_len(v) : ((struct vbox *)v.p)->n;
            for (uint32_t i = 0; i < n; i++) {
                read_hook(p, u->kind == T_SLICE ? slice_at(v, i) : &((struct vbox *)v.p)->v[i]);
                struct value e = u->kind == T_SLICE ? *slice_at(v, i) : ((struct vbox *)v.p)->v[i];
                sbuf_putc(&t, (char)e.u);
            }
            fmt_string_verb(p, t.s ? t.s : "", t.len, verb, v);
            sbuf_free(&t);
            return;
        }
        if (p->sharp_v) {
            /* fmt's printArg catches an unnamed []byte argument first and
             * spells its type []byte; anywhere else it is []uint8. */
            if (depth == 0 && bytes && v.t->kind == T_SLICE && elem->kind == T_UINT8)
                sbuf_puts(p->b, "[]byte");
            else
                type_string(v.t, p->b);
            if (u->kind == T_SLICE && !v.p) {
                sbuf_puts(p->b, "(nil)");
                return;
            }
            sbuf_putc(p->b, '{');
        } else {
            sbuf_putc(p->b, '[');
        }
        uint32_t n = u->kind == T_SLICE ? slice_len(v) : ((struct vbox *)v.p)->n;
        for (uint32_t i = 0; i < n; i++) {
            if (i > 0)
                sbuf_puts(p->b, p->sharp_v ? ", " : " ");
            read_hook(p, u->kind == T_SLICE ? slice_at(v, i) : &((struct vbox *)v.p)->v[i]);
            struct value e = u->kind == T_SLICE ? *slice_at(v, i) : ((struct vbox *)v.p)->v[i];
            print_elem(p, e, elem, verb, depth + 1, can_iface);
        }
        sbuf_putc(p->b, p->sharp_v ? '}' : ']');
        return;
    }
    case T_POINTER:
        if (depth == 0 && v.p) {
            enum type_kind ek = type_ukind(u->u.array.elem);
            if (ek == T_ARRAY || ek == T_SLICE || ek == T_STRUCT || ek == T_MAP) {
                sbuf_putc(p->b, '&');
                print_value(p, ptr_load(v), verb, depth + 1, can_iface);
                return;
            }
        }
        fmt_pointer(p, v, verb);
        return;
    case T_CHAN:
    case T_FUNC: {
        struct value pv = v;
        if (u->kind == T_CHAN && v.p)
            pv.p = ((struct vchan *)v.p)->rc;
        fmt_pointer(p, pv, verb);
        return;
    }
    default:
        if (is_int_kind(u->kind)) {
            fmt_int_verb(p, v, verb);
            return;
        }
        sbuf_puts(p->b, "?");
        return;
    }
}

static void print_arg(struct pf *p, struct value v, char verb)
{
    if (!v.t) {
        switch (verb) {
        case 'T':
        case 'v': pad(p, "<nil>", 5); break;
        default: bad_verb(p, v, verb); break;
        }
        return;
    }
    if (verb == 'w') {
        /* %w is Errorf's, and only for an error; anything else complains. */
        if (!p->wrap_errs || !p->hk || !p->hk->has_method(p->hk->ud, v.t, FMT_ERROR)) {
            bad_verb(p, v, 'w');
            return;
        }
        verb = 'v';
    }
    if (verb == 'T') {
        struct sbuf t = {0};
        type_string(v.t, &t);
        fmt_string_verb(p, t.s, t.len, 's', v);
        sbuf_free(&t);
        return;
    }
    if (verb == 'p') {
        enum type_kind k = type_ukind(v.t);
        if (k == T_POINTER || k == T_CHAN || k == T_FUNC || k == T_MAP || k == T_SLICE) {
            struct value pv = v;
            if (k == T_CHAN && v.p)
                pv.p = ((struct vchan *)v.p)->rc;
            if (k == T_SLICE && v.p)
                pv.p = slice_at(v, 0);
            fmt_pointer(p, pv, 'p');
        } else {
            bad_verb(p, v, verb);
        }
        return;
    }
    /* Unnamed basic types print directly; anything else may have methods. */
    bool basic = v.t->kind >= T_BOOL && v.t->kind <= T_STRING;
    if (basic || !handle_methods(p, v, verb))
        print_value(p, v, verb, 0, true);
}

/* ---- Printf ----------------------------------------------------------------- */

/* Printf's directive parser, after Go's doPrintf: flags, an optional
 * argument index [n] before the width, the precision and the verb, widths
 * and precisions from arguments (*), and the complaints %!v(MISSING),
 * %!v(BADINDEX), %!(BADWIDTH), %!(BADPREC), %!(NOVERB), %!(EXTRA ...). */

static bool too_large(int64_t x)
{
    return x > 1000000 || x < -1000000;
}

/* parse_num reads decimal digits at s[*i..end); false when there are none.
 * A number over a million gives false and moves *i to end, as Go does. */
static bool parse_num(const char *s, size_t end, size_t *i, int *out)
{
    int64_t n = 0;
    bool any = false;
    *out = 0;
    for (; *i < end && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (too_large(n)) {
            *i = end;
            return false;
        }
        n = n * 10 + (s[*i] - '0');
        any = true;
    }
    *out = (int)n;
    return any;
}

/* int_from_arg takes args[*argn] as a width or precision: an integer of any
 * kind within a million. *argn advances when there is an argument. */
static bool int_from_arg(const struct value *args, size_t nargs, size_t *argn, int *out)
{
    *out = 0;
    if (*argn >= nargs)
        return false;
    struct value a = args[(*argn)++];
    if (!a.t || !is_int_kind(type_ukind(a.t)))
        return false;
    if (is_unsigned_kind(type_ukind(a.t)) ? a.u > 1000000 : too_large(a.i))
        return false;
    *out = (int)a.i;
    return true;
}

struct printf_state {
    size_t argn;      /* next argument */
    bool reordered;   /* an index [n] was seen */
    bool good_argnum; /* the current directive's indexes were valid */
    size_t wrapped[64];
    int nwrapped; /* arguments consumed by %w (Errorf) */
};

/* arg_number reads an index "[n]" at format[*i], if any: it sets the next
 * argument and returns true when n is well formed (even if out of range,
 * which clears good_argnum). */
static bool arg_number(struct printf_state *st, const char *format, size_t end, size_t *i,
                       size_t nargs)
{
    if (*i >= end || format[*i] != '[')
        return false;
    st->reordered = true;
    size_t close = *i + 1;
    while (close < end && format[close] != ']')
        close++;
    if (end - *i < 3 || close >= end) {
        (*i)++;
        st->good_argnum = false;
        return false;
    }
    size_t j = *i + 1;
    int idx;
    bool ok = parse_num(format, close, &j, &idx) && j == close;
    *i = close + 1;
    if (ok && idx >= 1 && (size_t)idx - 1 < nargs) {
        st->argn = (size_t)idx - 1;
        return true;
    }
    st->good_argnum = false;
    return ok;
}

static void complain(struct sbuf *out, int32_t verb, const char *what)
{
    char vb[4];
    sbuf_puts(out, "%!");
    sbuf_put(out, vb, (size_t)sc_encode_rune(vb, verb));
    sbuf_puts(out, what);
}

static void do_printf(struct sbuf *out, const struct fmt_hooks *hk, const char *format, size_t end,
                      const struct value *args, size_t nargs, bool wrap, struct printf_state *st)
{
    struct pf pp = {.b = out, .hk = hk, .wrap_errs = wrap};
    struct pf *p = &pp;
    memset(st, 0, sizeof *st);
    for (size_t i = 0; i < end;) {
        st->good_argnum = true;
        size_t lasti = i;
        while (i < end && format[i] != '%')
            i++;
        if (i > lasti)
            sbuf_put(out, format + lasti, i - lasti);
        if (i >= end)
            break;
        i++; /* skip % */
        clear_flags(p);
        for (; i < end; i++) {
            char c = format[i];
            if (c == '#')
                p->sharp = true;
            else if (c == '0')
                p->zero = !p->minus;
            else if (c == '+')
                p->plus = true;
            else if (c == '-') {
                p->minus = true;
                p->zero = false;
            } else if (c == ' ')
                p->space = true;
            else
                break;
        }
        bool after_index = arg_number(st, format, end, &i, nargs);
        if (i < end && format[i] == '*') {
            i++;
            p->wid_present = int_from_arg(args, nargs, &st->argn, &p->wid);
            if (!p->wid_present)
                sbuf_puts(out, "%!(BADWIDTH)");
            if (p->wid < 0) {
                p->minus = true;
                p->zero = false;
                p->wid = -p->wid;
            }
            after_index = false;
        } else {
            p->wid_present = parse_num(format, end, &i, &p->wid);
            if (after_index && p->wid_present)
                st->good_argnum = false; /* "%[3]2d" */
        }
        if (i + 1 < end && format[i] == '.') {
            i++;
            if (after_index)
                st->good_argnum = false; /* "%[3].2d" */
            after_index = arg_number(st, format, end, &i, nargs);
            if (i < end && format[i] == '*') {
                i++;
                p->prec_present = int_from_arg(args, nargs, &st->argn, &p->prec);
                if (p->prec < 0) {
                    p->prec = 0;
                    p->prec_present = false;
                }
                if (!p->prec_present)
                    sbuf_puts(out, "%!(BADPREC)");
                after_index = false;
            } else {
                parse_num(format, end, &i, &p->prec);
                p->prec_present = true;
            }
        }
        if (!after_index)
            after_index = arg_number(st, format, end, &i, nargs);
        if (i >= end) {
            sbuf_puts(out, "%!(NOVERB)");
            break;
        }
        int32_t verb;
        i += (size_t)sc_decode_rune(format + i, end - i, &verb);
        if (verb == '%') {
            sbuf_putc(out, '%');
            continue;
        }
        if (!st->good_argnum) {
            complain(out, verb, "(BADINDEX)");
            continue;
        }
        if (st->argn >= nargs) {
            complain(out, verb, "(MISSING)");
            continue;
        }
        if (verb == 'w' && st->nwrapped < 64)
            st->wrapped[st->nwrapped++] = st->argn;
        if (verb == 'v' || verb == 'w') {
            p->sharp_v = p->sharp;
            p->sharp = false;
            p->plus_v = p->plus;
            p->plus = false;
        }
        struct value a = args[st->argn++];
        if (verb >= 0x80) {
            /* No verb is outside ASCII: the complaint, with the value. */
            p->erroring = true;
            complain(out, verb, "(");
            if (a.t) {
                type_string(a.t, out);
                sbuf_putc(out, '=');
                print_value(p, a, 'v', 0, false);
            } else {
                sbuf_puts(out, "<nil>");
            }
            sbuf_putc(out, ')');
            p->erroring = false;
            continue;
        }
        print_arg(p, a, (char)verb);
    }
    if (!st->reordered && st->argn < nargs) {
        clear_flags(p);
        sbuf_puts(out, "%!(EXTRA ");
        for (size_t k = st->argn; k < nargs; k++) {
            if (k > st->argn)
                sbuf_puts(out, ", ");
            if (!args[k].t) {
                sbuf_puts(out, "<nil>");
            } else {
                type_string(args[k].t, out);
                sbuf_putc(out, '=');
                print_arg(p, args[k], 'v');
            }
        }
        sbuf_putc(out, ')');
    }
}

void fmt_sprintf(struct sbuf *out, const struct fmt_hooks *hk, const char *format, size_t end,
                 const struct value *args, size_t nargs)
{
    struct printf_state st;
    do_printf(out, hk, format, end, args, nargs, false, &st);
}

void fmt_sprint(struct sbuf *out, const struct fmt_hooks *hk, const struct value *args,
                size_t nargs)
{
    struct pf pp = {.b = out, .hk = hk};
    bool prev_string = false;
    for (size_t i = 0; i < nargs; i++) {
        bool is_string = args[i].t && type_ukind(args[i].t) == T_STRING;
        if (i > 0 && !is_string && !prev_string)
            sbuf_putc(out, ' ');
        clear_flags(&pp);
        print_arg(&pp, args[i], 'v');
        prev_string = is_string;
    }
}

void fmt_sprintln(struct sbuf *out, const struct fmt_hooks *hk, const struct value *args,
                  size_t nargs)
{
    struct pf pp = {.b = out, .hk = hk};
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0)
            sbuf_putc(out, ' ');
        clear_flags(&pp);
        print_arg(&pp, args[i], 'v');
    }
    sbuf_putc(out, '\n');
}

void fmt_value(struct sbuf *out, const struct fmt_hooks *hk, struct value v)
{
    struct pf pp = {.b = out, .hk = hk};
    print_arg(&pp, v, 'v');
}

/* ---- natives of package fmt ------------------------------------------------------ */

/* args_of copies the []any at stk[i] into a malloc'd array (elements stay
 * reachable through the slice on the stack). */
static struct value *args_of(struct gstate *g, uint32_t i, size_t *n)
{
    struct value s = g->stk[i];
    *n = slice_len(s);
    struct value *a = lv_malloc((*n ? *n : 1) * sizeof *a);
    for (size_t k = 0; k < *n; k++)
        a[k] = *slice_at(s, (uint32_t)k);
    return a;
}

static void finish_string(struct gstate *g, uint32_t base, struct sbuf *b)
{
    struct value v = interp_str(g, b->s ? b->s : "", b->len);
    sbuf_free(b);
    g->stk[base] = v;
}

static void n_sprintf(struct gstate *g, uint32_t base)
{
    size_t n;
    struct value *a = args_of(g, base + 1, &n);
    struct fmt_hooks hk = interp_fmt_hooks(g);
    struct sbuf b = {0};
    struct value f = g->stk[base];
    fmt_sprintf(&b, &hk, str_ptr(f), str_len(f), a, n);
    free(a);
    finish_string(g, base, &b);
}

static void n_sprint(struct gstate *g, uint32_t base)
{
    size_t n;
    struct value *a = args_of(g, base, &n);
    struct fmt_hooks hk = interp_fmt_hooks(g);
    struct sbuf b = {0};
    fmt_sprint(&b, &hk, a, n);
    free(a);
    finish_string(g, base, &b);
}

static void n_sprintln(struct gstate *g, uint32_t base)
{
    size_t n;
    struct value *a = args_of(g, base, &n);
    struct fmt_hooks hk = interp_fmt_hooks(g);
    struct sbuf b = {0};
    fmt_sprintln(&b, &hk, a, n);
    free(a);
    finish_string(g, base, &b);
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* errorf(format, a...) (string, []int): Errorf's text, with %w allowed,
 * and the indexes of the arguments %w consumed (sorted when the format
 * used explicit indexes, as Go sorts them). */
static void n_errorf(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    size_t n;
    struct value *a = args_of(g, base + 1, &n);
    struct fmt_hooks hk = interp_fmt_hooks(g);
    struct sbuf b = {0};
    struct value f = g->stk[base];
    struct printf_state st;
    do_printf(&b, &hk, str_ptr(f), str_len(f), a, n, true, &st);
    free(a);
    finish_string(g, base, &b);
    if (st.reordered)
        qsort(st.wrapped, (size_t)st.nwrapped, sizeof st.wrapped[0], cmp_size);
    int found = st.nwrapped;
    struct vbox *arr = interp_box(g, (uint32_t)found);
    for (int i = 0; i < found; i++) {
        arr->v[i].i = (int64_t)st.wrapped[i];
        arr->v[i].t = in->ty.t_int;
    }
    g->stk[base + 1] = (struct value){.p = arr, .t = in->ty.t_internal};
    struct vslice *sl = interp_alloc(g, GC_SLICE, sizeof *sl);
    sl->arr = g->stk[base + 1].p;
    sl->len = sl->cap = (uint32_t)found;
    g->stk[base + 1] = (struct value){.p = found ? sl : NULL, .t = in->ty.t_ints};
}

const struct native_entry lib_fmt_natives[] = {
    {"fmt.Sprintf", n_sprintf},
    {"fmt.Sprint", n_sprint},
    {"fmt.Sprintln", n_sprintln},
    {"fmt.errorf", n_errorf},
    {NULL, NULL},
};
