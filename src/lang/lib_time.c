/* lib_time.c: natives of time and syscall on the runtime's virtual clock:
 * Now, Sleep, timers and tickers (the runtime's, whose channel carries the
 * firing time), AfterFunc (a new goroutine when it fires), Duration.String,
 * Time.Format, ParseDuration; syscall.Nanosleep as a blocking system call. */
#include "interp.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct type *result_type(struct gstate *g, int i)
{
    return g->top->fn->decl->type->u.func.results[i];
}

static void n_now(struct gstate *g, uint32_t base)
{
    g->stk[base] = value_int(g->in->ty.t_int64, interp_epoch_ns() + rt_now(g->in->rt));
}

static void n_sleep(struct gstate *g, uint32_t base)
{
    rt_sleep(g->in->rt, g->stk[base].i);
}

/* ---- Duration.String ------------------------------------------------------------ */

/* put_frac writes v / unit with the remainder as a decimal fraction
 * without trailing zeros ("1.5", "2"). */
static void put_frac(struct sbuf *b, uint64_t v, uint64_t unit)
{
    sbuf_printf(b, "%llu", (unsigned long long)(v / unit));
    uint64_t r = v % unit;
    if (!r)
        return;
    char digits[32];
    int nd = 0;
    for (uint64_t u = unit; u > 1 && nd < 20; u /= 10)
        nd++;
    snprintf(digits, sizeof digits, "%0*llu", nd & 31, (unsigned long long)r);
    int end = nd;
    while (end > 0 && digits[end - 1] == '0')
        end--;
    sbuf_putc(b, '.');
    sbuf_put(b, digits, (size_t)end);
}

void lib_duration_string(struct sbuf *b, int64_t d);
void lib_duration_string(struct sbuf *b, int64_t d)
{
    uint64_t u = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
    if (d < 0)
        sbuf_putc(b, '-');
    if (u == 0) {
        sbuf_puts(b, "0s");
        return;
    }
    if (u < 1000000000ull) {
        if (u < 1000ull) {
            sbuf_printf(b, "%lluns", (unsigned long long)u);
        } else if (u < 1000000ull) {
            put_frac(b, u, 1000);
            sbuf_puts(b, "\xc2\xb5s");
        } else {
            put_frac(b, u, 1000000);
            sbuf_puts(b, "ms");
        }
        return;
    }
    uint64_t h = u / 3600000000000ull;
    u %= 3600000000000ull;
    uint64_t m = u / 60000000000ull;
    u %= 60000000000ull;
    if (h)
        sbuf_printf(b, "%lluh", (unsigned long long)h);
    if (h || m)
        sbuf_printf(b, "%llum", (unsigned long long)m);
    put_frac(b, u, 1000000000ull);
    sbuf_putc(b, 's');
}

static void n_duration_string(struct gstate *g, uint32_t base)
{
    struct sbuf b = {0};
    lib_duration_string(&b, g->stk[base].i);
    struct value v = interp_str(g, b.s, b.len);
    sbuf_free(&b);
    g->stk[base] = v;
}

/* ---- Time.Format ------------------------------------------------------------------ */

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday"};

static bool starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static void n_time_format(struct gstate *g, uint32_t base)
{
    struct value tv = g->stk[base];
    int64_t ns = ((struct vbox *)tv.p)->v[0].i;
    struct value lv = g->stk[base + 1];
    const char *l = str_ptr(lv);
    time_t secs = (time_t)(ns >= 0 ? ns / 1000000000 : (ns - 999999999) / 1000000000);
    int64_t frac = ns - (int64_t)secs * 1000000000;
    struct tm tm;
    gmtime_r(&secs, &tm);
    struct sbuf b = {0};
    while (*l) {
        if (starts(l, "2006")) {
            sbuf_printf(&b, "%04d", tm.tm_year + 1900);
            l += 4;
        } else if (starts(l, "January")) {
            sbuf_puts(&b, months[tm.tm_mon]);
            l += 7;
        } else if (starts(l, "Jan")) {
            sbuf_put(&b, months[tm.tm_mon], 3);
            l += 3;
        } else if (starts(l, "Monday")) {
            sbuf_puts(&b, days[tm.tm_wday]);
            l += 6;
        } else if (starts(l, "Mon")) {
            sbuf_put(&b, days[tm.tm_wday], 3);
            l += 3;
        } else if (starts(l, "MST")) {
            sbuf_puts(&b, "UTC");
            l += 3;
        } else if (starts(l, "01")) {
            sbuf_printf(&b, "%02d", tm.tm_mon + 1);
            l += 2;
        } else if (starts(l, "02")) {
            sbuf_printf(&b, "%02d", tm.tm_mday);
            l += 2;
        } else if (starts(l, "_2")) {
            sbuf_printf(&b, "%2d", tm.tm_mday);
            l += 2;
        } else if (starts(l, "15")) {
            sbuf_printf(&b, "%02d", tm.tm_hour);
            l += 2;
        } else if (starts(l, "03")) {
            sbuf_printf(&b, "%02d", tm.tm_hour % 12 ? tm.tm_hour % 12 : 12);
            l += 2;
        } else if (starts(l, "04")) {
            sbuf_printf(&b, "%02d", tm.tm_min);
            l += 2;
        } else if (starts(l, "05")) {
            sbuf_printf(&b, "%02d", tm.tm_sec);
            l += 2;
        } else if (starts(l, "-0700")) {
            sbuf_puts(&b, "+0000");
            l += 5;
        } else if (starts(l, "Z07:00")) {
            sbuf_putc(&b, 'Z');
            l += 6;
        } else if (starts(l, "PM")) {
            sbuf_puts(&b, tm.tm_hour >= 12 ? "PM" : "AM");
            l += 2;
        } else if ((l[0] == '.' || l[0] == ',') && (l[1] == '0' || l[1] == '9')) {
            char d = l[1];
            int n = 1;
            while (l[n] == d)
                n++;
            int digits = n - 1;
            char fb[16];
            snprintf(fb, sizeof fb, "%09lld", (long long)frac);
            int keep = digits > 9 ? 9 : digits;
            if (d == '9') {
                while (keep > 0 && fb[keep - 1] == '0')
                    keep--;
                if (keep > 0) {
                    sbuf_putc(&b, l[0]);
                    sbuf_put(&b, fb, (size_t)keep);
                }
            } else {
                sbuf_putc(&b, l[0]);
                sbuf_put(&b, fb, (size_t)keep);
            }
            l += n;
        } else if (l[0] == '3' && !(l[1] >= '0' && l[1] <= '9')) {
            sbuf_printf(&b, "%d", tm.tm_hour % 12 ? tm.tm_hour % 12 : 12);
            l += 1;
        } else if (l[0] == '1' && !(l[1] >= '0' && l[1] <= '9')) {
            sbuf_printf(&b, "%d", tm.tm_mon + 1);
            l += 1;
        } else if (l[0] == '2' && !(l[1] >= '0' && l[1] <= '9')) {
            sbuf_printf(&b, "%d", tm.tm_mday);
            l += 1;
        } else {
            sbuf_putc(&b, *l++);
        }
    }
    struct value v = interp_str(g, b.s ? b.s : "", b.len);
    sbuf_free(&b);
    g->stk[base] = v;
}

/* ---- timers ----------------------------------------------------------------------- */

static int64_t add_timer(struct interp *in, struct rt_timer *t, struct value f)
{
    if (in->ntimers == in->captimers) {
        in->captimers = in->captimers ? 2 * in->captimers : 16;
        in->timers = lv_realloc(in->timers, in->captimers * sizeof *in->timers);
    }
    in->timers[in->ntimers].t = t;
    in->timers[in->ntimers].f = f;
    in->timers[in->ntimers].ch = NULL;
    return (int64_t)++in->ntimers;
}

static struct itimer *timer_of(struct gstate *g, uint32_t base)
{
    int64_t id = g->stk[base].i;
    if (id <= 0 || (size_t)id > g->in->ntimers)
        interp_panic_str(g, "time: invalid timer");
    return &g->in->timers[id - 1];
}

static void n_new_timer(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    int64_t d = g->stk[base].i, period = g->stk[base + 1].i;
    struct rt_timer *t = period > 0 ? rt_ticker_new(in->rt, period) : rt_timer_new(in->rt, d);
    if (!t)
        interp_panic_str(g, "non-positive interval for NewTicker");
    struct vchan *c = interp_alloc(g, GC_CHAN, sizeof *c);
    c->rc = rt_timer_chan(t);
    c->timer = true;
    c->elem = in->ty.t_time;
    g->stk[base] = (struct value){.p = c, .t = result_type(g, 0)};
    g->stk[base + 1] = value_int(in->ty.t_int, add_timer(in, t, (struct value){0}));
}

static void after_func_fire(struct rt *rt, struct rt_timer *t, void *arg)
{
    struct interp *in = arg;
    (void)rt;
    for (size_t i = 0; i < in->ntimers; i++)
        if (in->timers[i].t == t && in->timers[i].f.p) {
            struct pos pos = {0, 0, 0};
            interp_spawn(in, in->timers[i].f, "time.goFunc", pos);
            return;
        }
}

static void n_after_func(struct gstate *g, uint32_t base)
{
    struct interp *in = g->in;
    int64_t d = g->stk[base].i;
    struct value f = g->stk[base + 1];
    int64_t id = add_timer(in, NULL, f);
    struct rt_timer *t = rt_after_func(in->rt, d, after_func_fire, in);
    in->timers[id - 1].t = t;
    g->stk[base] = value_int(in->ty.t_int, id);
}

static void n_stop_timer(struct gstate *g, uint32_t base)
{
    struct itimer *t = timer_of(g, base);
    bool was = rt_timer_stop(g->in->rt, t->t);
    g->stk[base] = value_bool(g->in->ty.t_bool, was);
}

static void n_reset_timer(struct gstate *g, uint32_t base)
{
    struct itimer *t = timer_of(g, base);
    bool was = rt_timer_reset(g->in->rt, t->t, g->stk[base + 1].i);
    g->stk[base] = value_bool(g->in->ty.t_bool, was);
}

/* ---- ParseDuration -------------------------------------------------------------------- */

static void n_parse_duration(struct gstate *g, uint32_t base)
{
    struct value sv = g->stk[base];
    const char *s = str_ptr(sv);
    size_t n = str_len(sv), i = 0;
    bool neg = false, ok = true;
    double total = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (n - i == 1 && s[i] == '0') {
        total = 0;
    } else if (i == n) {
        ok = false;
    } else {
        while (i < n && ok) {
            size_t st = i;
            double v = 0, scale = 1;
            bool any = false;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                v = v * 10 + (s[i++] - '0');
                any = true;
            }
            if (i < n && s[i] == '.') {
                i++;
                while (i < n && s[i] >= '0' && s[i] <= '9') {
                    scale /= 10;
                    v += (s[i++] - '0') * scale;
                    any = true;
                }
            }
            if (!any || st == i) {
                ok = false;
                break;
            }
            size_t us = i;
            while (i < n && !(s[i] >= '0' && s[i] <= '9') && s[i] != '.')
                i++;
            size_t ul = i - us;
            const char *u = s + us;
            double mult;
            if (ul == 2 && !strncmp(u, "ns", 2))
                mult = 1;
            else if ((ul == 2 && !strncmp(u, "us", 2)) ||
                     (ul == 3 && (!strncmp(u, "\xc2\xb5s", 3) || !strncmp(u, "\xce\xbcs", 3))))
                mult = 1e3;
            else if (ul == 2 && !strncmp(u, "ms", 2))
                mult = 1e6;
            else if (ul == 1 && u[0] == 's')
                mult = 1e9;
            else if (ul == 1 && u[0] == 'm')
                mult = 60e9;
            else if (ul == 1 && u[0] == 'h')
                mult = 3600e9;
            else {
                ok = false;
                break;
            }
            total += v * mult;
        }
    }
    if (total > 9.2e18)
        ok = false;
    const struct type *dt = result_type(g, 0);
    g->stk[base] = value_int(dt, ok ? (int64_t)(neg ? -total : total) : 0);
    g->stk[base + 1] = value_bool(g->in->ty.t_bool, ok);
}

static void n_quote(struct gstate *g, uint32_t base)
{
    struct sbuf b = {0};
    struct value s = g->stk[base];
    sc_quote(&b, str_ptr(s), str_len(s), false);
    struct value v = interp_str(g, b.s, b.len);
    sbuf_free(&b);
    g->stk[base] = v;
}

/* ---- syscall --------------------------------------------------------------------------- */

static void n_nanosleep(struct gstate *g, uint32_t base)
{
    struct value p = g->stk[base];
    int64_t ns = 0;
    if (p.p) {
        struct vbox *ts = p.p;
        ns = ts->v[0].i * 1000000000 + ts->v[1].i;
    }
    rt_syscall(g->in->rt, ns);
    g->stk[base] = (struct value){0};
}

const struct native_entry lib_time_natives[] = {
    {"time.now", n_now},
    {"time.Sleep", n_sleep},
    {"time.Duration.String", n_duration_string},
    {"time.Time.Format", n_time_format},
    {"time.newTimer", n_new_timer},
    {"time.afterFunc", n_after_func},
    {"time.stopTimer", n_stop_timer},
    {"time.resetTimer", n_reset_timer},
    {"time.parseDuration", n_parse_duration},
    {"time.quote", n_quote},
    {"syscall.Nanosleep", n_nanosleep},
    {NULL, NULL},
};
