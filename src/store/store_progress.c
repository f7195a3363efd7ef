/* store_progress.c: the records: reviews and the cards they move, the due
 * queue, statistics, exercise runs, fix attempts and quiz sessions. Every
 * write is one transaction, committed before the call returns. */
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

static const char *const mode_names[STORE_NMODES] = {"study", "review", "quiz"};

const char *store_mode_name(enum store_mode m)
{
    return (unsigned)m < STORE_NMODES ? mode_names[m] : NULL;
}

int store_mode_parse(const char *name)
{
    for (int m = 0; m < STORE_NMODES; m++)
        if (name && strcmp(name, mode_names[m]) == 0)
            return m;
    return -1;
}

static bool valid_id(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n == 0 || n > 200)
        return false;
    for (const char *p = id; *p; p++)
        if ((unsigned char)*p < 0x21 || *p == 0x7f)
            return false;
    return true;
}

/* ---- cards ------------------------------------------------------------------ */

/* Reads the card columns starting at column col. */
static void card_from_row(sqlite3_stmt *s, int col, struct srs_card *c)
{
    int phase = sqlite3_column_int(s, col);
    c->phase = phase >= SRS_NEW && phase <= SRS_RELEARNING ? (enum srs_phase)phase : SRS_NEW;
    c->step = sqlite3_column_int(s, col + 1);
    c->stability = sqlite3_column_double(s, col + 2);
    c->difficulty = sqlite3_column_double(s, col + 3);
    c->due = sqlite3_column_int64(s, col + 4);
    c->last_review = sqlite3_column_int64(s, col + 5);
    c->interval_ms = sqlite3_column_int64(s, col + 6);
    c->reps = sqlite3_column_int(s, col + 7);
    c->lapses = sqlite3_column_int(s, col + 8);
}

enum store_status store_card(struct store *st, const char *question, struct srs_card *card)
{
    sqlite3_stmt *s = store__stmt(st, SQL_CARD_GET);
    if (!s)
        return STORE_FAILED;
    sqlite3_bind_text(s, 1, question, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        card_from_row(s, 0, card);
    else if (rc == SQLITE_DONE)
        *card = srs_card_new();
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store__sqlfail(st, rc, "reading a card");
    return STORE_OK;
}

enum store_status store__put_card(struct store *st, const char *question, const struct srs_card *c)
{
    sqlite3_stmt *s = store__stmt(st, SQL_CARD_PUT);
    if (!s)
        return STORE_FAILED;
    sqlite3_bind_text(s, 1, question, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, (int)c->phase);
    sqlite3_bind_int(s, 3, c->step);
    sqlite3_bind_double(s, 4, c->stability);
    sqlite3_bind_double(s, 5, c->difficulty);
    sqlite3_bind_int64(s, 6, c->due);
    sqlite3_bind_int64(s, 7, c->last_review);
    sqlite3_bind_int64(s, 8, c->interval_ms);
    sqlite3_bind_int(s, 9, c->reps);
    sqlite3_bind_int(s, 10, c->lapses);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return store__sqlfail(st, rc, "saving a card");
    return STORE_OK;
}

enum store_status store__replay(struct store *st, const char *question)
{
    struct srs_params p;
    store_params(st, &p);
    sqlite3_stmt *sel = NULL, *upd = NULL;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT id, at, grade FROM reviews WHERE question = ?1 "
                                "ORDER BY at, id",
                                -1, &sel, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, "UPDATE reviews SET phase = ?2 WHERE id = ?1", -1, &upd,
                                NULL);
    struct srs_card c = srs_card_new();
    if (rc == SQLITE_OK)
        sqlite3_bind_text(sel, 1, question, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
        sqlite3_bind_int(upd, 2, (int)c.phase);
        rc = sqlite3_step(upd);
        sqlite3_reset(upd);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        c = srs_review(&p, &c, (enum srs_grade)sqlite3_column_int(sel, 2),
                       sqlite3_column_int64(sel, 1));
    }
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return store__sqlfail(st, rc, "replaying reviews");
    return store__put_card(st, question, &c);
}

enum store_status store_record_review(struct store *st, const struct store_review *r,
                                      struct srs_card *card)
{
    if (!valid_id(r->question))
        return store__fail(st, STORE_INVALID, "not a question id: '%s'",
                           r->question ? r->question : "(null)");
    if (r->grade < SRS_AGAIN || r->grade > SRS_EASY || (unsigned)r->mode >= STORE_NMODES ||
        r->duration_ms < 0 || r->at < 0)
        return store__fail(st, STORE_INVALID, "bad review of %s", r->question);
    struct srs_params p;
    store_params(st, &p);
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    struct srs_card old, next;
    s = store_card(st, r->question, &old);
    if (s != STORE_OK)
        return store__rollback(st, s);
    next = srs_review(&p, &old, r->grade, r->at);
    sqlite3_stmt *q = store__stmt(st, SQL_REVIEW_ADD);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_text(q, 1, r->question, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, r->at);
    sqlite3_bind_int(q, 3, (int)r->grade);
    sqlite3_bind_int64(q, 4, r->duration_ms);
    sqlite3_bind_text(q, 5, mode_names[r->mode], -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 6, (int)old.phase);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "saving a review"));
    s = store__put_card(st, r->question, &next);
    if (s != STORE_OK)
        return store__rollback(st, s);
    s = store__commit(st);
    if (s == STORE_OK && card)
        *card = next;
    return s;
}

static enum store_status list_cards(struct store *st, sqlite3_stmt *s, struct store_cards *out)
{
    size_t cap = 0;
    out->rows = NULL;
    out->n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            out->rows = realloc(out->rows, cap * sizeof *out->rows);
            if (!out->rows)
                abort();
        }
        const char *q = (const char *)sqlite3_column_text(s, 0);
        if (!q) { /* out of memory inside SQLite */
            rc = SQLITE_NOMEM;
            break;
        }
        struct store_card_row *row = &out->rows[out->n++];
        row->question = strdup(q);
        if (!row->question)
            abort();
        card_from_row(s, 1, &row->card);
        row->reviews = sqlite3_column_int64(s, 10);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        store_cards_free(out);
        return store__sqlfail(st, rc, "listing cards");
    }
    return STORE_OK;
}

enum store_status store_cards_all(struct store *st, struct store_cards *out)
{
    sqlite3_stmt *s = store__stmt(st, SQL_CARDS_ALL);
    out->rows = NULL;
    out->n = 0;
    return s ? list_cards(st, s, out) : STORE_FAILED;
}

enum store_status store_due(struct store *st, int64_t now, size_t limit, struct store_cards *out)
{
    sqlite3_stmt *s = store__stmt(st, SQL_CARDS_DUE);
    out->rows = NULL;
    out->n = 0;
    if (!s)
        return STORE_FAILED;
    sqlite3_bind_int64(s, 1, now);
    sqlite3_bind_int64(s, 2, limit ? (sqlite3_int64)limit : -1);
    return list_cards(st, s, out);
}

void store_cards_free(struct store_cards *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        free(c->rows[i].question);
    free(c->rows);
    c->rows = NULL;
    c->n = 0;
}

/* ---- statistics ------------------------------------------------------------- */

/* The local day number of time t (ms). */
static int64_t local_day(int64_t t, int tz_offset_s)
{
    int64_t x = t + (int64_t)tz_offset_s * 1000;
    return x >= 0 ? x / SRS_DAY_MS : -((-x + SRS_DAY_MS - 1) / SRS_DAY_MS);
}

/* A day with reviews and the groups they belong to. */
struct gday {
    int64_t day;
    uint32_t groups;
};

static int newest_first(const void *a, const void *b)
{
    int64_t x = ((const struct gday *)a)->day, y = ((const struct gday *)b)->day;
    return x < y ? 1 : x > y ? -1 : 0;
}

static uint32_t groups_of(uint32_t (*classify)(const char *, void *), void *ctx, const char *q,
                          int ngroups)
{
    uint32_t all = ngroups >= 32 ? 0xffffffffu : ((1u << ngroups) - 1);
    return (classify ? classify(q, ctx) : 1u) & all;
}

/* The streaks of groups whose run of review days reaches past the 30-day
 * window: from every review's local day, newest first. */
static enum store_status long_streaks(struct store *st, int64_t today, int tz_offset_s, int ngroups,
                                      uint32_t (*classify)(const char *question, void *ctx),
                                      void *ctx, const bool *want, struct store_stats *out)
{
    int rc;
    sqlite3_stmt *q;
    int64_t *last = malloc((size_t)ngroups * sizeof *last);
    bool *done = calloc((size_t)ngroups, sizeof *done);
    if (!last || !done)
        abort();
    for (int k = 0; k < ngroups; k++) {
        last[k] = today + 1;
        if (want[k])
            out[k].streak = 0;
    }
    q = store__stmt(st, SQL_REVIEW_DAYS_Q);
    if (!q) {
        free(last);
        free(done);
        return STORE_FAILED;
    }
    /* Every review's local day with its groups, newest first. */
    sqlite3_bind_int64(q, 1, (int64_t)tz_offset_s * 1000);
    sqlite3_bind_int64(q, 2, INT64_MIN);
    size_t ndays_cap = 0, ndays = 0;
    struct gday *days = NULL;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *question = (const char *)sqlite3_column_text(q, 0);
        if (!question) {
            rc = SQLITE_NOMEM;
            break;
        }
        uint32_t g = groups_of(classify, ctx, question, ngroups);
        if (!g)
            continue;
        if (ndays == ndays_cap) {
            ndays_cap = ndays_cap ? ndays_cap * 2 : 256;
            days = realloc(days, ndays_cap * sizeof *days);
            if (!days)
                abort();
        }
        days[ndays].day = sqlite3_column_int64(q, 1);
        days[ndays].groups = g;
        ndays++;
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        free(days);
        free(last);
        free(done);
        return store__sqlfail(st, rc, "reading reviews");
    }
    qsort(days, ndays, sizeof *days, newest_first);
    for (size_t i = 0; i < ndays; i++) {
        for (int k = 0; k < ngroups; k++) {
            if (!want[k] || done[k] || !(days[i].groups & (1u << k)))
                continue;
            int64_t d = days[i].day;
            if (d > today || d == last[k])
                continue;
            if (out[k].streak == 0) {
                if (d == today || d == today - 1) {
                    out[k].streak = 1;
                    last[k] = d;
                } else {
                    done[k] = true;
                }
            } else if (d == last[k] - 1) {
                out[k].streak++;
                last[k] = d;
            } else {
                done[k] = true;
            }
        }
    }
    free(days);
    free(last);
    free(done);
    return STORE_OK;
}

enum store_status store_stats(struct store *st, int64_t now, int tz_offset_s, int ngroups,
                              uint32_t (*classify)(const char *question, void *ctx), void *ctx,
                              struct store_stats *out)
{
    if (ngroups < 1 || ngroups > 32)
        return store__fail(st, STORE_INVALID, "store_stats: 1 to 32 groups");
    memset(out, 0, (size_t)ngroups * sizeof *out);
    int64_t today = local_day(now, tz_offset_s);

    /* Cards: seen, mastered, due, leeches, forecast. */
    struct store_cards cards;
    enum store_status s = store_cards_all(st, &cards);
    if (s != STORE_OK)
        return s;
    for (size_t i = 0; i < cards.n; i++) {
        const struct srs_card *c = &cards.rows[i].card;
        uint32_t g = groups_of(classify, ctx, cards.rows[i].question, ngroups);
        if (!g || c->phase == SRS_NEW)
            continue;
        int64_t dday = local_day(c->due, tz_offset_s) - today;
        for (int k = 0; k < ngroups; k++) {
            if (!(g & (1u << k)))
                continue;
            struct store_stats *o = &out[k];
            o->seen++;
            o->reviews += cards.rows[i].reviews;
            if (c->phase == SRS_REVIEW && c->stability >= STORE_MASTERED_DAYS)
                o->mastered++;
            if (c->due <= now)
                o->due++;
            if (c->lapses >= STORE_LEECH_LAPSES)
                o->leeches++;
            if (dday < STORE_DAYS_FORECAST)
                o->forecast[dday < 0 ? 0 : dday]++;
        }
    }
    store_cards_free(&cards);

    /* The last 30 days of reviews: per day and retention. */
    int64_t since = (today - (STORE_DAYS_HISTORY - 1)) * SRS_DAY_MS - (int64_t)tz_offset_s * 1000;
    sqlite3_stmt *q = store__stmt(st, SQL_REVIEWS_SINCE);
    if (!q)
        return STORE_FAILED;
    sqlite3_bind_int64(q, 1, since);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *question = (const char *)sqlite3_column_text(q, 0);
        if (!question) {
            rc = SQLITE_NOMEM;
            break;
        }
        uint32_t g = groups_of(classify, ctx, question, ngroups);
        int64_t at = sqlite3_column_int64(q, 1);
        int grade = sqlite3_column_int(q, 2);
        bool in_review =
            sqlite3_column_type(q, 3) != SQLITE_NULL && sqlite3_column_int(q, 3) == SRS_REVIEW;
        int64_t idx = local_day(at, tz_offset_s) - today + (STORE_DAYS_HISTORY - 1);
        for (int k = 0; k < ngroups; k++) {
            if (!(g & (1u << k)))
                continue;
            if (idx >= 0 && idx < STORE_DAYS_HISTORY)
                out[k].per_day[idx]++;
            if (in_review && at <= now) {
                out[k].recall_reviews++;
                if (grade >= SRS_HARD)
                    out[k].recalled++;
            }
        }
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__sqlfail(st, rc, "reading reviews");

    /* Streaks: runs of days with reviews up to today (or yesterday), from
     * the window; a run that fills the window is followed further back. */
    bool want[32] = {false}, any = false;
    for (int k = 0; k < ngroups; k++) {
        int i = STORE_DAYS_HISTORY - 1;
        if (out[k].per_day[i] == 0)
            i--;
        while (i >= 0 && out[k].per_day[i] > 0) {
            out[k].streak++;
            i--;
        }
        want[k] = i < 0;
        any = any || want[k];
    }
    if (any) {
        enum store_status ls =
            long_streaks(st, today, tz_offset_s, ngroups, classify, ctx, want, out);
        if (ls != STORE_OK)
            return ls;
    }
    for (int k = 0; k < ngroups; k++)
        out[k].retention =
            out[k].recall_reviews ? (double)out[k].recalled / (double)out[k].recall_reviews : -1.0;
    return STORE_OK;
}

/* ---- exercises ---------------------------------------------------------------- */

enum store_status store_record_run(struct store *st, const struct store_run *r)
{
    if (!valid_id(r->exercise) || !r->outcome || !*r->outcome || strlen(r->outcome) > 15 ||
        r->procs < 1 || r->at < 0)
        return store__fail(st, STORE_INVALID, "bad run of %s",
                           r->exercise ? r->exercise : "(null)");
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_RUN_ADD);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_text(q, 1, r->exercise, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, r->at);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)r->seed);
    sqlite3_bind_int(q, 4, r->procs);
    sqlite3_bind_text(q, 5, r->outcome, -1, SQLITE_STATIC);
    if (r->findings)
        sqlite3_bind_text(q, 6, r->findings, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "saving a run"));
    return store__commit(st);
}

enum store_status store_record_fix(struct store *st, const struct store_fix *f)
{
    if (!valid_id(f->exercise) || f->schedules < 0 || f->hints < 0 || f->at < 0)
        return store__fail(st, STORE_INVALID, "bad fix attempt of %s",
                           f->exercise ? f->exercise : "(null)");
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_FIX_ADD);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_text(q, 1, f->exercise, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, f->at);
    sqlite3_bind_int(q, 3, f->passed);
    sqlite3_bind_int64(q, 4, f->schedules);
    sqlite3_bind_int(q, 5, f->hints);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "saving a fix attempt"));
    return store__commit(st);
}

enum store_status store_exercise_summary(struct store *st, const char *exercise,
                                         struct store_exercise_summary *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q = store__stmt(st, SQL_RUN_SUMMARY);
    if (!q)
        return STORE_FAILED;
    sqlite3_bind_text(q, 1, exercise, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        out->runs = sqlite3_column_int64(q, 0);
        out->last_run = sqlite3_column_int64(q, 1);
        const char *o = (const char *)sqlite3_column_text(q, 2);
        snprintf(out->last_outcome, sizeof out->last_outcome, "%s", o ? o : "");
    }
    sqlite3_reset(q);
    if (rc != SQLITE_ROW)
        return store__sqlfail(st, rc, "reading runs");
    q = store__stmt(st, SQL_FIX_SUMMARY);
    if (!q)
        return STORE_FAILED;
    sqlite3_bind_text(q, 1, exercise, -1, SQLITE_STATIC);
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        out->fix_attempts = sqlite3_column_int64(q, 0);
        out->fixed = sqlite3_column_type(q, 1) != SQLITE_NULL;
        out->hints_at_fix = sqlite3_column_int(q, 1);
    }
    sqlite3_reset(q);
    if (rc != SQLITE_ROW)
        return store__sqlfail(st, rc, "reading fix attempts");
    return STORE_OK;
}

int store_fix_suggestion(struct store *st, const char *exercise)
{
    struct store_exercise_summary s;
    if (store_exercise_summary(st, exercise, &s) != STORE_OK || s.fix_attempts == 0)
        return 0;
    if (!s.fixed)
        return srs_suggest(SRS_FIX_FAILED);
    return srs_suggest(s.hints_at_fix > 0 ? SRS_FIXED_WITH_HINT : SRS_FIXED_FIRST_TRY);
}

/* ---- quizzes ------------------------------------------------------------------ */

enum store_status store_quiz_begin(struct store *st, int64_t now, const char *scope, int64_t *id)
{
    if (scope && strlen(scope) > 63)
        return store__fail(st, STORE_INVALID, "quiz scope too long");
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_QUIZ_BEGIN);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_int64(q, 1, now);
    sqlite3_bind_text(q, 2, scope ? scope : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "starting a quiz"));
    *id = sqlite3_last_insert_rowid(st->db);
    return store__commit(st);
}

enum store_status store_quiz_answer(struct store *st, int64_t id, const struct store_quiz_answer *a)
{
    if (!valid_id(a->question) || a->item < 0 || a->choice < 0)
        return store__fail(st, STORE_INVALID, "bad quiz answer");
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_QUIZ_ANSWER);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_text(q, 2, a->question, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 3, a->item);
    sqlite3_bind_int(q, 4, a->choice);
    sqlite3_bind_int(q, 5, a->correct);
    sqlite3_bind_int64(q, 6, a->at);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return store__rollback(
            st, store__fail(st, STORE_NOTFOUND, "no quiz session %lld", (long long)id));
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "saving a quiz answer"));
    return store__commit(st);
}

enum store_status store_quiz_finish(struct store *st, int64_t id, int64_t now)
{
    enum store_status s = store__begin(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_QUIZ_FINISH);
    if (!q)
        return store__rollback(st, STORE_FAILED);
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_int64(q, 2, now);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__rollback(st, store__sqlfail(st, rc, "finishing a quiz"));
    if (sqlite3_changes(st->db) == 0)
        return store__rollback(
            st, store__fail(st, STORE_NOTFOUND, "no quiz session %lld", (long long)id));
    return store__commit(st);
}

enum store_status store_quiz_get(struct store *st, int64_t id, struct store_quiz_session *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q = store__stmt(st, SQL_QUIZ_GET);
    if (!q)
        return STORE_FAILED;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(q, 0);
        out->started = sqlite3_column_int64(q, 1);
        out->finished = sqlite3_column_int64(q, 2);
        const char *scope = (const char *)sqlite3_column_text(q, 3);
        snprintf(out->scope, sizeof out->scope, "%s", scope ? scope : "");
        out->score = sqlite3_column_int(q, 4);
        out->total = sqlite3_column_int(q, 5);
    }
    sqlite3_reset(q);
    if (rc == SQLITE_DONE)
        return store__fail(st, STORE_NOTFOUND, "no quiz session %lld", (long long)id);
    if (rc != SQLITE_ROW)
        return store__sqlfail(st, rc, "reading a quiz");
    return STORE_OK;
}
