/* lang.h: the public interface of chanlab's Go subset.
 *
 * Two sections: the FRONT END (load, check and vet a program; tokens for
 * syntax highlighting) and the BACK END (run a checked program). The checked
 * tree itself is described by the in-layer headers ast.h and types.h and by
 * docs/lang-tree.md; other layers only see the opaque handle.
 */
#ifndef CHANLAB_LANG_H
#define CHANLAB_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* lang_go_version names the Go language version whose semantics chanlab
 * follows by default; static storage. */
const char *lang_go_version(void);

/* ==== FRONT END ============================================================
 * Error policy: the lexer, parser and checker never abort on bad input; they
 * collect diagnostics (at most 10 errors, like Go) and recover. Out of memory
 * aborts. */

/* Options for loading a program. Zero-initialised means the defaults. */
struct lang_options {
    const char *lang; /* "go1.21" for shared loop variables; NULL or "go1.22"
                         and later for per-iteration ones */
    bool no_vet;      /* skip the vet checks (warnings) */
};

enum lang_severity {
    LANG_ERROR,   /* the program is not runnable */
    LANG_WARNING, /* a vet finding; the program still runs */
};

/* One diagnostic. Strings belong to the program; valid until it is freed. */
struct lang_diag {
    const char *file; /* file name as given to the loader */
    int line, col;    /* 1-based; col in bytes */
    enum lang_severity severity;
    const char *message; /* without position, e.g. "declared and not used: x" */
};

/* A loaded program: its diagnostics and, if it checked, its typed tree. */
struct lang_program;

/* lang_load_file reads path, parses, checks and vets it. Never returns NULL:
 * a file that cannot be read gives a program with one error
 * ("open PATH: REASON"). Caller frees with lang_program_free. */
struct lang_program *lang_load_file(const char *path, const struct lang_options *opt);

/* lang_load_source does the same for in-memory source (len bytes, need not
 * be NUL-terminated); name is used in diagnostics. The source is copied. */
struct lang_program *lang_load_source(const char *name, const char *src, size_t len,
                                      const struct lang_options *opt);

/* lang_program_free releases everything the program owns; NULL is fine. */
void lang_program_free(struct lang_program *p);

/* Diagnostics, in source order of the user's file (errors first). */
size_t lang_diag_count(const struct lang_program *p);
const struct lang_diag *lang_diag_peek(const struct lang_program *p, size_t i);
size_t lang_error_count(const struct lang_program *p);
size_t lang_warning_count(const struct lang_program *p);

/* lang_diag_print writes every diagnostic as `file:line:col: message\n`. */
void lang_diag_print(const struct lang_program *p, FILE *f);

/* lang_program_runnable: the check found no error, so the interpreter may
 * run the tree. */
bool lang_program_runnable(const struct lang_program *p);

/* lang_program_tree returns the checked tree (struct ast_program *, see
 * ast.h) for the interpreter; NULL when not runnable. Owned by p. */
struct ast_program;
struct ast_program *lang_program_tree(struct lang_program *p);

/* lang_program_file returns the source text and name of file index i (0 is
 * the user's file) or NULL past the end; owned by p. */
const char *lang_program_file(const struct lang_program *p, size_t i, const char **name,
                              size_t *len);

/* Token classes for syntax highlighting, from the real lexer. */
enum lang_token_class {
    LANG_TOK_PLAIN,    /* whitespace and anything unclassified */
    LANG_TOK_KEYWORD,  /* func, go, select, chan, ... */
    LANG_TOK_IDENT,    /* identifiers other than the predeclared ones */
    LANG_TOK_BUILTIN,  /* predeclared: make, len, int, string, nil, true, ... */
    LANG_TOK_NUMBER,   /* integer and float literals */
    LANG_TOK_STRING,   /* interpreted and raw strings */
    LANG_TOK_RUNE,     /* rune literals */
    LANG_TOK_COMMENT,  /* line and block comments */
    LANG_TOK_OPERATOR, /* operators and punctuation */
    LANG_TOK_ERROR,    /* bytes the lexer rejects (unterminated string, ...) */
};

/* One classified byte range [start, end) of the source. */
struct lang_token_span {
    size_t start, end;
    enum lang_token_class cls;
};

/* lang_tokenize classifies src[0..len) and calls fn for every token and
 * comment in order (whitespace is not reported). Returns the number of spans.
 * Never fails; invalid bytes come as LANG_TOK_ERROR spans. */
size_t lang_tokenize(const char *src, size_t len,
                     void (*fn)(void *ud, const struct lang_token_span *span), void *ud);

/* ==== BACK END =============================================================
 * (the interpreter's section) */

#endif
