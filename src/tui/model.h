/* model.h: what the screens read and change: the question bank and the
 * progress store, opened once for the app. The model adds no rules of
 * its own: scheduling is srs's, storage is store's, content is bank's. When
 * a layer cannot be used, its *_problem text says why, and the screens
 * show that text instead of data. */
#ifndef CHANLAB_TUI_MODEL_H
#define CHANLAB_TUI_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "store.h"
#include "tui_impl.h"

struct model {
    struct bank *bank;       /* never NULL */
    char bank_problem[300];  /* "" when the bank loaded with questions */
    size_t nquestions;       /* bank_question_count */
    struct store *store;     /* NULL when progress cannot be used */
    char store_problem[300]; /* why store is NULL, else "" */
    long long generation;    /* bumped by every change to progress */
    char *db_path;           /* the database file, or NULL */
    /* A cache of every card, sorted by question id, for generation
     * cards_gen; the due count and streak for (cards_gen, cached_minute). */
    struct store_cards cards;
    long long cards_gen;
    long long cached_minute;
    int cached_due, cached_streak;
    long long streak_gen, streak_minute; /* what cached_streak is for; -1 none */
};

/* model_open loads the bank (opt->bank_dir added) and opens the progress
 * database (opt->db_path, else the default location). Never NULL. */
struct model *model_open(const struct tui_options *opt);
void model_close(struct model *m);

/* model_use_bank replaces the model's bank with b (taken over), for tests
 * that need a bank of known content. */
void model_use_bank(struct model *m, struct bank *b);

/* What the app knows about one question's progress. */
struct qprogress {
    bool seen;        /* reviewed at least once */
    bool mastered;    /* in review with an interval of 21 days or more */
    bool due;         /* due at `now` (new questions are not "due") */
    int reps, lapses; /* reviews, and "again" answers in review */
    long long due_at; /* Unix seconds; 0 when new */
};

/* model_progress fills p for question id at now; all zero when unknown or
 * when the store is missing. */
void model_progress(struct model *m, const char *id, long long now, struct qprogress *p);

/* model_due returns how many questions are due at now and writes up to max
 * of them into out (most overdue first). */
int model_due(struct model *m, long long now, const struct bank_question **out, int max);

/* model_streak returns the number of consecutive days, ending today or
 * yesterday, with at least one review; -1 while model_idle has not
 * counted it yet. */
int model_streak(struct model *m, long long now);

/* model_pending reports whether model_idle has work; model_idle does it
 * (one query) and reports whether it did anything. The app runs it when
 * no key is waiting, after the first frame. */
bool model_pending(const struct model *m, long long now);
bool model_idle(struct model *m, long long now);

/* model_grade records a review of question id with grade 1-4 at now (in
 * mode, after duration_ms of thinking) and stores in *next_due when it
 * comes back. Returns false with a message in err when it could not be
 * stored. */
bool model_grade(struct model *m, const char *id, int grade, enum store_mode mode,
                 long long duration_ms, long long now, long long *next_due, char *err,
                 size_t errsize);

/* model_tz_offset returns the local time zone's offset from UTC at now, in
 * seconds, for the store's day boundaries. */
int model_tz_offset(long long now);

/* model_header_note writes the header's right-hand note ("3 due") */
void model_header_note(struct model *m, long long now, char *buf, size_t size);

/* model_when describes a time from now in words: "in 10 minutes",
 * "in 3 days", "now". */
void model_when(long long now, long long t, char *buf, size_t size);

#endif
