/* md.h: styled text documents for the screens: Markdown rendered through
 * md4c at a given width, plus plain wrapped text, as lines of spans. */
#ifndef CHANLAB_TUI_MD_H
#define CHANLAB_TUI_MD_H

#include <stddef.h>
#include <stdint.h>

#include "tui_impl.h"

/* A run of text in one style. */
struct md_span {
    char *text;   /* UTF-8, owned by the document */
    size_t len;   /* bytes */
    uint8_t role; /* enum role */
    uint8_t attr; /* ATTR_* */
};

/* One display line: spans left to right, at most the width it was made for. */
struct md_line {
    struct md_span *spans;
    int n, cap;
};

struct md_doc {
    struct md_line *lines;
    int n, cap;
    int width; /* the width the lines were wrapped to */
};

/* A highlighter gives each byte of a code block a role (roles has len
 * entries, preset to ROLE_CODE). Returns 0 when it could not highlight
 * (the block then stays plain). */
typedef int (*md_highlight_fn)(const char *code, size_t len, uint8_t *roles, void *ud);

/* tui_highlight_go is the md_highlight_fn for Go: it colours by the token
 * classes of src/lang's lexer (highlight.c). */
int tui_highlight_go(const char *code, size_t len, uint8_t *roles, void *ud);

/* md_doc_new returns an empty document for lines of width columns (caller
 * frees with md_doc_free; NULL is fine). */
struct md_doc *md_doc_new(int width);
void md_doc_free(struct md_doc *d);

/* md_render appends the Markdown text md (len bytes) to d: paragraphs
 * wrapped to d's width, **bold**, *emphasis*, `code`, links, headings,
 * bullet and numbered lists with hanging indents, block quotes, rules, and
 * fenced code blocks (blocks whose info string is `go` go through hl when
 * it is not NULL). Blocks are separated by one blank line. Returns 0, or
 * -1 when md4c rejects the text (then the raw text is appended as plain
 * wrapped lines instead). */
int md_render(struct md_doc *d, const char *md, size_t len, md_highlight_fn hl, void *ud);

/* md_add_text appends plain text wrapped to d's width, every line starting
 * with indent spaces. */
void md_add_text(struct md_doc *d, const char *text, int indent, int role, int attr);

/* md_add_blank appends an empty line; md_add_line one line of spans given
 * as (text, role, attr) triples ending with a NULL text, cut at the width. */
void md_add_blank(struct md_doc *d);
void md_add_line(struct md_doc *d, const char *text, int role, int attr, ...);

/* md_draw draws lines first.. of d into r, one per row. */
void md_draw(struct canvas *cv, struct rect r, const struct md_doc *d, int first);

/* md_line_text returns line i as UTF-8 without trailing blanks (caller
 * frees); md_doc_text all lines joined with "\n" (caller frees). */
char *md_line_text(const struct md_doc *d, int i);
char *md_doc_text(const struct md_doc *d);

#endif
