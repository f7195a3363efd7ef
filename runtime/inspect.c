/* inspect.c: what the runtime shows of itself: Go's texts for errors, wait
 * reasons and states, goroutine dumps in Go's traceback format, failure
 * texts, and snapshots for the TUI. */
#include "rt_impl.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *text;
    bool fatal;
} errors[] = {
    [RT_OK] = {"", false},
    [RT_ERR_SEND_CLOSED] = {"send on closed channel", false},
    [RT_ERR_CLOSE_NIL] = {"close of nil channel", false},
    [RT_ERR_CLOSE_CLOSED] = {"close of closed channel", false},
    [RT_ERR_WG_NEGATIVE] = {"sync: negative WaitGroup counter", false},
    [RT_ERR_UNLOCK_UNLOCKED] = {"sync: unlock of unlocked mutex", true},
    [RT_ERR_RUNLOCK_UNLOCKED] = {"sync: RUnlock of unlocked RWMutex", true},
    [RT_ERR_RWUNLOCK_UNLOCKED] = {"sync: Unlock of unlocked RWMutex", true},
    [RT_ERR_TICKER_INTERVAL] = {"non-positive interval for NewTicker", false},
    [RT_ERR_TOO_MANY] = {"too many goroutines", true},
    [RT_ERR_WG_REUSED] = {"sync: WaitGroup is reused before previous Wait has returned", false},
};

const char *rt_error_text(enum rt_err code)
{
    return (unsigned)code < sizeof errors / sizeof errors[0] ? errors[code].text : "?";
}

bool rt_error_is_fatal(enum rt_err code)
{
    return (unsigned)code < sizeof errors / sizeof errors[0] && errors[code].fatal;
}

static const char *const reasons[RT_WAIT_COUNT] = {
    [RT_WAIT_NONE] = "",
    [RT_WAIT_CHAN_SEND] = "chan send",
    [RT_WAIT_CHAN_RECV] = "chan receive",
    [RT_WAIT_CHAN_SEND_NIL] = "chan send (nil chan)",
    [RT_WAIT_CHAN_RECV_NIL] = "chan receive (nil chan)",
    [RT_WAIT_SELECT] = "select",
    [RT_WAIT_SELECT_NO_CASES] = "select (no cases)",
    [RT_WAIT_MUTEX] = "sync.Mutex.Lock",
    [RT_WAIT_RWMUTEX_R] = "sync.RWMutex.RLock",
    [RT_WAIT_RWMUTEX_W] = "sync.RWMutex.Lock",
    [RT_WAIT_WAITGROUP] = "sync.WaitGroup.Wait",
    [RT_WAIT_COND] = "sync.Cond.Wait",
    [RT_WAIT_SLEEP] = "sleep",
    [RT_WAIT_SYSCALL] = "syscall",
};

const char *rt_wait_reason_text(enum rt_wait_reason r)
{
    return (unsigned)r < RT_WAIT_COUNT ? reasons[r] : "?";
}

const char *rt_gstate_text(enum rt_gstate s)
{
    static const char *const names[] = {"runnable", "running", "waiting", "syscall", "dead"};
    return (unsigned)s <= RT_G_DEAD ? names[s] : "?";
}

/* ---- a growable string --------------------------------------------------------- */

struct sbuf {
    char *s;
    size_t len, cap;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = b->cap - b->len;
        int n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        b->s = rt_xrealloc(b->s, b->cap);
    }
}

/* ---- dumps ------------------------------------------------------------------------ */

static size_t g_frames(struct rt *rt, const struct rt_g *g, struct rt_frame *out, size_t max)
{
    if (!rt->cfg.hooks.frames)
        return 0;
    size_t n = rt->cfg.hooks.frames(rt->cfg.hooks.ud, g, g->data, out, max);
    return n < max ? n : max;
}

static void dump_g(struct rt *rt, struct sbuf *b, const struct rt_g *g)
{
    const char *state;
    switch ((enum rt_gstate)g->state) {
    case RT_G_WAITING: state = rt_wait_reason_text((enum rt_wait_reason)g->reason); break;
    case RT_G_SYSCALL: state = "syscall"; break;
    default: state = rt_gstate_text((enum rt_gstate)g->state); break;
    }
    sb_printf(b, "goroutine %" PRId64 " [%s", g->id, state);
    if (g->state == RT_G_WAITING || g->state == RT_G_SYSCALL) {
        int64_t minutes = (rt->now - g->wait_since) / 60000000000LL;
        if (minutes >= 1)
            sb_printf(b, ", %" PRId64 " minutes", minutes);
    }
    sb_printf(b, "]:\n");
    struct rt_frame frames[64];
    size_t n = g_frames(rt, g, frames, 64);
    if (n == 0 && g->label)
        sb_printf(b, "%s()\n", g->label);
    for (size_t i = 0; i < n; i++) {
        sb_printf(b, "%s()\n", frames[i].func ? frames[i].func : "?");
        if (frames[i].file)
            sb_printf(b, "\t%s:%d\n", frames[i].file, frames[i].line);
    }
    if (g->created_by.func) {
        sb_printf(b, "created by %s", g->created_by.func);
        if (g->creator)
            sb_printf(b, " in goroutine %" PRId64, g->creator);
        sb_printf(b, "\n");
        if (g->created_by.file)
            sb_printf(b, "\t%s:%d\n", g->created_by.file, g->created_by.line);
    }
}

char *rt_dump_new(struct rt *rt, const struct rt_g *only)
{
    struct sbuf b = {0};
    sb_printf(&b, "%s", "");
    if (only) {
        dump_g(rt, &b, only);
        return b.s;
    }
    bool first = true;
    if (rt->curg) {
        dump_g(rt, &b, rt->curg);
        first = false;
    }
    for (struct rt_g *g = rt->ghead; g; g = g->allnext) {
        if (g == rt->curg)
            continue;
        if (!first)
            sb_printf(&b, "\n");
        dump_g(rt, &b, g);
        first = false;
    }
    return b.s;
}

char *rt_failure_text(struct rt *rt, const char *head)
{
    char *dump = rt_dump_new(rt, NULL);
    struct sbuf b = {0};
    sb_printf(&b, "%s\n\n%s", head, dump);
    free(dump);
    return b.s;
}

/* ---- snapshots ---------------------------------------------------------------------- */

struct rt_counters rt_counters(const struct rt *rt)
{
    return rt->counters;
}

static void render_elem(struct rt *rt, const struct rt_chan *c, const void *elem, char *buf,
                        size_t size)
{
    if (rt->cfg.hooks.render) {
        buf[0] = '\0';
        rt->cfg.hooks.render(rt->cfg.hooks.ud, c, c->elem_type, elem, buf, size);
        buf[size - 1] = '\0';
        return;
    }
    size_t n = 0;
    const unsigned char *p = elem;
    buf[0] = '\0';
    for (size_t i = 0; i < c->elem_size && n + 3 < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%02x", p[i]);
}

static int64_t *queue_ids(const struct rt_waitq *q, size_t *count)
{
    size_t n = 0;
    for (const struct rt_sudog *sg = q->first; sg; sg = sg->next)
        if (!(sg->is_select && sg->g->select_done))
            n++;
    int64_t *ids = rt_xcalloc(n ? n : 1, sizeof *ids);
    n = 0;
    for (const struct rt_sudog *sg = q->first; sg; sg = sg->next)
        if (!(sg->is_select && sg->g->select_done))
            ids[n++] = sg->g->id;
    *count = n;
    return ids;
}

struct rt_snapshot *rt_snapshot_new(struct rt *rt)
{
    struct rt_snapshot *s = rt_xcalloc(1, sizeof *s);
    s->now = rt->now;
    s->status = rt->status;
    s->current = rt->curg ? rt->curg->id : 0;
    s->counters = rt->counters;
    s->gs = rt_xcalloc(rt->glive ? rt->glive : 1, sizeof *s->gs);
    for (struct rt_g *g = rt->ghead; g; g = g->allnext) {
        struct rt_snap_g *sg = &s->gs[s->ng++];
        sg->id = g->id;
        sg->state = (enum rt_gstate)g->state;
        sg->reason = (enum rt_wait_reason)g->reason;
        sg->wait_obj = g->wait_obj;
        sg->wait_chan =
            g->reason >= RT_WAIT_CHAN_SEND && g->reason <= RT_WAIT_CHAN_RECV && g->wait_obj
                ? ((const struct rt_chan *)g->wait_obj)->id
                : 0;
        sg->wait_since = g->wait_since;
        sg->p = g->state == RT_G_WAITING || g->state == RT_G_SYSCALL ? -1 : g->p;
        sg->label = g->label ? g->label : "";
        sg->data = g->data;
        if (rt->cfg.hooks.frames) {
            struct rt_frame fr[RT_SNAP_FRAMES];
            sg->nframes = g_frames(rt, g, fr, RT_SNAP_FRAMES);
            if (sg->nframes) {
                sg->frames = rt_xmalloc(sg->nframes * sizeof *sg->frames);
                memcpy(sg->frames, fr, sg->nframes * sizeof *sg->frames);
            }
        }
        sg->created_by = g->created_by;
        sg->creator = g->creator;
    }
    size_t nc = 0;
    for (struct rt_chan *c = rt->chead; c; c = c->next)
        nc += !c->released;
    s->chans = rt_xcalloc(nc ? nc : 1, sizeof *s->chans);
    for (struct rt_chan *c = rt->chead; c; c = c->next) {
        if (c->released)
            continue;
        struct rt_snap_chan *sc = &s->chans[s->nchans++];
        sc->id = c->id;
        sc->label = c->label ? c->label : "";
        sc->elem_type = c->elem_type;
        sc->cap = c->cap;
        sc->len = c->count;
        sc->closed = c->closed;
        sc->timer = c->timer;
        sc->elems = rt_xcalloc(c->count ? c->count : 1, sizeof *sc->elems);
        for (size_t i = 0; i < c->count; i++) {
            sc->elems[i] = rt_xmalloc(64);
            render_elem(rt, c, c->buf + ((c->recvx + i) % c->cap) * c->elem_size, sc->elems[i], 64);
        }
        sc->senders = queue_ids(&c->sendq, &sc->nsenders);
        sc->receivers = queue_ids(&c->recvq, &sc->nreceivers);
    }
    s->nps = (size_t)rt->nprocs;
    s->ps = rt_xcalloc(s->nps, sizeof *s->ps);
    for (int i = 0; i < rt->nprocs; i++) {
        struct rt_p *p = &rt->ps[i];
        struct rt_snap_p *sp = &s->ps[i];
        sp->id = i;
        sp->running = p->curg ? p->curg->id : 0;
        sp->runnext = p->runnext ? p->runnext->id : 0;
        sp->nrunq = p->tail - p->head;
        sp->runq = rt_xcalloc(sp->nrunq ? sp->nrunq : 1, sizeof *sp->runq);
        for (uint32_t k = 0; k < sp->nrunq; k++)
            sp->runq[k] = p->runq[(p->head + k) % RT_RUNQ_CAP]->id;
    }
    s->globalq = rt_xcalloc(rt->globq_len ? rt->globq_len : 1, sizeof *s->globalq);
    for (struct rt_g *g = rt->globq_head; g; g = g->schedlink)
        s->globalq[s->nglobal++] = g->id;
    s->ntimers = rt->nheap;
    s->next_timer = rt->nheap ? rt->heap[0]->when : -1;
    return s;
}

void rt_snapshot_free(struct rt_snapshot *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nchans; i++) {
        struct rt_snap_chan *sc = &s->chans[i];
        for (size_t k = 0; k < sc->len; k++)
            free(sc->elems[k]);
        free(sc->elems);
        free(sc->senders);
        free(sc->receivers);
    }
    free(s->chans);
    for (size_t i = 0; i < s->nps; i++)
        free(s->ps[i].runq);
    free(s->ps);
    for (size_t i = 0; i < s->ng; i++)
        free(s->gs[i].frames);
    free(s->gs);
    free(s->globalq);
    free(s);
}
