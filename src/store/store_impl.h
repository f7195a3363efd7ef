/* store_impl.h: what the store's files share; no other layer includes it.
 * The tests of the store use it to build databases of earlier schema
 * versions. */
#ifndef CHANLAB_STORE_IMPL_H
#define CHANLAB_STORE_IMPL_H

#include <sqlite3.h>

#include "store.h"

/* Every SQL statement the store runs, prepared once per handle and cached:
 * name, text. Parameters are always bound, never formatted in. */
#define STORE_SQL(X)                                                                               \
    X(SQL_CARD_GET, "SELECT phase, step, stability, difficulty, due, last_review, interval_ms, "   \
                    "reps, lapses FROM cards WHERE question = ?1")                                 \
    X(SQL_CARD_PUT,                                                                                \
      "INSERT INTO cards (question, phase, step, stability, difficulty, due, last_review, "        \
      "interval_ms, reps, lapses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "               \
      "ON CONFLICT (question) DO UPDATE SET phase = ?2, step = ?3, stability = ?4, "               \
      "difficulty = ?5, due = ?6, last_review = ?7, interval_ms = ?8, reps = ?9, lapses = ?10")    \
    X(SQL_REVIEW_ADD, "INSERT INTO reviews (question, at, grade, duration_ms, mode, phase) "       \
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                           \
    X(SQL_BEGIN, "BEGIN IMMEDIATE")                                                                \
    X(SQL_COMMIT, "COMMIT")                                                                        \
    X(SQL_ROLLBACK, "ROLLBACK")                                                                    \
    X(SQL_SETTING_GET, "SELECT value FROM settings WHERE key = ?1")                                \
    X(SQL_SETTING_PUT, "INSERT INTO settings (key, value) VALUES (?1, ?2) "                        \
                       "ON CONFLICT (key) DO UPDATE SET value = ?2")                               \
    X(SQL_CARDS_ALL, "SELECT question, phase, step, stability, difficulty, due, last_review, "     \
                     "interval_ms, reps, lapses, reps FROM cards ORDER BY question")               \
    X(SQL_CARDS_DUE, "SELECT question, phase, step, stability, difficulty, due, last_review, "     \
                     "interval_ms, reps, lapses, reps FROM cards WHERE due <= ?1 "                 \
                     "ORDER BY due, question LIMIT ?2")                                            \
    X(SQL_REVIEWS_SINCE, "SELECT question, at, grade, phase FROM reviews WHERE at >= ?1")          \
    X(SQL_REVIEW_DAYS_Q, "SELECT question, (at + ?1) / 86400000 FROM reviews "                     \
                         "WHERE at >= ?2 ORDER BY question")                                       \
    X(SQL_RUN_ADD, "INSERT INTO runs (exercise, at, seed, procs, outcome, findings) "              \
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                              \
    X(SQL_FIX_ADD, "INSERT INTO fixes (exercise, at, passed, schedules, hints) "                   \
                   "VALUES (?1, ?2, ?3, ?4, ?5)")                                                  \
    X(SQL_RUN_SUMMARY, "SELECT count(*), max(at), (SELECT outcome FROM runs r2 WHERE "             \
                       "r2.exercise = ?1 ORDER BY at DESC, id DESC LIMIT 1) FROM runs "            \
                       "WHERE exercise = ?1")                                                      \
    X(SQL_FIX_SUMMARY, "SELECT count(*), (SELECT hints FROM fixes f2 WHERE f2.exercise = ?1 AND "  \
                       "passed ORDER BY at, id LIMIT 1) FROM fixes WHERE exercise = ?1")           \
    X(SQL_QUIZ_BEGIN, "INSERT INTO quiz_sessions (started, scope) VALUES (?1, ?2)")                \
    X(SQL_QUIZ_ANSWER, "INSERT INTO quiz_answers (session, seq, question, item, choice, "          \
                       "correct, at) VALUES (?1, (SELECT count(*) FROM quiz_answers WHERE "        \
                       "session = ?1), ?2, ?3, ?4, ?5, ?6)")                                       \
    X(SQL_QUIZ_FINISH, "UPDATE quiz_sessions SET finished = ?2, "                                  \
                       "score = (SELECT count(*) FROM quiz_answers WHERE session = ?1 AND "        \
                       "correct), total = (SELECT count(*) FROM quiz_answers WHERE session = ?1) " \
                       "WHERE id = ?1")                                                            \
    X(SQL_QUIZ_GET, "SELECT id, started, finished, scope, score, total FROM quiz_sessions "        \
                    "WHERE id = ?1")

enum store_sql_id {
#define STORE_SQL_ENUM(name, text) name,
    STORE_SQL(STORE_SQL_ENUM)
#undef STORE_SQL_ENUM
        SQL_COUNT
};

struct store {
    sqlite3 *db;
    char *path;                     /* as given */
    bool readonly;                  /* writes refused */
    int busy_ms;                    /* busy timeout */
    char *notice;                   /* why read-only, for the user; or NULL */
    char errmsg[1024];              /* the last failure */
    sqlite3_stmt *stmts[SQL_COUNT]; /* prepared on first use */
    struct srs_params params;       /* the scheduler's parameters */
    bool params_loaded;             /* params read from settings */
};

/* store__fail records a message (printf-style) as st's last error and
 * returns code. */
enum store_status store__fail(struct store *st, enum store_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* store__sqlfail maps SQLite result rc to a status and records a message
 * naming the file and what was being done. */
enum store_status store__sqlfail(struct store *st, int rc, const char *doing);

/* store__stmt returns the cached statement id, reset and unbound; NULL on
 * failure (recorded). */
sqlite3_stmt *store__stmt(struct store *st, enum store_sql_id id);

/* store__begin starts a write transaction (BEGIN IMMEDIATE, waiting up to
 * the busy timeout); store__commit commits; store__rollback rolls back and
 * returns code. */
enum store_status store__begin(struct store *st);
enum store_status store__commit(struct store *st);
enum store_status store__rollback(struct store *st, enum store_status code);

/* store__writable returns STORE_OK, or STORE_READONLY with the message. */
enum store_status store__writable(struct store *st);

/* store__put_card writes a question's card (inside a transaction). */
enum store_status store__put_card(struct store *st, const char *question, const struct srs_card *c);

/* store__replay recomputes the card of question from all its reviews, in
 * time order, and writes it (inside a transaction). */
enum store_status store__replay(struct store *st, const char *question);

/* store__migrate_to brings the open database db from its user_version up
 * to version (<= STORE_SCHEMA_VERSION) in one transaction. For tests that
 * build old files, and for store_open. Returns an SQLite result code; msg
 * gets the failing step's message. */
int store__migrate_to(sqlite3 *db, int version, char *msg, size_t msgsize);

/* The application_id that marks a chanlab progress database ("CHLB"). */
#define STORE_APP_ID 0x43484c42

#endif
