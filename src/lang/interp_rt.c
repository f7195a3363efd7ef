/* interp_rt.c: the interpreter on the runtime: channels (elements are
 * struct values; timer channels carry the runtime's int64 times), select,
 * the go statement and goroutine entry, channel labels. */
#include "interp.h"

#include <stdlib.h>
#include <string.h>

/* Where virtual time 0 sits on the wall clock: 2009-11-10 23:00:00 UTC, in
 * nanoseconds since the Unix epoch (the Go playground's start). */
#define EPOCH_NS (1257894000LL * 1000000000LL)

int64_t interp_epoch_ns(void)
{
    return EPOCH_NS;
}

struct value interp_time_value(struct gstate *g, int64_t ns)
{
    struct interp *in = g->in;
    struct vbox *b = interp_box(g, 1);
    b->v[0].i = ns;
    b->v[0].t = in->ty.t_int64;
    struct value v = {.p = b, .t = in->ty.t_time ? in->ty.t_time : in->ty.t_internal};
    return v;
}

static struct rt_chan *rc_of(struct value ch)
{
    return ch.p ? ((struct vchan *)ch.p)->rc : NULL;
}

struct value interp_make_chan(struct gstate *g, const struct type *t, int64_t cap)
{
    struct interp *in = g->in;
    const struct type *et = t->underlying->u.chan.elem;
    char tn[200];
    type_name(et, tn, sizeof tn);
    struct vchan *c = interp_alloc(g, GC_CHAN, sizeof *c);
    c->elem = et;
    c->rc = rt_chan_new(in->rt, sizeof(struct value), (size_t)cap, tn);
    struct value v = {.p = c, .t = t};
    return v;
}

void interp_label_chan(struct interp *in, struct value ch, const char *name)
{
    (void)in;
    struct rt_chan *rc = rc_of(ch);
    if (rc && !rt_chan_label(rc)[0])
        rt_chan_set_label(rc, name);
}

void interp_chan_send(struct gstate *g, struct value ch, struct value v)
{
    push(g, ch);
    push(g, v);
    uint32_t slot = g->sp - 1;
    enum rt_err err = rt_chan_send(g->in->rt, rc_of(ch), &g->stk[slot]);
    g->sp -= 2;
    if (err)
        interp_panic_rt(g, RTE_PLAIN, "%s", rt_error_text(err));
}

/* fix_received turns what the runtime stored in a receive slot into the Go
 * value: a timer channel's int64 becomes a time.Time; a closed channel's
 * zeroed bytes become the element type's zero value. */
static void fix_received(struct gstate *g, struct value ch, uint32_t slot, bool ok,
                         const struct type *elem)
{
    struct rt_chan *rc = rc_of(ch);
    if (rc && rt_chan_elem_size(rc) != sizeof(struct value)) {
        int64_t ns;
        memcpy(&ns, &g->stk[slot], sizeof ns);
        g->stk[slot] = (struct value){0};
        if (ok)
            g->stk[slot] = interp_time_value(g, EPOCH_NS + ns);
        else
            g->stk[slot] = interp_zero(g, elem);
        return;
    }
    if (!ok)
        g->stk[slot] = interp_zero(g, elem);
}

bool interp_chan_recv(struct gstate *g, struct value ch, const struct type *elem)
{
    push(g, ch);
    push(g, (struct value){0});
    uint32_t slot = g->sp - 1;
    bool ok = false;
    rt_chan_recv(g->in->rt, rc_of(ch), &g->stk[slot], &ok);
    fix_received(g, g->stk[slot - 1], slot, ok, elem);
    g->stk[slot - 1] = g->stk[slot];
    g->sp--;
    return ok;
}

void interp_chan_close(struct gstate *g, struct value ch)
{
    enum rt_err err = rt_chan_close(g->in->rt, rc_of(ch));
    if (err)
        interp_panic_rt(g, RTE_PLAIN, "%s", rt_error_text(err));
}

/* ---- select ------------------------------------------------------------------------ */

static const struct ast_expr *recv_operand(const struct ast_stmt *comm)
{
    const struct ast_expr *e = comm->kind == ST_EXPR ? comm->u.expr : comm->u.assign.rhs[0];
    /* `i = <-c` into an interface (or another assignable type): the checker
     * wrapped the receive in an implicit conversion; the store applies it. */
    for (;;) {
        e = ast_unparen((struct ast_expr *)e);
        if (e->kind != EX_CONVERT || !e->u.convert.implicit)
            break;
        e = e->u.convert.x;
    }
    return e; /* EX_UNARY OP_ARROW */
}

int interp_select(struct gstate *g, const struct ast_stmt *s)
{
    struct interp *in = g->in;
    int n = s->u.sw.ncases;
    bool has_default = false;
    struct rt_case small[16];
    int map_small[16];
    struct rt_case *cases = n <= 16 ? small : lv_malloc((size_t)n * sizeof *cases);
    int *map = n <= 16 ? map_small : lv_malloc((size_t)n * sizeof *map);
    uint32_t base = g->sp;
    /* Evaluate every channel and send value in source order: two stack
     * slots per case (channel, value or receive buffer). */
    int nc = 0;
    for (int i = 0; i < n; i++) {
        const struct ast_case *c = &s->u.sw.cases[i];
        if (!c->comm) {
            has_default = true;
            continue;
        }
        if (c->comm->kind == ST_SEND) {
            struct value ch = interp_eval(g, c->comm->u.send.ch);
            push(g, ch);
            const struct type *et = c->comm->u.send.ch->type->underlying->u.chan.elem;
            struct value v = interp_eval(g, c->comm->u.send.value);
            if (et->underlying->kind != T_INTERFACE)
                v.t = et;
            push(g, interp_copy(g, v));
        } else {
            const struct ast_expr *r = recv_operand(c->comm);
            push(g, interp_eval(g, r->u.unary.x));
            push(g, (struct value){0});
        }
        map[nc++] = i;
    }
    for (int k = 0; k < nc; k++) {
        const struct ast_case *c = &s->u.sw.cases[map[k]];
        uint32_t slot = base + 2 * (uint32_t)k;
        cases[k].chan = rc_of(g->stk[slot]);
        cases[k].dir = c->comm->kind == ST_SEND ? RT_SEND : RT_RECV;
        cases[k].elem = &g->stk[slot + 1];
        cases[k].ok = false;
    }
    int chosen = -1;
    enum rt_err err = rt_select(in->rt, cases, (size_t)nc, has_default, &chosen);
    int result = -1;
    if (chosen >= 0) {
        result = map[chosen];
        uint32_t slot = base + 2 * (uint32_t)chosen;
        bool ok = cases[chosen].ok;
        if (cases[chosen].dir == RT_RECV) {
            const struct ast_case *c = &s->u.sw.cases[result];
            const struct ast_expr *r = recv_operand(c->comm);
            const struct type *et = r->u.unary.x->type->underlying->u.chan.elem;
            fix_received(g, g->stk[slot], slot + 1, ok, et);
            struct value v = g->stk[slot + 1];
            g->sp = base;
            push(g, v);
            push(g, value_bool(in->ty.t_bool, ok));
        } else {
            g->sp = base;
        }
    } else {
        g->sp = base;
    }
    if (cases != small)
        free(cases);
    if (map != map_small)
        free(map);
    if (err)
        interp_panic_rt(g, RTE_PLAIN, "%s", rt_error_text(err));
    return result;
}

/* ---- goroutines ---------------------------------------------------------------------- */

static void g_entry(struct rt *rt, void *arg);

/* interp_spawn starts fv() in a new goroutine from outside any goroutine
 * (a timer callback: time.AfterFunc). */
void interp_spawn(struct interp *in, struct value fv, const char *creator, struct pos pos)
{
    struct gstate *ng = lv_calloc(1, sizeof *ng);
    ng->in = in;
    interp_grow(ng, 16);
    ng->stk[0] = fv;
    ng->sp = 1;
    struct rt_g *rg = rt_go(in->rt, g_entry, ng);
    if (!rg) {
        free(ng->stk);
        free(ng);
        return;
    }
    in->goroutines++;
    if (in->goroutines > in->goroutines_peak)
        in->goroutines_peak = in->goroutines;
    ng->g = rg;
    rt_g_set_data(rg, ng);
    struct rt_frame fr = {.func = creator, .file = NULL, .line = (int)pos.line};
    rt_g_set_created_by(rg, fr);
    rt_g_set_created_site(rg, rt_site_intern(in->rt, 0, creator, NULL, (int)pos.line));
}

static void g_entry(struct rt *rt, void *arg)
{
    struct gstate *g = arg;
    (void)rt;
    struct value fv = g->stk[0];
    uint32_t nargs = g->sp - 1;
    if (!fv.t && fv.i) {
        /* go on a builtin the checker allows in statement context */
        interp_builtin_deferred(g, (int)fv.i, 1, nargs);
        return;
    }
    interp_call_value(g, fv, nargs);
}

void interp_go(struct gstate *g, struct value fv, uint32_t nargs, struct pos pos)
{
    struct interp *in = g->in;
    if (in->goroutines >= in->max_goroutines) {
        interp_drain_quit(g);
        char msg[160];
        snprintf(msg, sizeof msg, "chanlab: goroutine limit of %zu exceeded (--max-goroutines)",
                 in->max_goroutines);
        in->status = LANG_RUN_LIMIT;
        sbuf_free(&in->message);
        sbuf_puts(&in->message, msg);
        interp_write(in, 2, msg, strlen(msg));
        interp_write(in, 2, "\n", 1);
        rt_exit(in->rt, 2);
    }
    struct gstate *ng = lv_calloc(1, sizeof *ng);
    ng->in = in;
    interp_grow(ng, nargs + 16);
    ng->stk[0] = fv;
    memcpy(&ng->stk[1], &g->stk[g->sp - nargs], nargs * sizeof(struct value));
    ng->sp = nargs + 1;
    in->goroutines++;
    if (in->goroutines > in->goroutines_peak)
        in->goroutines_peak = in->goroutines;
    struct rt_g *rg = rt_go(in->rt, g_entry, ng);
    if (!rg) {
        in->goroutines--;
        free(ng->stk);
        free(ng);
        return;
    }
    ng->g = rg;
    rt_g_set_data(rg, ng);
    struct rt_frame fr = {.func = g->top ? g->top->fn->display : "main.main",
                          .line = (int)pos.line};
    fr.file = interp_file_name(in, pos.file);
    rt_g_set_created_by(rg, fr);
    /* g->top->pos is the go statement: its stack is the creation site. */
    rt_g_set_created_site(rg, interp_site(g));
}
