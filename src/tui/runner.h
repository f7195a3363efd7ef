/* runner.h: the one place the TUI runs Go: a program loaded and checked by
 * src/lang, run on the runtime step by step, with its output, snapshot and
 * outcome kept for the screens. The Run screen steps it; the quiz runs
 * predict-the-outcome exercises to the end to learn the right answer. */
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

/* runner_findings writes what the run found, one per line ("deadlock: all
 * goroutines are asleep", "panic: send on closed channel", "leak: 2
 * goroutines still blocked when main returned"), into buf; "" when none
 * or still running. */
void runner_findings(const struct runner *r, char *buf, size_t size);

/* runner_expect describes a finished run as the bank's EXPECT (outcome,
 * stdout, panic text, exit code, leaked goroutines). Strings point into the
 * runner. */
void runner_expect(const struct runner *r, struct bank_expect *e);

/* runner_trace copies the newest events of the run's trace, at most max,
 * oldest first, into out; returns how many. */
size_t runner_trace(const struct runner *r, struct rt_event *out, size_t max);

/* runner_goroutine_line returns
 the line in the user's file where goroutine
 * snapshot entry g stands (its innermost frame in that file), or 0. */
int runner_goroutine_line(const struct runner *r, const struct rt_snap_g *g);

#endif
