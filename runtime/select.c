/* select.c: Go's selectgo. Pass 1 polls the cases in a random order (a
 * Fisher-Yates shuffle drawn from the runtime's PRNG, as Go's pollorder) and
 * takes the first ready one; otherwise, without default, pass 2 queues a
 * sudog on every case's channel and parks, and pass 3, after the wake-up,
 * dequeues the sudogs of the cases that did not win. */
#include "rt_impl.h"

#include <stdlib.h>
#include <string.h>

#define RT_SELECT_SMALL 16

/* poll tries case i once; returns true when it completed. */
static bool poll(struct rt *rt, struct rt_case *cs, enum rt_err *err)
{
    struct rt_chan *c = cs->chan;
    if (cs->dir == RT_RECV) {
        struct rt_sudog *sg = c->sendq.first ? rt_waitq_dequeue(&c->sendq) : NULL;
        if (sg) {
            rt_chan_recv_from(rt, c, sg, cs->elem);
            cs->ok = true;
            return true;
        }
        if (c->count > 0) {
            rt_chan_buf_take(rt, c, cs->elem);
            cs->ok = true;
            return true;
        }
        if (c->closed) {
            if (cs->elem && c->elem_size)
                memset(cs->elem, 0, c->elem_size);
            if (rt_race_on(rt))
                rt_race_acquire(rt, c);
            rt->counters.recvs++;
            rt_ev(rt, RT_EV_RECV, 0, c->id, c, -1);
            cs->ok = false;
            return true;
        }
        return false;
    }
    if (rt_race_on(rt))
        rt_race_chan_access(rt, c, false);
    if (c->closed) {
        *err = RT_ERR_SEND_CLOSED;
        return true;
    }
    struct rt_sudog *sg = c->recvq.first ? rt_waitq_dequeue(&c->recvq) : NULL;
    if (sg) {
        rt_chan_send_to(rt, c, sg, cs->elem);
        return true;
    }
    if (c->count < c->cap) {
        rt_chan_buf_put(rt, c, cs->elem);
        return true;
    }
    return false;
}

/* select_block is passes 2 and 3: park on every case, then leave the
 * queues of the cases that lost. Kept out of rt_select so that its fast
 * path stays small. */
static __attribute__((noinline)) enum rt_err select_block(struct rt *rt, struct rt_case *cases,
                                                          size_t n, int *chosen)
{
    enum rt_err err = RT_OK;
    struct rt_g *g = rt_must_g(rt, "rt_select");
    if (n == 0) {
        rt_park(rt, RT_WAIT_SELECT_NO_CASES, NULL);
        abort(); /* select {} never wakes */
    }
    /* Pass 2: a sudog per case, on this goroutine's stack while it parks.
     * The memory must not be malloc'd: an abandoned goroutine leaks it. A
     * select too large for the stack is a stack overflow, as in Go. */
    rt_stack_check(rt, n * sizeof(struct rt_sudog) + 4096);
    struct rt_sudog sgs[n];
    g->select_done = false;
    for (size_t i = 0; i < n; i++) {
        struct rt_sudog *sg = &sgs[i];
        memset(sg, 0, sizeof *sg);
        sg->g = g;
        sg->c = cases[i].chan;
        sg->elem = cases[i].elem;
        sg->case_idx = (int32_t)i;
        sg->is_select = true;
        if (!sg->c)
            continue;
        rt_waitq_push(cases[i].dir == RT_SEND ? &sg->c->sendq : &sg->c->recvq, sg);
    }
    g->sel = sgs;
    g->nsel = (uint32_t)n;
    rt_park(rt, RT_WAIT_SELECT, NULL);
    g->sel = NULL;
    g->nsel = 0;
    /* Pass 3: leave the queues of the cases that lost. */
    int won = g->wake_case;
    for (size_t i = 0; i < n; i++) {
        struct rt_sudog *sg = &sgs[i];
        if (!sg->c || (int)i == won)
            continue;
        rt_waitq_remove(cases[i].dir == RT_SEND ? &sg->c->sendq : &sg->c->recvq, sg);
    }
    g->select_done = false;
    assert(won >= 0 && (size_t)won < n);
    *chosen = won;
    struct rt_case *cs = &cases[won];
    if (cs->dir == RT_SEND) {
        if (rt_race_on(rt))
            rt_race_chan_access(rt, cs->chan, false);
        if (!sgs[won].success)
            err = RT_ERR_SEND_CLOSED;
    } else {
        cs->ok = sgs[won].success;
    }
    rt_ev(rt, RT_EV_SELECT, 0, cs->chan->id, cs->chan, won);
    return err;
}

enum rt_err rt_select(struct rt *rt, struct rt_case *cases, size_t n, bool has_default, int *chosen)
{
    enum rt_err err = RT_OK;
    if (n == 1 && !has_default) {
        /* Go compiles a one-case select into the plain operation: same
         * semantics, and the wait reason is "chan send"/"chan receive". */
        *chosen = 0;
        if (cases[0].dir == RT_SEND)
            return rt_chan_send(rt, cases[0].chan, cases[0].elem);
        rt_chan_recv(rt, cases[0].chan, cases[0].elem, &cases[0].ok);
        return RT_OK;
    }
    rt->counters.selects++;
    uint32_t small[RT_SELECT_SMALL];
    uint32_t *order = n <= RT_SELECT_SMALL ? small : rt_xmalloc(n * sizeof *order);
    uint32_t norder = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cases[i].chan)
            continue;
        uint32_t j = norder ? rt_randn(rt, norder + 1) : 0;
        order[norder] = order[j];
        order[j] = (uint32_t)i;
        norder++;
    }
    for (uint32_t k = 0; k < norder; k++) {
        uint32_t i = order[k];
        if (poll(rt, &cases[i], &err)) {
            if (order != small)
                free(order);
            *chosen = (int)i;
            rt_ev(rt, RT_EV_SELECT, 0, cases[i].chan->id, cases[i].chan, (int64_t)i);
            return err;
        }
    }
    if (order != small)
        free(order);
    if (has_default) {
        *chosen = -1;
        rt_ev(rt, RT_EV_SELECT, 0, 0, NULL, -1);
        return RT_OK;
    }
    return select_block(rt, cases, n, chosen);
}
