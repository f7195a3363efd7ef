/* chan.c: channels with Go's hchan semantics: a ring buffer, FIFO queues of
 * parked senders and receivers (sudogs on the parked goroutines' stacks),
 * direct hand-off between a sender and a parked receiver (and from a parked
 * sender into a full buffer), close waking every waiter, nil channels
 * blocking forever. The orders follow Go's chan.go: a send looks for a
 * parked receiver first, then buffer room; a receive looks for a parked
 * sender first, then the buffer, then closed. */
#include "rt_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- wait queues ------------------------------------------------------------ */

void rt_waitq_push(struct rt_waitq *q, struct rt_sudog *sg)
{
    sg->next = NULL;
    sg->prev = q->last;
    if (q->last)
        q->last->next = sg;
    else
        q->first = sg;
    q->last = sg;
}

void rt_waitq_remove(struct rt_waitq *q, struct rt_sudog *sg)
{
    if (sg->prev)
        sg->prev->next = sg->next;
    else if (q->first == sg)
        q->first = sg->next;
    else
        return; /* not queued (already dequeued) */
    if (sg->next)
        sg->next->prev = sg->prev;
    else
        q->last = sg->prev;
    sg->next = sg->prev = NULL;
}

/* ---- lifetime ------------------------------------------------------------------ */

struct rt_chan *rt_chan_new(struct rt *rt, size_t elem_size, size_t cap, const char *elem_type)
{
    struct rt_chan *c = rt_xcalloc(1, sizeof *c);
    c->rt = rt;
    c->id = rt->next_chan_id++;
    c->elem_size = elem_size;
    c->cap = cap;
    c->elem_type = rt_xstrdup(elem_type ? elem_type : "");
    if (cap > 0 && elem_size > 0)
        c->buf = rt_xcalloc(cap, elem_size);
    c->prev = rt->ctail;
    if (rt->ctail)
        rt->ctail->next = c;
    else
        rt->chead = c;
    rt->ctail = c;
    return c;
}

static void chan_destroy(struct rt *rt, struct rt_chan *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        rt->chead = c->next;
    if (c->next)
        c->next->prev = c->prev;
    else
        rt->ctail = c->prev;
    if (rt_race_on(rt))
        rt_race_forget_obj(rt, c);
    free(c->label);
    free(c->elem_type);
    free(c->buf);
    free(c);
}

void rt_chan_release(struct rt *rt, struct rt_chan *c)
{
    if (!c)
        return;
    if (!c->recvq.first && !c->sendq.first)
        chan_destroy(rt, c);
    else
        c->released = true;
}

void rt_chan_free_all(struct rt *rt)
{
    while (rt->chead)
        chan_destroy(rt, rt->chead);
}

/* ---- steps ------------------------------------------------------------------------ */

static void *slot(const struct rt_chan *c, size_t i)
{
    return c->buf + i * c->elem_size;
}

/* next steps a ring index without a division. */
static size_t next(const struct rt_chan *c, size_t i)
{
    return i + 1 == c->cap ? 0 : i + 1;
}

static void copy_elem(const struct rt_chan *c, void *dst, const void *src)
{
    if (dst)
        rt_copy(dst, src, c->elem_size);
}

static void wake(struct rt *rt, struct rt_sudog *sg, bool success)
{
    sg->success = success;
    sg->g->wake_case = sg->case_idx;
    sg->g->wake_ok = success;
    rt_ready(rt, sg->g);
}

/* rt_chan_send_to hands elem to the parked receiver sg (Go's send). */
void rt_chan_send_to(struct rt *rt, struct rt_chan *c, struct rt_sudog *sg, const void *elem)
{
    copy_elem(c, sg->elem, elem);
    if (rt_race_on(rt)) {
        if (c->cap == 0) {
            rt_race_chan_sync(rt, c, sg->g);
        } else {
            /* As Go does under -race: pretend the value went through the
             * buffer (empty here, so moving both indexes changes nothing
             * else), so slot clocks count sends and receives alike. */
            rt_race_chan_slot(rt, c, c->recvx, NULL);
            rt_race_chan_slot(rt, c, c->recvx, sg->g);
            c->recvx = next(c, c->recvx);
            c->sendx = c->recvx;
        }
    }
    rt->counters.sends++;
    rt_ev(rt, RT_EV_SEND, sg->g->id, c->id, c, 0);
    wake(rt, sg, true);
}

/* rt_chan_recv_from takes a value from the parked sender sg (Go's recv):
 * unbuffered, straight from the sender; buffered (hence full), the head of
 * the buffer, and the sender's value goes to the tail. */
void rt_chan_recv_from(struct rt *rt, struct rt_chan *c, struct rt_sudog *sg, void *elem)
{
    if (c->cap == 0) {
        copy_elem(c, elem, sg->elem);
        if (rt_race_on(rt))
            rt_race_chan_sync(rt, c, sg->g);
    } else {
        if (rt_race_on(rt)) {
            rt_race_chan_slot(rt, c, c->recvx, NULL);
            rt_race_chan_slot(rt, c, c->recvx, sg->g);
        }
        void *s = slot(c, c->recvx);
        copy_elem(c, elem, s);
        copy_elem(c, s, sg->elem);
        c->recvx = next(c, c->recvx);
        c->sendx = c->recvx;
    }
    rt->counters.recvs++;
    rt_ev(rt, RT_EV_RECV, sg->g->id, c->id, c, 0);
    wake(rt, sg, true);
}

void rt_chan_buf_put(struct rt *rt, struct rt_chan *c, const void *elem)
{
    if (rt_race_on(rt))
        rt_race_chan_slot(rt, c, c->sendx, NULL);
    rt_copy(slot(c, c->sendx), elem, c->elem_size);
    c->sendx = next(c, c->sendx);
    c->count++;
    rt->counters.sends++;
    rt_ev(rt, RT_EV_SEND, 0, c->id, c, (int64_t)c->count);
}

void rt_chan_buf_take(struct rt *rt, struct rt_chan *c, void *elem)
{
    if (rt_race_on(rt))
        rt_race_chan_slot(rt, c, c->recvx, NULL);
    void *s = slot(c, c->recvx);
    copy_elem(c, elem, s);
    rt_zero(s, c->elem_size);
    c->recvx = next(c, c->recvx);
    c->count--;
    rt->counters.recvs++;
    rt_ev(rt, RT_EV_RECV, 0, c->id, c, (int64_t)c->count);
}

void rt_chan_drain(struct rt_chan *c)
{
    while (c->count > 0) {
        if (c->elem_size)
            memset(slot(c, c->recvx), 0, c->elem_size);
        c->recvx = next(c, c->recvx);
        c->count--;
    }
}

/* ---- operations --------------------------------------------------------------------- */

static _Noreturn void block_forever(struct rt *rt, enum rt_wait_reason reason)
{
    rt_park(rt, reason, NULL);
    abort(); /* nothing wakes a goroutine parked on nothing */
}

/* chan_send is Go's chansend; returns false (not sent) only when !block. */
static bool chan_send(struct rt *rt, struct rt_chan *c, const void *elem, bool block,
                      enum rt_err *err)
{
    *err = RT_OK;
    if (!c) {
        if (!block)
            return false;
        rt_must_g(rt, "rt_chan_send");
        block_forever(rt, RT_WAIT_CHAN_SEND_NIL);
    }
    if (c->closed) {
        *err = RT_ERR_SEND_CLOSED;
        return true;
    }
    struct rt_sudog *sg = rt_waitq_dequeue(&c->recvq);
    if (sg) {
        rt_chan_send_to(rt, c, sg, elem);
        return true;
    }
    if (c->count < c->cap) {
        rt_chan_buf_put(rt, c, elem);
        return true;
    }
    if (!block)
        return false;
    struct rt_g *g = rt_must_g(rt, "rt_chan_send");
    struct rt_sudog me = {.g = g, .c = c, .elem = (void *)elem, .case_idx = -1};
    rt_waitq_push(&c->sendq, &me);
    rt_park(rt, RT_WAIT_CHAN_SEND, c);
    if (!me.success)
        *err = RT_ERR_SEND_CLOSED;
    return true;
}

/* chan_recv is Go's chanrecv; returns false (nothing received) only when
 * !block. */
static bool chan_recv(struct rt *rt, struct rt_chan *c, void *elem, bool *ok, bool block)
{
    if (!c) {
        if (!block)
            return false;
        rt_must_g(rt, "rt_chan_recv");
        block_forever(rt, RT_WAIT_CHAN_RECV_NIL);
    }
    if (c->closed && c->count == 0) {
        if (elem && c->elem_size)
            memset(elem, 0, c->elem_size);
        if (rt_race_on(rt))
            rt_race_acquire(rt, c);
        rt->counters.recvs++;
        rt_ev(rt, RT_EV_RECV, 0, c->id, c, -1);
        if (ok)
            *ok = false;
        return true;
    }
    struct rt_sudog *sg = rt_waitq_dequeue(&c->sendq);
    if (sg) {
        rt_chan_recv_from(rt, c, sg, elem);
    } else if (c->count > 0) {
        rt_chan_buf_take(rt, c, elem);
    } else if (!block) {
        return false;
    } else {
        struct rt_g *g = rt_must_g(rt, "rt_chan_recv");
        struct rt_sudog me = {.g = g, .c = c, .elem = elem, .case_idx = -1};
        rt_waitq_push(&c->recvq, &me);
        rt_park(rt, RT_WAIT_CHAN_RECV, c);
        if (ok)
            *ok = me.success;
        return true;
    }
    if (ok)
        *ok = true;
    return true;
}

static __attribute__((noinline)) enum rt_err chan_send_slow(struct rt *rt, struct rt_chan *c,
                                                            const void *elem)
{
    enum rt_err err;
    if (rt_race_on(rt) && c)
        rt_race_chan_access(rt, c, false);
    chan_send(rt, c, elem, true, &err);
    return err;
}

static __attribute__((noinline)) void chan_recv_slow(struct rt *rt, struct rt_chan *c, void *elem,
                                                     bool *ok)
{
    chan_recv(rt, c, elem, ok, true);
}

enum rt_err rt_chan_send(struct rt *rt, struct rt_chan *c, const void *elem)
{
    if (c && c->count < c->cap && !c->closed && !c->recvq.first && !rt_race_on(rt)) {
        /* Fast path: room in the buffer and nobody to hand to (chansend's
         * order: closed, then a waiting receiver, then the buffer). The
         * race detector takes the slow path. */
        rt_copy(slot(c, c->sendx), elem, c->elem_size);
        c->sendx = next(c, c->sendx);
        c->count++;
        rt->counters.sends++;
        rt_ev(rt, RT_EV_SEND, 0, c->id, c, (int64_t)c->count);
        return RT_OK;
    }
    return chan_send_slow(rt, c, elem);
}

void rt_chan_recv(struct rt *rt, struct rt_chan *c, void *elem, bool *ok)
{
    if (c && c->count > 0 && !c->sendq.first && !rt_race_on(rt)) {
        /* Fast path: a buffered value and no parked sender to pull in. */
        void *s = slot(c, c->recvx);
        if (elem)
            rt_copy(elem, s, c->elem_size);
        rt_zero(s, c->elem_size);
        c->recvx = next(c, c->recvx);
        c->count--;
        rt->counters.recvs++;
        rt_ev(rt, RT_EV_RECV, 0, c->id, c, (int64_t)c->count);
        if (ok)
            *ok = true;
        return;
    }
    chan_recv_slow(rt, c, elem, ok);
}

enum rt_err rt_chan_trysend(struct rt *rt, struct rt_chan *c, const void *elem, bool *done)
{
    if (rt_race_on(rt) && c)
        rt_race_chan_access(rt, c, false);
    enum rt_err err;
    bool d = chan_send(rt, c, elem, false, &err);
    if (done)
        *done = d;
    return err;
}

void rt_chan_tryrecv(struct rt *rt, struct rt_chan *c, void *elem, bool *ok, bool *done)
{
    bool d = chan_recv(rt, c, elem, ok, false);
    if (done)
        *done = d;
}

enum rt_err rt_chan_close(struct rt *rt, struct rt_chan *c)
{
    if (!c)
        return RT_ERR_CLOSE_NIL;
    if (c->closed)
        return RT_ERR_CLOSE_CLOSED;
    if (rt_race_on(rt))
        rt_race_chan_access(rt, c, true);
    c->closed = true;
    if (rt_race_on(rt))
        rt_race_release(rt, c);
    rt->counters.closes++;
    rt_ev(rt, RT_EV_CLOSE, 0, c->id, c, 0);
    /* Go collects the woken goroutines on a stack (gList), receivers first,
     * then readies them popping it: the last waiter is readied first, so the
     * first waiter ends in runnext. Same order here. */
    size_t n = 0, cap = 16;
    struct rt_sudog *small[16], **list = small;
    for (int q = 0; q < 2; q++) {
        struct rt_waitq *wq = q == 0 ? &c->recvq : &c->sendq;
        struct rt_sudog *sg;
        while ((sg = rt_waitq_dequeue(wq)) != NULL) {
            if (q == 0 && sg->elem && c->elem_size)
                memset(sg->elem, 0, c->elem_size);
            if (rt_race_on(rt))
                rt_race_acquire_g(rt, sg->g, c);
            if (n == cap) {
                cap *= 2;
                if (list == small) {
                    list = rt_xmalloc(cap * sizeof *list);
                    memcpy(list, small, sizeof small);
                } else {
                    list = rt_xrealloc(list, cap * sizeof *list);
                }
            }
            list[n++] = sg;
        }
    }
    while (n > 0)
        wake(rt, list[--n], false);
    if (list != small)
        free(list);
    return RT_OK;
}

size_t rt_chan_len(const struct rt_chan *c)
{
    return c && !c->timer ? c->count : 0;
}

size_t rt_chan_cap(const struct rt_chan *c)
{
    return c && !c->timer ? c->cap : 0;
}

bool rt_chan_closed(const struct rt_chan *c)
{
    return c && c->closed;
}

size_t rt_chan_elem_size(const struct rt_chan *c)
{
    return c ? c->elem_size : 0;
}

int64_t rt_chan_id(const struct rt_chan *c)
{
    return c ? c->id : 0;
}

void rt_chan_set_label(struct rt_chan *c, const char *label)
{
    free(c->label);
    c->label = label ? rt_xstrdup(label) : NULL;
}

const char *rt_chan_label(const struct rt_chan *c)
{
    return c && c->label ? c->label : "";
}

void rt_chan_each_elem(const struct rt_chan *c, void (*fn)(void *ud, const void *elem), void *ud)
{
    if (!c || c->elem_size == 0)
        return;
    for (size_t i = 0; i < c->count; i++)
        fn(ud, slot(c, (c->recvx + i) % c->cap));
    for (const struct rt_sudog *sg = c->sendq.first; sg; sg = sg->next)
        if (sg->elem && !(sg->is_select && sg->g->select_done))
            fn(ud, sg->elem);
}
