/* interp_detect.c: the interpreter's side of the detectors (runtime.h,
 * "detectors"): sites (the current goroutine's call stack as an interned
 * rt_site), the finding hook that prints race reports as they are found,
 * the race detector's slow paths behind the race_* helpers of interp.h,
 * lock labels, and the end-of-run race rules of Go's -race binaries. */
#include "check.h"
#include "interp.h"

#include <stdlib.h>
#include <string.h>

/* ---- sites ------------------------------------------------------------------------ */

/* real_frame skips protected-call frames (they stand for no Go function). */
static struct frame *real_frame(struct frame *f)
{
    while (f && (f->pcall || !f->fn))
        f = f->up;
    return f;
}

static rt_site frame_line_site(struct interp *in, struct frame *f)
{
    if (f->line_site && f->line_site_line == f->pos.line)
        return f->line_site;
    rt_site s = rt_site_intern(in->rt, f->up_site, f->fn->display,
                               interp_file_name(in, f->pos.file), (int)f->pos.line);
    f->line_site = s;
    f->line_site_line = f->pos.line;
    return s;
}

static rt_site frame_site(struct interp *in, struct frame *f)
{
    if (!f)
        return 0;
    if (!f->up_site_ok) {
        /* Frames whose caller chain has no site yet, innermost first; the
         * outermost of them is called by a frame that has one (or by
         * nobody). Iterative, so a deep recursion cannot overflow. */
        struct frame *small[32];
        struct frame **v = small;
        size_t n = 0, cap = 32;
        struct frame *u = f;
        for (; u && !u->up_site_ok; u = real_frame(u->up)) {
            if (n == cap) {
                cap *= 2;
                if (v == small) {
                    v = lv_malloc(cap * sizeof *v);
                    memcpy(v, small, sizeof small);
                } else {
                    v = lv_realloc(v, cap * sizeof *v);
                }
            }
            v[n++] = u;
        }
        rt_site parent = u ? frame_line_site(in, u) : 0;
        for (size_t i = n; i-- > 0;) {
            v[i]->up_site = parent;
            v[i]->up_site_ok = true;
            parent = frame_line_site(in, v[i]);
        }
        if (v != small)
            free(v);
    }
    return frame_line_site(in, f);
}

rt_site interp_site_slow(struct gstate *g)
{
    return frame_site(g->in, real_frame(g->top));
}

rt_site interp_user_site(struct gstate *g)
{
    struct frame *top = real_frame(g->top), *f = top;
    while (f && f->pos.file != 0)
        f = real_frame(f->up);
    return frame_site(g->in, f ? f : top);
}

rt_site interp_hook_site(void *ud, const struct rt_g *rg, void *data)
{
    (void)ud;
    (void)rg;
    struct gstate *g = data;
    return g ? interp_user_site(g) : 0;
}

/* ---- findings -------------------------------------------------------------------- */

void interp_hook_finding(void *ud, const struct rt_finding *f)
{
    struct interp *in = ud;
    /* Go's race detector prints a report the moment it sees the race;
     * other findings are data for the caller (`chanlab run` prints them). */
    if (f->kind == RT_FIND_RACE && f->report && !in->draining)
        interp_write(in, 2, f->report, strlen(f->report));
}

int interp_race_exit(struct interp *in, int code, bool clean_exit)
{
    if (!in->race)
        return code;
    size_t n = in->drained ? in->drain_races : rt_findings_count(in->rt, RT_FIND_RACE);
    /* Go's -race binary runs racefini when main returns and in os.Exit(0)
     * only: it prints the count and turns status 0 into 66. After a panic,
     * a fatal error or os.Exit(n != 0) the status stays and nothing is
     * printed (the reports were printed as found). */
    if (n == 0 || !clean_exit || code != 0)
        return code;
    char msg[64];
    int len = snprintf(msg, sizeof msg, "Found %zu data race(s)\n", n);
    interp_write(in, 2, msg, (size_t)len);
    return 66;
}

/* ---- race instrumentation ------------------------------------------------------------ */

void interp_race_access(struct gstate *g, const void *addr, bool write)
{
    struct interp *in = g->in;
    rt_site s = interp_site(g);
    if (write)
        rt_race_write(in->rt, addr, s);
    else
        rt_race_read(in->rt, addr, s);
}

static void race_agg(struct interp *in, struct vbox *b, rt_site s, bool write, int depth)
{
    for (uint32_t i = 0; i < b->n; i++) {
        struct value e = b->v[i];
        if (e.t && e.p && race_type_is_aggr(e.t)) {
            /* a nested struct or array: its own box (a sync object's blob
             * is not instrumented) */
            struct gc_obj *o = e.p;
            if (o->kind == GC_BOX && depth < 64)
                race_agg(in, e.p, s, write, depth + 1);
            continue;
        }
        if (write)
            rt_race_write(in->rt, &b->v[i], s);
        else
            rt_race_read(in->rt, &b->v[i], s);
    }
}

void interp_race_agg(struct gstate *g, struct value v, bool write)
{
    if (!v.t || !v.p || !race_type_is_aggr(v.t))
        return;
    struct gc_obj *o = v.p;
    if (o->kind != GC_BOX)
        return;
    race_agg(g->in, v.p, interp_site(g), write, 0);
}

void interp_race_forget(struct interp *in, struct gc_obj *o)
{
    if (!in->race || in->tearing_down || !in->rt)
        return;
    /* The detector only ever sees the first byte of a slot (&b->v[i]) or
     * of a map: forgetting those bytes alone keeps rt_race_forget from
     * probing all 16 bytes of every value. */
    if (o->kind == GC_BOX) {
        struct vbox *b = (struct vbox *)o;
        for (uint32_t i = 0; i < b->n; i++)
            rt_race_forget(in->rt, &b->v[i], 1);
    } else if (o->kind == GC_MAP) {
        rt_race_forget(in->rt, o, 1);
    }
}

/* ---- lock labels ---------------------------------------------------------------------- */

void interp_label_lock(struct gstate *g, struct value recv, const struct ast_expr *x)
{
    if (!recv.p)
        return; /* the call panics with a nil dereference */
    struct vbox *b = recv.p;
    if (b->h.kind != GC_BOX || b->n == 0)
        return;
    struct vblob *blob = b->v[b->n - 1].p; /* as lib_sync.c's state() finds it */
    if (!blob || blob->h.kind != GC_BLOB || (blob->flags & BLOB_LABELLED))
        return;
    blob->flags |= BLOB_LABELLED;
    char text[256]; /* the receiver as Go prints it: "mu", "a.mu", "(*p).mu" */
    rt_lock_set_label(g->in->rt, blob->data, check_expr_string(x, text, sizeof text));
}
