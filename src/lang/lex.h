/* lex.h: Go's lexical grammar (in-layer header).
 *
 * The lexer turns bytes into tokens with positions, inserts semicolons by
 * Go's rule (after a line's final identifier, literal, `break`, `continue`,
 * `fallthrough`, `return`, `++`, `--`, `)`, `]` or `}`), and reports lexical
 * errors in the Go compiler's words. Comments are skipped unless
 * keep_comments is set (for highlighting). */
#ifndef CHANLAB_LANG_LEX_H
#define CHANLAB_LANG_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"
#include "lang.h"

enum tok {
#define TOK(name, text, cls, op) TK_##name,
#define KW(name, text)           TK_##name,
#include "tokens.def"
#undef TOK
#undef KW
    TK_COUNT
};

struct token {
    enum tok kind;
    struct pos pos;
    const char *text; /* points into the source */
    size_t len;
    bool auto_semi; /* a semicolon inserted at a newline or at EOF */
};

struct lexer {
    const char *src;
    size_t len;
    size_t off; /* next byte */
    uint32_t file;
    uint32_t line;     /* current line, 1-based */
    size_t line_start; /* offset of the current line's first byte */
    bool semi_ok;      /* a newline here inserts a semicolon */
    bool keep_comments;
    struct diags *diags; /* NULL: report nothing */
};

void lex_init(struct lexer *lx, const char *src, size_t len, uint32_t file, struct diags *diags);

/* lex_next scans the next token into *t. At the end it returns TK_EOF
 * forever (after one inserted semicolon if due). */
void lex_next(struct lexer *lx, struct token *t);

/* Tables from tokens.def. */
const char *tok_text(enum tok t);
enum lang_token_class tok_class(enum tok t);
enum ast_op tok_binop(enum tok t); /* binary operator, OP_NONE if not one */

/* lex_string_value decodes a string literal's text (quotes included) into
 * bytes allocated in arena; the lexer already reported malformed escapes. */
char *lex_string_value(struct arena *a, const char *text, size_t len, size_t *outlen);

/* lex_rune_value decodes a rune literal's text (quotes included). */
int32_t lex_rune_value(const char *text, size_t len);

/* lex_utf8_encode appends rune r as UTF-8 to buf (at least 4 bytes) and
 * returns the number of bytes. Invalid runes encode as U+FFFD. */
int lex_utf8_encode(char *buf, int32_t r);

/* lex_utf8_decode decodes one rune at s (n bytes available); *size gets its
 * length (1 for an invalid byte, which decodes as U+FFFD). */
int32_t lex_utf8_decode(const unsigned char *s, size_t n, int *size);

#endif
