/* cmd_run.c: `chanlab run FILE.go [options] [-- ARGS]`: load, check and run
 * one program on chanlab's runtime, like the binary `go build` makes: its
 * stdout on stdout, its stderr (panics and fatal errors in Go's words) on
 * stderr, and its exit status (0, os.Exit's code, 2 for a panic, a fatal
 * error or an exceeded limit). A program that does not compile prints its
 * errors and exits 1, as `go build` does.
 *
 * The detectors (--race, --leaks, --lockorder, --detect) add their reports
 * on stderr: races as they happen (the interpreter prints them, in Go's
 * format), leaks and lock-order inversions after the run. A race makes the
 * status 66 when the program would have exited 0, as Go's -race does; so,
 * our rule, does a leak or a lock-order finding.
 *
 * --explore N runs the program under N schedules (lang_explore) instead,
 * prints no program output, and reports on stderr the first schedule that
 * failed with the `chanlab run` line that replays it (exit 1), or that none
 * did (exit 0). --trace FILE writes the runtime's event trace: of the run,
 * or with --explore of the failing schedule. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "lang.h"
#include "runtime.h"

/* The status for "a detector found something" (Go's -race exit status). */
#define DETECT_STATUS 66
/* Status of --explore when a schedule failed. */
#define EXPLORE_FAILED 1
/* Limits of the values the flags take. */
#define MAX_EXPLORE   10000000ULL
#define MAX_PCT_DEPTH 64
/* A traced run with one P is stepped this many scheduling events at a time
 * and the trace ring drained in between. */
#define TRACE_BUDGET 64

/* parse_count reads a non-negative decimal count (with an optional
 * K/M/G suffix for byte sizes). */
static bool parse_count(const char *s, bool suffixes, unsigned long long *out)
{
    if (!s || !*s || *s == '-')
        return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    if (suffixes && *end) {
        unsigned long long m = 1;
        switch (*end) {
        case 'K':
        case 'k': m = 1ull << 10; break;
        case 'M':
        case 'm': m = 1ull << 20; break;
        case 'G':
        case 'g': m = 1ull << 30; break;
        default: return false;
        }
        end++;
        if (*end == 'i' || *end == 'B')
            end++;
        if (*end == 'B')
            end++;
        if (v > ~0ull / m)
            return false;
        v *= m;
    }
    if (*end)
        return false;
    *out = v;
    return true;
}

/* parse_prob reads a probability: a decimal number in (0, 1]. */
static bool parse_prob(const char *s, double *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v) || v <= 0 || v > 1)
        return false;
    *out = v;
    return true;
}

/* ---- options ----------------------------------------------------------------- */

enum opt_id {
    O_SEED,
    O_PROCS,
    O_LANG,
    O_MAX_GOROUTINES,
    O_MAX_HEAP,
    O_MAX_STEPS,
    O_RACE,
    O_LEAKS,
    O_LOCKORDER,
    O_DETECT,
    O_EXPLORE,
    O_PCT_DEPTH,
    O_PCT_STEPS,
    O_PREEMPT,
    O_TRACE,
};

static const struct {
    const char *name;
    enum opt_id id;
    bool value; /* takes a value (--name V or --name=V) */
} run_opts[] = {
    {"--seed", O_SEED, true},
    {"--procs", O_PROCS, true},
    {"--lang", O_LANG, true},
    {"--max-goroutines", O_MAX_GOROUTINES, true},
    {"--max-heap", O_MAX_HEAP, true},
    {"--max-steps", O_MAX_STEPS, true},
    {"--race", O_RACE, false},
    {"--leaks", O_LEAKS, false},
    {"--lockorder", O_LOCKORDER, false},
    {"--detect", O_DETECT, false},
    {"--explore", O_EXPLORE, true},
    {"--pct-depth", O_PCT_DEPTH, true},
    {"--pct-steps", O_PCT_STEPS, true},
    {"--preempt", O_PREEMPT, true},
    {"--trace", O_TRACE, true},
};

/* What the command line asked for. */
struct run_args {
    const char *file;
    const char *lang;
    struct lang_run_options ro;
    unsigned long explore; /* schedules; 0: a plain run */
    bool pct_steps_given;
    const char *trace; /* file for the trace, or NULL */
    const char **args; /* os.Args after the program's name */
    int nargs;
};

/* set_opt applies one option; returns 0 or the usage-error status. */
static int set_opt(struct run_args *ra, enum opt_id id, const char *name, const char *val)
{
    unsigned long long n = 0;
    struct lang_run_options *ro = &ra->ro;
    switch (id) {
    case O_SEED:
        if (!parse_count(val, false, &n))
            return cli_usage_error("run", "--seed: not a number: %s", val);
        ro->seed = n;
        break;
    case O_PROCS:
        if (!parse_count(val, false, &n) || n < 1 || n > 256)
            return cli_usage_error("run", "--procs: want 1 to 256, got %s", val);
        ro->procs = (int)n;
        break;
    case O_LANG:
        if (strncmp(val, "go1.", 4) != 0)
            return cli_usage_error("run", "--lang: unknown version %s (want go1.21, go1.22, ...)",
                                   val);
        ra->lang = val;
        break;
    case O_MAX_GOROUTINES:
        if (!parse_count(val, false, &n) || n < 1)
            return cli_usage_error("run", "--max-goroutines: want a positive count, got %s", val);
        ro->max_goroutines = (size_t)n;
        break;
    case O_MAX_HEAP:
        if (!parse_count(val, true, &n) || n < 1)
            return cli_usage_error("run", "--max-heap: want a size in bytes (64M, 1G), got %s",
                                   val);
        ro->max_heap = (size_t)n;
        break;
    case O_MAX_STEPS:
        if (!parse_count(val, false, &n) || n < 1)
            return cli_usage_error("run", "--max-steps: want a positive count, got %s", val);
        ro->max_steps = n;
        break;
    case O_RACE: ro->race = true; break;
    case O_LEAKS: ro->leaks = true; break;
    case O_LOCKORDER: ro->lockorder = true; break;
    case O_DETECT: ro->race = ro->leaks = ro->lockorder = true; break;
    case O_EXPLORE:
        if (!parse_count(val, false, &n) || n < 1 || n > MAX_EXPLORE)
            return cli_usage_error("run",
                                   "--explore: want a number of schedules from 1 to %llu, "
                                   "got %s",
                                   MAX_EXPLORE, val);
        ra->explore = (unsigned long)n;
        break;
    case O_PCT_DEPTH:
        if (!parse_count(val, false, &n) || n < 1 || n > MAX_PCT_DEPTH)
            return cli_usage_error("run", "--pct-depth: want 1 to %d, got %s", MAX_PCT_DEPTH, val);
        ro->pct_depth = (int)n;
        break;
    case O_PCT_STEPS:
        if (!parse_count(val, false, &n) || n < 1)
            return cli_usage_error("run", "--pct-steps: want a positive count, got %s", val);
        ro->pct_steps = n;
        ra->pct_steps_given = true;
        break;
    case O_PREEMPT:
        if (!parse_prob(val, &ro->preempt_prob))
            return cli_usage_error("run", "--preempt: want a probability in (0, 1], got %s", val);
        break;
    case O_TRACE:
        if (!*val)
            return cli_usage_error("run", "--trace: want a file name");
        ra->trace = val;
        break;
    }
    (void)name;
    return 0;
}

/* parse_args fills ra from argv (argv[0] is "run"). Options may come before
 * or after FILE.go; other words after it, and everything after "--", are the
 * program's os.Args. Returns 0 or the usage-error status. ra->args is
 * malloc'd (caller frees). */
static int parse_args(int argc, char **argv, struct run_args *ra)
{
    memset(ra, 0, sizeof *ra);
    ra->ro.procs = 1;
    ra->args = calloc((size_t)argc + 1, sizeof *ra->args);
    if (!ra->args)
        abort();
    bool dashdash = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (dashdash || a[0] != '-' || a[1] == 0) {
            if (!ra->file)
                ra->file = a;
            else
                ra->args[ra->nargs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            dashdash = true;
            continue;
        }
        char name[64];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        if (a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = 0;
            val = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
        }
        size_t k = 0;
        while (k < sizeof run_opts / sizeof run_opts[0] && strcmp(run_opts[k].name, name) != 0)
            k++;
        if (k == sizeof run_opts / sizeof run_opts[0])
            return cli_usage_error("run", "unknown option %s", a);
        if (run_opts[k].value && !val) {
            if (i + 1 >= argc)
                return cli_usage_error("run", "%s needs a value", name);
            val = argv[++i];
        } else if (!run_opts[k].value && val) {
            return cli_usage_error("run", "%s takes no value", name);
        }
        int st = set_opt(ra, run_opts[k].id, name, val);
        if (st)
            return st;
    }
    if (!ra->file)
        return cli_usage_error("run", "missing FILE.go");
    if (ra->explore && ra->pct_steps_given)
        return cli_usage_error("run", "--pct-steps is chosen by --explore (the statements the "
                                      "first schedule ran); give --pct-depth only");
    if (!ra->explore && ra->pct_steps_given && !ra->ro.pct_depth)
        return cli_usage_error("run", "--pct-steps needs --pct-depth");
    return 0;
}

/* ---- the trace ------------------------------------------------------------- */

struct tracer {
    FILE *f;
    uint64_t next;    /* seq of the next event to write */
    uint64_t dropped; /* events the ring lost before they were read */
};

/* drain writes every event of the ring not yet written. */
static void drain(struct tracer *t, struct rt *rt)
{
    struct rt_event evs[256];
    for (;;) {
        size_t n = rt_trace_read(rt, t->next, evs, sizeof evs / sizeof evs[0]);
        if (n == 0)
            return;
        if (evs[0].seq > t->next)
            t->dropped += evs[0].seq - t->next;
        for (size_t i = 0; i < n; i++) {
            char line[256];
            rt_event_format(&evs[i], line, sizeof line);
            fprintf(t->f, "%s\n", line);
        }
        t->next = evs[n - 1].seq + 1;
    }
}

/* run_traced runs p to the end with ro, writing its trace to path; returns
 * the run (caller frees) or NULL when p cannot run (*why) or the file cannot
 * be written (then it says so on stderr and *why is NULL). With one P the
 * run is stepped and the ring drained between steps, so the trace is
 * whole; stepping hands control back only where the run would have gone on
 * with the same goroutine, so the schedule is the one an untraced run takes.
 * With more Ps stepping would let the scheduler turn to another P, so the
 * run goes in one piece and the ring keeps only the newest events. Both
 * ways the same flags give the same trace, byte for byte. */
static struct lang_run *run_traced(struct lang_program *p, struct lang_run_options ro,
                                   const char *path, const char **why)
{
    *why = NULL;
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "chanlab run: --trace: cannot write %s: %s\n", path, strerror(errno));
        return NULL;
    }
    ro.trace = true;
    struct lang_run *r = lang_run_new(p, &ro, why);
    if (!r) {
        fclose(f);
        return NULL;
    }
    struct tracer t = {.f = f, .next = 1};
    struct rt *rt = lang_run_runtime(r);
    unsigned long long budget = ro.procs <= 1 ? TRACE_BUDGET : 0;
    while (lang_run_step(r, budget) == LANG_RUN_RUNNING)
        drain(&t, rt);
    drain(&t, rt);
    bool ok = fflush(f) == 0 && !ferror(f);
    ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, "chanlab run: --trace: cannot write %s: %s\n", path, strerror(errno));
    if (t.dropped)
        fprintf(stderr,
                "chanlab run: --trace: the first %llu events were lost (with more than one P the "
                "runtime keeps only the newest)\n",
                (unsigned long long)t.dropped);
    return r;
}

/* ---- reports ----------------------------------------------------------------- */

/* print_findings writes the report of every leak and lock-order finding on
 * stderr and returns how many there were. */
static size_t print_findings(struct lang_run *r)
{
    size_t n = 0, printed = 0;
    const struct rt_finding *fs = rt_findings(lang_run_runtime(r), &n);
    for (size_t i = 0; i < n; i++) {
        if (fs[i].kind == RT_FIND_RACE)
            continue;
        if (fs[i].report)
            fputs(fs[i].report, stderr);
        else
            fprintf(stderr, "%s\n", fs[i].summary);
        printed++;
    }
    return printed;
}

/* put_word prints s for a shell: as is when it is plain, else in single
 * quotes. */
static void put_word(FILE *f, const char *s)
{
    bool plain = *s != 0;
    for (const char *c = s; *c; c++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+=:,@%", *c))
            plain = false;
    if (plain) {
        fputs(s, f);
        return;
    }
    fputc('\'', f);
    for (const char *c = s; *c; c++) {
        if (*c == '\'')
            fputs("'\\''", f);
        else
            fputc(*c, f);
    }
    fputc('\'', f);
}

/* print_replay writes the `replay: chanlab run ...` line for flags. */
static void print_replay(const struct run_args *ra, const char *flags)
{
    fputs("replay: chanlab run ", stderr);
    put_word(stderr, ra->file);
    if (ra->lang) {
        fputs(" --lang ", stderr);
        put_word(stderr, ra->lang);
    }
    fprintf(stderr, " %s", flags);
    if (ra->nargs) {
        fputs(" --", stderr);
        for (int i = 0; i < ra->nargs; i++) {
            fputc(' ', stderr);
            put_word(stderr, ra->args[i]);
        }
    }
    fputc('\n', stderr);
}

/* explore runs --explore and returns the command's status. */
static int explore(struct lang_program *p, const struct run_args *ra)
{
    const char *why = NULL;
    /* --pct-depth is the depth of schedules >= 1; schedule 0 is the plain
     * run. */
    struct lang_run_options base = ra->ro;
    base.pct_depth = 0;
    base.pct_steps = 0;
    struct lang_explorer *x =
        lang_explore(p, &base, ra->explore, ra->ro.pct_depth, NULL, NULL, &why);
    if (!x) {
        fprintf(stderr, "chanlab run: %s: %s\n", ra->file, why ? why : "cannot run");
        return 1;
    }
    const struct lang_explore_result *res = lang_explorer_result(x);
    if (!res->failed) {
        fprintf(stderr,
                "explore: no failure in %lu schedules (PCT depth %d, change points among the "
                "first %llu steps)\n",
                res->ran, res->pct_depth, res->pct_steps);
        if (ra->trace)
            fprintf(stderr, "explore: no schedule failed, so no trace was written to %s\n",
                    ra->trace);
        lang_explorer_free(x);
        return 0;
    }
    fprintf(stderr, "explore: ran %lu schedule%s; schedule %lu (seed %llu) failed: %s\n", res->ran,
            res->ran == 1 ? "" : "s", res->schedule, res->replay.seed,
            lang_explore_kind_text(res->kind));
    fprintf(stderr, "explore: outcome: %s (exit status %d)\n", res->message, res->exit_code);
    print_replay(ra, res->flags);
    int status = EXPLORE_FAILED;
    if (ra->trace) {
        struct lang_run_options o = res->replay;
        const char *w = NULL;
        struct lang_run *r = run_traced(p, o, ra->trace, &w);
        if (!r) {
            if (w)
                fprintf(stderr, "chanlab run: %s: %s\n", ra->file, w);
            status = 2;
        } else if (lang_run_outcome(r)->exit_code != res->exit_code) {
            fprintf(stderr,
                    "explore: the traced rerun of schedule %lu exited %d, not %d: the schedule "
                    "did not replay (please report this)\n",
                    res->schedule, lang_run_outcome(r)->exit_code, res->exit_code);
            status = 2;
        }
        lang_run_free(r);
    }
    lang_explorer_free(x);
    return status;
}

int cmd_run(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    struct run_args ra;
    int st = parse_args(argc, argv, &ra);
    if (st) {
        free(ra.args);
        return st;
    }
    struct lang_options lo = {.lang = ra.lang, .no_vet = true};
    struct lang_program *p = lang_load_file(ra.file, &lo);
    if (!lang_program_runnable(p)) {
        lang_diag_print(p, stderr);
        lang_program_free(p);
        free(ra.args);
        return 1;
    }
    /* os.Args: the program's name, then the words meant for it. */
    const char **args = calloc((size_t)ra.nargs + 1, sizeof *args);
    if (!args)
        abort();
    args[0] = ra.file;
    for (int i = 0; i < ra.nargs; i++)
        args[1 + i] = ra.args[i];
    ra.ro.args = args;
    ra.ro.nargs = ra.nargs + 1;

    int status;
    if (ra.explore) {
        status = explore(p, &ra);
    } else {
        ra.ro.out = stdout;
        ra.ro.err = stderr;
        const char *why = NULL;
        struct lang_run *r =
            ra.trace ? run_traced(p, ra.ro, ra.trace, &why) : lang_run_program(p, &ra.ro, &why);
        if (!r) {
            if (why)
                fprintf(stderr, "chanlab run: %s: %s\n", ra.file, why);
            status = why ? 1 : 2;
        } else {
            status = lang_run_outcome(r)->exit_code;
            fflush(stdout);
            if (print_findings(r) > 0 && status == 0)
                status = DETECT_STATUS;
        }
        fflush(stdout);
        lang_run_free(r);
    }
    lang_program_free(p);
    free(args);
    free(ra.args);
    return status;
}
