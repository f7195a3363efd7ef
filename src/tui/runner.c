/* runner.c: a Go program run step by step for the screens: src/lang loads
 * and runs it with every detector on, runtime/ gives the snapshot and the
 * findings; stdout is collected in memory as the program writes it. Also
 * the explorer, one schedule per call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runner.h"
#include "tui_impl.h"

struct runner {
    struct lang_program *prog;
    struct lang_run *run;
    FILE *out; /* the program's stdout, into out_buf */
    char *out_buf;
    size_t out_len;
    FILE *err; /* its stderr (panic and fatal dumps), into err_buf */
    char *err_buf;
    size_t err_len;
    struct rt_snapshot *snap; /* after the last step */
    bool finished;
    const char *src; /* the user's file, owned by prog */
    size_t src_len;
    const char *name; /* its name as frames report it */
    int leaks;        /* goroutines leaked: the leak findings, or when there
                         are none the goroutines still blocked when main
                         returned */
    bool old_leaks;   /* leaks counted from the snapshot, not findings */
    char *dump;       /* runner_dump's text */
    char panic[256];  /* the panic's text after "panic: " */
};

static void refresh(struct runner *r)
{
    fflush(r->out);
    fflush(r->err);
    rt_snapshot_free(r->snap);
    r->snap = rt_snapshot_new(lang_run_runtime(r->run));
}

bool runner_available(void)
{
    return true;
}

/* load_program loads and checks path; NULL with the first errors in err. */
static struct lang_program *load_program(const char *path, bool go121, char *err, size_t errsize)
{
    struct lang_options lo = {.lang = go121 ? "go1.21" : NULL, .no_vet = true};
    struct lang_program *p = lang_load_file(path, &lo);
    if (!lang_program_runnable(p)) {
        size_t o = 0;
        err[0] = '\0';
        for (size_t i = 0; i < lang_diag_count(p) && o + 1 < errsize; i++) {
            const struct lang_diag *d = lang_diag_peek(p, i);
            if (d->severity != LANG_ERROR)
                continue;
            int n = snprintf(err + o, errsize - o, "%s:%d:%d: %s\n", d->file, d->line, d->col,
                             d->message);
            if (n < 0)
                break;
            o += (size_t)n;
        }
        if (o == 0)
            snprintf(err, errsize, "%s: the program cannot run", path);
        lang_program_free(p);
        return NULL;
    }
    return p;
}

/* run_options turns the screens' options into a run's, detectors on. */
static struct lang_run_options run_options(const struct runner_options *opt)
{
    return (struct lang_run_options){
        .seed = opt->seed,
        .procs = opt->procs > 0 ? opt->procs : 1,
        .max_steps = opt->max_steps,
        .race = true,
        .leaks = true,
        .lockorder = true,
        .pct_depth = opt->pct_depth,
        .pct_steps = opt->pct_steps,
        .preempt_prob = opt->preempt_prob,
    };
}

struct runner *runner_new(const char *path, const struct runner_options *opt, char *err,
                          size_t errsize)
{
    struct lang_program *p = load_program(path, opt->go121, err, errsize);
    if (!p)
        return NULL;
    struct runner *r = xcalloc(1, sizeof *r);
    r->prog = p;
    r->out = open_memstream(&r->out_buf, &r->out_len);
    r->err = open_memstream(&r->err_buf, &r->err_len);
    if (!r->out || !r->err) {
        snprintf(err, errsize, "cannot collect the program's output");
        runner_free(r);
        return NULL;
    }
    struct lang_run_options ro = run_options(opt);
    ro.out = r->out;
    ro.err = r->err;
    ro.trace = true; /* the timeline reads the event ring */
    const char *why = NULL;
    r->run = lang_run_new(p, &ro, &why);
    if (!r->run) {
        snprintf(err, errsize, "%s", why ? why : "the program cannot run");
        runner_free(r);
        return NULL;
    }
    r->src = lang_program_file(p, 0, &r->name, &r->src_len);
    refresh(r);
    return r;
}

void runner_free(struct runner *r)
{
    if (!r)
        return;
    rt_snapshot_free(r->snap);
    lang_run_free(r->run);
    lang_program_free(r->prog);
    if (r->out)
        fclose(r->out);
    if (r->err)
        fclose(r->err);
    free(r->out_buf);
    free(r->err_buf);
    free(r->dump);
    free(r);
}

static void finish(struct runner *r)
{
    r->finished = true;
    const struct lang_outcome *o = lang_run_outcome(r->run);
    r->leaks = (int)rt_findings_count(lang_run_runtime(r->run), RT_FIND_LEAK);
    r->old_leaks = false;
    if (r->leaks == 0 && o->status == LANG_RUN_OK && r->snap) {
        for (size_t i = 0; i < r->snap->ng; i++)
            if (r->snap->gs[i].state == RT_G_WAITING || r->snap->gs[i].state == RT_G_SYSCALL)
                r->leaks++;
        r->old_leaks = r->leaks > 0;
    }
    r->panic[0] = '\0';
    if (o->status == LANG_RUN_PANIC && o->message) {
        const char *m = o->message;
        if (strncmp(m, "panic: ", 7) == 0)
            m += 7;
        snprintf(r->panic, sizeof r->panic, "%s", m);
        char *rec = strstr(r->panic, " [recovered]");
        if (rec)
            *rec = '\0';
    }
}

bool runner_step(struct runner *r, unsigned long long budget)
{
    if (r->finished)
        return false;
    enum lang_run_status s = lang_run_step(r->run, budget);
    refresh(r);
    if (s != LANG_RUN_RUNNING)
        finish(r);
    return !r->finished;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool runner_run_for(struct runner *r, unsigned long long max_events, double max_ms)
{
    if (r->finished)
        return false;
    double t0 = now_ms();
    unsigned long long done = 0;
    while (done < max_events) {
        unsigned long long chunk = max_events - done < 16 ? max_events - done : 16;
        enum lang_run_status s = lang_run_step(r->run, chunk);
        done += chunk;
        if (s != LANG_RUN_RUNNING) {
            refresh(r);
            finish(r);
            return false;
        }
        if (now_ms() - t0 >= max_ms)
            break;
    }
    refresh(r);
    return true;
}

const char *runner_source(const struct runner *r, size_t *len)

{
    *len = r->src_len;
    return r->src;
}

const char *runner_output(const struct runner *r, size_t *len)
{
    *len = r->out_len;
    return r->out_buf ? r->out_buf : "";
}

const char *runner_stderr(const struct runner *r, size_t *len)
{
    *len = r->err_len;
    return r->err_buf ? r->err_buf : "";
}

const struct rt_snapshot *runner_snapshot(const struct runner *r)
{

    return r->snap;
}

const struct lang_outcome *runner_outcome(const struct runner *r)
{
    return lang_run_outcome(r->run);
}

unsigned long long runner_events(const struct runner *r)
{
    return r->snap ? r->snap->counters.events : 0;
}

bool runner_finished(const struct runner *r)
{
    return r->finished;
}

void runner_outcome_line(const struct runner *r, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!r->finished)
        return;
    const struct lang_outcome *o = lang_run_outcome(r->run);
    switch (o->status) {
    case LANG_RUN_PANIC:
    case LANG_RUN_FATAL:
    case LANG_RUN_LIMIT: snprintf(buf, size, "%s", o->message ? o->message : "failed"); break;
    case LANG_RUN_EXIT: snprintf(buf, size, "exit status %d", o->exit_code); break;
    case LANG_RUN_OK:
        if (r->old_leaks)
            snprintf(buf, size, "leak: %d goroutine%s still blocked when main returned", r->leaks,
                     r->leaks == 1 ? "" : "s");
        break;
    default: break;
    }
}

const char *runner_dump(struct runner *r, size_t *len)
{
    free(r->dump);
    r->dump = NULL;
    size_t cap = 0;
    FILE *f = open_memstream(&r->dump, &cap);
    if (!f)
        abort();
    fwrite(r->err_buf ? r->err_buf : "", 1, r->err_len, f);
    size_t n = 0;
    const struct rt_finding *fs = runner_detected(r, &n);
    for (size_t i = 0; i < n; i++)
        if (fs[i].kind != RT_FIND_RACE && fs[i].report) {
            if (ftell(f) > 0)
                fputc('\n', f);
            fputs(fs[i].report, f);
        }
    fclose(f);
    *len = cap;
    return r->dump;
}

const struct rt_finding *runner_detected(const struct runner *r, size_t *n)
{
    return rt_findings(lang_run_runtime(r->run), n);
}

void runner_findings(const struct runner *r, char *buf, size_t size)
{
    runner_outcome_line(r, buf, size);
    size_t len = strlen(buf), n = 0;
    const struct rt_finding *fs = runner_detected(r, &n);
    for (size_t i = 0; i < n && len + 1 < size; i++) {
        int w = snprintf(buf + len, size - len, "%s%s", len ? "\n" : "", fs[i].summary);
        if (w < 0)
            break;
        len += (size_t)w < size - len ? (size_t)w : size - len - 1;
    }
}

void runner_expect(const struct runner *r, struct bank_expect *e)
{
    memset(e, 0, sizeof *e);
    const struct lang_outcome *o = lang_run_outcome(r->run);
    e->out = r->out_buf ? r->out_buf : "";
    switch (o->status) {
    case LANG_RUN_PANIC:
        e->outcome = BANK_PANIC;
        e->panic = r->panic;
        break;
    case LANG_RUN_FATAL:
        e->outcome = o->message && strstr(o->message, "deadlock") ? BANK_DEADLOCK : BANK_PANIC;
        e->panic = o->message;
        break;
    case LANG_RUN_EXIT:
        e->outcome = BANK_EXIT;
        e->exit = o->exit_code;
        break;
    case LANG_RUN_LIMIT:
        e->outcome = BANK_EXIT;
        e->exit = o->exit_code;
        break;
    default:
        e->outcome = r->leaks > 0 ? BANK_LEAK : BANK_OK;
        e->leaks = r->leaks;
        break;
    }
    /* Go's -race: a race in a run that did not crash is what it reports. */
    if ((o->status == LANG_RUN_OK || o->status == LANG_RUN_EXIT) &&
        rt_findings_count(lang_run_runtime(r->run), RT_FIND_RACE) > 0) {
        e->outcome = BANK_RACE;
        e->leaks = 0;
        e->exit = 0;
    }
}

static bool same_file(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    if (strcmp(a, b) == 0)
        return true;
    size_t la = strlen(a), lb = strlen(b);
    /* One may be absolute and the other relative: compare the tail. */
    if (la > lb)
        return a[la - lb - 1] == '/' && strcmp(a + la - lb, b) == 0;
    if (lb > la)
        return b[lb - la - 1] == '/' && strcmp(b + lb - la, a) == 0;
    return false;
}

int runner_goroutine_line(const struct runner *r, const struct rt_snap_g *g)
{
    for (size_t i = 0; i < g->nframes; i++)
        if (same_file(g->frames[i].file, r->name))
            return g->frames[i].line;
    return 0;
}

size_t runner_trace(const struct runner *r, struct rt_event *out, size_t max)
{
    struct rt *rt = lang_run_runtime(r->run);
    uint64_t last = rt_trace_last_seq(rt);
    uint64_t from = last > max ? last - max + 1 : 1;
    return rt_trace_read(rt, from, out, max);
}

/* ---- exploration ------------------------------------------------------------ */

struct runner_explore {
    struct lang_program *prog;
    struct lang_explorer *x;
};

struct runner_explore *runner_explore_new(const char *path, const struct runner_options *opt,
                                          unsigned long n, char *err, size_t errsize)
{
    struct lang_program *p = load_program(path, opt->go121, err, errsize);
    if (!p)
        return NULL;
    struct lang_run_options ro = run_options(opt);
    ro.pct_depth = 0;
    ro.pct_steps = 0;
    const char *why = NULL;
    struct lang_explorer *x = lang_explorer_new(p, &ro, n, 3, &why);
    if (!x) {
        snprintf(err, errsize, "%s", why ? why : "the program cannot run");
        lang_program_free(p);
        return NULL;
    }
    struct runner_explore *e = xcalloc(1, sizeof *e);
    e->prog = p;
    e->x = x;
    return e;
}

bool runner_explore_next(struct runner_explore *x)
{
    return lang_explorer_next(x->x);
}

const struct lang_explore_result *runner_explore_result(const struct runner_explore *x)
{
    return lang_explorer_result(x->x);
}

void runner_explore_free(struct runner_explore *x)
{
    if (!x)
        return;
    lang_explorer_free(x->x);
    lang_program_free(x->prog);
    free(x);
}
