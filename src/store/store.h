/* store.h: the progress store: every grade, quiz answer, exercise run and
 * fix attempt, in one SQLite file.
 *
 * The file. `store_default_path` applies the location rules (--db, then
 * $CHANLAB_DB, then $XDG_DATA_HOME/chanlab/progress.db, then
 * ~/.local/share/chanlab/progress.db); `store_open` creates missing
 * directories with mode 0700. The database runs in WAL mode with
 * synchronous=FULL, foreign keys on and a busy timeout; every write is its
 * own transaction, committed before the call returns, so a review that was
 * acknowledged survives a crash. The schema is versioned with
 * PRAGMA user_version and marked with PRAGMA application_id; opening an
 * older file copies it to PATH.vN.bak and migrates it forward in one
 * transaction.
 *
 * Bad states. Each leaves the file byte-for-byte as it was and comes back as
 * a status with a message naming the file: a corrupt database
 * (STORE_CORRUPT), a file that is not a chanlab database (STORE_NOTDB), a
 * schema newer than this build (STORE_NEWER), a database another process is
 * writing, after waiting busy_timeout_ms (STORE_BUSY), a failed migration
 * (STORE_MIGRATE). An unwritable location is not an error: the store opens
 * read-only, store_notice says so, and every write returns STORE_READONLY.
 *
 * Time. Nothing here reads the clock: every call that needs the time takes
 * `now`, in milliseconds since the Unix epoch. Day boundaries (streaks,
 * reviews per day, forecasts) are local days given by tz_offset_s, the
 * caller's offset from UTC in seconds.
 *
 * Error policy: status codes; the message of the last failure is
 * store_errmsg's. Ownership: functions named _free release what the matching
 * call returned; strings passed in are copied or used only during the call.
 * The store does not know the question bank: question and exercise ids are
 * opaque strings here, and import asks the caller which ids are known. */
#ifndef CHANLAB_STORE_H
#define CHANLAB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "srs.h"

/* The schema version this build writes. */
#define STORE_SCHEMA_VERSION 3

enum store_status {
    STORE_OK = 0,
    STORE_IO,       /* cannot create or read the file or its directory */
    STORE_CORRUPT,  /* SQLite reports the database malformed */
    STORE_NOTDB,    /* not an SQLite database, or not chanlab's */
    STORE_NEWER,    /* written by a newer chanlab */
    STORE_BUSY,     /* another process held the database too long */
    STORE_READONLY, /* a write on a store opened read-only */
    STORE_MIGRATE,  /* a migration failed; the file is unchanged */
    STORE_INVALID,  /* bad argument or bad import data */
    STORE_NOTFOUND, /* no such record */
    STORE_FAILED,   /* any other SQLite failure */
};

struct store;

/* How long a write waits for another process's write to finish before it
 * gives up with STORE_BUSY: long enough for a large import elsewhere. */
#define STORE_BUSY_TIMEOUT_MS 5000

struct store_options {
    int busy_timeout_ms; /* how long to wait for another writer; 0: STORE_BUSY_TIMEOUT_MS */
};

/* store_default_path returns the database path by the location rules, with
 * flag (the --db value, or NULL) first; the caller frees it. Returns NULL,
 * with the reason in err, when no rule applies (no HOME). */
char *store_default_path(const char *flag, char *err, size_t errsize);

/* store_open opens (creating when missing) the database at path. On success
 * *out is the store (free with store_close) and the result is STORE_OK; it
 * may be read-only (store_readonly). On failure *out is NULL and err holds
 * the message. opt may be NULL. */
enum store_status store_open(const char *path, const struct store_options *opt, struct store **out,
                             char *err, size_t errsize);

/* store_close closes st; NULL is fine. */
void store_close(struct store *st);

/* store_readonly reports whether writes are refused; store_notice is then a
 * sentence for the user saying why (else NULL). store_path is the file. All
 * strings are valid until store_close. */
bool store_readonly(const struct store *st);
const char *store_notice(const struct store *st);
const char *store_path(const struct store *st);

/* store_errmsg is the message of the last failed call on st. */
const char *store_errmsg(const struct store *st);

/* store_schema_version returns the open file's schema version. */
int store_schema_version(struct store *st);

/* ---- reviews and cards --------------------------------------------------- */

/* Where a review was made. Stored as text: "study", "review", "quiz". */
enum store_mode { STORE_STUDY, STORE_REVIEW_MODE, STORE_QUIZ, STORE_NMODES };

const char *store_mode_name(enum store_mode m);
int store_mode_parse(const char *name); /* -1 when unknown */

struct store_review {
    const char *question; /* bank id, "topic.slug" */
    int64_t at;           /* ms */
    enum srs_grade grade; /* as the user chose it */
    int64_t duration_ms;  /* time taken to answer, >= 0 */
    enum store_mode mode;
};

/* store_record_review records r and moves the question's card by FSRS with
 * the store's parameters, in one transaction; *card (if not NULL) gets the
 * new state, whose due field is the next review. */
enum store_status store_record_review(struct store *st, const struct store_review *r,
                                      struct srs_card *card);

/* store_card gets a question's card; a question never reviewed gets
 * srs_card_new() and STORE_OK. */
enum store_status store_card(struct store *st, const char *question, struct srs_card *card);

/* store_params fills p with the scheduler's parameters: the defaults with
 * the "desired_retention" setting applied. */
enum store_status store_params(struct store *st, struct srs_params *p);

struct store_card_row {
    char *question;
    struct srs_card card;
    int64_t reviews; /* reviews recorded for it (the card is their replay: its reps) */
};

/* A list of cards; free with store_cards_free. */
struct store_cards {
    struct store_card_row *rows;
    size_t n;
};

/* store_cards_all lists every question with a card, by id. */
enum store_status store_cards_all(struct store *st, struct store_cards *out);

/* store_due lists the cards due at now, most overdue first (ties by id); at
 * most limit of them (0: all). */
enum store_status store_due(struct store *st, int64_t now, size_t limit, struct store_cards *out);

void store_cards_free(struct store_cards *c);

/* ---- statistics ------------------------------------------------------------ */

#define STORE_DAYS_HISTORY  30
#define STORE_DAYS_FORECAST 14
#define STORE_LEECH_LAPSES  8
#define STORE_MASTERED_DAYS 21.0

/* Statistics over a group of questions. */
struct store_stats {
    int seen;               /* questions reviewed at least once */
    int mastered;           /* in review with stability >= 21 days */
    int due;                /* seen questions due now */
    int leeches;            /* questions with 8 or more lapses */
    int64_t reviews;        /* all reviews ever */
    int64_t recalled;       /* reviews in the review phase, last 30 days, graded hard or better */
    int64_t recall_reviews; /* reviews in the review phase, last 30 days */
    double retention;       /* recalled / recall_reviews; negative when there were none */
    int streak;             /* consecutive days with a review, up to today (or yesterday) */
    int per_day[STORE_DAYS_HISTORY];   /* reviews per day; [29] is today */
    int forecast[STORE_DAYS_FORECAST]; /* seen questions due per day; [0] is today and overdue */
};

/* store_stats computes statistics for ngroups (1 to 32) groups at once.
 * classify returns, for a question id, the bit set of groups it belongs to
 * (bit i for out[i]); NULL puts every question in group 0. */
enum store_status store_stats(struct store *st, int64_t now, int tz_offset_s, int ngroups,
                              uint32_t (*classify)(const char *question, void *ctx), void *ctx,
                              struct store_stats *out);

/* ---- exercises: runs and fixes --------------------------------------------- */

struct store_run {
    const char *exercise; /* "topic/slug" */
    int64_t at;           /* ms */
    uint64_t seed;        /* schedule seed */
    int procs;            /* GOMAXPROCS */
    const char *outcome;  /* "ok", "panic", "deadlock", "leak", "race", "exit" */
    const char *findings; /* detector findings as text; NULL for none */
};

enum store_status store_record_run(struct store *st, const struct store_run *r);

struct store_fix {
    const char *exercise;
    int64_t at;        /* ms */
    bool passed;       /* the fix passed every schedule explored */
    int64_t schedules; /* schedules explored */
    int hints;         /* hints shown before this attempt */
};

enum store_status store_record_fix(struct store *st, const struct store_fix *f);

/* What the user has done with one exercise. */
struct store_exercise_summary {
    int64_t runs;     /* runs recorded */
    int64_t last_run; /* ms of the latest, 0 when none */
    char last_outcome[16];
    int64_t fix_attempts; /* fix attempts recorded */
    bool fixed;           /* some attempt passed */
    int hints_at_fix;     /* hints seen before the first passing attempt */
};

enum store_status store_exercise_summary(struct store *st, const char *exercise,
                                         struct store_exercise_summary *out);

/* store_fix_suggestion returns the grade the exercise's fix history suggests
 * (srs_suggest: passed first try good, after hints hard, never passed
 * again), or 0 when there is no attempt. */
int store_fix_suggestion(struct store *st, const char *exercise);

/* ---- quizzes ---------------------------------------------------------------- */

/* store_quiz_begin starts a session over scope (free text, e.g. "tier mid")
 * and returns its id in *id. */
enum store_status store_quiz_begin(struct store *st, int64_t now, const char *scope, int64_t *id);

struct store_quiz_answer {
    const char *question; /* the bank question the item belongs to */
    int item;             /* index of the quiz item in that question */
    int choice;           /* index of the choice picked */
    bool correct;
    int64_t at; /* ms */
};

/* store_quiz_answer records one answer of session id. */
enum store_status store_quiz_answer(struct store *st, int64_t id,
                                    const struct store_quiz_answer *a);

/* store_quiz_finish closes session id; its score is the number of correct
 * answers, its total the number of answers. */
enum store_status store_quiz_finish(struct store *st, int64_t id, int64_t now);

struct store_quiz_session {
    int64_t id;
    int64_t started, finished; /* ms; finished 0 while open */
    char scope[64];
    int score, total;
};

/* store_quiz_get fills *out for session id. */
enum store_status store_quiz_get(struct store *st, int64_t id, struct store_quiz_session *out);

/* ---- settings ----------------------------------------------------------------- */

/* store_setting_get returns the value of key (caller frees), or NULL when
 * unset or on failure. */
char *store_setting_get(struct store *st, const char *key);

/* store_setting_set sets key to value. "desired_retention" must be a number
 * in [0.7, 0.99]. */
enum store_status store_setting_set(struct store *st, const char *key, const char *value);

/* ---- export and import ------------------------------------------------------ */

/* store_export writes all progress as JSON (docs/json-formats.md) to f. */
enum store_status store_export(struct store *st, FILE *f, int64_t now);

/* Files larger than this are refused by store_import_file. */
#define STORE_IMPORT_MAX_BYTES (64L * 1024 * 1024)

/* What an import added; records already present are skipped, so importing
 * the same file twice adds nothing the second time. */
struct store_import_result {
    int64_t reviews, runs, fixes, quiz_sessions, quiz_answers, settings;
};

/* The kinds of id an import asks about. */
enum store_id_kind { STORE_ID_QUESTION, STORE_ID_EXERCISE };

/* store_import_file validates the export at path entirely (types, ranges,
 * and with known, that every question and exercise id is known), then adds
 * it in one transaction and recomputes the cards of questions that got new
 * reviews. On any problem nothing is changed and the message names the file
 * and the JSON path. known may be NULL to accept every id. */
enum store_status store_import_file(struct store *st, const char *path,
                                    bool (*known)(enum store_id_kind kind, const char *id,
                                                  void *ctx),
                                    void *ctx, struct store_import_result *res);

/* store_sqlite_version returns the linked SQLite's version; static storage. */
const char *store_sqlite_version(void);

#endif
