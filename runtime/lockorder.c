/* lockorder.c: the lock-order graph (cfg.lockorder): potential deadlocks as
 * go-deadlock and Go's own lock ranking see them, reported even when this
 * run did not deadlock.
 *
 * Shapes. A node per lock address (a Mutex or an RWMutex), numbered in the
 * order the locks were first seen. An edge A -> B the first time a goroutine
 * waits for B (Lock, RLock; a successful TryLock never waits, so it makes no
 * edge into B) while it holds A, with the site where A was acquired, the
 * site where B is being acquired and the goroutine; edges are never removed.
 * Per goroutine, the locks it holds, oldest first, each with its site and
 * mode; Unlock removes the most recent entry of that lock (from the caller's
 * list, or from the holder's when another goroutine unlocks it, which Go
 * allows). Cond.Wait unlocks and relocks through the same hooks.
 *
 * A new edge A -> B closes a cycle when B already reaches A; the shortest
 * such path (breadth first) and the new edge are reported as one
 * RT_FIND_LOCK_ORDER finding, once per set of edges, however often the
 * program runs it again. As in Goodlock, a cycle is not reported when one
 * lock G (a gate) was held with Lock at every acquisition of its edges: the
 * goroutines cannot be inside those sections together. Each edge keeps the
 * gates common to all its acquisitions (at most LO_GATES); one that loses a
 * gate is checked for cycles again. RLock is never a gate (readers share).
 * Not reported: a goroutine locking a lock it already holds (no edge A -> A:
 * for a Mutex it is a plain deadlock Go reports itself; for RLock-RLock of
 * the same RWMutex it is recursive read locking).
 *
 * Limitation: locks are addresses. A lock whose memory the host frees and
 * reuses for another lock is the same node unless the host calls
 * rt_lock_forget first (then the old node keeps its edges, unreachable by
 * address, and the new lock starts a new node). */
#include "rt_impl.h"

#include <stdlib.h>

#define LO_GBUCKETS 256 /* held lists, chained by goroutine id */
#define LO_GATES    4   /* gate locks kept per edge */
#define LO_MASKS    (1u << LO_GATES)

struct lo_node {
    const void *addr;    /* NULL once forgotten */
    char *label;         /* rt_lock_set_label's copy, or NULL */
    rt_site first;       /* site of its first acquisition; 0 unknown */
    uint32_t first_edge; /* head of the out-edge list: edge index + 1; 0 none */
};

struct lo_edge {
    uint32_t from, to;       /* node indexes */
    uint32_t next;           /* next out-edge of from: index + 1; 0 none */
    rt_site from_site;       /* where from was acquired */
    rt_site to_site;         /* where to was being acquired */
    int64_t g;               /* the goroutine that made the edge */
    bool from_read, to_read; /* RLock rather than Lock */
    uint8_t ngates;
    uint32_t gates[LO_GATES]; /* locks held exclusively (Lock) at every
                                 acquisition that made this edge, beside
                                 from and to: Goodlock's gate locks */
};

struct lo_held {
    uint32_t node;
    rt_site site;
    bool read;
};

struct lo_gheld { /* the locks one goroutine holds; freed when empty */
    int64_t g;
    uint32_t n, cap;
    struct lo_held *h; /* oldest first */
    struct lo_gheld *next;
};

struct rt_lockgraph {
    struct lo_node *nodes;
    uint32_t nnodes, capnodes;
    uint32_t *nindex; /* address -> node + 1, open addressing; 0 empty */
    uint32_t nnindex; /* power of two, > 2 * nnodes */
    struct lo_edge *edges;
    uint32_t nedges, capedges;
    uint32_t *eindex; /* (from, to) -> edge + 1, open addressing */
    uint32_t neindex; /* power of two, > 2 * nedges */
    struct lo_gheld *gh[LO_GBUCKETS];
    struct lo_gheld *spare; /* emptied held lists kept for reuse */
    uint32_t nspare;
    /* breadth-first search scratch, one slot per state (node, mask) */
    uint32_t *seen; /* epoch a state was reached in */
    uint32_t *via;  /* edge index + 1 it was reached by */
    uint32_t *prev; /* the state it was reached from */
    uint32_t *queue;
    /* cycles reported: each its length, then its edge indexes sorted */
    uint32_t **cycles;
    size_t ncycles, capcycles;
    uint32_t epoch, capscratch;
};

/* ---- hashing ---------------------------------------------------------------- */

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

static uint64_t addr_hash(const void *p)
{
    return mix((uint64_t)(uintptr_t)p);
}

static uint64_t edge_hash(uint32_t from, uint32_t to)
{
    return mix(((uint64_t)from << 32 | to) * 0x9E3779B97F4A7C15ull);
}

static void nindex_rehash(struct rt_lockgraph *lg, uint32_t n)
{
    free(lg->nindex);
    lg->nindex = rt_xcalloc(n, sizeof *lg->nindex);
    lg->nnindex = n;
    for (uint32_t i = 0; i < lg->nnodes; i++) {
        if (!lg->nodes[i].addr)
            continue;
        uint64_t k = addr_hash(lg->nodes[i].addr) & (n - 1);
        while (lg->nindex[k])
            k = (k + 1) & (n - 1);
        lg->nindex[k] = i + 1;
    }
}

static void eindex_rehash(struct rt_lockgraph *lg, uint32_t n)
{
    free(lg->eindex);
    lg->eindex = rt_xcalloc(n, sizeof *lg->eindex);
    lg->neindex = n;
    for (uint32_t i = 0; i < lg->nedges; i++) {
        uint64_t k = edge_hash(lg->edges[i].from, lg->edges[i].to) & (n - 1);
        while (lg->eindex[k])
            k = (k + 1) & (n - 1);
        lg->eindex[k] = i + 1;
    }
}

/* node_of returns the node of lock (created when create is set, else
 * UINT32_MAX when unknown). */
static uint32_t node_of(struct rt_lockgraph *lg, const void *lock, bool create)
{
    uint32_t mask = lg->nnindex - 1;
    uint64_t k = addr_hash(lock) & mask;
    for (uint32_t id; (id = lg->nindex[k]) != 0; k = (k + 1) & mask)
        if (lg->nodes[id - 1].addr == lock)
            return id - 1;
    if (!create)
        return UINT32_MAX;
    if (lg->nnodes == lg->capnodes) {
        lg->capnodes = lg->capnodes ? 2 * lg->capnodes : 32;
        lg->nodes = rt_xrealloc(lg->nodes, lg->capnodes * sizeof *lg->nodes);
    }
    uint32_t id = lg->nnodes++;
    lg->nodes[id] = (struct lo_node){lock, NULL, 0, 0};
    if (2 * (uint64_t)(lg->nnodes + 1) >= lg->nnindex)
        nindex_rehash(lg, lg->nnindex * 2);
    else
        lg->nindex[k] = id + 1;
    return id;
}

/* edge_find returns the index of edge from -> to, or UINT32_MAX. */
static uint32_t edge_find(const struct rt_lockgraph *lg, uint32_t from, uint32_t to)
{
    uint32_t mask = lg->neindex - 1;
    for (uint64_t k = edge_hash(from, to) & mask; lg->eindex[k]; k = (k + 1) & mask) {
        const struct lo_edge *e = &lg->edges[lg->eindex[k] - 1];
        if (e->from == from && e->to == to)
            return lg->eindex[k] - 1;
    }
    return UINT32_MAX;
}

static uint32_t edge_add(struct rt_lockgraph *lg, const struct lo_edge *e)
{
    if (lg->nedges == lg->capedges) {
        lg->capedges = lg->capedges ? 2 * lg->capedges : 32;
        lg->edges = rt_xrealloc(lg->edges, lg->capedges * sizeof *lg->edges);
    }
    uint32_t id = lg->nedges++;
    lg->edges[id] = *e;
    lg->edges[id].next = lg->nodes[e->from].first_edge;
    lg->nodes[e->from].first_edge = id + 1;
    if (2 * (uint64_t)(lg->nedges + 1) >= lg->neindex) {
        eindex_rehash(lg, lg->neindex * 2);
    } else {
        uint32_t mask = lg->neindex - 1;
        uint64_t k = edge_hash(e->from, e->to) & mask;
        while (lg->eindex[k])
            k = (k + 1) & mask;
        lg->eindex[k] = id + 1;
    }
    return id;
}

/* ---- held lists ------------------------------------------------------------------ */

static struct lo_gheld **gheld_slot(struct rt_lockgraph *lg, int64_t g)
{
    struct lo_gheld **pp = &lg->gh[(uint64_t)g % LO_GBUCKETS];
    while (*pp && (*pp)->g != g)
        pp = &(*pp)->next;
    return pp;
}

#define LO_SPARE_MAX 64

static void held_push(struct rt_lockgraph *lg, int64_t g, struct lo_held h)
{
    struct lo_gheld **pp = gheld_slot(lg, g);
    struct lo_gheld *gh = *pp;
    if (!gh) {
        if (lg->spare) {
            gh = lg->spare;
            lg->spare = gh->next;
            lg->nspare--;
        } else {
            gh = rt_xcalloc(1, sizeof *gh);
        }
        gh->g = g;
        gh->next = NULL;
        *pp = gh;
    }
    if (gh->n == gh->cap) {
        gh->cap = gh->cap ? 2 * gh->cap : 4;
        gh->h = rt_xrealloc(gh->h, gh->cap * sizeof *gh->h);
    }
    gh->h[gh->n++] = h;
}

/* held_drop removes the most recent entry of node (in mode read) from the
 * list at *pp (an emptied list goes to the spares); returns whether there
 * was one. */
static bool held_drop(struct rt_lockgraph *lg, struct lo_gheld **pp, uint32_t node, bool read)
{
    struct lo_gheld *gh = *pp;
    if (!gh)
        return false;
    for (uint32_t i = gh->n; i-- > 0;) {
        if (gh->h[i].node != node || gh->h[i].read != read)
            continue;
        memmove(&gh->h[i], &gh->h[i + 1], (gh->n - i - 1) * sizeof *gh->h);
        if (--gh->n == 0) {
            *pp = gh->next;
            if (lg->nspare < LO_SPARE_MAX) {
                gh->next = lg->spare;
                lg->spare = gh;
                lg->nspare++;
            } else {
                free(gh->h);
                free(gh);
            }
        }
        return true;
    }
    return false;
}

/* ---- reports ------------------------------------------------------------------------ */

static struct rt_frame site_frame(const struct rt *rt, rt_site s)
{
    struct rt_frame fr = {NULL, NULL, 0};
    if (s)
        rt_site_frames(rt, s, &fr, 1);
    return fr;
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* lock_name writes the lock's name for reports: its label, else
 * "lock@x.go:LINE" of its first acquisition, else "lock#N". A label that
 * another lock shares (both locked as from.mu, in transfer(a, b) and
 * transfer(b, a)) gets the lock's number too: "from.mu#1", "from.mu#2". */
static void lock_name(const struct rt *rt, uint32_t node, char *buf, size_t size)
{
    const struct lo_node *n = &rt->lg->nodes[node];
    struct rt_frame fr = site_frame(rt, n->first);
    bool shared = false;
    for (uint32_t i = 0; n->label && i < rt->lg->nnodes && !shared; i++)
        shared =
            i != node && rt->lg->nodes[i].label && strcmp(rt->lg->nodes[i].label, n->label) == 0;
    if (n->label && shared)
        snprintf(buf, size, "%s#%u", n->label, node + 1);
    else if (n->label)
        snprintf(buf, size, "%s", n->label);
    else if (fr.file)
        snprintf(buf, size, "lock@%s:%d", base_name(fr.file), fr.line);
    else
        snprintf(buf, size, "lock#%u", node + 1);
}

/* where writes "FILE:LINE" of s (full path when full, else the base name),
 * or "?" when unknown. */
static void where(const struct rt *rt, rt_site s, bool full, char *buf, size_t size)
{
    struct rt_frame fr = site_frame(rt, s);
    if (fr.file)
        snprintf(buf, size, "%s:%d", full ? fr.file : base_name(fr.file), fr.line);
    else
        snprintf(buf, size, "?");
}

/* report adds the finding for the cycle made of the m edges cyc[0..m), in
 * cycle order (each edge's to is the next one's from). */
static void report(struct rt *rt, const uint32_t *cyc, uint32_t m)
{
    const struct rt_lockgraph *lg = rt->lg;
    /* Start at the oldest edge: the story in the order it happened. */
    uint32_t start = 0;
    for (uint32_t i = 1; i < m; i++)
        if (cyc[i] < cyc[start])
            start = i;
    char *rep = NULL, *sum = NULL;
    size_t rlen = 0, rcap = 0, slen = 0, scap = 0;
    rt_buf_printf(&rep, &rlen, &rcap, "POTENTIAL DEADLOCK: lock-order inversion between %u locks\n",
                  m);
    rt_buf_printf(&sum, &slen, &scap, "lock-order inversion: ");
    struct rt_finding f = {0};
    f.kind = RT_FIND_LOCK_ORDER;
    for (uint32_t j = 0; j < m; j++) {
        const struct lo_edge *e = &lg->edges[cyc[(start + j) % m]];
        char a[128], b[128], wa[512], wb[512], sa[256], sb[256];
        lock_name(rt, e->from, a, sizeof a);
        lock_name(rt, e->to, b, sizeof b);
        where(rt, e->from_site, true, wa, sizeof wa);
        where(rt, e->to_site, true, wb, sizeof wb);
        where(rt, e->from_site, false, sa, sizeof sa);
        where(rt, e->to_site, false, sb, sizeof sb);
        struct rt_frame fr = site_frame(rt, e->to_site);
        rt_buf_printf(&rep, &rlen, &rcap, "  goroutine %lld %s %s at %s", (long long)e->g,
                      e->to_read ? "read-locked" : "locked", b, wb);
        if (fr.func)
            rt_buf_printf(&rep, &rlen, &rcap, " (%s)", fr.func);
        rt_buf_printf(&rep, &rlen, &rcap, "\n    while holding %s, %s at %s\n", a,
                      e->from_read ? "read-locked" : "locked", wa);
        rt_buf_printf(&sum, &slen, &scap, "%s%s -> %s (%s, %s)",
                      j == 0       ? ""
                      : j + 1 == m ? " and "
                                   : ", ",
                      a, b, sa, sb);
        if (f.ng < RT_FINDING_MAX_G) {
            f.g[f.ng] = e->g;
            f.site[f.ng] = e->to_site;
            f.ng++;
        }
    }
    f.summary = sum;
    f.report = rep;
    rt_finding_add(rt, &f);
    free(sum);
    free(rep);
}

/* gate_mask returns the bits i of e's gates that f holds too. */
static uint32_t gate_mask(const struct lo_edge *e, const struct lo_edge *f)
{
    uint32_t m = 0;
    for (uint32_t i = 0; i < e->ngates; i++)
        for (uint32_t k = 0; k < f->ngates; k++)
            if (e->gates[i] == f->gates[k])
                m |= 1u << i;
    return m;
}

/* closes_cycle looks for a path e.to -> ... -> e.from that, with edge e,
 * makes a cycle no gate lock guards (no lock held exclusively at every one
 * of its edges): breadth first over (node, gates of e still common to every
 * edge so far), so the shortest. When there is one it returns the cycle's
 * edges, e first (caller frees), and their count in *len; else NULL. */
static uint32_t *closes_cycle(struct rt_lockgraph *lg, uint32_t eid, uint32_t *len)
{
    size_t need = (size_t)lg->nnodes * LO_MASKS;
    if (lg->capscratch < need) {
        lg->capscratch = (uint32_t)((size_t)lg->capnodes * LO_MASKS);
        size_t n = lg->capscratch;
        lg->seen = rt_xrealloc(lg->seen, n * sizeof *lg->seen);
        lg->via = rt_xrealloc(lg->via, n * sizeof *lg->via);
        lg->prev = rt_xrealloc(lg->prev, n * sizeof *lg->prev);
        lg->queue = rt_xrealloc(lg->queue, n * sizeof *lg->queue);
        memset(lg->seen, 0, n * sizeof *lg->seen);
        lg->epoch = 0;
    }
    if (++lg->epoch == 0) {
        memset(lg->seen, 0, lg->capscratch * sizeof *lg->seen);
        lg->epoch = 1;
    }
    const struct lo_edge *e = &lg->edges[eid];
    uint32_t ep = lg->epoch, goal = e->from * LO_MASKS;
    uint32_t start = e->to * LO_MASKS + ((1u << e->ngates) - 1);
    uint32_t qh = 0, qt = 0;
    lg->queue[qt++] = start;
    lg->seen[start] = ep;
    while (qh < qt) {
        uint32_t st = lg->queue[qh++];
        uint32_t n = st / LO_MASKS, m = st % LO_MASKS;
        for (uint32_t fi = lg->nodes[n].first_edge; fi; fi = lg->edges[fi - 1].next) {
            const struct lo_edge *f = &lg->edges[fi - 1];
            if (fi - 1 == eid)
                continue;
            uint32_t t = f->to * LO_MASKS + (m & gate_mask(e, f));
            if (lg->seen[t] == ep)
                continue;
            lg->seen[t] = ep;
            lg->via[t] = fi;
            lg->prev[t] = st;
            if (t == goal) {
                uint32_t k = 1;
                for (uint32_t x = t; x != start; x = lg->prev[x])
                    k++;
                uint32_t *cyc = rt_xmalloc(k * sizeof *cyc);
                *len = k;
                cyc[0] = eid;
                for (uint32_t x = t; x != start; x = lg->prev[x])
                    cyc[--k] = lg->via[x] - 1;
                return cyc;
            }
            lg->queue[qt++] = t;
        }
    }
    return NULL;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* cycle_is_new records the cycle's set of edges; false when it was
 * reported already (an edge that lost a gate can find it again). */
static bool cycle_is_new(struct rt_lockgraph *lg, const uint32_t *cyc, uint32_t m)
{
    uint32_t *key = rt_xmalloc((m + 1) * sizeof *key);
    key[0] = m;
    memcpy(key + 1, cyc, m * sizeof *key);
    qsort(key + 1, m, sizeof *key, cmp_u32);
    for (size_t i = 0; i < lg->ncycles; i++) {
        if (memcmp(lg->cycles[i], key, (m + 1) * sizeof *key) == 0) {
            free(key);
            return false;
        }
    }
    if (lg->ncycles == lg->capcycles) {
        lg->capcycles = lg->capcycles ? 2 * lg->capcycles : 8;
        lg->cycles = rt_xrealloc(lg->cycles, lg->capcycles * sizeof *lg->cycles);
    }
    lg->cycles[lg->ncycles++] = key;
    return true;
}

/* check_edge reports the shortest unguarded cycle through edge eid, once. */
static void check_edge(struct rt *rt, uint32_t eid)
{
    struct rt_lockgraph *lg = rt->lg;
    uint32_t m = 0;
    uint32_t *cyc = closes_cycle(lg, eid, &m);
    if (cyc && cycle_is_new(lg, cyc, m))
        report(rt, cyc, m);
    free(cyc);
}

/* ---- the hooks sync.c calls ---------------------------------------------------------- */

rt_site rt_lockorder_wait(struct rt *rt, const void *lock, bool read)
{
    struct rt_lockgraph *lg = rt->lg;
    rt_site site = rt_current_site(rt);
    int64_t g = rt->curg->id;
    uint32_t b = node_of(lg, lock, true);
    if (!lg->nodes[b].first)
        lg->nodes[b].first = site;
    struct lo_gheld *gh = *gheld_slot(lg, g);
    /* Re-locking a lock it holds (a self-deadlock, or recursive RLock)
     * orders nothing: no edges at all. */
    for (uint32_t i = 0; gh && i < gh->n; i++)
        if (gh->h[i].node == b)
            return site;
    for (uint32_t i = 0; gh && i < gh->n; i++) {
        uint32_t a = gh->h[i].node;
        /* the gates of this acquisition: other locks held exclusively */
        uint32_t gates[LO_GATES], ng = 0;
        for (uint32_t k = 0; k < gh->n && ng < LO_GATES; k++)
            if (k != i && !gh->h[k].read && gh->h[k].node != a)
                gates[ng++] = gh->h[k].node;
        uint32_t id = edge_find(lg, a, b);
        if (id == UINT32_MAX) {
            struct lo_edge e = {a, b, 0, gh->h[i].site, site, g, gh->h[i].read, read, 0, {0}};
            e.ngates = (uint8_t)ng;
            memcpy(e.gates, gates, ng * sizeof *gates);
            check_edge(rt, edge_add(lg, &e));
            continue;
        }
        /* Seen again: keep only the gates held this time too; an edge that
         * loses a gate may now close an unguarded cycle. */
        struct lo_edge *e = &lg->edges[id];
        uint32_t kept = 0;
        for (uint32_t k = 0; k < e->ngates; k++) {
            bool held = false;
            for (uint32_t x = 0; x < ng; x++)
                held = held || gates[x] == e->gates[k];
            if (held)
                e->gates[kept++] = e->gates[k];
        }
        if (kept < e->ngates) {
            /* the report shows this, less guarded, acquisition */
            e->ngates = (uint8_t)kept;
            e->from_site = gh->h[i].site;
            e->to_site = site;
            e->g = g;
            e->from_read = gh->h[i].read;
            e->to_read = read;
            check_edge(rt, id);
        }
    }
    return site;
}

void rt_lockorder_acquired(struct rt *rt, const void *lock, rt_site site, bool read)
{
    struct rt_lockgraph *lg = rt->lg;
    uint32_t n = node_of(lg, lock, true);
    if (!lg->nodes[n].first)
        lg->nodes[n].first = site;
    held_push(lg, rt->curg ? rt->curg->id : 0, (struct lo_held){n, site, read});
}

void rt_lockorder_released(struct rt *rt, const void *lock, bool read)
{
    struct rt_lockgraph *lg = rt->lg;
    uint32_t n = node_of(lg, lock, false);
    if (n == UINT32_MAX)
        return;
    if (rt->curg && held_drop(lg, gheld_slot(lg, rt->curg->id), n, read))
        return;
    /* Unlocked by a goroutine other than the one that locked it. */
    for (size_t b = 0; b < LO_GBUCKETS; b++)
        for (struct lo_gheld **pp = &lg->gh[b]; *pp; pp = &(*pp)->next)
            if (held_drop(lg, pp, n, read))
                return;
}

/* ---- lifetime and the public entry points ---------------------------------------------- */

void rt_lockorder_init(struct rt *rt)
{
    struct rt_lockgraph *lg = rt_xcalloc(1, sizeof *lg);
    rt->lg = lg;
    nindex_rehash(lg, 64);
    eindex_rehash(lg, 64);
}

void rt_lockorder_fini(struct rt *rt)
{
    struct rt_lockgraph *lg = rt->lg;
    if (!lg)
        return;
    for (uint32_t i = 0; i < lg->nnodes; i++)
        free(lg->nodes[i].label);
    for (size_t b = 0; b <= LO_GBUCKETS; b++) {
        struct lo_gheld *gh = b < LO_GBUCKETS ? lg->gh[b] : lg->spare;
        while (gh) {
            struct lo_gheld *next = gh->next;
            free(gh->h);
            free(gh);
            gh = next;
        }
    }
    free(lg->nodes);
    free(lg->nindex);
    free(lg->edges);
    free(lg->eindex);
    free(lg->seen);
    free(lg->via);
    free(lg->prev);
    free(lg->queue);
    for (size_t i = 0; i < lg->ncycles; i++)
        free(lg->cycles[i]);
    free(lg->cycles);
    free(lg);
    rt->lg = NULL;
}

void rt_lock_set_label(struct rt *rt, const void *lock, const char *label)
{
    if (!rt->lg)
        return;
    uint32_t id = node_of(rt->lg, lock, true); /* may move the nodes */
    struct lo_node *n = &rt->lg->nodes[id];
    free(n->label);
    n->label = label ? rt_xstrdup(label) : NULL;
}

void rt_lock_forget(struct rt *rt, const void *addr, size_t size)
{
    struct rt_lockgraph *lg = rt->lg;
    if (!lg || size == 0)
        return;
    const char *lo = addr, *hi = lo + size;
    bool any = false;
    for (uint32_t i = 0; i < lg->nnodes; i++) {
        const char *p = lg->nodes[i].addr;
        if (p && p >= lo && p < hi) {
            lg->nodes[i].addr = NULL;
            any = true;
        }
    }
    if (any)
        nindex_rehash(lg, lg->nnindex);
}
