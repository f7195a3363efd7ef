/* json_pos.c: a strict JSON scanner that reports syntax errors with a
 * position and records where every value is, so that schema errors found on
 * cJSON's tree can name a line and a column. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank_impl.h"

/* Deeper nesting than this is an error; the schema needs six levels, and
 * cJSON itself stops at CJSON_NESTING_LIMIT. */
#define MAX_DEPTH 100

struct scan {
    const char *s; /* the text */
    size_t len, i; /* its length and the read offset */
    int line, col; /* position of s[i] */
    struct bjson_index *ix;
    struct bjson_error *err;
    bool failed;
};

/* fail records the first error at the current position. */
static bool fail(struct scan *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(struct scan *sc, const char *fmt, ...)
{
    if (sc->failed)
        return false;
    sc->failed = true;
    sc->err->line = sc->line;
    sc->err->col = sc->col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->err->message, sizeof sc->err->message, fmt, ap);
    va_end(ap);
    return false;
}

static int peek(const struct scan *sc)
{
    return sc->i < sc->len ? (unsigned char)sc->s[sc->i] : -1;
}

/* advance moves past one byte, keeping line and column: a column counts
 * code points, so UTF-8 continuation bytes do not move it. */
static void advance(struct scan *sc)
{
    unsigned char c = (unsigned char)sc->s[sc->i++];
    if (c == '\n') {
        sc->line++;
        sc->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        sc->col++;
    }
}

static void skip_ws(struct scan *sc)
{
    for (int c = peek(sc); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek(sc))
        advance(sc);
}

/* describe renders the character at the read offset for a message. */
static const char *describe(const struct scan *sc, char *buf, size_t size)
{
    int c = peek(sc);
    if (c < 0)
        snprintf(buf, size, "the end of the file");
    else if (c >= 0x20 && c < 0x7F)
        snprintf(buf, size, "'%c'", c);
    else
        snprintf(buf, size, "byte 0x%02X", (unsigned)c);
    return buf;
}

static struct bjson_pos *push_pos(struct scan *sc)
{
    struct bjson_index *ix = sc->ix;
    if (ix->n == ix->cap) {
        ix->cap = ix->cap ? ix->cap * 2 : 64;
        ix->v = bank_xrealloc(ix->v, ix->cap * sizeof *ix->v);
    }
    struct bjson_pos *p = &ix->v[ix->n++];
    memset(p, 0, sizeof *p);
    p->line = sc->line;
    p->col = sc->col;
    p->start = sc->i;
    return p;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* read_u4 reads the four hex digits after "\u". */
static bool read_u4(struct scan *sc, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(peek(sc));
        if (h < 0)
            return fail(sc, "malformed JSON: \\u must be followed by four hex digits");
        v = v * 16 + (unsigned)h;
        advance(sc);
    }
    *out = v;
    return true;
}

/* utf8_len returns the length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    return len;
}

/* escape -> '\' ( one of "\/bfnrt or u hex hex hex hex ) ; errors point at
 * the backslash, where the reader's eye should go. */
static bool scan_escape(struct scan *sc)
{
    int line = sc->line, col = sc->col;
    advance(sc); /* the backslash */
    int e = peek(sc);
    if (e < 0)
        return true; /* the caller reports the unclosed string */
    if (e != 0 && strchr("\"\\/bfnrt", e)) {
        advance(sc);
        return true;
    }
    if (e != 'u') {
        char d[24];
        describe(sc, d, sizeof d);
        sc->line = line, sc->col = col;
        return fail(sc, "malformed JSON: invalid escape \\%s in a string",
                    e >= 0x20 && e < 0x7F ? (char[]){(char)e, 0} : d);
    }
    advance(sc);
    unsigned u, lo = 0;
    bool ok = read_u4(sc, &u);
    if (ok && u >= 0xD800 && u <= 0xDBFF) {
        ok = peek(sc) == '\\' && sc->i + 1 < sc->len && sc->s[sc->i + 1] == 'u';
        if (ok) {
            advance(sc), advance(sc);
            ok = read_u4(sc, &lo) && lo >= 0xDC00 && lo <= 0xDFFF;
        }
        if (!ok) {
            sc->failed = false; /* replace a hex-digit error with the real one */
            sc->line = line, sc->col = col;
            return fail(sc, "malformed JSON: \\u%04X must be followed by a low surrogate escape",
                        u);
        }
    }
    if (!ok)
        return false;
    if (u != 0 && !(u >= 0xDC00 && u <= 0xDFFF))
        return true;
    sc->line = line, sc->col = col;
    if (u == 0)
        return fail(sc, "malformed JSON: \\u0000 is not allowed in a string");
    return fail(sc, "malformed JSON: \\u%04X is a lone low surrogate", u);
}

/* string -> '"' { char | escape } '"' */
static bool scan_string(struct scan *sc)
{
    int line = sc->line, col = sc->col;
    advance(sc); /* the opening quote */
    for (;;) {
        /* Fast path: a run of printable ASCII moves one column a byte. */
        while (sc->i < sc->len) {
            unsigned char b = (unsigned char)sc->s[sc->i];
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
                break;
            sc->i++;
            sc->col++;
        }
        int c = peek(sc);
        if (c < 0) {
            sc->line = line, sc->col = col;
            return fail(sc, "malformed JSON: this string is never closed");
        }
        if (c == '"') {
            advance(sc);
            return true;
        }
        if (c == '\n')
            return fail(sc, "malformed JSON: a line break inside a string (close the string "
                            "before it, or write \\n)");
        if (c < 0x20)
            return fail(sc,
                        "malformed JSON: control character 0x%02X in a string (write it as "
                        "an escape such as \\t)",
                        (unsigned)c);
        if (c == '\\') {
            if (!scan_escape(sc))
                return false;
            continue;
        }
        size_t n = utf8_len((const unsigned char *)sc->s + sc->i, sc->len - sc->i);
        if (n == 0)
            return fail(sc, "malformed JSON: invalid UTF-8 (byte 0x%02X) in a string", (unsigned)c);
        for (size_t k = 0; k < n; k++)
            advance(sc);
    }
}

/* number -> [ '-' ] int [ frac ] [ exp ] */
static bool scan_number(struct scan *sc)
{
    if (peek(sc) == '-')
        advance(sc);
    int c = peek(sc);
    if (c == '0') {
        advance(sc);
        if (peek(sc) >= '0' && peek(sc) <= '9')
            return fail(sc, "malformed JSON: a number may not have leading zeros");
    } else if (c >= '1' && c <= '9') {
        while (peek(sc) >= '0' && peek(sc) <= '9')
            advance(sc);
    } else {
        return fail(sc, "malformed JSON: a digit must follow '-'");
    }
    if (peek(sc) == '.') {
        advance(sc);
        if (!(peek(sc) >= '0' && peek(sc) <= '9'))
            return fail(sc, "malformed JSON: a digit must follow the decimal point");
        while (peek(sc) >= '0' && peek(sc) <= '9')
            advance(sc);
    }
    if (peek(sc) == 'e' || peek(sc) == 'E') {
        advance(sc);
        if (peek(sc) == '+' || peek(sc) == '-')
            advance(sc);
        if (!(peek(sc) >= '0' && peek(sc) <= '9'))
            return fail(sc, "malformed JSON: a digit must follow the exponent");
        while (peek(sc) >= '0' && peek(sc) <= '9')
            advance(sc);
    }
    return true;
}

static bool scan_value(struct scan *sc, int depth);

/* object -> '{' [ string ':' value { ',' string ':' value } ] '}' */
static bool scan_object(struct scan *sc, int depth)
{
    char d[24];
    advance(sc);
    skip_ws(sc);
    if (peek(sc) == '}') {
        advance(sc);
        return true;
    }
    for (;;) {
        if (peek(sc) < 0)
            return fail(sc, "malformed JSON: the file ends where a field name should be");
        if (peek(sc) != '"')
            return fail(sc, "malformed JSON: expected a field name in double quotes, found %s",
                        describe(sc, d, sizeof d));
        int kline = sc->line, kcol = sc->col;
        if (!scan_string(sc))
            return false;
        skip_ws(sc);
        if (peek(sc) != ':')
            return fail(sc, "malformed JSON: expected ':' after the field name, found %s",
                        describe(sc, d, sizeof d));
        advance(sc);
        size_t at = sc->ix->n;
        if (!scan_value(sc, depth + 1))
            return false;
        sc->ix->v[at].kline = kline;
        sc->ix->v[at].kcol = kcol;
        if (peek(sc) == '}') {
            advance(sc);
            return true;
        }
        if (peek(sc) != ',')
            return fail(sc, "malformed JSON: expected ',' or '}' after a field, found %s",
                        describe(sc, d, sizeof d));
        advance(sc);
        skip_ws(sc);
        if (peek(sc) == '}')
            return fail(sc, "malformed JSON: trailing comma before '}'");
    }
}

/* array -> '[' [ value { ',' value } ] ']' */
static bool scan_array(struct scan *sc, int depth)
{
    char d[24];
    advance(sc);
    skip_ws(sc);
    if (peek(sc) == ']') {
        advance(sc);
        return true;
    }
    for (;;) {
        if (!scan_value(sc, depth + 1))
            return false;
        if (peek(sc) == ']') {
            advance(sc);
            return true;
        }
        if (peek(sc) != ',')
            return fail(sc, "malformed JSON: expected ',' or ']' after an element, found %s",
                        describe(sc, d, sizeof d));
        advance(sc);
        skip_ws(sc);
        if (peek(sc) == ']')
            return fail(sc, "malformed JSON: trailing comma before ']'");
    }
}

static bool scan_word(struct scan *sc, const char *word)
{
    size_t n = strlen(word);
    if (sc->len - sc->i >= n && memcmp(sc->s + sc->i, word, n) == 0) {
        int after = sc->i + n < sc->len ? (unsigned char)sc->s[sc->i + n] : -1;
        bool alnum = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                     (after >= '0' && after <= '9') || after == '_';
        if (!alnum) {
            for (size_t k = 0; k < n; k++)
                advance(sc);
            return true;
        }
    }
    return false;
}

/* value -> ws ( object | array | string | number | true | false | null ) ws */
static bool scan_value(struct scan *sc, int depth)
{
    char d[24];
    skip_ws(sc);
    if (depth > MAX_DEPTH)
        return fail(sc, "malformed JSON: nested more than %d levels deep", MAX_DEPTH);
    struct bjson_pos *p = push_pos(sc);
    size_t at = sc->ix->n - 1;
    (void)p;
    int c = peek(sc);
    bool ok;
    if (c == '{')
        ok = scan_object(sc, depth);
    else if (c == '[')
        ok = scan_array(sc, depth);
    else if (c == '"')
        ok = scan_string(sc);
    else if (c == '-' || (c >= '0' && c <= '9'))
        ok = scan_number(sc);
    else if (scan_word(sc, "true") || scan_word(sc, "false") || scan_word(sc, "null"))
        ok = true;
    else if (c == '\'')
        return fail(sc, "malformed JSON: strings take double quotes, not single");
    else if (c < 0)
        return fail(sc, "malformed JSON: the file ends where a value should be");
    else
        return fail(sc, "malformed JSON: expected a value, found %s", describe(sc, d, sizeof d));
    if (!ok)
        return false;
    sc->ix->v[at].len = sc->i - sc->ix->v[at].start;
    skip_ws(sc);
    return true;
}

bool bjson_scan(const char *text, size_t len, struct bjson_index *ix, struct bjson_error *err,
                size_t *skip)
{
    struct scan sc = {.s = text, .len = len, .line = 1, .col = 1, .ix = ix, .err = err};
    *skip = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        sc.i = *skip = 3;
    skip_ws(&sc);
    if (sc.i == sc.len)
        return fail(&sc, "malformed JSON: the file is empty");
    if (!scan_value(&sc, 0))
        return false;
    if (sc.i < sc.len) {
        char d[24];
        return fail(&sc, "malformed JSON: %s after the end of the top-level value",
                    describe(&sc, d, sizeof d));
    }
    return true;
}

/* ---- binding positions to cJSON nodes -------------------------------------- */

static bool bind_walk(struct bjson_index *ix, const cJSON *node, size_t *k)
{
    for (; node; node = node->next) {
        if (*k >= ix->n)
            return false;
        ix->v[(*k)++].node = node;
        if (node->child && !bind_walk(ix, node->child, k))
            return false;
    }
    return true;
}

static int by_node(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct bjson_pos *)a)->node;
    uintptr_t y = (uintptr_t)((const struct bjson_pos *)b)->node;
    return x < y ? -1 : x > y;
}

bool bjson_bind(struct bjson_index *ix, const cJSON *root)
{
    size_t k = 0;
    /* The root has no siblings: walk it alone. On a mismatch the index is
     * emptied, so bjson_find answers NULL rather than a wrong position. */
    bool ok = root && ix->n > 0;
    if (ok) {
        ix->v[k++].node = root;
        ok = (!root->child || bind_walk(ix, root->child, &k)) && k == ix->n;
    }
    if (!ok) {
        bjson_index_free(ix);
        return false;
    }
    qsort(ix->v, ix->n, sizeof *ix->v, by_node);
    return true;
}

const struct bjson_pos *bjson_find(const struct bjson_index *ix, const cJSON *node)
{
    struct bjson_pos key = {.node = node};
    if (!ix->v || ix->n == 0 || !node)
        return NULL;
    return bsearch(&key, ix->v, ix->n, sizeof *ix->v, by_node);
}

void bjson_index_free(struct bjson_index *ix)
{
    free(ix->v);
    ix->v = NULL;
    ix->n = ix->cap = 0;
}
