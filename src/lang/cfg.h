/* cfg.h: the control-flow graph of one function body, for vet's lostcancel
 * (in-layer header of src/lang).
 *
 * The graph has the shape of golang.org/x/tools/go/cfg, which go vet uses,
 * so that a search over it meets blocks, and so return statements, in the
 * order go vet does: the same blocks for if/else, switch (default case
 * moved last, fallthrough into the next body), type switch, select (comm
 * statements first, a select without default leaves its last "after case"
 * block dead), for (loop head, body, post), range, labels, break,
 * continue, return and calls that never return. A block holds the simple
 * statements (assignment, var spec, send, inc/dec, go, defer, expression,
 * return) and the expressions (conditions, switch tags and case values,
 * range operands) it runs, in order. Compound statements are not nodes.
 *
 * When control can fall off the end of the body, the last block ends with
 * a synthetic return statement positioned at the closing brace. */
#ifndef CHANLAB_LANG_CFG_H
#define CHANLAB_LANG_CFG_H

#include <stdbool.h>

#include "ast.h"

/* A node: exactly one of stmt and expr is set. */
struct cfg_node {
    struct ast_stmt *stmt;
    struct ast_expr *expr;
};

struct cfg_block {
    struct cfg_node *nodes;
    int nnodes, capnodes;
    int *succs; /* successor block indices, in go/cfg's order */
    int nsuccs, capsuccs;
    bool live; /* reachable from the entry block (index 0) */
};

struct cfg {
    struct cfg_block *blocks;
    int nblocks, capblocks;
    struct ast_stmt synth_return; /* the implicit return at the closing brace */
};

/* cfg_may_return reports whether a call statement can return (false for
 * panic, os.Exit and functions that never return). */
typedef bool (*cfg_may_return_fn)(void *ud, struct ast_expr *call);

/* cfg_new builds the graph of f's body (f must have one). Returns a graph
 * the caller frees with cfg_free; aborts when out of memory. */
struct cfg *cfg_new(const struct ast_func *f, cfg_may_return_fn may_return, void *ud);
void cfg_free(struct cfg *g); /* NULL is fine */

/* cfg_block_return: the return statement ending block b (possibly the
 * synthetic one), or NULL. */
struct ast_stmt *cfg_block_return(const struct cfg *g, int b);

/* cfg_has_reachable_return: some live block ends with a return (a function
 * without one never returns). */
bool cfg_has_reachable_return(const struct cfg *g);

#endif
