/* trace.c: the event trace. Every scheduling event gets the next sequence
 * number, goes into a ring buffer of the configured capacity (rounded up to
 * a power of two; the oldest events are overwritten) and to the host's event
 * hook, where the detectors listen. Formatting never prints addresses, so
 * the same seed gives byte-identical trace text. */
#include "rt_impl.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const event_names[] = {
#define RT_EV_NAME(name, text) text,
    RT_EVENT_KINDS(RT_EV_NAME)
#undef RT_EV_NAME
};

const char *rt_event_name(enum rt_event_kind kind)
{
    return (unsigned)kind < RT_EV_COUNT ? event_names[kind] : "?";
}

void rt_trace_init(struct rt *rt)
{
    size_t cap = 1;
    while (cap < rt->cfg.trace_capacity && !rt->cfg.trace_off)
        cap <<= 1;
    rt->ev_quiet = rt->cfg.trace_off && !rt->cfg.hooks.event;
    rt->ring_cap = cap;
    rt->ring = aligned_alloc(64, cap * sizeof *rt->ring);
    if (!rt->ring)
        rt->ring = rt_xcalloc(cap, sizeof *rt->ring);
    memset(rt->ring, 0, cap * sizeof *rt->ring);
}

void rt_ev_hook(struct rt *rt, const struct rt_event *e)
{
    rt->cfg.hooks.event(rt->cfg.hooks.ud, e);
}

uint64_t rt_trace_last_seq(const struct rt *rt)
{
    return rt->seq;
}

size_t rt_trace_read(const struct rt *rt, uint64_t from, struct rt_event *out, size_t max)
{
    if (rt->cfg.trace_off)
        return 0;
    uint64_t oldest = rt->seq > rt->ring_cap ? rt->seq - rt->ring_cap + 1 : 1;
    if (from < oldest)
        from = oldest;
    size_t n = 0;
    for (uint64_t s = from; s <= rt->seq && n < max; s++)
        out[n++] = rt->ring[(s - 1) & (rt->ring_cap - 1)];
    return n;
}

size_t rt_event_format(const struct rt_event *ev, char *buf, size_t size)
{
    char extra[96] = "";
    size_t x = 0;
    if (ev->peer)
        x += (size_t)snprintf(extra + x, sizeof extra - x, " peer=%" PRId64, ev->peer);
    if (ev->chan)
        x += (size_t)snprintf(extra + x, sizeof extra - x, " ch%" PRId64, ev->chan);
    if (ev->kind == RT_EV_BLOCK)
        snprintf(extra + x, sizeof extra - x, " [%s]",
                 rt_wait_reason_text((enum rt_wait_reason)ev->arg));
    else if (ev->arg)
        snprintf(extra + x, sizeof extra - x, " arg=%" PRId64, ev->arg);
    int n = snprintf(buf, size, "%" PRIu64 " t=%" PRId64 " p%d g%" PRId64 " %s%s", ev->seq,
                     ev->time, ev->p, ev->g, rt_event_name(ev->kind), extra);
    return n < 0 ? 0 : (size_t)n;
}
