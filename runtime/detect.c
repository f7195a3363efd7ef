/* detect.c: what every detector shares: sites (interned call stacks),
 * the list of findings, and the objects a goroutine waits on.
 *
 * A site is a node of a calling-context tree: (parent site, func, file,
 * line), hash-consed in an open-addressing table, so equal stacks are one
 * integer and storing "where" with a memory access costs four bytes. */
#include "rt_impl.h"

#include <stdarg.h>
#include <stdlib.h>

struct rt_site_node {
    rt_site parent;
    int line;
    const char *func, *file;
};

struct rt_sites {
    struct rt_site_node *node; /* node[0] unused: site 0 is "unknown" */
    uint32_t n, cap;
    uint32_t *index; /* open addressing; 0 empty */
    uint32_t nindex; /* power of two, > 2 * n */
};

static uint64_t site_hash(rt_site parent, const char *func, const char *file, int line)
{
    uint64_t h = (uint64_t)parent * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(uintptr_t)func * 0xBF58476D1CE4E5B9ull;
    h ^= (uint64_t)(uintptr_t)file * 0x94D049BB133111EBull;
    h ^= (uint64_t)(uint32_t)line * 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 29);
}

static void sites_rehash(struct rt_sites *s, uint32_t nindex)
{
    free(s->index);
    s->index = rt_xcalloc(nindex, sizeof *s->index);
    s->nindex = nindex;
    for (uint32_t id = 1; id < s->n; id++) {
        const struct rt_site_node *nd = &s->node[id];
        uint64_t i = site_hash(nd->parent, nd->func, nd->file, nd->line) & (nindex - 1);
        while (s->index[i])
            i = (i + 1) & (nindex - 1);
        s->index[i] = id;
    }
}

void rt_detect_init(struct rt *rt)
{
    struct rt_sites *s = rt_xcalloc(1, sizeof *s);
    s->cap = 256;
    s->node = rt_xcalloc(s->cap, sizeof *s->node);
    s->n = 1;
    sites_rehash(s, 1024);
    rt->sites = s;
}

void rt_detect_free(struct rt *rt)
{
    if (rt->sites) {
        free(rt->sites->node);
        free(rt->sites->index);
        free(rt->sites);
        rt->sites = NULL;
    }
    for (size_t i = 0; i < rt->nfindings; i++) {
        free((char *)rt->findings[i].summary);
        free((char *)rt->findings[i].report);
    }
    free(rt->findings);
    rt->findings = NULL;
    rt->nfindings = rt->capfindings = 0;
}

rt_site rt_site_intern(struct rt *rt, rt_site parent, const char *func, const char *file, int line)
{
    struct rt_sites *s = rt->sites;
    uint32_t mask = s->nindex - 1;
    uint64_t i = site_hash(parent, func, file, line) & mask;
    for (uint32_t id; (id = s->index[i]) != 0; i = (i + 1) & mask) {
        const struct rt_site_node *nd = &s->node[id];
        if (nd->parent == parent && nd->line == line && nd->func == func && nd->file == file)
            return id;
    }
    if (s->n == s->cap) {
        s->cap *= 2;
        s->node = rt_xrealloc(s->node, s->cap * sizeof *s->node);
    }
    uint32_t id = s->n++;
    s->node[id] = (struct rt_site_node){parent, line, func, file};
    if (2 * (uint64_t)s->n >= s->nindex) {
        sites_rehash(s, s->nindex * 2);
    } else {
        s->index[i] = id;
    }
    return id;
}

size_t rt_site_frames(const struct rt *rt, rt_site site, struct rt_frame *out, size_t max)
{
    size_t n = 0;
    const struct rt_sites *s = rt->sites;
    while (site && site < s->n && n < max) {
        const struct rt_site_node *nd = &s->node[site];
        out[n++] = (struct rt_frame){nd->func, nd->file, nd->line};
        site = nd->parent;
    }
    return n;
}

void rt_g_set_created_site(struct rt_g *g, rt_site s)
{
    g->created_site = s;
}

rt_site rt_g_created_site(const struct rt_g *g)
{
    return g->created_site;
}

rt_site rt_current_site(struct rt *rt)
{
    struct rt_g *g = rt->curg;
    if (!g || !rt->cfg.hooks.site)
        return 0;
    return rt->cfg.hooks.site(rt->cfg.hooks.ud, g, g->data);
}

void rt_buf_printf(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (*len + (size_t)n + 1 > *cap) {
        size_t c = *cap ? *cap : 256;
        while (c < *len + (size_t)n + 1)
            c *= 2;
        *buf = rt_xrealloc(*buf, c);
        *cap = c;
    }
    va_start(ap, fmt);
    vsnprintf(*buf + *len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
}

void rt_site_format(const struct rt *rt, rt_site s, char **buf, size_t *len, size_t *cap)
{
    struct rt_frame fr[64];
    size_t n = rt_site_frames(rt, s, fr, 64);
    for (size_t i = 0; i < n; i++)
        rt_buf_printf(buf, len, cap, "  %s()\n      %s:%d\n", fr[i].func ? fr[i].func : "?",
                      fr[i].file ? fr[i].file : "?", fr[i].line);
    if (n == 0)
        rt_buf_printf(buf, len, cap, "  ?\?()\n      ?:0\n");
}

const char *rt_finding_kind_text(enum rt_finding_kind k)
{
    switch (k) {
    case RT_FIND_RACE: return "data race";
    case RT_FIND_LOCK_ORDER: return "lock-order inversion";
    case RT_FIND_LEAK: return "goroutine leak";
    }
    return "?";
}

const struct rt_finding *rt_findings(const struct rt *rt, size_t *n)
{
    *n = rt->nfindings;
    return rt->findings;
}

size_t rt_findings_count(const struct rt *rt, enum rt_finding_kind kind)
{
    size_t c = 0;
    for (size_t i = 0; i < rt->nfindings; i++)
        c += rt->findings[i].kind == kind;
    return c;
}

void rt_finding_add(struct rt *rt, const struct rt_finding *f)
{
    if (rt->nfindings == rt->capfindings) {
        rt->capfindings = rt->capfindings ? 2 * rt->capfindings : 8;
        rt->findings = rt_xrealloc(rt->findings, rt->capfindings * sizeof *rt->findings);
    }
    struct rt_finding *d = &rt->findings[rt->nfindings++];
    *d = *f;
    if (d->ng > RT_FINDING_MAX_G)
        d->ng = RT_FINDING_MAX_G;
    d->summary = rt_xstrdup(f->summary ? f->summary : "");
    d->report = rt_xstrdup(f->report ? f->report : "");
    if (!f->time)
        d->time = rt->now;
    if (rt->cfg.hooks.finding)
        rt->cfg.hooks.finding(rt->cfg.hooks.ud, d);
}

size_t rt_g_wait_objs(const struct rt_g *g, const void **out, size_t max)
{
    if (g->state != RT_G_WAITING)
        return 0;
    size_t n = 0;
    if (g->reason == RT_WAIT_SELECT && g->sel) {
        for (uint32_t i = 0; i < g->nsel && n < max; i++)
            if (g->sel[i].c)
                out[n++] = g->sel[i].c;
        return n;
    }
    switch (g->reason) {
    case RT_WAIT_CHAN_SEND:
    case RT_WAIT_CHAN_RECV:
    case RT_WAIT_MUTEX:
    case RT_WAIT_RWMUTEX_R:
    case RT_WAIT_RWMUTEX_W:
    case RT_WAIT_WAITGROUP:
    case RT_WAIT_COND:
        if (g->wait_obj && max > 0)
            out[n++] = g->wait_obj;
        break;
    default: break;
    }
    return n;
}

enum rt_gstate rt_g_state(const struct rt_g *g)
{
    return (enum rt_gstate)g->state;
}

enum rt_wait_reason rt_g_wait_reason(const struct rt_g *g)
{
    return g->state == RT_G_WAITING ? (enum rt_wait_reason)g->reason : RT_WAIT_NONE;
}
