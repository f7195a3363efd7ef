/* lang.h: the public interface of chanlab's Go subset.
 *
 * Two sections: the FRONT END (load, check and vet a program; tokens for
 * syntax highlighting) and the BACK END (run a checked program). The checked
 * tree itself is described by the in-layer headers ast.h and types.h and by
 * docs/lang-tree.md; other layers only see the opaque handle.
 */
#ifndef CHANLAB_LANG_H
#define CHANLAB_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* lang_go_version names the Go language version whose semantics chanlab
 * follows by default; static storage. */
const char *lang_go_version(void);

/* ==== FRONT END ============================================================
 * Error policy: the lexer, parser and checker never abort on bad input; they
 * collect diagnostics (at most 10 errors, like Go) and recover. Out of memory
 * aborts. */

/* Options for loading a program. Zero-initialised means the defaults. */
struct lang_options {
    const char *lang; /* "go1.21" for shared loop variables; NULL or "go1.22"
                         and later for per-iteration ones */
    bool no_vet;      /* skip the vet checks (warnings) */
};

enum lang_severity {
    LANG_ERROR,   /* the program is not runnable */
    LANG_WARNING, /* a vet finding; the program still runs */
};

/* One diagnostic. Strings belong to the program; valid until it is freed. */
struct lang_diag {
    const char *file; /* file name as given to the loader */
    int line, col;    /* 1-based; col in bytes */
    enum lang_severity severity;
    const char *message; /* without position, e.g. "declared and not used: x" */
};

/* A loaded program: its diagnostics and, if it checked, its typed tree. */
struct lang_program;

/* lang_load_file reads path, parses, checks and vets it. Never returns NULL:
 * a file that cannot be read gives a program with one error
 * ("open PATH: REASON"). Caller frees with lang_program_free. */
struct lang_program *lang_load_file(const char *path, const struct lang_options *opt);

/* lang_load_source does the same for in-memory source (len bytes, need not
 * be NUL-terminated); name is used in diagnostics. The source is copied. */
struct lang_program *lang_load_source(const char *name, const char *src, size_t len,
                                      const struct lang_options *opt);

/* lang_program_free releases everything the program owns; NULL is fine. */
void lang_program_free(struct lang_program *p);

/* Diagnostics, in source order of the user's file (errors first). */
size_t lang_diag_count(const struct lang_program *p);
const struct lang_diag *lang_diag_peek(const struct lang_program *p, size_t i);
size_t lang_error_count(const struct lang_program *p);
size_t lang_warning_count(const struct lang_program *p);

/* lang_diag_print writes every diagnostic as `file:line:col: message\n`. */
void lang_diag_print(const struct lang_program *p, FILE *f);

/* lang_program_runnable: the check found no error, so the interpreter may
 * run the tree. */
bool lang_program_runnable(const struct lang_program *p);

/* lang_program_tree returns the checked tree (struct ast_program *, see
 * ast.h) for the interpreter; NULL when not runnable. Owned by p. */
struct ast_program;
struct ast_program *lang_program_tree(struct lang_program *p);

/* lang_program_file returns the source text and name of file index i (0 is
 * the user's file) or NULL past the end; owned by p. */
const char *lang_program_file(const struct lang_program *p, size_t i, const char **name,
                              size_t *len);

/* Token classes for syntax highlighting, from the real lexer. */
enum lang_token_class {
    LANG_TOK_PLAIN,    /* whitespace and anything unclassified */
    LANG_TOK_KEYWORD,  /* func, go, select, chan, ... */
    LANG_TOK_IDENT,    /* identifiers other than the predeclared ones */
    LANG_TOK_BUILTIN,  /* predeclared: make, len, int, string, nil, true, ... */
    LANG_TOK_NUMBER,   /* integer and float literals */
    LANG_TOK_STRING,   /* interpreted and raw strings */
    LANG_TOK_RUNE,     /* rune literals */
    LANG_TOK_COMMENT,  /* line and block comments */
    LANG_TOK_OPERATOR, /* operators and punctuation */
    LANG_TOK_ERROR,    /* bytes the lexer rejects (unterminated string, ...) */
};

/* One classified byte range [start, end) of the source. */
struct lang_token_span {
    size_t start, end;
    enum lang_token_class cls;
};

/* lang_tokenize classifies src[0..len) and calls fn for every token and
 * comment in order (whitespace is not reported). Returns the number of spans.
 * Never fails; invalid bytes come as LANG_TOK_ERROR spans. */
size_t lang_tokenize(const char *src, size_t len,
                     void (*fn)(void *ud, const struct lang_token_span *span), void *ud);

/* ==== BACK END =============================================================
 * Running a checked program on chanlab's runtime (runtime/). A run is a
 * handle: make it from a runnable program, step it (the TUI draws between
 * steps) or run it to the end (`chanlab run`, `chanlab check`), read its
 * outcome, free it. A run never aborts the process because the Go program
 * failed: panics, fatal errors and exceeded limits are outcomes.
 *
 * Error policy: a Go panic unwinds (longjmp) to the goroutine's protected
 * entry and, unless recovered, ends the run with status LANG_RUN_PANIC and
 * Go's text; runtime failures come back from runtime/ as codes the
 * interpreter turns into recoverable Go panics or fatal errors; limits end
 * the run with LANG_RUN_LIMIT. Out of host memory aborts. */

/* Options for a run. Zero-initialised means the defaults. */
struct lang_run_options {
    unsigned long long seed;      /* schedule and map-order seed (default 0: reproducible) */
    int procs;                    /* GOMAXPROCS (default 1) */
    const char *lang;             /* unused here (loop semantics are fixed at load) */
    size_t max_goroutines;        /* live goroutines allowed (0: 250,000) */
    size_t max_heap;              /* bytes of Go heap (0: 4 GiB) */
    unsigned long long max_steps; /* statements executed (0: no limit) */
    FILE *out;                    /* program stdout is written here as it happens (NULL: not) */
    FILE *err;                    /* program stderr, including the panic dump (NULL: not) */
    bool capture;                 /* also keep both streams in the outcome */
    const char *const *args;      /* os.Args (NULL: {"FILE"} from the program's name) */
    int nargs;
    /* Detectors (runtime.h, "detectors"). Their findings are the runtime's:
     * rt_findings(lang_run_runtime(run), &n). */
    bool race;      /* every shared load and store checked; a race sets exit 66
                       when the program would exit 0, as Go's -race does */
    bool leaks;     /* goroutines blocked on objects no live goroutine can
                       reach (found by the GC's mark phase), and every goroutine
                       still blocked when main returns */
    bool lockorder; /* cycles in the lock-acquisition order */
    /* Scheduling, for the explorer and its replay line: pct_depth > 0 runs
     * under PCT (runtime.h RT_SCHED_PCT) with pct_steps change-point range;
     * preempt_prob > 0 preempts at each statement with that probability. */
    int pct_depth;
    unsigned long long pct_steps;
    double preempt_prob;
    bool trace; /* keep the runtime's event ring (rt_trace_read) */
};

enum lang_run_status {
    LANG_RUN_RUNNING, /* not finished: step again */
    LANG_RUN_OK,      /* main returned (exit 0; 66 with --race when races were found) */
    LANG_RUN_EXIT,    /* os.Exit(n) */
    LANG_RUN_PANIC,   /* an unrecovered panic (exit 2) */
    LANG_RUN_FATAL,   /* a fatal error: deadlock, stack overflow, out of memory... (exit 2) */
    LANG_RUN_LIMIT,   /* --max-steps / --max-goroutines / --max-heap exceeded (exit 2) */
};

/* What a finished run produced. Strings belong to the run. */
struct lang_outcome {
    enum lang_run_status status;
    int exit_code;       /* the compiled program's status: 0, n of os.Exit(n), or 2 */
    const char *message; /* first line on stderr for PANIC/FATAL/LIMIT ("panic: boom",
                            "fatal error: all goroutines are asleep - deadlock!",
                            "chanlab: step limit of 1000 exceeded"); NULL otherwise */
    const char *out;     /* captured stdout (capture option), NUL-terminated */
    size_t out_len;
    const char *err; /* captured stderr, the goroutine dump included */
    size_t err_len;
    unsigned long long steps; /* statements executed */
    size_t goroutines_peak;   /* most goroutines alive at once */
    size_t heap_peak;         /* most bytes of Go heap live at once */
};

struct lang_run;
struct rt; /* runtime.h */

/* lang_run_new prepares a run of a runnable program (lang_program_runnable)
 * and its main goroutine; nothing executes yet. Returns NULL with *why set
 * to a static message when the program is not runnable. The program must
 * outlive the run. Caller frees with lang_run_free. */
struct lang_run *lang_run_new(struct lang_program *p, const struct lang_run_options *opt,
                              const char **why);

/* lang_run_step runs at most budget scheduling events (0: to the end) and
 * returns with every goroutine suspended. LANG_RUN_RUNNING means there is
 * more to do. */
enum lang_run_status lang_run_step(struct lang_run *r, unsigned long long budget);

/* lang_run_outcome: the outcome so far (status RUNNING until finished);
 * valid until the next step or lang_run_free. */
const struct lang_outcome *lang_run_outcome(const struct lang_run *r);

/* lang_run_runtime gives the runtime of the run for snapshots and traces
 * (runtime.h); owned by the run. */
struct rt *lang_run_runtime(struct lang_run *r);

/* lang_run_free releases the run, its goroutines and its heap; NULL is fine. */
void lang_run_free(struct lang_run *r);

/* lang_run_program runs p to the end with opt and copies the outcome's
 * status and exit code into *out (strings stay valid until lang_run_free of
 * the returned run, which the caller owns). Returns NULL only when p is not
 * runnable (then *why says why). */
struct lang_run *lang_run_program(struct lang_program *p, const struct lang_run_options *opt,
                                  const char **why);

/* ==== EXPLORER =============================================================
 * Schedule exploration (explore.c): run one program under many schedules and
 * stop at the first that fails, with the exact options that replay it.
 *
 * Schedule 0 is the plain run with the caller's options: the reference.
 * Schedule i >= 1 runs with the same options except: seed = seed + i,
 * pct_depth = the explorer's depth, pct_steps = the statements schedule 0
 * ran (at least 100), leaks on, and, when the caller gave none, a step limit
 * of 100 times schedule 0's statements (at least 1,000,000), because under
 * PCT a goroutine spinning on a flag may never let the others run.
 *
 * A schedule fails with a fatal error (deadlock...), a panic, an exceeded
 * limit, a finding (race, lock order, leak: whichever was found first), or
 * an exit status or stdout different from schedule 0's, checked in that
 * order. Everything a schedule depends on is in its lang_run_options, so
 * lang_run_program with the result's replay options runs it again bit for
 * bit (same trace, same output).
 *
 * Error policy: a schedule's failure is a result, never an error; out of
 * memory aborts. The program's streams are never written (out and err of the
 * given options are ignored; stdout is captured for the comparison). */

enum lang_explore_kind {
    LANG_EXPLORE_NONE,       /* no schedule failed (yet) */
    LANG_EXPLORE_FATAL,      /* a fatal error: deadlock, unlock of unlocked mutex... */
    LANG_EXPLORE_PANIC,      /* an unrecovered panic */
    LANG_EXPLORE_LIMIT,      /* the step, goroutine or heap limit */
    LANG_EXPLORE_RACE,       /* a data race finding */
    LANG_EXPLORE_LOCK_ORDER, /* a lock-order inversion finding */
    LANG_EXPLORE_LEAK,       /* a goroutine leak finding */
    LANG_EXPLORE_EXIT,       /* exit status different from schedule 0's */
    LANG_EXPLORE_STDOUT,     /* stdout different from schedule 0's */
};

/* lang_explore_kind_text names a kind in a few words ("fatal error",
 * "data race", "different stdout"); static storage. */
const char *lang_explore_kind_text(enum lang_explore_kind k);

/* What exploration found so far. Strings belong to the explorer. */
struct lang_explore_result {
    unsigned long ran;      /* schedules run, schedule 0 included */
    unsigned long total;    /* schedules asked for */
    bool done;              /* nothing more to run: a failure or all ran */
    bool failed;            /* a schedule failed (the fields below say how) */
    unsigned long schedule; /* the failing schedule (0: the reference run) */
    enum lang_explore_kind kind;
    const char *message;            /* one line: "fatal error: all goroutines are asleep
                                       - deadlock!", the finding's summary, or where
                                       stdout first differs */
    const char *err;                /* the failing schedule's stderr (panic dump, race
                                       reports) */
    const char *reports;            /* every leak and lock-order finding's report, in
                                       order found ("" when none) */
    int exit_code;                  /* the failing schedule's exit status */
    unsigned long long steps0;      /* statements schedule 0 ran */
    int pct_depth;                  /* depth of schedules >= 1 */
    unsigned long long pct_steps;   /* pct_steps of schedules >= 1 (0 before
                                       schedule 0 ran) */
    struct lang_run_options replay; /* the failing schedule's options; out
                                       and err NULL, capture off, args as
                                       given */
    const char *flags;              /* the replay options as `chanlab run`
                                       flags (lang_run_flags) */
};

struct lang_explorer;

/* lang_explorer_new prepares the exploration of a runnable program p under
 * n schedules (schedule 0 included; n >= 1) with PCT depth pct_depth for
 * schedules >= 1 (<= 0: 3). opt is copied (its args array must outlive the
 * explorer); p must outlive it. Returns NULL with *why set (static text)
 * when p is not runnable. Caller frees with lang_explorer_free. */
struct lang_explorer *lang_explorer_new(struct lang_program *p, const struct lang_run_options *opt,
                                        unsigned long n, int pct_depth, const char **why);

/* lang_explorer_next runs the next schedule to its end; returns false when
 * exploration is over (a failure found or n schedules ran), true while
 * there is more to run. For callers that must stay responsive (the TUI). */
bool lang_explorer_next(struct lang_explorer *x);

/* lang_explorer_result: the result so far; valid until the next call on x. */
const struct lang_explore_result *lang_explorer_result(const struct lang_explorer *x);

void lang_explorer_free(struct lang_explorer *x); /* NULL is fine */

/* lang_explore runs the whole exploration: lang_explorer_new, then
 * lang_explorer_next until it is over, calling progress (when not NULL)
 * after every schedule; progress returns false to stop early (the result
 * then has done false). Returns the explorer, whose result says what was
 * found; NULL as lang_explorer_new. */
struct lang_explorer *lang_explore(struct lang_program *p, const struct lang_run_options *opt,
                                   unsigned long n, int pct_depth,
                                   bool (*progress)(void *ud, const struct lang_explore_result *r),
                                   void *ud, const char **why);

/* lang_run_flags writes the `chanlab run` flags that give a run opt's
 * schedule and detectors ("--seed 17 --pct-depth 3 --pct-steps 412 --leaks";
 * --seed always, the others when not the default; --preempt in the shortest
 * form that reads back as the same double) into buf, NUL-terminated and
 * truncated to size. Load options (--lang) and os.Args are the caller's.
 * Returns the length it needed. */
size_t lang_run_flags(const struct lang_run_options *opt, char *buf, size_t size);

#endif
