/* parse.h: the recursive-descent parser (in-layer header). */
#ifndef CHANLAB_LANG_PARSE_H
#define CHANLAB_LANG_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"

/* Nesting deeper than this (expressions, types, blocks) is rejected with an
 * error rather than risking the C stack. */
enum { PARSE_MAX_DEPTH = 1000 };

/* parse_file parses one Go source file. Syntax errors go to diags (Go's
 * wording, at most one per line) and the parser recovers at statement and
 * declaration boundaries; the result is never NULL. Everything is allocated
 * in arena; src must outlive the tree. */
struct ast_file *parse_file(struct arena *arena, struct diags *diags, uint32_t file,
                            const char *name, const char *src, size_t len);

#endif
