/* bank.h: the question bank: questions, their exercises and quiz items,
 * loaded from JSON files and validated against questions/README.md.
 *
 * A bank is built from one or more directories of topic files (the shipped
 * bank, a user bank, `--bank DIR`). Each directory's exercises live beside
 * it: the bank directory D holds the JSON files, D/../exercises/ holds the Go
 * programs, so the shipped `questions/` and `exercises/` are siblings.
 *
 * Error policy: loading never stops at the first problem. Every problem
 * becomes a diagnostic (file, line, column, message naming the JSON path) and
 * the faulty part is left out, at the smallest grain that keeps the rest
 * sound: a file that is not JSON, or whose schema, topic or top-level shape
 * is wrong, contributes nothing; a question or exercise with a problem is
 * left out on its own; a duplicate id keeps the first one loaded. So a broken
 * user bank never hides the shipped one, and a typo in one question never
 * hides its topic.
 *
 * Ownership: the bank owns every string, array and struct reachable from it;
 * all pointers stay valid until bank_free. Nothing here reads the clock or
 * depends on any other layer. */
#ifndef CHANLAB_BANK_H
#define CHANLAB_BANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* bank_schema_version is the version of questions/README.md's schema. */
int bank_schema_version(void);

/* ---- vocabularies ---------------------------------------------------------- */

enum bank_tier { BANK_JUNIOR, BANK_MID, BANK_SENIOR, BANK_NTIERS };

/* The nine topics, in the order of questions/README.md. */
enum bank_topic {
    BANK_GOROUTINES,
    BANK_CHANNELS,
    BANK_SELECT,
    BANK_SYNC,
    BANK_CONTEXT,
    BANK_PATTERNS,
    BANK_RACES_DEADLOCKS,
    BANK_SCHEDULER,
    BANK_LEAKS,
    BANK_NTOPICS
};

/* What an exercise does when run. */
enum bank_outcome {
    BANK_OK,       /* main returns, nothing left blocked: exit 0 */
    BANK_PANIC,    /* an unrecovered panic: exit 2 */
    BANK_DEADLOCK, /* "all goroutines are asleep - deadlock!": exit 2 */
    BANK_LEAK,     /* main returns with goroutines still blocked: exit 0 */
    BANK_RACE,     /* a data race under --race: exit 66 */
    BANK_EXIT,     /* os.Exit(N): exit N */
    BANK_NOUTCOMES
};

/* Names as the JSON spells them ("junior", "races-deadlocks", "deadlock");
 * static storage. The _parse functions return -1 for an unknown name. */
const char *bank_tier_name(enum bank_tier t);
const char *bank_topic_name(enum bank_topic t);
const char *bank_outcome_name(enum bank_outcome o);
int bank_tier_parse(const char *name);
int bank_topic_parse(const char *name);
int bank_outcome_parse(const char *name);

/* ---- data ------------------------------------------------------------------ */

/* EXPECT of the schema: what a program does. */
struct bank_expect {
    enum bank_outcome outcome;
    const char *out;         /* exact stdout; NULL only when schedule_dependent */
    const char *panic;       /* with BANK_PANIC: the text after "panic: " */
    int exit;                /* with BANK_EXIT: the os.Exit status */
    int leaks;               /* with BANK_LEAK: goroutines blocked at return */
    bool schedule_dependent; /* the outcome differs between schedules */
};

/* bank_expect_status is the exit status the outcome implies: 0 for ok and
 * leak, 2 for panic and deadlock, 66 for race, e->exit for exit. */
int bank_expect_status(const struct bank_expect *e);

/* bank_outcome_sentence writes into buf (always NUL-terminated, truncated to
 * size) the sentence a predict-the-outcome item shows for e: "runs to
 * completion", "panics: send on closed channel", "deadlocks", "leaks 1
 * goroutine", "leaks 2 goroutines", "reports a data race", "exits with
 * status 3". Fill a bank_expect from a real run to get the right answer.
 * Returns buf. */
char *bank_outcome_sentence(const struct bank_expect *e, char *buf, size_t size);

/* A multiple-choice concept item. Exactly one choice is correct. */
struct bank_choice {
    const char *text;
    bool correct;
    const char *why; /* why it is wrong; NULL on the correct choice */
};

struct bank_quiz {
    const char *prompt;
    const struct bank_choice *choices;
    size_t nchoices; /* 3 to 5 */
    size_t correct;  /* index of the correct choice */
};

struct bank_follow_up {
    const char *question;
    const char *answer; /* Markdown */
};

/* What a predict-the-outcome item asks. */
enum bank_ask {
    BANK_ASK_STDOUT, /* the right choice is the program's real stdout */
    BANK_ASK_OUTCOME /* the right choice is bank_outcome_sentence of the real run */
};

/* A predict-the-outcome item. The right answer is not stored: it comes from
 * running the exercise; the distractors are plausible mistakes. */
struct bank_predict {
    enum bank_ask ask;
    const char *prompt;
    const char *const *distractors;
    size_t ndistractors; /* 1 to 4 */
};

struct bank_fix {
    struct bank_expect expect; /* what the fixed program does */
    const char *const *hints;  /* progressive, the last nearly the answer */
    size_t nhints;             /* 1 to 3 */
    const char *path;          /* the .fixed.go file */
};

struct bank_question;

struct bank_exercise {
    const char *id;        /* "channels/close-twice": the path under exercises/ */
    enum bank_topic topic; /* from the id's first part */
    const char *title;
    const char *shows; /* what to watch on the Run screen */
    int procs;         /* GOMAXPROCS for the run; 1 when not declared */
    bool go121;        /* "lang": "go1.21": shared loop variables */
    struct bank_expect expect;
    const struct bank_fix *fix;                   /* NULL when there is no fix */
    const struct bank_predict *predict;           /* NULL when there is none */
    const char *path;                             /* the .go file */
    const struct bank_question *const *questions; /* questions that link it */
    size_t nquestions;
    const char *file; /* the JSON file that declares it */
    int line, col;    /* where its object starts in that file */
    bool user;        /* from a user bank, not the shipped one */
};

struct bank_question {
    const char *id; /* "channels.nil-channel": topic, dot, slug; stable */
    enum bank_tier tier;
    enum bank_topic topic;
    bool reference;       /* origin "reference" (one of the 42), else "extra" */
    const char *question; /* plain text, one paragraph */
    const char *answer;   /* Markdown */
    const char *const *key_points;
    size_t nkey_points; /* 3 to 6 */
    const struct bank_follow_up *follow_ups;
    size_t nfollow_ups;                           /* 1 or 2 */
    const struct bank_exercise *const *exercises; /* linked exercises that loaded */
    size_t nexercises;
    const struct bank_quiz *quiz;
    size_t nquiz;     /* 2 or more */
    const char *file; /* the JSON file that declares it */
    int line, col;    /* where its object starts in that file */
    bool user;        /* from a user bank, not the shipped one */
};

/* One problem found while loading. line and col are 1-based; line is 0 when
 * the problem has no position (a directory that cannot be read). */
struct bank_diag {
    const char *file;
    int line, col;
    const char *message; /* names the JSON path: `questions[2].tier: ...` */
};

/* ---- loading --------------------------------------------------------------- */

struct bank;

/* bank_new returns an empty bank (caller frees with bank_free). */
struct bank *bank_new(void);

/* bank_free frees b and everything reachable from it; NULL is fine. */
void bank_free(struct bank *b);

/* bank_add_dir loads every `*.json` file of dir, in name order; the
 * exercises' programs are looked up in dir/../exercises/. user marks what it
 * loads as a user bank's. A missing dir is a diagnostic unless
 * missing_ok. Returns the number of diagnostics it added. Call bank_finish
 * after the last bank_add_*. */
int bank_add_dir(struct bank *b, const char *dir, bool user, bool missing_ok);

/* bank_add_file loads one topic file; exercises_dir holds the programs of
 * its exercises. Unlike bank_add_dir it does not have bank_finish look for
 * undeclared programs in exercises_dir. Returns the number of diagnostics
 * it added. */
int bank_add_file(struct bank *b, const char *path, const char *exercises_dir, bool user);

/* bank_finish resolves the questions' exercise links across all loaded
 * files (a link naming no exercise is a diagnostic, and is dropped), orders
 * questions by topic then load order, and reports programs under each
 * loaded exercises directory that no exercise declares. Call once (a second
 * call does nothing and returns 0); after it, the bank is read-only.
 * Returns the number of diagnostics it added. */
int bank_finish(struct bank *b);

/* Where banks live. Each returns a path the caller frees, or NULL.
 *
 * bank_shipped_dir: $CHANLAB_BANK_DIR when set (for tests and packagers;
 * it need not exist: loading it then reports so); else the shipped
 * `questions` directory beside the executable's directory
 * (`<exe dir>/../questions`: the build tree), else the install dir
 * (`<exe dir>/../share/chanlab/questions`, then the configured data dir),
 * else CHANLAB_SOURCE_ROOT/questions. NULL when none exists.
 *
 * bank_user_dir: `$XDG_CONFIG_HOME/chanlab/questions`, else
 * `$HOME/.config/chanlab/questions` (whether or not it exists); NULL when
 * neither variable is set. */
char *bank_shipped_dir(void);
char *bank_user_dir(void);

/* bank_load is what the app and most commands use: the shipped bank, then
 * the user bank (if it exists), then extra_dir (NULL for none; must exist),
 * then bank_finish. Never NULL; check bank_diag_count for problems. A
 * missing shipped bank is a diagnostic. */
struct bank *bank_load(const char *extra_dir);

/* ---- diagnostics ----------------------------------------------------------- */

size_t bank_diag_count(const struct bank *b);
const struct bank_diag *bank_diag_at(const struct bank *b, size_t i);

/* bank_print_diags writes each diagnostic as `file:line:col: message\n` (or
 * `file: message` without a position) to f, in the order found. */
void bank_print_diags(const struct bank *b, FILE *f);

/* ---- queries --------------------------------------------------------------- */

/* Questions in topic order (goroutines first), then in load order. */
size_t bank_question_count(const struct bank *b);
const struct bank_question *bank_question_at(const struct bank *b, size_t i);
/* NULL when no question has that id. */
const struct bank_question *bank_question_find(const struct bank *b, const char *id);

/* Exercises in load order. */
size_t bank_exercise_count(const struct bank *b);
const struct bank_exercise *bank_exercise_at(const struct bank *b, size_t i);
const struct bank_exercise *bank_exercise_find(const struct bank *b, const char *id);

/* A filter over questions; BANK_ANY in tier or topic matches every one. */
#define BANK_ANY (-1)
struct bank_filter {
    int tier;         /* an enum bank_tier, or BANK_ANY */
    int topic;        /* an enum bank_topic, or BANK_ANY */
    const char *text; /* NULL or "" for any; else every word of it must occur
                         (ASCII case-insensitive) in the id, question, answer,
                         key points or follow-ups */
};

/* bank_query stores into out (room for bank_question_count entries; NULL to
 * only count) the questions that pass f, in bank order; returns how many. */
size_t bank_query(const struct bank *b, const struct bank_filter *f,
                  const struct bank_question **out);

/* Counts of loaded content, for summaries. */
struct bank_counts {
    size_t questions, exercises, fixes, quiz_items, predict_items;
    size_t by_tier[BANK_NTIERS];
    size_t by_topic[BANK_NTOPICS];
};
void bank_count(const struct bank *b, struct bank_counts *c);

#endif
