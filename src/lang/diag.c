/* diag.c: collecting, capping and ordering diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

void diag_init(struct diags *d, struct arena *arena)
{
    memset(d, 0, sizeof *d);
    d->arena = arena;
}

void diag_free(struct diags *d)
{
    if (!d)
        return;
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}

static void push(struct diags *d, struct pos pos, enum lang_severity sev, const char *msg)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = realloc(d->v, d->cap * sizeof *d->v);
        if (!d->v) {
            fprintf(stderr, "chanlab: out of memory\n");
            abort();
        }
    }
    d->v[d->n++] = (struct diag){pos, sev, msg};
}

static char *format(struct diags *d, const char *fmt, va_list ap)
{
    char buf[1024];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    return arena_strndup(d->arena, buf, (size_t)n);
}

void diag_verror(struct diags *d, struct pos pos, const char *fmt, va_list ap)
{
    if (d->silent || d->nerrors >= DIAG_HARD_CAP)
        return;
    char *msg = format(d, fmt, ap);
    /* Go drops an error identical to one already on the same line. */
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].severity == LANG_ERROR && d->v[i].pos.file == pos.file &&
            d->v[i].pos.line == pos.line && strcmp(d->v[i].message, msg) == 0)
            return;
    d->nerrors++;
    push(d, pos, LANG_ERROR, msg);
}

void diag_error(struct diags *d, struct pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_verror(d, pos, fmt, ap);
    va_end(ap);
}

void diag_warn(struct diags *d, struct pos pos, const char *fmt, ...)
{
    if (d->silent)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = format(d, fmt, ap);
    va_end(ap);
    d->nwarnings++;
    push(d, pos, LANG_WARNING, msg);
}

static int cmp_pos(const struct diag *a, const struct diag *b)
{
    if (a->pos.file != b->pos.file)
        return a->pos.file < b->pos.file ? -1 : 1;
    if (a->pos.line != b->pos.line)
        return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col)
        return a->pos.col < b->pos.col ? -1 : 1;
    return 0;
}

void diag_sort(struct diags *d)
{
    /* insertion sort: stable, and the lists are short */
    for (size_t i = 1; i < d->n; i++) {
        struct diag x = d->v[i];
        size_t j = i;
        while (j > 0 && cmp_pos(&d->v[j - 1], &x) > 0) {
            d->v[j] = d->v[j - 1];
            j--;
        }
        d->v[j] = x;
    }
}

void diag_finish(struct diags *d)
{
    diag_sort(d);
    size_t kept = 0, errors = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->v[i].severity == LANG_ERROR) {
            if (errors == DIAG_MAX_ERRORS) {
                if (!d->too_many) {
                    struct pos last = d->v[kept - 1].pos;
                    d->too_many = true;
                    d->v[kept++] = (struct diag){last, LANG_ERROR, "too many errors"};
                }
                continue;
            }
            errors++;
        }
        d->v[kept++] = d->v[i];
    }
    d->n = kept;
}

bool diag_has_error_at(const struct diags *d, struct pos pos)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].severity == LANG_ERROR && d->v[i].pos.file == pos.file &&
            d->v[i].pos.line == pos.line)
            return true;
    return false;
}
