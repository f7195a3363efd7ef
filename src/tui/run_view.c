/* run_view.c: one frame of a running program, from a runtime snapshot.
 *
 * Layout (80x24 and up): the source on the left with a gutter of line
 * numbers and goroutine marks; Goroutines, Channels and Ps stacked on the
 * right; Output and Findings along the bottom. Panels never grow past their
 * box: long lists show what fits and say how many more there are, so a
 * program with 10,000 goroutines draws as fast as one with ten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "run_view.h"

void run_view_duration(long long ns, char *buf, size_t size)
{
    if (ns <= 0) {
        snprintf(buf, size, "0s");
    } else if (ns < 1000) {
        snprintf(buf, size, "%lldns", ns);
    } else if (ns < 1000000) {
        snprintf(buf, size, "%g\u00b5s", (double)ns / 1e3);
    } else if (ns < 1000000000) {
        snprintf(buf, size, "%gms", (double)ns / 1e6);
    } else if (ns < 60LL * 1000000000) {
        snprintf(buf, size, "%gs", (double)ns / 1e9);
    } else {
        long long s = ns / 1000000000;
        if (s < 3600)
            snprintf(buf, size, "%lldm%llds", s / 60, s % 60);
        else
            snprintf(buf, size, "%lldh%lldm%llds", s / 3600, s / 60 % 60, s % 60);
    }
}

int run_view_line_count(const char *src, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += src[i] == '\n';
    if (len > 0 && src[len - 1] != '\n')
        n++;
    return n;
}

char run_view_wait_letter(enum rt_wait_reason r)
{
    switch (r) {
    case RT_WAIT_CHAN_SEND:
    case RT_WAIT_CHAN_SEND_NIL: return 's';
    case RT_WAIT_CHAN_RECV:
    case RT_WAIT_CHAN_RECV_NIL: return 'r';
    case RT_WAIT_SELECT:
    case RT_WAIT_SELECT_NO_CASES: return 'x';
    case RT_WAIT_MUTEX:
    case RT_WAIT_RWMUTEX_R:
    case RT_WAIT_RWMUTEX_W: return 'm';
    case RT_WAIT_WAITGROUP: return 'w';
    case RT_WAIT_COND: return 'c';
    case RT_WAIT_SLEEP: return 'z';
    case RT_WAIT_SYSCALL: return 'y';
    default: return '?';
    }
}

static int state_role(const struct rt_snap_g *g)
{
    switch (g->state) {
    case RT_G_RUNNING: return ROLE_G_RUNNING;
    case RT_G_RUNNABLE: return ROLE_G_RUNNABLE;
    default: return ROLE_G_BLOCKED;
    }
}

static const char *state_words(const struct rt_snap_g *g)
{
    if (g->state == RT_G_WAITING || g->state == RT_G_SYSCALL)
        return rt_wait_reason_text(g->reason);
    return rt_gstate_text(g->state);
}

static const struct rt_snap_chan *find_chan(const struct rt_snapshot *s, int64_t id)
{
    size_t lo = 0, hi = s->nchans;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->chans[mid].id < id)
            lo = mid + 1;
        else if (s->chans[mid].id > id)
            hi = mid;
        else
            return &s->chans[mid];
    }
    return NULL;
}

/* ---- source ------------------------------------------------------------ */

int run_view_source_rows(struct rect r)
{
    int bottom = r.h >= 30 ? 8 : 6;
    return r.h - bottom - 2 - 1;
}

/* Goroutines standing on one line: the first id, how many, the role. */
struct mark {
    int64_t first;
    int count;
    int role;
};

static void draw_source(struct canvas *cv, struct rect box, const struct run_view *v)
{
    cv_box(cv, box, ROLE_BORDER, "Source");
    struct rect in = rect_inset(box, 1, 1);
    int nlines = run_view_line_count(v->src, v->src_len);
    int rows = in.h;
    struct mark *marks = xcalloc((size_t)rows + 1, sizeof *marks);
    if (v->snap && v->line_of) {
        for (size_t i = 0; i < v->snap->ng; i++) {
            const struct rt_snap_g *g = &v->snap->gs[i];
            int line = v->line_of(v->ud, g);
            int row = line - 1 - v->src_top;
            if (line <= 0 || row < 0 || row >= rows)
                continue;
            struct mark *m = &marks[row];
            if (m->count == 0 || g->state == RT_G_RUNNING) {
                if (m->count == 0 || m->role != ROLE_G_RUNNING)
                    m->first = g->id, m->role = state_role(g);
            }
            m->count++;
        }
    }
    uint8_t *roles = xmalloc(v->src_len + 1);
    memset(roles, ROLE_CODE, v->src_len + 1);
    if (v->src_len > 0)
        tui_highlight_go(v->src, v->src_len, roles, NULL);
    /* Walk to the first shown line. */
    size_t off = 0;
    for (int l = 0; l < v->src_top && off < v->src_len; l++) {
        const char *nl = memchr(v->src + off, '\n', v->src_len - off);
        off = nl ? (size_t)(nl - v->src) + 1 : v->src_len;
    }
    for (int row = 0; row < rows && v->src_top + row < nlines; row++) {
        int y = in.y + row;
        char num[16];
        snprintf(num, sizeof num, "%3d", v->src_top + row + 1);
        cv_text(cv, in.x, y, 3, ROLE_GUTTER, 0, num);
        const struct mark *m = &marks[row];
        if (m->count > 0) {
            char mk[16];
            if (m->count == 1)
                snprintf(mk, sizeof mk, "%lld\u25b8", (long long)m->first);
            else
                snprintf(mk, sizeof mk, "%lld+%d", (long long)m->first, m->count - 1);
            int w = utf8_width(mk, strlen(mk));
            cv_text(cv, in.x + 4 + (w < 5 ? 5 - w : 0), y, 5, m->role, ATTR_BOLD, mk);
        }
        const char *nl = memchr(v->src + off, '\n', v->src_len - off);
        size_t end = nl ? (size_t)(nl - v->src) : v->src_len;
        int x = in.x + 10, maxx = in.x + in.w;
        for (size_t i = off; i < end && x < maxx;) {
            uint32_t cp;
            int n = utf8_next(v->src + i, end - i, &cp);
            if (cp == '\t') {
                x += 2;
            } else {
                int w = cp_width(cp);
                if (x + w > maxx)
                    break;
                cv_put(cv, x, y, cp, roles[i], 0);
                x += w;
            }
            i += (size_t)n;
        }
        if (m->count > 0 && m->role == ROLE_G_RUNNING)
            cv_paint(cv, (struct rect){in.x + 10, y, in.w - 10, 1}, ROLE_G_RUNNING, 0);
        off = end < v->src_len ? end + 1 : end;
    }
    free(roles);
    free(marks);
}

/* ---- panels ------------------------------------------------------------ */

static void draw_goroutines(struct canvas *cv, struct rect box, const struct run_view *v)
{
    const struct rt_snapshot *s = v->snap;
    char title[96];
    size_t running = 0, runnable = 0, blocked = 0;
    for (size_t i = 0; s && i < s->ng; i++) {
        running += s->gs[i].state == RT_G_RUNNING;
        runnable += s->gs[i].state == RT_G_RUNNABLE;
        blocked += s->gs[i].state == RT_G_WAITING || s->gs[i].state == RT_G_SYSCALL;
    }
    if (blocked > 0 && (running > 0 || runnable > 0))
        snprintf(title, sizeof title, "Goroutines %zu (%zu blocked)", s ? s->ng : 0, blocked);
    else if (blocked > 0)
        snprintf(title, sizeof title, "Goroutines %zu (all blocked)", s ? s->ng : 0);
    else
        snprintf(title, sizeof title, "Goroutines %zu", s ? s->ng : 0);

    cv_box(cv, box, ROLE_BORDER, title);
    struct rect in = rect_inset(box, 1, 1);
    if (!s)
        return;
    int first = v->panel_scroll;
    if (first > (int)s->ng - 1)
        first = s->ng > 0 ? (int)s->ng - 1 : 0;
    if (first < 0)
        first = 0;
    int rows = in.h;
    bool more = (size_t)first + (size_t)rows < s->ng;
    if (more)
        rows--;
    /* Columns as wide as the rows shown need: id, state, then the rest. */
    int idw = 2, sw = 7;
    for (int r = 0; r < rows && (size_t)(first + r) < s->ng; r++) {
        char id[24];
        int n = snprintf(id, sizeof id, "g%lld", (long long)s->gs[first + r].id);
        int w = (int)strlen(state_words(&s->gs[first + r]));
        idw = n > idw ? n : idw;
        sw = w > sw ? w : sw;
    }
    if (sw > 19)
        sw = 19;
    for (int r = 0; r < rows && (size_t)(first + r) < s->ng; r++) {
        const struct rt_snap_g *g = &s->gs[first + r];
        int y = in.y + r;
        char id[24], on[48] = "", line[16] = "", since[24] = "";
        snprintf(id, sizeof id, "g%lld", (long long)g->id);
        cv_text(cv, in.x, y, idw, state_role(g), ATTR_BOLD, id);
        cv_text_fit(cv, in.x + idw + 1, y, sw, state_role(g), 0, state_words(g));
        if (g->wait_chan) {
            const struct rt_snap_chan *c = find_chan(s, g->wait_chan);
            if (c && c->label && c->label[0])
                snprintf(on, sizeof on, "%s", c->label);
            else
                snprintf(on, sizeof on, "ch%lld", (long long)g->wait_chan);
        }
        int ln = v->line_of ? v->line_of(v->ud, g) : 0;
        if (ln > 0)
            snprintf(line, sizeof line, "L%d", ln);
        if (g->state == RT_G_WAITING || g->state == RT_G_SYSCALL)
            run_view_duration(s->now - g->wait_since, since, sizeof since);
        int x = in.x + idw + 1 + sw + 1;

        int rest = in.x + in.w - x;
        char tail[128];
        /* Least important last, so a narrow panel cuts the channel name. */
        snprintf(tail, sizeof tail, "%s%s%s%s%s", line, line[0] && since[0] ? " " : "", since,
                 on[0] && (line[0] || since[0]) ? " " : "", on);

        if (rest > 0)
            cv_text_fit(cv, x, y, rest, ROLE_DIM, 0, tail);
    }
    if (more) {
        char m[64];
        snprintf(m, sizeof m, "\u2026 %zu more (J/K scroll)", s->ng - (size_t)first - (size_t)rows);
        cv_text_fit(cv, in.x, in.y + rows, in.w, ROLE_DIM, 0, m);
    }
}

static void draw_buffer(struct canvas *cv, int x, int y, int maxw, const struct rt_snap_chan *c)
{
    if (c->cap == 0) {
        cv_text(cv, x, y, maxw, ROLE_DIM, 0, "unbuffered");
        return;
    }
    int used = cv_text(cv, x, y, maxw, ROLE_BORDER, 0, "[");
    size_t show = c->cap < 8 ? c->cap : 8;
    for (size_t i = 0; i < show && used < maxw - 1; i++) {
        if (i > 0)
            used += cv_text(cv, x + used, y, maxw - used, ROLE_BORDER, 0, "|");
        if (i < c->len && c->elems && c->elems[i]) {
            char cell[8];
            snprintf(cell, sizeof cell, "%.4s", c->elems[i]);
            used += cv_text_fit(cv, x + used, y, 4 < maxw - used ? 4 : maxw - used, ROLE_INFO,
                                ATTR_BOLD, c->elems[i]);
        } else {
            used += cv_text(cv, x + used, y, maxw - used, ROLE_DIM, 0, "\u00b7");
        }
    }
    if (c->cap > show)
        used += cv_text(cv, x + used, y, maxw - used, ROLE_DIM, 0, "\u2026");
    cv_text(cv, x + used, y, maxw - used, ROLE_BORDER, 0, "]");
}

static void ids_text(char *buf, size_t size, const char *tag, const int64_t *ids, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    if (n == 0)
        return;
    o += (size_t)snprintf(buf, size, "%s", tag);
    for (size_t i = 0; i < n && o + 12 < size; i++) {
        if (i == 3 && n > 4) {
            snprintf(buf + o, size - o, "+%zu", n - 3);
            return;
        }
        o += (size_t)snprintf(buf + o, size - o, "%sg%lld", i ? "," : "", (long long)ids[i]);
    }
}

static void draw_channels(struct canvas *cv, struct rect box, const struct run_view *v)
{
    const struct rt_snapshot *s = v->snap;
    char title[48];
    snprintf(title, sizeof title, "Channels %zu", s ? s->nchans : 0);
    cv_box(cv, box, ROLE_BORDER, title);
    struct rect in = rect_inset(box, 1, 1);
    if (!s)
        return;
    int rows = in.h;
    bool more = s->nchans > (size_t)rows;
    if (more)
        rows--;
    for (int r = 0; r < rows && (size_t)r < s->nchans; r++) {
        const struct rt_snap_chan *c = &s->chans[r];
        int y = in.y + r, x = in.x;
        char name[64];
        if (c->label && c->label[0])
            snprintf(name, sizeof name, "%s", c->label);
        else
            snprintf(name, sizeof name, "ch%lld", (long long)c->id);
        x += cv_text_fit(cv, x, y, 8, ROLE_TEXT, ATTR_BOLD, name) + 1;
        char lc[64];
        snprintf(lc, sizeof lc, "%s %zu/%zu", c->elem_type ? c->elem_type : "", c->len, c->cap);
        x += cv_text_fit(cv, x, y, 12, ROLE_DIM, 0, lc) + 1;
        int bw = in.x + in.w - x;
        char q[64], qs[32], qr[32];
        ids_text(qs, sizeof qs, "S:", c->senders, c->nsenders);
        ids_text(qr, sizeof qr, "R:", c->receivers, c->nreceivers);
        snprintf(q, sizeof q, "%s%s%s%s%s", c->closed ? "closed" : "",
                 c->closed && (qs[0] || qr[0]) ? " " : "", qs, qs[0] && qr[0] ? " " : "", qr);
        int qw = utf8_width(q, strlen(q));
        if (qw > 0 && bw - qw - 1 >= 5) {
            cv_text(cv, in.x + in.w - qw, y, qw, c->closed ? ROLE_WARN : ROLE_G_BLOCKED, 0, q);
            bw -= qw + 1;
        }
        if (bw > 2)
            draw_buffer(cv, x, y, bw, c);
    }
    if (more) {
        char m[48];
        snprintf(m, sizeof m, "\u2026 %zu more", s->nchans - (size_t)rows);
        cv_text(cv, in.x, in.y + rows, in.w, ROLE_DIM, 0, m);
    }
}

static void draw_ps(struct canvas *cv, struct rect box, const struct run_view *v)
{
    const struct rt_snapshot *s = v->snap;
    char title[48];
    snprintf(title, sizeof title, "Ps %zu", s ? s->nps : 0);
    cv_box(cv, box, ROLE_BORDER, title);
    struct rect in = rect_inset(box, 1, 1);
    if (!s)
        return;
    int rows = in.h - 1;
    for (int r = 0; r < rows && (size_t)r < s->nps; r++) {
        const struct rt_snap_p *p = &s->ps[r];
        char line[160], q[96];
        ids_text(q, sizeof q, "", p->runq, p->nrunq);
        char next[24] = "";
        if (p->runnext)
            snprintf(next, sizeof next, " next g%lld", (long long)p->runnext);
        if (p->running)
            snprintf(line, sizeof line, "P%d g%lld%s q[%s]", p->id, (long long)p->running, next, q);
        else
            snprintf(line, sizeof line, "P%d idle%s q[%s]", p->id, next, q);
        cv_text_fit(cv, in.x, in.y + r, in.w, p->running ? ROLE_G_RUNNING : ROLE_DIM, 0, line);
    }
    if (s->nps > (size_t)rows && rows > 0)
        cv_text(cv, in.x + in.w - 6, in.y + rows - 1, 6, ROLE_DIM, 0, " \u2026");
    char g[96], line[128];
    ids_text(g, sizeof g, "", s->globalq, s->nglobal);
    snprintf(line, sizeof line, "global q[%s]", g);
    cv_text_fit(cv, in.x, in.y + in.h - 1, in.w, ROLE_TEXT, 0, line);
}

static void draw_output(struct canvas *cv, struct rect box, const struct run_view *v)
{
    cv_box(cv, box, ROLE_BORDER, "Output");
    struct rect in = rect_inset(box, 1, 1);
    /* The last lines that fit, newest at the bottom (top-aligned while
     * they all fit). */
    size_t len = v->out_len;
    if (len > 0 && v->out[len - 1] == '\n')
        len--;
    int nlines = len > 0 ? run_view_line_count(v->out, len) : 0;
    int row = (nlines < in.h ? nlines : in.h) - 1;

    size_t end = len;
    while (row >= 0 && len > 0) {
        size_t start = end;
        while (start > 0 && v->out[start - 1] != '\n')
            start--;
        cv_textn(cv, in.x, in.y + row, in.w, ROLE_TEXT, 0, v->out + start, end - start);
        row--;
        if (start == 0)
            break;
        end = start - 1;
    }
    if (v->out_len == 0)
        cv_text(cv, in.x, in.y, in.w, ROLE_DIM, 0, "(nothing yet)");
}

/* finding_role colours a finding's kind: a race or an inversion is a bug
 * waiting to happen, a leak a slow one. */
static int finding_role(enum rt_finding_kind k)
{
    switch (k) {
    case RT_FIND_RACE: return ROLE_BAD;
    case RT_FIND_LOCK_ORDER: return ROLE_BAD;
    case RT_FIND_LEAK: return ROLE_WARN;
    }
    return ROLE_TEXT;
}

/* draw_finding draws one finding's summary wrapped to r, its kind (the
 * text up to the first ": ") bold in the kind's colour, and returns the
 * rows used. */
static int draw_finding(struct canvas *cv, struct rect r, const struct rt_finding *f)
{
    const char *s = f->summary ? f->summary : rt_finding_kind_text(f->kind);
    if (r.h <= 0)
        return 0;
    int n = draw_wrapped(cv, r, 0, ROLE_TEXT, 0, s);
    const char *colon = strstr(s, ": ");
    size_t klen = colon ? (size_t)(colon - s) + 1 : strlen(s);
    if ((int)klen <= r.w)
        cv_textn(cv, r.x, r.y, r.w, finding_role(f->kind), ATTR_BOLD, s, klen);
    return n < r.h ? n : r.h;
}

static void draw_findings(struct canvas *cv, struct rect box, const struct run_view *v)
{
    cv_box(cv, box, ROLE_BORDER, "Findings");
    struct rect in = rect_inset(box, 1, 1);
    if (v->notice && v->notice[0]) {
        draw_wrapped(cv, in, 0, ROLE_INFO, 0, v->notice);
        return;
    }
    bool outcome = v->findings && v->findings[0];
    if (!outcome && v->nfound == 0) {
        cv_text(cv, in.x, in.y, in.w, ROLE_DIM, 0,
                v->snap && v->snap->status != RT_RUNNING ? "none: a clean run" : "none so far");
        /* Say what is looked for. */
        draw_wrapped(cv, (struct rect){in.x, in.y + 1, in.w, in.h - 1}, 0, ROLE_DIM, 0,
                     "(watching for data races, leaks and lock-order inversions)");
        return;
    }
    int n = outcome ? draw_wrapped(cv, in, 0, ROLE_BAD, ATTR_BOLD, v->findings) : 0;
    size_t shown = 0;
    /* Keep the last row for "+N more" while more findings wait. */
    for (; shown < v->nfound && n < in.h; shown++) {
        int room = in.h - n - (shown + 1 < v->nfound ? 1 : 0);
        if (room <= 0)
            break;
        n += draw_finding(cv, (struct rect){in.x, in.y + n, in.w, room}, &v->found[shown]);
    }
    if (shown < v->nfound) {
        cv_printf(cv, in.x, in.y + in.h - 1, in.w, ROLE_DIM, 0, "+%zu more: d shows every report",
                  v->nfound - shown);
    } else if (n < in.h && v->snap && v->snap->status != RT_RUNNING) {
        cv_text(cv, in.x, in.y + in.h - 1, in.w, ROLE_DIM, 0,
                v->nfound ? "d shows the reports and the dump" : "d shows the goroutine dump");
    }
}

void run_view_draw(struct canvas *cv, struct rect r, const struct run_view *v)
{
    int bottom_h = r.h >= 30 ? 8 : 6;
    struct rect bottom = rect_cut_bottom(&r, bottom_h);
    int left_w = r.w * 52 / 100;
    struct rect left = rect_cut_left(&r, left_w);
    draw_source(cv, left, v);
    /* Right: Goroutines, Channels, Ps. */
    int nps = v->snap ? (int)v->snap->nps : 1;
    int ps_h = (nps > 4 ? 4 : nps) + 3;
    struct rect ps = rect_cut_bottom(&r, ps_h);
    int sizes[2];
    layout_split(r.h, 2, (int[]){3, 2}, (int[]){4, 3}, sizes);
    struct rect gs = rect_cut_top(&r, sizes[0]);
    draw_goroutines(cv, gs, v);
    draw_channels(cv, r, v);
    draw_ps(cv, ps, v);
    struct rect out = rect_cut_left(&bottom, left_w);
    draw_output(cv, out, v);
    draw_findings(cv, bottom, v);
}

/* ---- timeline ---------------------------------------------------------- */

enum lane_state { L_UNKNOWN, L_RUNNING, L_RUNNABLE, L_BLOCKED, L_DEAD };

struct lane {
    int64_t g;
    enum lane_state st;
    char reason; /* wait letter while blocked */
};

static struct lane *lane_of(struct lane *lanes, int *n, int max, int64_t g)
{
    if (g <= 0)
        return NULL;
    for (int i = 0; i < *n; i++)
        if (lanes[i].g == g)
            return &lanes[i];
    if (*n >= max)
        return NULL;
    lanes[*n] = (struct lane){g, L_UNKNOWN, ' '};
    return &lanes[(*n)++];
}

void run_view_timeline(struct canvas *cv, struct rect r, const struct run_view *v)
{
    cv_box(cv, r, ROLE_BORDER, "Timeline: one lane per goroutine, one column per event");
    struct rect in = rect_inset(r, 1, 1);
    struct rect legend = rect_cut_bottom(&in, 2);
    cv_text_fit(cv, legend.x, legend.y, legend.w, ROLE_DIM, 0,
                "\u2588 running  \u2592 runnable  letters: blocked on s send, r receive, "
                "x select, m mutex, w WaitGroup, c Cond, z sleep, y syscall");
    char range[96];
    if (v->nevents > 0)
        snprintf(range, sizeof range, "events %llu-%llu", (unsigned long long)v->events[0].seq,
                 (unsigned long long)v->events[v->nevents - 1].seq);
    else
        snprintf(range, sizeof range, "no events yet: step or play first");
    cv_text_fit(cv, legend.x, legend.y + 1, legend.w, ROLE_DIM, 0, range);
    enum { MAXLANES = 256 };
    struct lane lanes[MAXLANES];
    int nl = 0;
    int label_w = 7;
    int cols = in.w - label_w;
    if (cols < 1)
        return;
    size_t first = v->nevents > (size_t)cols ? v->nevents - (size_t)cols : 0;
    /* Pass 1: learn the lanes in order of appearance. */
    for (size_t i = 0; i < v->nevents; i++) {
        const struct rt_event *e = &v->events[i];
        lane_of(lanes, &nl, MAXLANES, e->g);
        if (e->kind == RT_EV_CREATE || e->kind == RT_EV_UNBLOCK || e->kind == RT_EV_SYSCALL_EXIT)
            lane_of(lanes, &nl, MAXLANES, e->peer);
    }
    int rows = nl < in.h ? nl : in.h;
    for (int l = 0; l < rows; l++) {
        char id[16];
        snprintf(id, sizeof id, "g%lld", (long long)lanes[l].g);
        cv_text(cv, in.x, in.y + l, label_w - 1, ROLE_TEXT, ATTR_BOLD, id);
        lanes[l].st = L_UNKNOWN;
    }
    for (int l = rows; l < nl; l++)
        lanes[l].st = L_UNKNOWN;
    /* Pass 2: replay; each event after `first` is one column. */
    for (size_t i = 0; i < v->nevents; i++) {
        const struct rt_event *e = &v->events[i];
        struct lane *g = lane_of(lanes, &nl, nl, e->g);
        struct lane *peer = lane_of(lanes, &nl, nl, e->peer);
        switch (e->kind) {
        case RT_EV_START:
        case RT_EV_RESUME:
            if (g)
                g->st = L_RUNNING;
            break;
        case RT_EV_CREATE:
            if (peer)
                peer->st = L_RUNNABLE;
            break;
        case RT_EV_BLOCK:
            if (g) {
                g->st = L_BLOCKED;
                g->reason = run_view_wait_letter((enum rt_wait_reason)e->arg);
            }
            break;
        case RT_EV_SYSCALL_ENTER:
            if (g) {
                g->st = L_BLOCKED;
                g->reason = 'y';
            }
            break;
        case RT_EV_UNBLOCK:
        case RT_EV_SYSCALL_EXIT:
            if (peer)
                peer->st = L_RUNNABLE;
            break;
        case RT_EV_GOSCHED:
        case RT_EV_PREEMPT:
            if (g)
                g->st = L_RUNNABLE;
            break;
        case RT_EV_EXIT:
            if (g)
                g->st = L_DEAD;
            break;
        default: break;
        }
        if (i < first)
            continue;
        int x = in.x + label_w + (int)(i - first);
        for (int l = 0; l < rows; l++) {
            int y = in.y + l;
            switch (lanes[l].st) {
            case L_RUNNING: cv_put(cv, x, y, 0x2588, ROLE_G_RUNNING, 0); break;
            case L_RUNNABLE: cv_put(cv, x, y, 0x2592, ROLE_G_RUNNABLE, 0); break;
            case L_BLOCKED: cv_put(cv, x, y, (uint32_t)lanes[l].reason, ROLE_G_BLOCKED, 0); break;
            default: break;
            }
        }
    }
}
