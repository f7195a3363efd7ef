/* srs.h: spaced repetition with FSRS-6, the model of Anki's engine
 * (open-spaced-repetition/fsrs-rs), and the learning-step scheduler of
 * py-fsrs around it. Pure functions: no I/O, no clock, no globals. Time is
 * always an argument, in milliseconds since the Unix epoch (UTC).
 *
 * The memory model. A question's memory has a stability S (days until the
 * chance of recall falls to 90%) and a difficulty D in [1, 10]. The chance of
 * recall t days after the last review is the retrievability
 *     R(t, S) = (1 + F t / S) ^ -w20,  F = 0.9 ^ (-1 / w20) - 1,
 * so R(S, S) = 0.9. A grade (again, hard, good, easy) moves S and D; a review
 * on the same day as the previous one uses the short-term rule.
 *
 * The card. Around the model sits the card's phase: a new card goes through
 * the learning steps (1 m, 10 m), then into review with intervals of whole
 * days (desired retention 0.9, at most 36,500 days); "again" in review sends
 * it to relearning (10 m) and counts a lapse. Days elapsed are whole 24-hour
 * periods since the last review, rounded down. Intervals are not fuzzed. */
#ifndef CHANLAB_SRS_H
#define CHANLAB_SRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SRS_NPARAMS   21
#define SRS_MAX_STEPS 8
#define SRS_DAY_MS    INT64_C(86400000)

/* The four grades, in FSRS's numbering. */
enum srs_grade {
    SRS_AGAIN = 1, /* forgot */
    SRS_HARD = 2,  /* recalled with serious effort */
    SRS_GOOD = 3,  /* recalled */
    SRS_EASY = 4,  /* recalled at once */
};

/* Where a card is in its life. The numbers are stored in the database. */
enum srs_phase {
    SRS_NEW = 0,        /* never reviewed */
    SRS_LEARNING = 1,   /* in the learning steps */
    SRS_REVIEW = 2,     /* scheduled in days */
    SRS_RELEARNING = 3, /* lapsed, in the relearning steps */
};

/* The scheduler's settings. srs_params_default fills Anki's defaults. */
struct srs_params {
    double w[SRS_NPARAMS];                /* FSRS-6 weights w0..w20 */
    double desired_retention;             /* target R at the due time, (0, 1) */
    int64_t learning_ms[SRS_MAX_STEPS];   /* learning steps */
    int n_learning;                       /* how many of them, 0..SRS_MAX_STEPS */
    int64_t relearning_ms[SRS_MAX_STEPS]; /* relearning steps */
    int n_relearning;                     /* how many of them */
    int max_interval_days;                /* longest review interval */
};

/* A memory state of the model. */
struct srs_memory {
    double stability;  /* days, in [0.001, 36500] */
    double difficulty; /* in [1, 10] */
};

/* A card: the memory state plus the scheduling around it. */
struct srs_card {
    enum srs_phase phase;
    int step;            /* index into the (re)learning steps; 0 otherwise */
    double stability;    /* 0 while new */
    double difficulty;   /* 0 while new */
    int64_t due;         /* ms; 0 while new (due at once) */
    int64_t last_review; /* ms; 0 while new */
    int64_t interval_ms; /* due - last_review of the last review */
    int reps;            /* reviews so far */
    int lapses;          /* times "again" in the review phase */
};

/* srs_params_default fills p with FSRS-6's 21 default weights, desired
 * retention 0.9, learning steps 1 m and 10 m, relearning step 10 m and a
 * maximum interval of 36,500 days. */
void srs_params_default(struct srs_params *p);

/* srs_params_check returns true when p can be used: every weight finite and
 * within FSRS-6's bounds, desired retention in [0.7, 0.99], steps positive,
 * maximum interval in [1, 36500]. Otherwise it writes why into msg (size
 * msgsize) and returns false. */
bool srs_params_check(const struct srs_params *p, char *msg, size_t msgsize);

/* srs_card_new returns the card of a question never reviewed. */
struct srs_card srs_card_new(void);

/* srs_review returns card c after a review with grade g at time now (ms).
 * now earlier than c's last review counts as the same moment. */
struct srs_card srs_review(const struct srs_params *p, const struct srs_card *c, enum srs_grade g,
                           int64_t now);

/* srs_retrievability returns the chance that c is recalled at time now: 0 for
 * a new card, R(whole days since the last review, S) otherwise. */
double srs_retrievability(const struct srs_params *p, const struct srs_card *c, int64_t now);

/* ---- the model, for tests and tools ------------------------------------- */

/* srs_memory_step returns the memory after grade g given elapsed_days since
 * the previous review; prev NULL means the first review. Same-day reviews
 * (elapsed_days == 0) use the short-term rule. */
struct srs_memory srs_memory_step(const struct srs_params *p, const struct srs_memory *prev,
                                  double elapsed_days, enum srs_grade g);

/* srs_forgetting_curve returns R(t, S) for decay w20. */
double srs_forgetting_curve(double w20, double elapsed_days, double stability);

/* srs_next_interval returns the interval in days, unrounded, after which a
 * memory of the given stability falls to retention r. */
double srs_next_interval(const struct srs_params *p, double stability, double r);

/* srs_interval_days rounds srs_next_interval at p's desired retention to
 * whole days in [1, p->max_interval_days]. */
int srs_interval_days(const struct srs_params *p, double stability);

/* ---- grades as text and as suggestions --------------------------------- */

/* srs_grade_name returns "again", "hard", "good" or "easy" (static), or NULL
 * for a value that is not a grade. */
const char *srs_grade_name(int g);

/* srs_grade_parse returns the grade called name (as srs_grade_name spells
 * it), or 0. */
int srs_grade_parse(const char *name);

/* srs_phase_name returns "new", "learning", "review" or "relearning"
 * (static), or NULL. */
const char *srs_phase_name(int phase);

/* What the user did on an exercise, as evidence for a grade. */
enum srs_evidence {
    SRS_FIXED_FIRST_TRY, /* fixed without a hint */
    SRS_FIXED_WITH_HINT, /* fixed after one or more hints */
    SRS_FIX_FAILED,      /* gave up or the fix did not pass */
};

/* srs_suggest returns the grade the evidence suggests: good, hard or again.
 * It is a suggestion: the grade the user picks is the one recorded. */
enum srs_grade srs_suggest(enum srs_evidence e);

/* srs_algorithm names the scheduling algorithm; static storage. */
const char *srs_algorithm(void);

#endif
