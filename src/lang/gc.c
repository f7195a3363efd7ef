/* gc.c: the back end's heap: allocation and precise mark-and-sweep
 * collection.
 *
 * Every object is on one singly linked list. A collection marks from the
 * roots the owner reports (heap_hooks.mark_roots) plus pinned objects,
 * using an explicit gray stack so deep structures (long linked lists) cannot
 * overflow the C stack, then sweeps the list, finalizing and freeing what
 * was not reached. The next collection is due when the live size has
 * doubled since the last one (at least 4 MiB later). */
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct heap {
    struct gc_obj *all;   /* every object, newest first */
    size_t live;          /* bytes on the list */
    size_t objects;       /* objects on the list */
    size_t next_gc;       /* collect at a safe point once live passes this */
    size_t limit;         /* 0: no limit */
    size_t peak;          /* highest live */
    size_t collections;   /* completed */
    struct gc_obj **gray; /* marked, children not yet visited */
    size_t ngray, capgray;
    struct heap_hooks hooks;
};

enum { GC_MIN_STEP = 4u << 20 };

void *lv_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

void *lv_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory (%zu x %zu bytes)\n", n, size);
        abort();
    }
    return p;
}

void *lv_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "chanlab: out of memory (%zu bytes)\n", n);
        abort();
    }
    return q;
}

char *lv_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(lv_malloc(n), s, n);
}

struct heap *heap_new(const struct heap_hooks *hooks, size_t max_bytes)
{
    struct heap *h = lv_calloc(1, sizeof *h);
    if (hooks)
        h->hooks = *hooks;
    h->limit = max_bytes;
    h->next_gc = GC_MIN_STEP;
    return h;
}

static void obj_release(struct heap *h, struct gc_obj *o)
{
    if (o->kind == GC_MAP) {
        struct vmap *m = (struct vmap *)o;
        free(m->ent);
        free(m->index);
    }
    if (h->hooks.finalize)
        h->hooks.finalize(o, h->hooks.ud);
    free(o);
}

void heap_free(struct heap *h)
{
    if (!h)
        return;
    struct gc_obj *o = h->all;
    while (o) {
        struct gc_obj *next = o->next;
        obj_release(h, o);
        o = next;
    }
    free(h->gray);
    free(h);
}

bool heap_would_exceed(struct heap *h, size_t extra)
{
    if (!h->limit)
        return false;
    return h->live + extra > h->limit;
}

void *heap_alloc(struct heap *h, enum gc_kind kind, size_t size)
{
    if (size > UINT32_MAX || (h->limit && h->live + size > h->limit))
        return NULL;
    struct gc_obj *o = calloc(1, size);
    if (!o)
        return NULL;
    o->size = (uint32_t)size;
    o->kind = (uint8_t)kind;
    o->next = h->all;
    h->all = o;
    h->live += size;
    h->objects++;
    if (h->live > h->peak)
        h->peak = h->live;
    return o;
}

void heap_pin(struct gc_obj *o)
{
    o->pinned++;
}

void heap_unpin(struct gc_obj *o)
{
    o->pinned--;
}

void heap_mark_obj(struct heap *h, struct gc_obj *o)
{
    if (!o || o->mark)
        return;
    o->mark = 1;
    if (o->kind == GC_STR || o->kind == GC_BLOB)
        return; /* no children */
    if (h->ngray == h->capgray) {
        h->capgray = h->capgray ? 2 * h->capgray : 256;
        h->gray = lv_realloc(h->gray, h->capgray * sizeof *h->gray);
    }
    h->gray[h->ngray++] = o;
}

void heap_mark_value(struct heap *h, struct value v)
{
    if (v.t && v.p && type_has_pointers(v.t))
        heap_mark_obj(h, v.p);
}

static void mark_children(struct heap *h, struct gc_obj *o)
{
    switch (o->kind) {
    case GC_BOX: {
        struct vbox *b = (struct vbox *)o;
        for (uint32_t i = 0; i < b->n; i++)
            heap_mark_value(h, b->v[i]);
        break;
    }
    case GC_REF: heap_mark_obj(h, &((struct vref *)o)->base->h); break;
    case GC_SLICE: heap_mark_obj(h, &((struct vslice *)o)->arr->h); break;
    case GC_MAP: {
        struct vmap *m = (struct vmap *)o;
        for (size_t i = 0; i < m->nent; i++)
            if (m->ent[i].live) {
                heap_mark_value(h, m->ent[i].k);
                heap_mark_value(h, m->ent[i].v);
            }
        break;
    }
    case GC_CLOSURE: {
        struct vclosure *c = (struct vclosure *)o;
        for (uint32_t i = 0; i < c->n; i++)
            heap_mark_value(h, c->caps[i]);
        break;
    }
    case GC_CHAN:
        if (h->hooks.mark_chan)
            h->hooks.mark_chan(h, (struct vchan *)o, h->hooks.ud);
        break;
    default: break;
    }
}

void heap_drain(struct heap *h)
{
    while (h->ngray) {
        struct gc_obj *o = h->gray[--h->ngray];
        mark_children(h, o);
    }
}

void heap_each_obj(struct heap *h, void (*fn)(struct gc_obj *o, void *ud), void *ud)
{
    for (struct gc_obj *o = h->all; o; o = o->next)
        fn(o, ud);
}

void heap_collect(struct heap *h)
{
    for (struct gc_obj *o = h->all; o; o = o->next)
        if (o->pinned)
            heap_mark_obj(h, o);
    if (h->hooks.mark_roots)
        h->hooks.mark_roots(h, h->hooks.ud);
    heap_drain(h);
    struct gc_obj **link = &h->all;
    while (*link) {
        struct gc_obj *o = *link;
        if (o->mark) {
            o->mark = 0;
            link = &o->next;
        } else {
            *link = o->next;
            h->live -= o->size;
            h->objects--;
            obj_release(h, o);
        }
    }
    h->collections++;
    h->next_gc = 2 * h->live > GC_MIN_STEP ? 2 * h->live : GC_MIN_STEP;
    if (h->limit && h->next_gc > h->limit)
        h->next_gc = h->live + (h->limit - h->live) / 2 + 1;
}

void heap_safepoint(struct heap *h)
{
    if (h->live >= h->next_gc)
        heap_collect(h);
}

struct heap_stats heap_stats(const struct heap *h)
{
    struct heap_stats s = {
        .live_bytes = h->live,
        .objects = h->objects,
        .collections = h->collections,
        .peak_bytes = h->peak,
        .limit_bytes = h->limit,
    };
    return s;
}
