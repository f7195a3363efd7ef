/* cfg.c: builds the control-flow graph of a function body in the shape of
 * golang.org/x/tools/go/cfg (see cfg.h), from the checked tree: branch
 * statements find their targets through the checker's resolved target
 * statement, so labels need no table of their own. */
#include "cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

/* Where break, continue and fallthrough go inside a statement (-1: none). */
struct target {
    const struct ast_stmt *stmt; /* the for/range/switch/type switch/select */
    int brk, cont, fall;
};

struct builder {
    struct cfg *g;
    int cur; /* block being filled; -1 after a jump */
    struct target *targets;
    int ntargets, captargets;
    cfg_may_return_fn may_return;
    void *ud;
    int depth;
};

static int new_block(struct builder *b)
{
    struct cfg *g = b->g;
    if (g->nblocks == g->capblocks) {
        g->capblocks = g->capblocks ? g->capblocks * 2 : 16;
        g->blocks = xrealloc(g->blocks, (size_t)g->capblocks * sizeof *g->blocks);
    }
    memset(&g->blocks[g->nblocks], 0, sizeof g->blocks[0]);
    return g->nblocks++;
}

static void add_node(struct builder *b, struct ast_stmt *s, struct ast_expr *e)
{
    if (b->cur < 0)
        b->cur = new_block(b); /* code after a jump: unreachable */
    struct cfg_block *bl = &b->g->blocks[b->cur];
    if (bl->nnodes == bl->capnodes) {
        bl->capnodes = bl->capnodes ? bl->capnodes * 2 : 8;
        bl->nodes = xrealloc(bl->nodes, (size_t)bl->capnodes * sizeof *bl->nodes);
    }
    bl->nodes[bl->nnodes++] = (struct cfg_node){s, e};
}

static void add_succ(struct builder *b, int to)
{
    struct cfg_block *bl = &b->g->blocks[b->cur];
    if (bl->nsuccs == bl->capsuccs) {
        bl->capsuccs = bl->capsuccs ? bl->capsuccs * 2 : 2;
        bl->succs = xrealloc(bl->succs, (size_t)bl->capsuccs * sizeof *bl->succs);
    }
    bl->succs[bl->nsuccs++] = to;
}

/* jump: an edge from the current block to `to`; no current block after. */
static void jump(struct builder *b, int to)
{
    if (b->cur >= 0)
        add_succ(b, to);
    b->cur = -1;
}

/* ifelse: edges to t then f (the search tries t first). */
static void ifelse(struct builder *b, int t, int f)
{
    if (b->cur >= 0) {
        add_succ(b, t);
        add_succ(b, f);
    }
    b->cur = -1;
}

static void push_target(struct builder *b, const struct ast_stmt *s, int brk, int cont, int fall)
{
    if (b->ntargets == b->captargets) {
        b->captargets = b->captargets ? b->captargets * 2 : 8;
        b->targets = xrealloc(b->targets, (size_t)b->captargets * sizeof *b->targets);
    }
    b->targets[b->ntargets++] = (struct target){s, brk, cont, fall};
}

static void stmt(struct builder *b, struct ast_stmt *s);

static void stmt_list(struct builder *b, struct ast_stmt **ss, int n)
{
    for (int i = 0; i < n; i++)
        stmt(b, ss[i]);
}

static void branch(struct builder *b, struct ast_stmt *s)
{
    int to = -1;
    const struct ast_stmt *want = s->u.branch.target;
    for (int i = b->ntargets - 1; i >= 0 && to < 0; i--) {
        const struct target *t = &b->targets[i];
        switch (s->u.branch.tok) {
        case TK_BREAK:
            if (!want || t->stmt == want)
                to = t->brk;
            break;
        case TK_CONTINUE:
            if (!want || t->stmt == want)
                to = t->cont;
            break;
        case TK_FALLTHROUGH: to = t->fall; break;
        default: break;
        }
    }
    if (to < 0) /* ill-formed: the checker reported it */
        to = new_block(b);
    jump(b, to);
    b->cur = new_block(b);
}

static void if_stmt(struct builder *b, struct ast_stmt *s)
{
    if (s->u.ifs.init)
        stmt(b, s->u.ifs.init);
    int then = new_block(b);
    int done = new_block(b);
    int els = s->u.ifs.els ? new_block(b) : done;
    add_node(b, NULL, s->u.ifs.cond);
    ifelse(b, then, els);
    b->cur = then;
    stmt(b, s->u.ifs.then);
    jump(b, done);
    if (s->u.ifs.els) {
        b->cur = els;
        stmt(b, s->u.ifs.els);
        jump(b, done);
    }
    b->cur = done;
}

/* The default case is pulled down to the end, but each fallthrough still
 * enters the next body in source order, so every body block but the first
 * is made one case ahead. */
static void switch_stmt(struct builder *b, struct ast_stmt *s)
{
    if (s->u.sw.init)
        stmt(b, s->u.sw.init);
    if (s->u.sw.tag)
        add_node(b, NULL, s->u.sw.tag);
    int done = new_block(b);
    int n = s->u.sw.ncases;
    int fallthru = -1, default_case = -1, default_fall = -1, default_block = -1;
    for (int i = 0; i < n; i++) {
        struct ast_case *cc = &s->u.sw.cases[i];
        int body = fallthru >= 0 ? fallthru : new_block(b);
        fallthru = i + 1 < n ? new_block(b) : done;
        if (cc->is_default) {
            default_case = i;
            default_fall = fallthru;
            default_block = body;
            continue;
        }
        int next = -1;
        for (int k = 0; k < cc->nexprs; k++) {
            next = new_block(b);
            add_node(b, NULL, cc->exprs[k]);
            ifelse(b, body, next);
            b->cur = next;
        }
        b->cur = body;
        push_target(b, s, done, -1, fallthru);
        stmt_list(b, cc->body, cc->nbody);
        b->ntargets--;
        jump(b, done);
        b->cur = next;
    }
    if (default_case >= 0) {
        jump(b, default_block);
        b->cur = default_block;
        struct ast_case *cc = &s->u.sw.cases[default_case];
        push_target(b, s, done, -1, default_fall);
        stmt_list(b, cc->body, cc->nbody);
        b->ntargets--;
    }
    jump(b, done);
    b->cur = done;
}

static void type_case_body(struct builder *b, struct ast_stmt *s, struct ast_case *cc, int done)
{
    push_target(b, s, done, -1, -1);
    stmt_list(b, cc->body, cc->nbody);
    b->ntargets--;
    jump(b, done);
}

static void type_switch_stmt(struct builder *b, struct ast_stmt *s)
{
    if (s->u.sw.init)
        stmt(b, s->u.sw.init);
    if (s->u.sw.x)
        add_node(b, NULL, s->u.sw.x);
    int done = new_block(b);
    struct ast_case *default_case = NULL;
    for (int i = 0; i < s->u.sw.ncases; i++) {
        struct ast_case *cc = &s->u.sw.cases[i];
        if (cc->is_default) {
            default_case = cc;
            continue;
        }
        int body = new_block(b);
        int next = -1;
        for (int k = 0; k < cc->nexprs; k++) {
            next = new_block(b);
            ifelse(b, body, next);
            b->cur = next;
        }
        b->cur = body;
        type_case_body(b, s, cc, done);
        b->cur = next;
    }
    if (default_case)
        type_case_body(b, s, default_case, done);
    else
        jump(b, done);
    b->cur = done;
}

static void select_stmt(struct builder *b, struct ast_stmt *s)
{
    for (int i = 0; i < s->u.sw.ncases; i++)
        if (s->u.sw.cases[i].comm)
            stmt(b, s->u.sw.cases[i].comm);
    int done = new_block(b);
    struct ast_case *default_case = NULL;
    for (int i = 0; i < s->u.sw.ncases; i++) {
        struct ast_case *cc = &s->u.sw.cases[i];
        if (!cc->comm) {
            default_case = cc;
            continue;
        }
        int body = new_block(b);
        int next = new_block(b);
        ifelse(b, body, next);
        b->cur = body;
        push_target(b, s, done, -1, -1);
        if (cc->comm->kind == ST_ASSIGN && cc->comm->u.assign.nlhs > 0)
            add_node(b, NULL, cc->comm->u.assign.lhs[0]);
        stmt_list(b, cc->body, cc->nbody);
        b->ntargets--;
        jump(b, done);
        b->cur = next;
    }
    if (default_case) {
        push_target(b, s, done, -1, -1);
        stmt_list(b, default_case->body, default_case->nbody);
        b->ntargets--;
        jump(b, done);
    }
    b->cur = done;
}

static void for_stmt(struct builder *b, struct ast_stmt *s)
{
    if (s->u.fors.init)
        stmt(b, s->u.fors.init);
    int body = new_block(b);
    int done = new_block(b);
    int loop = s->u.fors.cond ? new_block(b) : body;
    int cont = s->u.fors.post ? new_block(b) : loop;
    jump(b, loop);
    b->cur = loop;
    if (loop != body) {
        add_node(b, NULL, s->u.fors.cond);
        ifelse(b, body, done);
        b->cur = body;
    }
    push_target(b, s, done, cont, -1);
    stmt(b, s->u.fors.body);
    b->ntargets--;
    jump(b, cont);
    if (s->u.fors.post) {
        b->cur = cont;
        stmt(b, s->u.fors.post);
        jump(b, loop);
    }
    b->cur = done;
}

static void range_stmt(struct builder *b, struct ast_stmt *s)
{
    add_node(b, NULL, s->u.range.x);
    if (s->u.range.key)
        add_node(b, NULL, s->u.range.key);
    if (s->u.range.value)
        add_node(b, NULL, s->u.range.value);
    int loop = new_block(b);
    jump(b, loop);
    b->cur = loop;
    int body = new_block(b);
    int done = new_block(b);
    ifelse(b, body, done);
    b->cur = body;
    push_target(b, s, done, loop, -1);
    stmt(b, s->u.range.body);
    b->ntargets--;
    jump(b, loop);
    b->cur = done;
}

static void stmt(struct builder *b, struct ast_stmt *s)
{
    if (!s || b->depth > 3000)
        return;
    b->depth++;
    switch (s->kind) {
    case ST_BAD:
    case ST_EMPTY:
    case ST_SEND:
    case ST_INCDEC:
    case ST_GO:
    case ST_DEFER:
    case ST_ASSIGN:
    case ST_VAR: add_node(b, s, NULL); break;
    case ST_CONST:
    case ST_TYPE: break;
    case ST_EXPR:
        add_node(b, s, NULL);
        if (s->u.expr->kind == EX_CALL && !b->may_return(b->ud, s->u.expr))
            b->cur = new_block(b);
        break;
    case ST_LABELED: {
        int lb = new_block(b);
        jump(b, lb);
        b->cur = lb;
        stmt(b, s->u.labeled.stmt);
        break;
    }
    case ST_RETURN:
        add_node(b, s, NULL);
        b->cur = new_block(b);
        break;
    case ST_BRANCH: branch(b, s); break;
    case ST_BLOCK: stmt_list(b, s->u.block.stmts, s->u.block.nstmts); break;
    case ST_IF: if_stmt(b, s); break;
    case ST_SWITCH: switch_stmt(b, s); break;
    case ST_TYPESWITCH: type_switch_stmt(b, s); break;
    case ST_SELECT: select_stmt(b, s); break;
    case ST_FOR: for_stmt(b, s); break;
    case ST_RANGE: range_stmt(b, s); break;
    }
    b->depth--;
}

struct cfg *cfg_new(const struct ast_func *f, cfg_may_return_fn may_return, void *ud)
{
    struct cfg *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    struct builder b = {.g = g, .may_return = may_return, .ud = ud};
    b.cur = new_block(&b);
    stmt(&b, f->body);
    /* liveness: reachable from the entry block */
    int *stack = xrealloc(NULL, (size_t)(g->nblocks + 1) * sizeof *stack);
    int sp = 0;
    stack[sp++] = 0;
    g->blocks[0].live = true;
    while (sp > 0) { /* each block is pushed once: when it is marked */
        struct cfg_block *bl = &g->blocks[stack[--sp]];
        for (int i = 0; i < bl->nsuccs; i++)
            if (!g->blocks[bl->succs[i]].live) {
                g->blocks[bl->succs[i]].live = true;
                stack[sp++] = bl->succs[i];
            }
    }
    free(stack);
    free(b.targets);
    if (b.cur >= 0 && g->blocks[b.cur].live) {
        g->synth_return.kind = ST_RETURN;
        g->synth_return.pos = f->end;
        add_node(&b, &g->synth_return, NULL);
    }
    return g;
}

void cfg_free(struct cfg *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->nblocks; i++) {
        free(g->blocks[i].nodes);
        free(g->blocks[i].succs);
    }
    free(g->blocks);
    free(g);
}

struct ast_stmt *cfg_block_return(const struct cfg *g, int b)
{
    const struct cfg_block *bl = &g->blocks[b];
    if (bl->nnodes == 0)
        return NULL;
    struct ast_stmt *s = bl->nodes[bl->nnodes - 1].stmt;
    return s && s->kind == ST_RETURN ? s : NULL;
}

bool cfg_has_reachable_return(const struct cfg *g)
{
    for (int i = 0; i < g->nblocks; i++)
        if (g->blocks[i].live && cfg_block_return(g, i))
            return true;
    return false;
}
