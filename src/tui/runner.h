/* runner.h: the one place the TUI runs Go: a program loaded and checked by
 * src/lang, run on the runtime step by step, with its output, snapshot and
 * outcome kept for the screens. The Run screen steps it; the quiz runs
 * predict-the-outcome exercises to the end to learn the right answer.
 * Every run has all three detectors on (races, leaks, lock order): the
 * screens show what they find. */
#ifndef CHANLAB_TUI_RUNNER_H
#define CHANLAB_TUI_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "lang.h"
#include "runtime.h"

struct runner;

/* runner_available reports whether this build can run Go programs. */
bool runner_available(void);

struct runner_options {
    unsigned long long seed;      /* schedule seed */
    int procs;                    /* GOMAXPROCS (<= 0: 1) */
    bool go121;                   /* shared loop variables */
    unsigned long long max_steps; /* statements before the run is stopped (0: none) */
    int pct_depth;                /* > 0: a PCT schedule (lang_run_options) */
    unsigned long long pct_steps;
    double preempt_prob;
};

/* runner_new loads and checks the Go file at path and prepares a run.
 * Returns NULL with the reason in err (the first diagnostics as
 * `file:line:col: message` lines, or why running is not possible). */
struct runner *runner_new(const char *path, const struct runner_options *opt, char *err,
                          size_t errsize);
void runner_free(struct runner *r);

/* runner_step runs at most budget scheduling events and refreshes the
 * snapshot and output; returns true while the program can go on. */
bool runner_step(struct runner *r, unsigned long long budget);

/* runner_run_for is runner_step for at most max_events events that also
 * returns once max_ms of wall time has passed (an event is bounded by the
 * interpreter's preemption, so this bounds the call): how the screens keep
 * reading keys while a program runs, even one that never blocks. */
bool runner_run_for(struct runner *r, unsigned long long max_events, double max_ms);

/* What the screens read;
 all owned by the runner, valid until the next
 * step or runner_free. */
const char *runner_source(const struct runner *r, size_t *len);
const char *runner_output(const struct runner *r, size_t *len);
const char *runner_stderr(const struct runner *r, size_t *len);
const struct rt_snapshot *runner_snapshot(const struct runner *r);

const struct lang_outcome *runner_outcome(const struct runner *r);
unsigned long long runner_events(const struct runner *r); /* scheduling events so far */
bool runner_finished(const struct runner *r);

/* runner_outcome_line writes how a finished run failed, one line ("fatal
 * error: all goroutines are asleep - deadlock!", "panic: boom", "exit
 * status 3"), into buf; "" when it did not fail or is still running. When
 * the leak detector reported nothing but goroutines were still blocked as
 * main returned, it says "leak: 2 goroutines still blocked when main
 * returned". */
void runner_outcome_line(const struct runner *r, char *buf, size_t size);

/* runner_findings writes everything the run found, one per line: the
 * outcome line, then each detector finding's summary; "" when none. */
void runner_findings(const struct runner *r, char *buf, size_t size);

/* runner_dump returns what the program wrote on stderr followed by the
 * report of every leak and lock-order finding (race reports are already
 * on stderr, where the interpreter writes them as they happen); owned by
 * the runner, valid until the next call or step. */
const char *runner_dump(struct runner *r, size_t *len);

/* runner_detected gives the detectors' findings so far (runtime.h), in the
 * order found; *n gets the count. Valid until the next step. */
const struct rt_finding *runner_detected(const struct runner *r, size_t *n);

/* runner_expect describes a finished run as the bank's EXPECT (outcome,
 * stdout, panic text, exit code, leaked goroutines). Strings point into the
 * runner. */
void runner_expect(const struct runner *r, struct bank_expect *e);

/* runner_trace copies the newest events of the run's trace, at most max,
 * oldest first, into out; returns how many. */
size_t runner_trace(const struct runner *r, struct rt_event *out, size_t max);

/* ---- exploration: lang_explore for the screens, one schedule at a time -- */

struct runner_explore;

/* runner_explore_new loads the Go file at path and prepares n schedules
 * (lang.h, "EXPLORER") from opt's seed, procs and step limit, with every
 * detector on. Returns NULL with the reason in err, as runner_new. */
struct runner_explore *runner_explore_new(const char *path, const struct runner_options *opt,
                                          unsigned long n, char *err, size_t errsize);
/* runner_explore_next runs one schedule; false when exploration is over. */
bool runner_explore_next(struct runner_explore *x);
const struct lang_explore_result *runner_explore_result(const struct runner_explore *x);
void runner_explore_free(struct runner_explore *x); /* NULL is fine */

/* runner_goroutine_line returns
 the line in the user's file where goroutine
 * snapshot entry g stands (its innermost frame in that file), or 0. */
int runner_goroutine_line(const struct runner *r, const struct rt_snap_g *g);

#endif
