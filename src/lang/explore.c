/* explore.c: the schedule explorer (lang.h, "EXPLORER"). It runs a program
 * once with the caller's options (schedule 0, the reference), then under
 * PCT schedules with seeds seed+1, seed+2, ..., and stops at the first
 * schedule that fails. Every schedule is a plain lang_run_program run whose
 * options are all it depends on, so the options it reports replay it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "runtime.h"
#include "value.h"

/* Schedules >= 1 get this step limit when the caller set none: a multiple
 * of schedule 0's statements, and never below the floor. */
#define LIMIT_FACTOR 100ULL
#define LIMIT_FLOOR  1000000ULL
/* pct_steps never goes below this: tiny programs still get change points
 * spread over their whole run. */
#define MIN_PCT_STEPS 100ULL

struct lang_explorer {
    struct lang_program *p;
    struct lang_run_options base; /* the caller's options, streams cleared */
    unsigned long n;              /* schedules to run */
    struct lang_explore_result res;
    char *out0; /* schedule 0's stdout */
    size_t out0_len;
    int exit0;     /* schedule 0's exit status */
    char *message; /* res.message */
    char *err;     /* res.err */
    char *reports; /* res.reports */
    char flags[512];
};

const char *lang_explore_kind_text(enum lang_explore_kind k)
{
    switch (k) {
    case LANG_EXPLORE_NONE: return "no failure";
    case LANG_EXPLORE_FATAL: return "fatal error";
    case LANG_EXPLORE_PANIC: return "panic";
    case LANG_EXPLORE_LIMIT: return "limit exceeded";
    case LANG_EXPLORE_RACE: return "data race";
    case LANG_EXPLORE_LOCK_ORDER: return "lock-order inversion";
    case LANG_EXPLORE_LEAK: return "goroutine leak";
    case LANG_EXPLORE_EXIT: return "different exit status";
    case LANG_EXPLORE_STDOUT: return "different stdout";
    }
    return "?";
}

/* ---- flags ---------------------------------------------------------------- */

/* appendf appends to buf[*len..size), keeping the length it needed. */
static void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(*len < size ? buf + *len : NULL, *len < size ? size - *len : 0, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n;
}

/* shortest_double writes the shortest %g form of v that reads back as v. */
static void shortest_double(double v, char *buf, size_t size)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

size_t lang_run_flags(const struct lang_run_options *opt, char *buf, size_t size)
{
    size_t len = 0;
    if (size)
        buf[0] = '\0';
    appendf(buf, size, &len, "--seed %llu", opt->seed);
    if (opt->procs > 1)
        appendf(buf, size, &len, " --procs %d", opt->procs);
    if (opt->pct_depth > 0) {
        appendf(buf, size, &len, " --pct-depth %d", opt->pct_depth);
        if (opt->pct_steps)
            appendf(buf, size, &len, " --pct-steps %llu", opt->pct_steps);
    }
    if (opt->preempt_prob > 0) {
        char p[40];
        shortest_double(opt->preempt_prob, p, sizeof p);
        appendf(buf, size, &len, " --preempt %s", p);
    }
    if (opt->race)
        appendf(buf, size, &len, " --race");
    if (opt->leaks)
        appendf(buf, size, &len, " --leaks");
    if (opt->lockorder)
        appendf(buf, size, &len, " --lockorder");
    if (opt->max_steps)
        appendf(buf, size, &len, " --max-steps %llu", opt->max_steps);
    if (opt->max_goroutines)
        appendf(buf, size, &len, " --max-goroutines %zu", opt->max_goroutines);
    if (opt->max_heap)
        appendf(buf, size, &len, " --max-heap %zu", opt->max_heap);
    return len;
}

/* ---- the explorer --------------------------------------------------------- */

struct lang_explorer *lang_explorer_new(struct lang_program *p, const struct lang_run_options *opt,
                                        unsigned long n, int pct_depth, const char **why)
{
    if (!lang_program_runnable(p)) {
        if (why)
            *why = "the program did not type-check";
        return NULL;
    }
    struct lang_explorer *x = lv_calloc(1, sizeof *x);
    x->p = p;
    if (opt)
        x->base = *opt;
    x->base.out = NULL;
    x->base.err = NULL;
    x->base.capture = true;
    x->n = n ? n : 1;
    x->res.total = x->n;
    x->res.pct_depth = pct_depth > 0 ? pct_depth : 3;
    x->res.message = "";
    x->res.err = "";
    x->res.reports = "";
    x->res.flags = "";
    return x;
}

/* schedule_options gives schedule i's options. */
static struct lang_run_options schedule_options(const struct lang_explorer *x, unsigned long i)
{
    struct lang_run_options o = x->base;
    if (i == 0)
        return o;
    o.seed = x->base.seed + i;
    o.pct_depth = x->res.pct_depth;
    o.pct_steps = x->res.pct_steps;
    o.leaks = true;
    if (!o.max_steps) {
        unsigned long long lim = x->res.steps0 * LIMIT_FACTOR;
        o.max_steps = lim > LIMIT_FLOOR ? lim : LIMIT_FLOOR;
    }
    return o;
}

/* clip_line copies the line of s starting at s[0] (at most 60 bytes) into
 * buf; "" when s is at its end. */
static void clip_line(const char *s, size_t len, char *buf, size_t size)
{
    size_t n = 0;
    while (n < len && s[n] != '\n')
        n++;
    if (n > 60)
        n = 60;
    snprintf(buf, size, "%.*s", (int)n, s);
}

/* stdout_diff describes where got first differs from want, or returns NULL
 * when they are equal. Caller frees. */
static char *stdout_diff(const char *want, size_t wlen, const char *got, size_t glen)
{
    if (wlen == glen && memcmp(want, got, wlen) == 0)
        return NULL;
    size_t i = 0, line = 1, bol = 0;
    while (i < wlen && i < glen && want[i] == got[i]) {
        if (want[i] == '\n') {
            line++;
            bol = i + 1;
        }
        i++;
    }
    char w[64], g[64];
    clip_line(want + bol, wlen - bol, w, sizeof w);
    clip_line(got + bol, glen - bol, g, sizeof g);
    char *msg = NULL;
    size_t cap = 0;
    FILE *f = open_memstream(&msg, &cap);
    if (!f)
        abort();
    if (bol >= glen)
        fprintf(f, "stdout ends before line %zu (schedule 0 printed \"%s\")", line, w);
    else if (bol >= wlen)
        fprintf(f, "stdout has an extra line %zu: \"%s\"", line, g);
    else
        fprintf(f, "stdout line %zu is \"%s\" where schedule 0 printed \"%s\"", line, g, w);
    fclose(f);
    return msg;
}

/* collect_reports joins the reports of the leak and lock-order findings. */
static char *collect_reports(struct rt *rt)
{
    size_t n = 0;
    const struct rt_finding *fs = rt_findings(rt, &n);
    char *buf = NULL;
    size_t cap = 0;
    FILE *f = open_memstream(&buf, &cap);
    if (!f)
        abort();
    for (size_t i = 0; i < n; i++)
        if (fs[i].kind != RT_FIND_RACE && fs[i].report)
            fputs(fs[i].report, f);
    fclose(f);
    return buf;
}

/* judge decides whether a finished run failed; sets kind and a malloc'd
 * message. */
static enum lang_explore_kind judge(const struct lang_explorer *x, unsigned long i,
                                    struct lang_run *run, char **message)
{
    const struct lang_outcome *o = lang_run_outcome(run);
    enum lang_explore_kind k = LANG_EXPLORE_NONE;
    switch (o->status) {
    case LANG_RUN_PANIC: k = LANG_EXPLORE_PANIC; break;
    case LANG_RUN_FATAL: k = LANG_EXPLORE_FATAL; break;
    case LANG_RUN_LIMIT: k = LANG_EXPLORE_LIMIT; break;
    default: break;
    }
    if (k != LANG_EXPLORE_NONE) {
        *message = lv_strdup(o->message ? o->message : lang_explore_kind_text(k));
        return k;
    }
    size_t n = 0;
    const struct rt_finding *fs = rt_findings(lang_run_runtime(run), &n);
    if (n > 0) {
        switch (fs[0].kind) {
        case RT_FIND_RACE: k = LANG_EXPLORE_RACE; break;
        case RT_FIND_LOCK_ORDER: k = LANG_EXPLORE_LOCK_ORDER; break;
        case RT_FIND_LEAK: k = LANG_EXPLORE_LEAK; break;
        }
        *message = lv_strdup(fs[0].summary ? fs[0].summary : rt_finding_kind_text(fs[0].kind));
        return k;
    }
    if (i == 0)
        return LANG_EXPLORE_NONE;
    if (o->exit_code != x->exit0) {
        char buf[128];
        snprintf(buf, sizeof buf, "exit status %d where schedule 0 exited %d", o->exit_code,
                 x->exit0);
        *message = lv_strdup(buf);
        return LANG_EXPLORE_EXIT;
    }
    char *diff = stdout_diff(x->out0, x->out0_len, o->out, o->out_len);
    if (diff) {
        *message = diff;
        return LANG_EXPLORE_STDOUT;
    }
    return LANG_EXPLORE_NONE;
}

bool lang_explorer_next(struct lang_explorer *x)
{
    struct lang_explore_result *res = &x->res;
    if (res->done)
        return false;
    unsigned long i = res->ran;
    struct lang_run_options o = schedule_options(x, i);
    const char *why = NULL;
    struct lang_run *run = lang_run_program(x->p, &o, &why);
    if (!run) {
        /* Checked runnable at lang_explorer_new; cannot happen. */
        fprintf(stderr, "chanlab: explore: %s\n", why ? why : "cannot run");
        abort();
    }
    const struct lang_outcome *out = lang_run_outcome(run);
    if (i == 0) {
        res->steps0 = out->steps;
        res->pct_steps = out->steps > MIN_PCT_STEPS ? out->steps : MIN_PCT_STEPS;
        x->out0 = malloc(out->out_len + 1);
        if (!x->out0)
            abort();
        memcpy(x->out0, out->out, out->out_len);
        x->out0[out->out_len] = '\0';
        x->out0_len = out->out_len;
        x->exit0 = out->exit_code;
    }
    char *message = NULL;
    enum lang_explore_kind k = judge(x, i, run, &message);
    res->ran = i + 1;
    if (k != LANG_EXPLORE_NONE) {
        res->failed = true;
        res->schedule = i;
        res->kind = k;
        res->exit_code = out->exit_code;
        x->message = message;
        res->message = message;
        x->err = malloc(out->err_len + 1);
        if (!x->err)
            abort();
        memcpy(x->err, out->err, out->err_len);
        x->err[out->err_len] = '\0';
        res->err = x->err;
        x->reports = collect_reports(lang_run_runtime(run));
        res->reports = x->reports;
        res->replay = o;
        res->replay.out = NULL;
        res->replay.err = NULL;
        res->replay.capture = false;
        lang_run_flags(&res->replay, x->flags, sizeof x->flags);
        res->flags = x->flags;
    }
    lang_run_free(run);
    res->done = res->failed || res->ran >= x->n;
    return !res->done;
}

const struct lang_explore_result *lang_explorer_result(const struct lang_explorer *x)
{
    return &x->res;
}

void lang_explorer_free(struct lang_explorer *x)
{
    if (!x)
        return;
    free(x->out0);
    free(x->message);
    free(x->err);
    free(x->reports);
    free(x);
}

struct lang_explorer *lang_explore(struct lang_program *p, const struct lang_run_options *opt,
                                   unsigned long n, int pct_depth,
                                   bool (*progress)(void *ud, const struct lang_explore_result *r),
                                   void *ud, const char **why)
{
    struct lang_explorer *x = lang_explorer_new(p, opt, n, pct_depth, why);
    if (!x)
        return NULL;
    while (lang_explorer_next(x))
        if (progress && !progress(ud, &x->res))
            return x;
    if (progress)
        progress(ud, &x->res);
    return x;
}
