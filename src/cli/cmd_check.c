/* cmd_check.c: `chanlab check [--bank DIR]`: validate the question bank
 * (the shipped one, the user's, and DIR) and verify every exercise: it must
 * pass vet, and running it (and its fix) must give the declared outcome and
 * stdout. A schedule-dependent exercise is explored over many seeds until
 * the declared outcome shows up. Predict-the-outcome items are checked
 * against the real answer. Problems go to stdout as `file[:line:col]:
 * message`, then one summary line; exit 0 when all is well, 1 otherwise.
 *
 * Every run has the leak and lock-order detectors on (DESIGN: check and the
 * TUI show what they find): a leak is counted from the leak findings, and a
 * fix that shows a lock-order inversion is a problem. Race exercises and
 * their fixes run with the race detector too: the exercise must report a
 * race, its fix none.
 *
 * The detectors live in other layers that may lag behind this command: at
 * start a tiny racy and a tiny leaking program probe them, and when one
 * reports nothing the check says so on its summary and falls back (race
 * programs counted as not verified; leaks counted as goroutines alive when
 * main returned, goleak's view).
 *
 * Each program is verified in a child process with a time limit, so an
 * interpreter that crashes or hangs on one exercise is reported against
 * that file and the check goes on. */
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bank.h"
#include "cli_impl.h"
#include "lang.h"
#include "runtime.h"

/* Exploration: schedules tried for a schedule-dependent program. */
#define EXPLORE_SEEDS 200
/* Seeds a deterministic program runs under; all must agree. */
#define STABLE_SEEDS 3
/* Statements a run may execute before it counts as hung. */
#define MAX_STEPS 50000000ULL
/* Wall-clock seconds for verifying one program (all its seeds). */
#define CHILD_SECONDS 120

/* What a run did, in the bank's terms. */
struct result {
    struct bank_expect got; /* got.out points into the run */
    const char *other;      /* a failure the bank cannot declare (step limit,
                               another fatal error), else NULL */
    size_t out_len;
    size_t races;      /* race findings */
    size_t lockorders; /* lock-order findings */
};

struct tally {
    size_t problems;   /* validation problems and failed verifications */
    size_t programs;   /* programs verified as declared */
    size_t unverified; /* programs that could not be run or checked */
    size_t races;      /* race programs not verified: the race probe failed */
    size_t old_leaks;  /* leak programs counted goleak's way: the leak probe failed */
};

/* Which detectors answered their probe (probe_detectors). */
static struct {
    bool race; /* a racy program gave a race finding */
    bool leak; /* a leaking program gave a leak finding */
} have;

/* ---- running --------------------------------------------------------------- */

/* leaked_goroutines counts the leak findings; without a leak detector, the
 * goroutines other than main (id 1) still alive when main returned:
 * goleak's view, which DESIGN.md names. Parked ones count, and so do
 * runnable ones: a goroutine woken just before main returned may be about
 * to block forever (a logger between two receives). A program whose helper
 * is about to exit waits for it. */
static int leaked_goroutines(struct lang_run *run)
{
    if (have.leak)
        return (int)rt_findings_count(lang_run_runtime(run), RT_FIND_LEAK);
    struct rt_snapshot *s = rt_snapshot_new(lang_run_runtime(run));
    int n = 0;
    for (size_t i = 0; s && i < s->ng; i++)
        if (s->gs[i].id != 1)
            n++;
    rt_snapshot_free(s);
    return n;
}

static const char deadlock_text[] = "fatal error: all goroutines are asleep - deadlock!";

/* translate turns a finished run's outcome into bank terms. */
static void translate(struct lang_run *run, struct result *r)
{
    const struct lang_outcome *o = lang_run_outcome(run);
    memset(r, 0, sizeof *r);
    r->got.out = o->out ? o->out : "";
    r->out_len = o->out ? o->out_len : 0;
    struct rt *rt = lang_run_runtime(run);
    r->races = rt_findings_count(rt, RT_FIND_RACE);
    r->lockorders = rt_findings_count(rt, RT_FIND_LOCK_ORDER);
    if (r->races > 0 && (o->status == LANG_RUN_OK || o->status == LANG_RUN_EXIT)) {
        /* Go's -race: the race is what the run is remembered for (exit 66). */
        r->got.outcome = BANK_RACE;
        return;
    }
    switch (o->status) {
    case LANG_RUN_OK:
        r->got.leaks = leaked_goroutines(run);
        r->got.outcome = r->got.leaks > 0 ? BANK_LEAK : BANK_OK;
        break;
    case LANG_RUN_EXIT:
        r->got.outcome = BANK_EXIT;
        r->got.exit = o->exit_code;
        break;
    case LANG_RUN_PANIC:
        r->got.outcome = BANK_PANIC;
        r->got.panic = o->message && strncmp(o->message, "panic: ", 7) == 0 ? o->message + 7
                       : o->message                                         ? o->message
                                                                            : "";
        break;
    case LANG_RUN_FATAL:
        if (o->message && strcmp(o->message, deadlock_text) == 0)
            r->got.outcome = BANK_DEADLOCK;
        else
            r->other = o->message ? o->message : "a fatal error";
        break;
    case LANG_RUN_LIMIT:
    case LANG_RUN_RUNNING: r->other = o->message ? o->message : "the run did not finish"; break;
    }
}

/* describe renders what a run did for a message. */
static const char *describe(const struct result *r, char *buf, size_t size)
{
    if (r->other)
        snprintf(buf, size, "%s", r->other);
    else
        bank_outcome_sentence(&r->got, buf, size);
    return buf;
}

/* same_outcome compares a run with a declaration, stdout aside. */
static bool same_outcome(const struct result *r, const struct bank_expect *want)
{
    if (r->other || r->got.outcome != want->outcome)
        return false;
    switch (want->outcome) {
    case BANK_PANIC: return strcmp(r->got.panic, want->panic) == 0;
    case BANK_EXIT: return r->got.exit == want->exit;
    case BANK_LEAK: return r->got.leaks == want->leaks;
    default: return true;
    }
}

static bool same_stdout(const struct result *r, const struct bank_expect *want)
{
    return !want->out ||
           (r->out_len == strlen(want->out) && memcmp(r->got.out, want->out, r->out_len) == 0);
}

/* print_quoted writes s[0..n) as a Go-style quoted string. */
static void print_quoted(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20 || c == 0x7F)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* vet loads path and prints its errors; returns the program, or NULL
 * (after counting a problem) when it does not check. A fixed program must
 * also be free of vet warnings: the bug it fixes is often the very thing
 * vet warns about (a copied lock, a captured loop variable). */
static struct lang_program *vet(const struct bank_exercise *x, const char *path, bool fixed,
                                struct tally *t)
{
    struct lang_options opt = {.lang = x->go121 ? "go1.21" : NULL};
    struct lang_program *p = lang_load_file(path, &opt);
    bool errors = lang_error_count(p) > 0;
    bool warnings = fixed && lang_warning_count(p) > 0;
    if (!errors && !warnings)
        return p;
    for (size_t i = 0; i < lang_diag_count(p); i++) {
        const struct lang_diag *d = lang_diag_peek(p, i);
        if (d->severity == LANG_ERROR || fixed)
            printf("%s:%d:%d: %s\n", d->file, d->line, d->col, d->message);
    }
    t->problems++;
    if (!errors) {
        printf("%s: a fix should pass vet without warnings\n", path);
        return p;
    }
    printf("%s: fails vet, so it cannot run\n", path);
    lang_program_free(p);
    return NULL;
}

/* race_program: the exercise is a race exercise, so it and its fix run
 * with the race detector. */
static bool race_program(const struct bank_exercise *x)
{
    return x->expect.outcome == BANK_RACE;
}

static struct lang_run *run_once(struct lang_program *p, const struct bank_exercise *x,
                                 unsigned long long seed, struct result *r)
{
    struct lang_run_options opt = {
        .seed = seed,
        .procs = x->procs,
        .max_steps = MAX_STEPS,
        .capture = true,
        .race = race_program(x),
        .leaks = true,
        .lockorder = true,
    };
    const char *why = NULL;
    struct lang_run *run = lang_run_program(p, &opt, &why);
    if (!run) {
        memset(r, 0, sizeof *r);
        r->other = why ? why : "the program is not runnable";
        return NULL;
    }
    translate(run, r);
    return run;
}

/* check_predict verifies that no distractor equals the real answer. */
static void check_predict(const struct bank_exercise *x, const struct result *r, struct tally *t)
{
    const struct bank_predict *p = x->predict;
    char sentence[256];
    bank_outcome_sentence(&r->got, sentence, sizeof sentence);
    for (size_t i = 0; i < p->ndistractors; i++) {
        const char *d = p->distractors[i];
        bool equal = p->ask == BANK_ASK_STDOUT
                         ? strlen(d) == r->out_len && memcmp(d, r->got.out, r->out_len) == 0
                         : strcmp(d, sentence) == 0;
        if (equal) {
            printf("%s:%d:%d: exercise %s: predict distractor %zu equals the real answer\n",
                   x->file, x->line, x->col, x->id, i);
            t->problems++;
        }
    }
}

/* verify runs one program (the exercise or its fix) and compares. */
static void verify(const struct bank_exercise *x, const char *path, const struct bank_expect *e,
                   bool fixed, struct tally *t)
{
    struct lang_program *p = vet(x, path, fixed, t);
    if (!p)
        return;
    if (race_program(x) && !have.race) {
        /* This build's race detector reports nothing (probe_detectors). */
        t->races++;
        t->unverified++;
        lang_program_free(p);
        return;
    }
    if (e->outcome == BANK_LEAK && !have.leak)
        t->old_leaks++;
    char buf[256];
    struct result r;
    if (e->schedule_dependent) {
        long found = -1;
        for (unsigned long long seed = 0; seed < EXPLORE_SEEDS && found < 0; seed++) {
            struct lang_run *run = run_once(p, x, seed, &r);
            if (same_outcome(&r, e) && same_stdout(&r, e))
                found = (long)seed;
            lang_run_free(run);
        }
        if (found < 0) {
            printf("%s: exploring %d schedules never gave the declared outcome (%s)\n", path,
                   EXPLORE_SEEDS, bank_outcome_sentence(e, buf, sizeof buf));
            t->problems++;
        } else {
            t->programs++;
        }
        lang_program_free(p);
        return;
    }
    bool ok = true;
    for (unsigned long long seed = 0; seed < STABLE_SEEDS && ok; seed++) {
        struct lang_run *run = run_once(p, x, seed, &r);
        if (!same_outcome(&r, e)) {
            char want[256];
            printf("%s: with seed %llu it %s; the bank declares that it %s\n", path, seed,
                   describe(&r, buf, sizeof buf), bank_outcome_sentence(e, want, sizeof want));
            ok = false;
        } else if (!same_stdout(&r, e)) {
            printf("%s: with seed %llu its stdout is ", path, seed);
            print_quoted(r.got.out, r.out_len);
            fputs("; the bank declares ", stdout);
            print_quoted(e->out, strlen(e->out));
            putchar('\n');
            ok = false;
        } else if (fixed && r.lockorders > 0) {
            size_t n = 0;
            const struct rt_finding *fs = rt_findings(lang_run_runtime(run), &n);
            for (size_t i = 0; i < n; i++)
                if (fs[i].kind == RT_FIND_LOCK_ORDER) {
                    printf("%s: with seed %llu the fix shows a %s\n", path, seed, fs[i].summary);
                    break;
                }
            ok = false;
        } else if (seed == 0 && !fixed && x->predict) {
            check_predict(x, &r, t);
        }
        lang_run_free(run);
    }
    if (ok)
        t->programs++;
    else
        t->problems++;
    lang_program_free(p);
}

/* verify_isolated runs verify in a child process and adds its tally; a
 * child that crashes or runs out of time is one problem. Without fork it
 * runs verify in this process. */
static void verify_isolated(const struct bank_exercise *x, const char *path,
                            const struct bank_expect *e, bool fixed, struct tally *t)
{
    int fd[2];
    fflush(stdout);
    if (pipe(fd) != 0) {
        verify(x, path, e, fixed, t);
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        verify(x, path, e, fixed, t);
        return;
    }
    if (pid == 0) {
        struct tally ct = {0};
        close(fd[0]);
        alarm(CHILD_SECONDS);
        verify(x, path, e, fixed, &ct);
        fflush(stdout);
        ssize_t w = write(fd[1], &ct, sizeof ct);
        _exit(w == (ssize_t)sizeof ct ? 0 : 1);
    }
    close(fd[1]);
    struct tally ct;
    size_t got = 0;
    while (got < sizeof ct) {
        ssize_t n = read(fd[0], (char *)&ct + got, sizeof ct - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        ;
    if (got == sizeof ct && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
        t->problems += ct.problems;
        t->programs += ct.programs;
        t->unverified += ct.unverified;
        t->races += ct.races;
        t->old_leaks += ct.old_leaks;
        return;
    }
    if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
        printf("%s: verifying it took more than %d seconds\n", path, CHILD_SECONDS);
    else if (WIFSIGNALED(st))
        printf("%s: the interpreter crashed while running it (%s)\n", path,
               strsignal(WTERMSIG(st)));
    else
        printf("%s: verifying it failed (exit status %d)\n", path,
               WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    t->problems++;
}

/* ---- the command ----------------------------------------------------------- */

/* A racy program: main and the goroutine write x with no order between. */
static const char race_probe[] = "package main\n\nvar x int\n\nfunc main() {\n"
                                 "\tdone := make(chan bool)\n"
                                 "\tgo func() {\n\t\tx = 1\n\t\tdone <- true\n\t}()\n"
                                 "\tx = 2\n\t<-done\n}\n";
/* A leaking program: the sender can never send. */
static const char leak_probe[] = "package main\n\nfunc main() {\n\tch := make(chan int)\n"
                                 "\tgo func() {\n\t\tch <- 1\n\t}()\n}\n";

/* probe runs src with opt and reports whether it gave a finding of kind. */
static bool probe(const char *name, const char *src, struct lang_run_options opt,
                  enum rt_finding_kind kind)
{
    struct lang_program *p = lang_load_source(name, src, strlen(src), NULL);
    opt.capture = true;
    opt.max_steps = 100000;
    struct lang_run *run = lang_run_program(p, &opt, NULL);
    bool found = run && rt_findings_count(lang_run_runtime(run), kind) > 0;
    lang_run_free(run);
    lang_program_free(p);
    return found;
}

/* probe_detectors fills `have`. */
static void probe_detectors(void)
{
    have.race =
        probe("race_probe.go", race_probe, (struct lang_run_options){.race = true}, RT_FIND_RACE);
    have.leak =
        probe("leak_probe.go", leak_probe, (struct lang_run_options){.leaks = true}, RT_FIND_LEAK);
}

static void print_summary(const struct bank *b, const struct tally *t)
{
    struct bank_counts c;
    bank_count(b, &c);
    printf("chanlab check: %zu questions (%zu junior, %zu mid, %zu senior), %zu exercises "
           "(%zu with a fix), %zu quiz items, %zu predict items; %zu programs ran as declared; "
           "%zu problem%s\n",
           c.questions, c.by_tier[BANK_JUNIOR], c.by_tier[BANK_MID], c.by_tier[BANK_SENIOR],
           c.exercises, c.fixes, c.quiz_items, c.predict_items, t->programs, t->problems,
           t->problems == 1 ? "" : "s");
    if (t->races)
        printf("chanlab check: not verified: %zu race program%s (this build's race detector "
               "reports nothing)\n",
               t->races, t->races == 1 ? "" : "s");
    if (t->old_leaks)
        printf("chanlab check: %zu leak program%s checked by counting the goroutines alive when "
               "main returned (this build's leak detector reports nothing)\n",
               t->old_leaks, t->old_leaks == 1 ? "" : "s");
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"bank", required_argument, NULL, 'b'},
        {NULL, 0, NULL, 0},
    };
    const char *extra = NULL;
    int c;
    (void)cli;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case 'b': extra = optarg; break;
        case ':': return cli_usage_error("check", "--bank needs a directory");
        default: return cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage_error("check", "unexpected argument '%s'", argv[optind]);

    probe_detectors();
    struct bank *b = bank_load(extra);
    struct tally t = {.problems = bank_diag_count(b)};
    bank_print_diags(b, stdout);

    for (size_t i = 0; i < bank_exercise_count(b); i++) {
        const struct bank_exercise *x = bank_exercise_at(b, i);
        verify_isolated(x, x->path, &x->expect, false, &t);
        if (x->fix)
            verify_isolated(x, x->fix->path, &x->fix->expect, true, &t);
    }
    print_summary(b, &t);
    fflush(stdout);
    bank_free(b);
    return t.problems == 0 ? 0 : 1;
}
