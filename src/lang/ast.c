/* ast.c: the arena every tree lives in, and node constructors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* Blocks are chained; a request larger than a block gets its own block. */
struct arena_block {
    struct arena_block *next;
    size_t size, used;
    max_align_t data[]; /* size bytes */
};

struct arena {
    struct arena_block *head;
    size_t total;
};

enum { ARENA_BLOCK = 64 * 1024 };

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

struct arena *arena_new(void)
{
    return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (size == 0)
        size = sizeof(max_align_t);
    struct arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
        struct arena_block *nb = xcalloc(1, sizeof(struct arena_block) + bsize);
        nb->size = bsize;
        if (b && bsize == size) {
            /* a big one-off: keep the current block current */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            a->total += size;
            return nb->data;
        }
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void *arena_dup(struct arena *a, const void *p, size_t size)
{
    void *q = arena_alloc(a, size);
    if (size)
        memcpy(q, p, size);
    return q;
}

size_t arena_used(const struct arena *a)
{
    return a->total;
}

struct ast_expr *ast_expr_new(struct arena *a, enum expr_kind kind, struct pos pos)
{
    struct ast_expr *e = arena_alloc(a, sizeof *e);
    e->kind = kind;
    e->pos = pos;
    return e;
}

struct ast_stmt *ast_stmt_new(struct arena *a, enum stmt_kind kind, struct pos pos)
{
    struct ast_stmt *s = arena_alloc(a, sizeof *s);
    s->kind = kind;
    s->pos = pos;
    return s;
}

struct ast_expr *ast_unparen(struct ast_expr *e)
{
    while (e && e->kind == EX_PAREN)
        e = e->u.unary.x;
    return e;
}
