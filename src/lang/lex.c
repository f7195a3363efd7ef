/* lex.c: Go's lexical grammar: tokens, literals, comments, semicolon
 * insertion, and the token classes syntax highlighting uses. */
#include <string.h>

#include "lex.h"

static const char *const tok_texts[] = {
#define TOK(name, text, cls, op) text,
#define KW(name, text)           text,
#include "tokens.def"
#undef TOK
#undef KW
};

static const enum lang_token_class tok_classes[] = {
#define TOK(name, text, cls, op) LANG_TOK_##cls,
#define KW(name, text)           LANG_TOK_KEYWORD,
#include "tokens.def"
#undef TOK
#undef KW
};

static const enum ast_op tok_ops[] = {
#define TOK(name, text, cls, op) OP_##op,
#define KW(name, text)           OP_NONE,
#include "tokens.def"
#undef TOK
#undef KW
};

const char *tok_text(enum tok t)
{
    return t < TK_COUNT ? tok_texts[t] : "?";
}

enum lang_token_class tok_class(enum tok t)
{
    return t < TK_COUNT ? tok_classes[t] : LANG_TOK_PLAIN;
}

enum ast_op tok_binop(enum tok t)
{
    if (t >= TK_ADD_ASSIGN && t <= TK_AND_NOT_ASSIGN)
        return OP_NONE;
    return t < TK_COUNT ? tok_ops[t] : OP_NONE;
}

void lex_init(struct lexer *lx, const char *src, size_t len, uint32_t file, struct diags *diags)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->file = file;
    lx->line = 1;
    lx->diags = diags;
}

/* ---- UTF-8 ---------------------------------------------------------------- */

int32_t lex_utf8_decode(const unsigned char *s, size_t n, int *size)
{
    *size = 1;
    if (n == 0)
        return 0xFFFD;
    unsigned c = s[0];
    if (c < 0x80)
        return (int32_t)c;
    int need;
    int32_t r, min;
    if ((c & 0xE0) == 0xC0)
        need = 1, r = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        need = 2, r = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        need = 3, r = c & 0x07, min = 0x10000;
    else
        return 0xFFFD;
    if ((size_t)need >= n)
        return 0xFFFD;
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0xFFFD;
        r = (r << 6) | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return 0xFFFD;
    *size = need + 1;
    return r;
}

int lex_utf8_encode(char *buf, int32_t r)
{
    unsigned char *b = (unsigned char *)buf;
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    if (r < 0x80) {
        b[0] = (unsigned char)r;
        return 1;
    }
    if (r < 0x800) {
        b[0] = (unsigned char)(0xC0 | (r >> 6));
        b[1] = (unsigned char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (r >> 12));
        b[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (r & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (r >> 18));
    b[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (r & 0x3F));
    return 4;
}

/* ---- scanning helpers ----------------------------------------------------- */

static struct pos pos_at(const struct lexer *lx, size_t off)
{
    return (struct pos){lx->file, lx->line, (uint32_t)(off - lx->line_start + 1)};
}

static void error_at(struct lexer *lx, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct lexer *lx, size_t off, const char *fmt, ...)
{
    if (!lx->diags)
        return;
    va_list ap;
    va_start(ap, fmt);
    diag_verror(lx->diags, pos_at(lx, off), fmt, ap);
    va_end(ap);
}

static int peek(const struct lexer *lx, size_t k)
{
    return lx->off + k < lx->len ? (unsigned char)lx->src[lx->off + k] : -1;
}

static bool is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int digit_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 16;
}

static void newline(struct lexer *lx, size_t off_after)
{
    lx->line++;
    lx->line_start = off_after;
}

/* Unicode letters beyond ASCII: accept any decodable rune that is not
 * punctuation we know of; Go accepts Unicode letters and digits. */
static bool unicode_ident_rune(int32_t r)
{
    return r != 0xFFFD && r >= 0x80 && !(r >= 0x2000 && r <= 0x206F) && r != 0x00A0 && r != 0xFEFF;
}

/* ---- literals ------------------------------------------------------------- */

static const char *base_name(int base)
{
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 16: return "hexadecimal";
    default: return "decimal";
    }
}

/* digits scans digits of base (and '_' separators) from lx->off; returns a
 * bit set: 1 = saw a digit, 2 = bad '_' placement; *invalid gets the offset
 * of the first digit >= base (for octal/binary) or SIZE_MAX. */
static int scan_digits(struct lexer *lx, int base, size_t *invalid)
{
    int flags = 0;
    int maxd = base <= 10 ? 10 : 16;
    for (;;) {
        int c = peek(lx, 0);
        if (c == '_') {
            flags |= 4;
        } else if (c >= 0 && digit_val(c) < maxd) {
            flags |= 1;
            if (digit_val(c) >= base && *invalid == SIZE_MAX)
                *invalid = lx->off;
        } else {
            break;
        }
        lx->off++;
    }
    return flags;
}

/* Go's rule for '_': it must sit between two digits, or between the base
 * prefix and a digit. Returns the offset of the first misplaced '_', or
 * SIZE_MAX. State: 'd' after a digit (or prefix), 'u' after '_', 'o' else. */
static size_t bad_separator(const char *s, size_t n)
{
    bool hex = false;
    char state = 'o';
    size_t i = 0;
    if (n >= 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        hex = (s[1] | 0x20) == 'x';
        state = 'd';
        i = 2;
    }
    for (; i < n; i++) {
        char prev = state;
        unsigned char c = (unsigned char)s[i];
        if (c == '_') {
            if (prev != 'd')
                return i;
            state = 'u';
        } else if (is_digit(c) || (hex && digit_val(c) < 16)) {
            state = 'd';
        } else {
            if (prev == 'u')
                return i - 1;
            state = 'o';
        }
    }
    return state == 'u' ? n - 1 : SIZE_MAX;
}

static enum tok scan_number(struct lexer *lx, size_t start)
{
    int base = 10;
    char prefix = 0;
    bool is_float = false;
    size_t invalid = SIZE_MAX;
    int flags = 0;

    if (peek(lx, 0) != '.') {
        if (peek(lx, 0) == '0') {
            lx->off++;
            int c = peek(lx, 0) | 0x20;
            if (c == 'x') {
                lx->off++, base = 16, prefix = 'x';
            } else if (c == 'o') {
                lx->off++, base = 8, prefix = 'o';
            } else if (c == 'b') {
                lx->off++, base = 2, prefix = 'b';
            } else {
                base = 8, prefix = '0', flags = 1;
            }
        }
        flags |= scan_digits(lx, base, &invalid);
        if (prefix != '0' && prefix && !(flags & 1) && peek(lx, 0) != '.') {
            error_at(lx, start, "%s literal has no digits", base_name(base));
        }
    }
    if (peek(lx, 0) == '.') {
        is_float = true;
        if (prefix == 'o' || prefix == 'b')
            error_at(lx, lx->off, "invalid radix point in %s literal", base_name(base));
        lx->off++;
        flags |= scan_digits(lx, base == 16 ? 16 : 10, &invalid);
    }
    int e = peek(lx, 0) | 0x20;
    if (e == 'e' || e == 'p') {
        if (e == 'e' && prefix && prefix != '0')
            error_at(lx, lx->off, "'%c' exponent requires decimal mantissa", lx->src[lx->off]);
        else if (e == 'p' && prefix != 'x')
            error_at(lx, lx->off, "'%c' exponent requires hexadecimal mantissa", lx->src[lx->off]);
        lx->off++;
        is_float = true;
        if (peek(lx, 0) == '+' || peek(lx, 0) == '-')
            lx->off++;
        size_t inv2 = SIZE_MAX;
        int ef = scan_digits(lx, 10, &inv2);
        if (!(ef & 1))
            error_at(lx, start, "exponent has no digits");
    } else if (prefix == 'x' && is_float) {
        error_at(lx, start, "hexadecimal mantissa requires a 'p' exponent");
    }
    enum tok kind = is_float ? TK_FLOAT : TK_INT;
    if (peek(lx, 0) == 'i') {
        lx->off++;
        kind = TK_IMAG;
    }
    if (kind == TK_INT && invalid != SIZE_MAX && prefix != 'x')
        error_at(lx, invalid, "invalid digit '%c' in %s literal", lx->src[invalid],
                 base_name(base));
    if (flags & 4) {
        size_t bad = bad_separator(lx->src + start, lx->off - start);
        if (bad != SIZE_MAX)
            error_at(lx, start + bad, "'_' must separate successive digits");
    }
    return kind;
}

/* escape scans one escape after the backslash at lx->off (pointing at the
 * letter); quote is the literal's delimiter. Returns false on error. */
static bool scan_escape(struct lexer *lx, int quote)
{
    int c = peek(lx, 0);
    int n, base;
    uint32_t max;
    switch (c) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\': lx->off++; return true;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': n = 3, base = 8, max = 255; break;
    case 'x': lx->off++, n = 2, base = 16, max = 255; break;
    case 'u': lx->off++, n = 4, base = 16, max = 0x10FFFF; break;
    case 'U': lx->off++, n = 8, base = 16, max = 0x10FFFF; break;
    default:
        if (c == quote) {
            lx->off++;
            return true;
        }
        if (c < 0 || c == '\n') {
            error_at(lx, lx->off, "newline in string");
            return false;
        }
        error_at(lx, lx->off, "unknown escape");
        return false;
    }
    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
        int d = peek(lx, 0);
        if (d < 0 || digit_val(d) >= base) {
            if (d == quote || d == '\n' || d < 0)
                error_at(lx, lx->off, "escape is incomplete");
            else
                error_at(lx, lx->off, "invalid character %c%c%c in %s escape", '\'', d, '\'',
                         base == 8 ? "octal" : "hexadecimal");
            return false;
        }
        x = x * (uint32_t)base + (uint32_t)digit_val(d);
        lx->off++;
    }
    if (x > max && base == 8) {
        error_at(lx, lx->off - 3, "octal escape value %u > 255", x);
        return false;
    }
    if (c == 'u' || c == 'U') {
        if (x > max || (x >= 0xD800 && x < 0xE000)) {
            error_at(lx, lx->off - (size_t)n - 2, "escape is invalid Unicode code point U+%04X", x);
            return false;
        }
    }
    return true;
}

static void scan_string(struct lexer *lx, size_t start)
{
    for (;;) {
        int c = peek(lx, 0);
        if (c == '"') {
            lx->off++;
            return;
        }
        if (c < 0 || c == '\n') {
            if (c < 0)
                error_at(lx, start, "string literal not terminated");
            else
                error_at(lx, lx->off, "newline in string");
            return;
        }
        lx->off++;
        if (c == '\\')
            scan_escape(lx, '"');
    }
}

static void scan_raw_string(struct lexer *lx, size_t start, struct pos *startpos)
{
    for (;;) {
        int c = peek(lx, 0);
        if (c < 0) {
            if (lx->diags)
                diag_error(lx->diags, *startpos, "raw string literal not terminated");
            return;
        }
        lx->off++;
        if (c == '`')
            return;
        if (c == '\n')
            newline(lx, lx->off);
    }
    (void)start;
}

static void scan_rune(struct lexer *lx, size_t start)
{
    int n = 0;
    bool ok = true;
    for (;;) {
        int c = peek(lx, 0);
        if (c == '\'') {
            lx->off++;
            if (ok && n == 0)
                error_at(lx, start, "empty rune literal or unescaped ' in rune literal");
            else if (ok && n > 1)
                error_at(lx, start, "more than one character in rune literal");
            return;
        }
        if (c < 0 || c == '\n') {
            if (ok)
                error_at(lx, start, "rune literal not terminated");
            return;
        }
        n++;
        if (c == '\\') {
            lx->off++;
            if (!scan_escape(lx, '\''))
                ok = false;
        } else {
            int size;
            lex_utf8_decode((const unsigned char *)lx->src + lx->off, lx->len - lx->off, &size);
            lx->off += (size_t)size;
        }
    }
}

/* ---- keywords ------------------------------------------------------------- */

static enum tok keyword(const char *s, size_t n)
{
    if (n < 2 || n > 11 || s[0] < 'b' || s[0] > 'v')
        return TK_IDENT;
    for (int k = TK_BREAK; k <= TK_VAR; k++)
        if (strlen(tok_texts[k]) == n && memcmp(tok_texts[k], s, n) == 0)
            return (enum tok)k;
    return TK_IDENT;
}

/* ---- the scanner ---------------------------------------------------------- */

static bool semi_after(enum tok k)
{
    switch (k) {
    case TK_IDENT:
    case TK_INT:
    case TK_FLOAT:
    case TK_IMAG:
    case TK_RUNE:
    case TK_STRING:
    case TK_BREAK:
    case TK_CONTINUE:
    case TK_FALLTHROUGH:
    case TK_RETURN:
    case TK_INC:
    case TK_DEC:
    case TK_RPAREN:
    case TK_RBRACK:
    case TK_RBRACE: return true;
    default: return false;
    }
}

/* op picks among one-, two- and three-byte operators. */
static enum tok scan_op(struct lexer *lx, int c)
{
    int c1 = peek(lx, 0), c2 = peek(lx, 1);
#define TAKE(n, t) (lx->off += (n), (t))
    switch (c) {
    case '+': return c1 == '+' ? TAKE(1, TK_INC) : c1 == '=' ? TAKE(1, TK_ADD_ASSIGN) : TK_ADD;
    case '-': return c1 == '-' ? TAKE(1, TK_DEC) : c1 == '=' ? TAKE(1, TK_SUB_ASSIGN) : TK_SUB;
    case '*': return c1 == '=' ? TAKE(1, TK_MUL_ASSIGN) : TK_MUL;
    case '/': return c1 == '=' ? TAKE(1, TK_QUO_ASSIGN) : TK_QUO;
    case '%': return c1 == '=' ? TAKE(1, TK_REM_ASSIGN) : TK_REM;
    case '&':
        if (c1 == '^')
            return c2 == '=' ? TAKE(2, TK_AND_NOT_ASSIGN) : TAKE(1, TK_AND_NOT);
        return c1 == '&' ? TAKE(1, TK_LAND) : c1 == '=' ? TAKE(1, TK_AND_ASSIGN) : TK_AND;
    case '|': return c1 == '|' ? TAKE(1, TK_LOR) : c1 == '=' ? TAKE(1, TK_OR_ASSIGN) : TK_OR;
    case '^': return c1 == '=' ? TAKE(1, TK_XOR_ASSIGN) : TK_XOR;
    case '<':
        if (c1 == '<')
            return c2 == '=' ? TAKE(2, TK_SHL_ASSIGN) : TAKE(1, TK_SHL);
        return c1 == '-' ? TAKE(1, TK_ARROW) : c1 == '=' ? TAKE(1, TK_LEQ) : TK_LSS;
    case '>':
        if (c1 == '>')
            return c2 == '=' ? TAKE(2, TK_SHR_ASSIGN) : TAKE(1, TK_SHR);
        return c1 == '=' ? TAKE(1, TK_GEQ) : TK_GTR;
    case '=': return c1 == '=' ? TAKE(1, TK_EQL) : TK_ASSIGN;
    case '!': return c1 == '=' ? TAKE(1, TK_NEQ) : TK_NOT;
    case ':': return c1 == '=' ? TAKE(1, TK_DEFINE) : TK_COLON;
    case '.': return c1 == '.' && c2 == '.' ? TAKE(2, TK_ELLIPSIS) : TK_PERIOD;
    case '(': return TK_LPAREN;
    case ')': return TK_RPAREN;
    case '[': return TK_LBRACK;
    case ']': return TK_RBRACK;
    case '{': return TK_LBRACE;
    case '}': return TK_RBRACE;
    case ',': return TK_COMMA;
    case ';': return TK_SEMICOLON;
    case '~': return TK_TILDE;
    default: return TK_ILLEGAL;
    }
#undef TAKE
}

void lex_next(struct lexer *lx, struct token *t)
{
again:
    /* whitespace; a newline may end a statement */
    for (;;) {
        int c = peek(lx, 0);
        if (c == '\n') {
            if (lx->semi_ok) {
                t->kind = TK_SEMICOLON;
                t->pos = pos_at(lx, lx->off);
                t->text = "\n";
                t->len = 1;
                t->auto_semi = true;
                lx->semi_ok = false;
                return;
            }
            lx->off++;
            newline(lx, lx->off);
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->off++;
        } else {
            break;
        }
    }
    size_t start = lx->off;
    t->pos = pos_at(lx, start);
    t->text = lx->src + start;
    t->auto_semi = false;
    int c = peek(lx, 0);
    if (c < 0) {
        if (lx->semi_ok) {
            lx->semi_ok = false;
            t->kind = TK_SEMICOLON;
            t->text = "EOF";
            t->len = 0;
            t->auto_semi = true;
            return;
        }
        t->kind = TK_EOF;
        t->len = 0;
        return;
    }
    /* comments */
    if (c == '/' && (peek(lx, 1) == '/' || peek(lx, 1) == '*')) {
        if (peek(lx, 1) == '/') {
            while (peek(lx, 0) >= 0 && peek(lx, 0) != '\n')
                lx->off++;
        } else {
            struct pos p = t->pos;
            bool had_newline = false;
            lx->off += 2;
            for (;;) {
                int d = peek(lx, 0);
                if (d < 0) {
                    if (lx->diags)
                        diag_error(lx->diags, p, "comment not terminated");
                    break;
                }
                lx->off++;
                if (d == '*' && peek(lx, 0) == '/') {
                    lx->off++;
                    break;
                }
                if (d == '\n') {
                    had_newline = true;
                    newline(lx, lx->off);
                }
            }
            if (had_newline && lx->semi_ok && !lx->keep_comments) {
                /* a general comment spanning lines acts like a newline */
                t->kind = TK_SEMICOLON;
                t->text = "\n";
                t->len = 1;
                t->auto_semi = true;
                lx->semi_ok = false;
                return;
            }
        }
        if (lx->keep_comments) {
            t->kind = TK_COMMENT;
            t->len = lx->off - start;
            return;
        }
        goto again;
    }

    enum tok kind;
    if (is_letter(c)) {
        for (;;) {
            int d = peek(lx, 0);
            if (d < 0x80 && (is_letter(d) || is_digit(d))) {
                lx->off++;
            } else if (d >= 0x80) {
                int size;
                int32_t r = lex_utf8_decode((const unsigned char *)lx->src + lx->off,
                                            lx->len - lx->off, &size);
                if (!unicode_ident_rune(r)) {
                    if (lx->off == start) {
                        error_at(lx, start, "invalid character U+%04X", (unsigned)r);
                        lx->off += (size_t)size;
                        goto again;
                    }
                    break;
                }
                lx->off += (size_t)size;
            } else {
                break;
            }
        }
        kind = keyword(lx->src + start, lx->off - start);
    } else if (is_digit(c) || (c == '.' && is_digit(peek(lx, 1)))) {
        kind = scan_number(lx, start);
    } else if (c == '"') {
        lx->off++;
        scan_string(lx, start);
        kind = TK_STRING;
    } else if (c == '`') {
        struct pos p = t->pos;
        lx->off++;
        scan_raw_string(lx, start, &p);
        kind = TK_STRING;
    } else if (c == '\'') {
        lx->off++;
        scan_rune(lx, start);
        kind = TK_RUNE;
    } else {
        lx->off++;
        kind = scan_op(lx, c);
        if (kind == TK_ILLEGAL) {
            if (c >= 0x20 && c < 0x7F)
                error_at(lx, start, "invalid character U+%04X '%c'", (unsigned)c, c);
            else
                error_at(lx, start, "invalid character U+%04X", (unsigned)c);
            if (!lx->keep_comments)
                goto again;
        }
    }
    t->kind = kind;
    t->len = lx->off - start;
    lx->semi_ok = semi_after(kind);
}

/* ---- literal values ------------------------------------------------------- */

static uint32_t hexval(const char *s, int n)
{
    uint32_t x = 0;
    for (int i = 0; i < n; i++)
        x = x * 16 + (uint32_t)digit_val((unsigned char)s[i]);
    return x;
}

/* decode_escape decodes the escape at s (after '\\'); *n gets the bytes
 * consumed; *is_byte is set for \x and octal (a raw byte, not a rune). */
static uint32_t decode_escape(const char *s, size_t avail, size_t *n, bool *is_byte)
{
    *is_byte = false;
    *n = 1;
    if (avail == 0)
        return 0;
    switch (s[0]) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case 'x':
        if (avail < 3)
            return 0;
        *n = 3, *is_byte = true;
        return hexval(s + 1, 2);
    case 'u':
        if (avail < 5)
            return 0;
        *n = 5;
        return hexval(s + 1, 4);
    case 'U':
        if (avail < 9)
            return 0;
        *n = 9;
        return hexval(s + 1, 8);
    default:
        if (s[0] >= '0' && s[0] <= '7' && avail >= 3) {
            *n = 3, *is_byte = true;
            return (uint32_t)((s[0] - '0') * 64 + (s[1] - '0') * 8 + (s[2] - '0'));
        }
        return (unsigned char)s[0];
    }
}

char *lex_string_value(struct arena *a, const char *text, size_t len, size_t *outlen)
{
    char *out = arena_alloc(a, len + 1);
    size_t o = 0;
    if (len < 2) {
        *outlen = 0;
        return out;
    }
    if (text[0] == '`') {
        for (size_t i = 1; i + 1 < len; i++)
            if (text[i] != '\r')
                out[o++] = text[i];
        *outlen = o;
        return out;
    }
    for (size_t i = 1; i + 1 < len;) {
        if (text[i] != '\\') {
            out[o++] = text[i++];
            continue;
        }
        size_t n;
        bool is_byte;
        uint32_t v = decode_escape(text + i + 1, len - i - 2, &n, &is_byte);
        i += 1 + n;
        if (is_byte)
            out[o++] = (char)v;
        else
            o += (size_t)lex_utf8_encode(out + o, (int32_t)v); /* a rune escape is at most
                                                                  as long as its text */
    }
    *outlen = o;
    return out;
}

int32_t lex_rune_value(const char *text, size_t len)
{
    if (len < 3)
        return 0;
    if (text[1] == '\\') {
        size_t n;
        bool is_byte;
        return (int32_t)decode_escape(text + 2, len - 3, &n, &is_byte);
    }
    int size;
    return lex_utf8_decode((const unsigned char *)text + 1, len - 2, &size);
}

/* ---- highlighting --------------------------------------------------------- */

static bool predeclared(const char *s, size_t n)
{
    static const char *const names[] = {
        "append", "cap",    "clear",  "close",   "copy",    "delete",  "len",       "make",
        "max",    "min",    "new",    "panic",   "print",   "println", "recover",   "bool",
        "byte",   "int",    "int8",   "int16",   "int32",   "int64",   "uint",      "uint8",
        "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "string",    "rune",
        "error",  "any",    "nil",    "true",    "false",   "iota",    "complex64", "complex128",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return true;
    return false;
}

size_t lang_tokenize(const char *src, size_t len,
                     void (*fn)(void *ud, const struct lang_token_span *span), void *ud)
{
    struct lexer lx;
    lex_init(&lx, src, len, 0, NULL);
    lx.keep_comments = true;
    size_t count = 0;
    for (;;) {
        struct token t;
        size_t before = lx.off;
        lex_next(&lx, &t);
        if (t.kind == TK_EOF)
            break;
        if (t.auto_semi)
            continue;
        size_t start = (size_t)(t.text - src);
        if (t.kind == TK_ILLEGAL || start < before) {
            start = before;
            while (start < len && (src[start] == ' ' || src[start] == '\t'))
                start++;
        }
        struct lang_token_span span = {start, start + t.len, tok_class(t.kind)};
        if (t.kind == TK_IDENT && predeclared(t.text, t.len))
            span.cls = LANG_TOK_BUILTIN;
        if (span.end > len)
            span.end = len;
        if (span.end <= span.start)
            continue;
        if (fn)
            fn(ud, &span);
        count++;
    }
    return count;
}
