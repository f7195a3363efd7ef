/* test_store.c: the store's records as the app uses them: reviews move
 * cards, the due queue, statistics, runs, fixes, quizzes, settings, the
 * location rules, and export then import (idempotent). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "store.h"

#define MIN INT64_C(60000)
#define DAY SRS_DAY_MS
/* 2026-03-02 00:00:00 UTC */
#define T0 INT64_C(1772409600000)

struct fixture {
    char *dir;
    char *path;
    struct store *st;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    f->path = malloc(strlen(f->dir) + 32);
    sprintf(f->path, "%s/progress.db", f->dir);
    char err[512];
    if (store_open(f->path, NULL, &f->st, err, sizeof err) != STORE_OK)
        fail_msg("open: %s", err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    store_close(f->st);
    th_rmtree(f->dir);
    free(f->path);
    free(f->dir);
    free(f);
    return 0;
}

static void review(struct store *st, const char *q, int64_t at, enum srs_grade g,
                   struct srs_card *out)
{
    struct store_review r = {q, at, g, 1500, STORE_REVIEW_MODE};
    if (store_record_review(st, &r, out) != STORE_OK)
        fail_msg("record %s: %s", q, store_errmsg(st));
}

static void test_new_file(void **state)
{
    struct fixture *f = *state;
    assert_false(store_readonly(f->st));
    assert_null(store_notice(f->st));
    assert_int_equal(store_schema_version(f->st), STORE_SCHEMA_VERSION);
    assert_string_equal(store_path(f->st), f->path);
    struct srs_card c;
    assert_int_equal(store_card(f->st, "channels.nil", &c), STORE_OK);
    assert_int_equal(c.phase, SRS_NEW);
    assert_int_equal(c.reps, 0);
}

/* A review returns the same card srs_review computes, and it persists. */
static void test_review_moves_card(void **state)
{
    struct fixture *f = *state;
    struct srs_params p;
    srs_params_default(&p);
    struct srs_card want = srs_card_new(), got;
    static const int grades[] = {3, 3, 3, 1, 3};
    int64_t now = T0;
    for (int i = 0; i < 5; i++) {
        want = srs_review(&p, &want, (enum srs_grade)grades[i], now);
        review(f->st, "sync.mutex", now, (enum srs_grade)grades[i], &got);
        assert_memory_equal(&got, &want, sizeof got);
        now = got.due;
    }
    store_close(f->st);
    char err[512];
    assert_int_equal(store_open(f->path, NULL, &f->st, err, sizeof err), STORE_OK);
    assert_int_equal(store_card(f->st, "sync.mutex", &got), STORE_OK);
    assert_memory_equal(&got, &want, sizeof got);
    assert_int_equal(got.reps, 5);
    assert_int_equal(got.lapses, 1);
}

static void test_record_rejects_bad_input(void **state)
{
    struct fixture *f = *state;
    struct store_review r = {"", T0, SRS_GOOD, 0, STORE_STUDY};
    assert_int_equal(store_record_review(f->st, &r, NULL), STORE_INVALID);
    assert_string_equal(store_errmsg(f->st), "not a question id: ''");
    r.question = "a b";
    assert_int_equal(store_record_review(f->st, &r, NULL), STORE_INVALID);
    r.question = "a.b";
    r.grade = (enum srs_grade)7;
    assert_int_equal(store_record_review(f->st, &r, NULL), STORE_INVALID);
    assert_string_equal(store_errmsg(f->st), "bad review of a.b");
    struct store_cards all;
    assert_int_equal(store_cards_all(f->st, &all), STORE_OK);
    assert_int_equal(all.n, 0);
    store_cards_free(&all);
}

/* The due queue: most overdue first, ties by id, limit respected. */
static void test_due_queue(void **state)
{
    struct fixture *f = *state;
    struct srs_card c;
    review(f->st, "b.two", T0, SRS_AGAIN, &c);            /* due T0 + 1 m */
    review(f->st, "a.one", T0, SRS_AGAIN, &c);            /* due T0 + 1 m */
    review(f->st, "c.three", T0 - 5 * MIN, SRS_GOOD, &c); /* due T0 + 5 m */
    review(f->st, "d.four", T0, SRS_EASY, &c);            /* due in 8 days */
    struct store_cards due;
    assert_int_equal(store_due(f->st, T0 + 10 * MIN, 0, &due), STORE_OK);
    assert_int_equal(due.n, 3);
    assert_string_equal(due.rows[0].question, "a.one");
    assert_string_equal(due.rows[1].question, "b.two");
    assert_string_equal(due.rows[2].question, "c.three");
    assert_int_equal(due.rows[2].reviews, 1);
    store_cards_free(&due);
    assert_int_equal(store_due(f->st, T0 + 10 * MIN, 1, &due), STORE_OK);
    assert_int_equal(due.n, 1);
    store_cards_free(&due);
    assert_int_equal(store_due(f->st, T0, 0, &due), STORE_OK);
    assert_int_equal(due.n, 0);
    store_cards_free(&due);
}

static uint32_t by_prefix(const char *q, void *ctx)
{
    (void)ctx;
    return 1u | (q[0] == 'a' ? 2u : 0u) | (q[0] == 'b' ? 4u : 0u);
}

static void test_stats(void **state)
{
    struct fixture *f = *state;
    struct srs_card c;
    /* a.x: three days running, then into review and a long interval. */
    review(f->st, "a.x", T0 - 2 * DAY, SRS_GOOD, &c);
    review(f->st, "a.x", T0 - 2 * DAY + 10 * MIN, SRS_GOOD, &c);
    review(f->st, "a.x", T0 - 1 * DAY + MIN, SRS_EASY, &c); /* review phase: recalled */
    review(f->st, "a.x", c.due, SRS_EASY, &c);              /* in the future */
    /* b.y: lapses 8 times in review: a leech. */
    review(f->st, "b.y", T0 - 20 * DAY, SRS_EASY, &c);
    for (int i = 0; i < 8; i++) {
        review(f->st, "b.y", c.due, SRS_AGAIN, &c);
        review(f->st, "b.y", c.due, SRS_GOOD, &c);
    }
    int64_t now = T0 + 12 * 3600 * 1000; /* noon of day 0 */
    struct store_stats s[3];
    assert_int_equal(store_stats(f->st, now, 0, 3, by_prefix, NULL, s), STORE_OK);
    assert_int_equal(s[0].seen, 2);
    assert_int_equal(s[1].seen, 1);
    assert_int_equal(s[2].seen, 1);
    assert_int_equal(s[2].leeches, 1);
    assert_int_equal(s[1].leeches, 0);
    assert_int_equal(s[1].mastered, 1);
    assert_int_equal(s[1].reviews, 4);
    assert_int_equal(s[2].reviews, 17);
    assert_int_equal(s[0].reviews, 21);
    /* a.x: reviews on days -2, -1 and later; streak counts back from
     * yesterday when today has none. */
    assert_int_equal(s[1].per_day[27], 2);
    assert_int_equal(s[1].per_day[28], 1);
    assert_true(s[1].streak >= 2);
    /* Retention: review-phase reviews in the last 30 days. */
    assert_true(s[2].recall_reviews >= 8);
    assert_true(s[2].retention >= 0 && s[2].retention < 1);
    double want = (double)s[2].recalled / (double)s[2].recall_reviews;
    assert_true(fabs(s[2].retention - want) < 1e-12);
    int forecast = 0;
    for (int i = 0; i < STORE_DAYS_FORECAST; i++)
        forecast += s[0].forecast[i];
    assert_true(forecast <= 2);
}

/* Streaks by local day: 23:30 and 00:30 UTC are two days in UTC and one
 * day at UTC-2. */
static void test_streak_timezone(void **state)
{
    struct fixture *f = *state;
    review(f->st, "a.x", T0 - 30 * MIN, SRS_GOOD, NULL);
    review(f->st, "a.y", T0 + 30 * MIN, SRS_GOOD, NULL);
    struct store_stats s;
    assert_int_equal(store_stats(f->st, T0 + 60 * MIN, 0, 1, NULL, NULL, &s), STORE_OK);
    assert_int_equal(s.streak, 2);
    assert_int_equal(s.per_day[29], 1);
    assert_int_equal(s.per_day[28], 1);
    assert_int_equal(store_stats(f->st, T0 + 60 * MIN, -2 * 3600, 1, NULL, NULL, &s), STORE_OK);
    assert_int_equal(s.streak, 1);
    assert_int_equal(s.per_day[29], 2);
    /* Nothing for two days: the streak is over. */
    assert_int_equal(store_stats(f->st, T0 + 3 * DAY, 0, 1, NULL, NULL, &s), STORE_OK);
    assert_int_equal(s.streak, 0);
    assert_true(s.retention < 0);
}

/* A streak longer than the 30-day window is followed back: 40 days in a
 * row, then a gap. */
static void test_long_streak(void **state)
{
    struct fixture *f = *state;
    review(f->st, "a.x", T0 - 50 * DAY, SRS_GOOD, NULL);
    for (int d = 39; d >= 0; d--)
        review(f->st, d % 2 ? "a.x" : "b.y", T0 - d * DAY + 3600000, SRS_GOOD, NULL);
    struct store_stats s[3];
    assert_int_equal(store_stats(f->st, T0 + 7200000, 0, 3, by_prefix, NULL, s), STORE_OK);
    assert_int_equal(s[0].streak, 40);
    assert_int_equal(s[1].streak, 1); /* a.x: every other day, last yesterday */
    assert_int_equal(s[2].streak, 1); /* b.y: today */
    assert_int_equal(s[0].per_day[0], 1);
    assert_int_equal(s[0].per_day[29], 1);
    /* Tomorrow, with nothing yet: the streak still counts up to yesterday. */
    assert_int_equal(store_stats(f->st, T0 + DAY + 7200000, 0, 3, by_prefix, NULL, s), STORE_OK);
    assert_int_equal(s[0].streak, 40);
}

static void test_runs_and_fixes(void **state)
{
    struct fixture *f = *state;
    struct store_run r = {
        "channels/close-twice",          T0, UINT64_C(18446744073709551615), 2, "panic",
        "panic: close of closed channel"};
    assert_int_equal(store_record_run(f->st, &r), STORE_OK);
    r.at += MIN;
    r.outcome = "ok";
    r.findings = NULL;
    assert_int_equal(store_record_run(f->st, &r), STORE_OK);
    struct store_exercise_summary s;
    assert_int_equal(store_exercise_summary(f->st, "channels/close-twice", &s), STORE_OK);
    assert_int_equal(s.runs, 2);
    assert_int_equal(s.last_run, T0 + MIN);
    assert_string_equal(s.last_outcome, "ok");
    assert_int_equal(s.fix_attempts, 0);
    assert_int_equal(store_fix_suggestion(f->st, "channels/close-twice"), 0);

    struct store_fix x = {"channels/close-twice", T0, false, 100, 0};
    assert_int_equal(store_record_fix(f->st, &x), STORE_OK);
    assert_int_equal(store_fix_suggestion(f->st, "channels/close-twice"), SRS_AGAIN);
    x.at += MIN;
    x.passed = true;
    x.hints = 2;
    assert_int_equal(store_record_fix(f->st, &x), STORE_OK);
    assert_int_equal(store_fix_suggestion(f->st, "channels/close-twice"), SRS_HARD);
    assert_int_equal(store_exercise_summary(f->st, "channels/close-twice", &s), STORE_OK);
    assert_int_equal(s.fix_attempts, 2);
    assert_true(s.fixed);
    assert_int_equal(s.hints_at_fix, 2);

    x.exercise = "sync/counter";
    x.hints = 0;
    assert_int_equal(store_record_fix(f->st, &x), STORE_OK);
    assert_int_equal(store_fix_suggestion(f->st, "sync/counter"), SRS_GOOD);
    r.procs = 0;
    assert_int_equal(store_record_run(f->st, &r), STORE_INVALID);
}

static void test_quiz(void **state)
{
    struct fixture *f = *state;
    int64_t id;
    assert_int_equal(store_quiz_begin(f->st, T0, "tier mid", &id), STORE_OK);
    struct store_quiz_answer a = {"channels.nil", 0, 1, true, T0 + 1000};
    assert_int_equal(store_quiz_answer(f->st, id, &a), STORE_OK);
    a.item = 1;
    a.correct = false;
    assert_int_equal(store_quiz_answer(f->st, id, &a), STORE_OK);
    a.question = "select.default";
    a.correct = true;
    assert_int_equal(store_quiz_answer(f->st, id, &a), STORE_OK);
    assert_int_equal(store_quiz_finish(f->st, id, T0 + 60000), STORE_OK);
    struct store_quiz_session s;
    assert_int_equal(store_quiz_get(f->st, id, &s), STORE_OK);
    assert_int_equal(s.score, 2);
    assert_int_equal(s.total, 3);
    assert_int_equal(s.finished, T0 + 60000);
    assert_string_equal(s.scope, "tier mid");
    assert_int_equal(store_quiz_answer(f->st, id + 99, &a), STORE_NOTFOUND);
    assert_int_equal(store_quiz_finish(f->st, id + 99, T0), STORE_NOTFOUND);
    assert_int_equal(store_quiz_get(f->st, id + 99, &s), STORE_NOTFOUND);
}

static void test_settings(void **state)
{
    struct fixture *f = *state;
    assert_null(store_setting_get(f->st, "desired_retention"));
    assert_int_equal(store_setting_set(f->st, "desired_retention", "1.2"), STORE_INVALID);
    assert_string_equal(store_errmsg(f->st),
                        "desired_retention must be a number from 0.7 to 0.99, not '1.2'");
    assert_int_equal(store_setting_set(f->st, "desired_retention", "0.85"), STORE_OK);
    char *v = store_setting_get(f->st, "desired_retention");
    assert_string_equal(v, "0.85");
    free(v);
    struct srs_params p;
    store_params(f->st, &p);
    assert_true(p.desired_retention == 0.85);
    /* The setting drives the scheduler: at 0.85 intervals are longer. */
    struct srs_card c;
    review(f->st, "a.x", T0, SRS_EASY, &c);
    struct srs_params d;
    srs_params_default(&d);
    assert_true(c.due - T0 > (int64_t)srs_interval_days(&d, 8.2956) * DAY);
}

static void test_default_path(void **state)
{
    (void)state;
    char err[256];
    char *p;
    unsetenv("CHANLAB_DB");
    setenv("XDG_DATA_HOME", "/x/data", 1);
    setenv("HOME", "/home/u", 1);
    p = store_default_path("/flag.db", err, sizeof err);
    assert_string_equal(p, "/flag.db");
    free(p);
    p = store_default_path(NULL, err, sizeof err);
    assert_string_equal(p, "/x/data/chanlab/progress.db");
    free(p);
    setenv("CHANLAB_DB", "/env.db", 1);
    p = store_default_path(NULL, err, sizeof err);
    assert_string_equal(p, "/env.db");
    free(p);
    unsetenv("CHANLAB_DB");
    setenv("XDG_DATA_HOME", "", 1);
    p = store_default_path(NULL, err, sizeof err);
    assert_string_equal(p, "/home/u/.local/share/chanlab/progress.db");
    free(p);
    setenv("XDG_DATA_HOME", "relative", 1); /* the spec ignores relative paths */
    p = store_default_path(NULL, err, sizeof err);
    assert_string_equal(p, "/home/u/.local/share/chanlab/progress.db");
    free(p);
    unsetenv("HOME");
    unsetenv("XDG_DATA_HOME");
    assert_null(store_default_path(NULL, err, sizeof err));
    assert_string_equal(
        err, "no place for the progress database: HOME is not set (use --db PATH or CHANLAB_DB)");
}

/* Directories the store creates get mode 0700; existing ones are kept. */
static void test_creates_private_dirs(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/a/b/progress.db", dir);
    struct store *st;
    char err[512];
    umask(022);
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    store_close(st);
    struct stat sb;
    snprintf(path, sizeof path, "%s/a", dir);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    snprintf(path, sizeof path, "%s/a/b", dir);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    th_rmtree(dir);
    free(dir);
}

/* Export, import into a fresh file: the same export again; importing a
 * second time adds nothing. */
static void test_export_import_roundtrip(void **state)
{
    struct fixture *f = *state;
    struct srs_card c;
    review(f->st, "a.x", T0, SRS_GOOD, &c);
    review(f->st, "a.x", c.due, SRS_GOOD, &c);
    review(f->st, "b.\"quoted\"\\", T0, SRS_AGAIN, &c);
    struct store_run r = {"x/y", T0, UINT64_C(18446744073709551615), 4, "race", "line\none\t"};
    assert_int_equal(store_record_run(f->st, &r), STORE_OK);
    struct store_fix x = {"x/y", T0 + 1, true, 1000, 1};
    assert_int_equal(store_record_fix(f->st, &x), STORE_OK);
    int64_t id;
    assert_int_equal(store_quiz_begin(f->st, T0, "all", &id), STORE_OK);
    struct store_quiz_answer a = {"a.x", 0, 2, true, T0 + 5};
    assert_int_equal(store_quiz_answer(f->st, id, &a), STORE_OK);
    assert_int_equal(store_quiz_finish(f->st, id, T0 + 9), STORE_OK);
    assert_int_equal(store_setting_set(f->st, "desired_retention", "0.9"), STORE_OK);

    char out1[600], out2[600], db2[600];
    snprintf(out1, sizeof out1, "%s/one.json", f->dir);
    snprintf(out2, sizeof out2, "%s/two.json", f->dir);
    snprintf(db2, sizeof db2, "%s/other.db", f->dir);
    FILE *fp = fopen(out1, "w");
    assert_int_equal(store_export(f->st, fp, T0 + DAY), STORE_OK);
    fclose(fp);

    struct store *st2;
    char err[512];
    assert_int_equal(store_open(db2, NULL, &st2, err, sizeof err), STORE_OK);
    struct store_import_result res;
    if (store_import_file(st2, out1, NULL, NULL, &res) != STORE_OK)
        fail_msg("import: %s", store_errmsg(st2));
    assert_int_equal(res.reviews, 3);
    assert_int_equal(res.runs, 1);
    assert_int_equal(res.fixes, 1);
    assert_int_equal(res.quiz_sessions, 1);
    assert_int_equal(res.quiz_answers, 1);
    assert_int_equal(res.settings, 1);
    struct srs_card c2;
    assert_int_equal(store_card(st2, "a.x", &c2), STORE_OK);
    struct srs_card c1;
    assert_int_equal(store_card(f->st, "a.x", &c1), STORE_OK);
    assert_memory_equal(&c1, &c2, sizeof c1);

    fp = fopen(out2, "w");
    assert_int_equal(store_export(st2, fp, T0 + DAY), STORE_OK);
    fclose(fp);
    char *t1 = th_read_file(out1, NULL), *t2 = th_read_file(out2, NULL);
    assert_string_equal(t1, t2);
    free(t2);

    /* Twice: nothing added, nothing changed. */
    assert_int_equal(store_import_file(st2, out1, NULL, NULL, &res), STORE_OK);
    assert_int_equal(res.reviews + res.runs + res.fixes + res.quiz_sessions + res.settings, 0);
    fp = fopen(out2, "w");
    assert_int_equal(store_export(st2, fp, T0 + DAY), STORE_OK);
    fclose(fp);
    t2 = th_read_file(out2, NULL);
    assert_string_equal(t1, t2);
    free(t1);
    free(t2);
    store_close(st2);
}

/* An import that interleaves with reviews already there replays the
 * question's history in time order. */
static void test_import_merges_histories(void **state)
{
    struct fixture *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/in.json", f->dir);
    th_write_file(path, "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": 0,"
                        " \"reviews\": [{\"question\": \"a.x\", \"at\": 1772409600000,"
                        " \"grade\": \"good\", \"duration_ms\": 0, \"mode\": \"study\"}],"
                        " \"runs\": [], \"fixes\": [], \"quiz_sessions\": [], \"settings\": {}}");
    struct srs_card c;
    review(f->st, "a.x", T0 + 10 * MIN, SRS_GOOD, &c);
    assert_int_equal(c.phase, SRS_LEARNING);
    struct store_import_result res;
    assert_int_equal(store_import_file(f->st, path, NULL, NULL, &res), STORE_OK);
    assert_int_equal(res.reviews, 1);
    struct srs_params p;
    srs_params_default(&p);
    struct srs_card want = srs_card_new();
    want = srs_review(&p, &want, SRS_GOOD, T0);
    want = srs_review(&p, &want, SRS_GOOD, T0 + 10 * MIN);
    assert_int_equal(store_card(f->st, "a.x", &c), STORE_OK);
    assert_memory_equal(&c, &want, sizeof c);
    assert_int_equal(c.phase, SRS_REVIEW);
}

static bool only_a(enum store_id_kind kind, const char *id, void *ctx)
{
    (void)ctx;
    return kind == STORE_ID_QUESTION && id[0] == 'a';
}

static void test_import_unknown_id(void **state)
{
    struct fixture *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/in.json", f->dir);
    th_write_file(path,
                  "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": 0,"
                  " \"reviews\": [{\"question\": \"a.x\", \"at\": 1, \"grade\": \"good\","
                  " \"duration_ms\": 0, \"mode\": \"study\"}, {\"question\": \"zz.top\","
                  " \"at\": 2, \"grade\": \"good\", \"duration_ms\": 0, \"mode\": \"study\"}],"
                  " \"runs\": [], \"fixes\": [], \"quiz_sessions\": [], \"settings\": {}}");
    struct store_import_result res;
    assert_int_equal(store_import_file(f->st, path, only_a, NULL, &res), STORE_INVALID);
    char want[800];
    snprintf(want, sizeof want,
             "%s: reviews[1].question: unknown question id 'zz.top'; nothing was imported", path);
    assert_string_equal(store_errmsg(f->st), want);
    struct store_cards all;
    assert_int_equal(store_cards_all(f->st, &all), STORE_OK);
    assert_int_equal(all.n, 0);
    store_cards_free(&all);
}

/* A 100 MB file is refused before it is read. */
static void test_import_too_large(void **state)
{
    struct fixture *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/huge.json", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("{\"format\": \"chanlab-progress\", \"reviews\": [", fp);
    fclose(fp);
    assert_int_equal(truncate(path, 100L * 1024 * 1024), 0);
    struct store_import_result res;
    assert_int_equal(store_import_file(f->st, path, NULL, NULL, &res), STORE_INVALID);
    char want[800];
    snprintf(want, sizeof want,
             "%s: too large to be an export (100.0 MB; the limit is 64 MB); nothing was imported",
             path);
    assert_string_equal(store_errmsg(f->st), want);
    /* Neither a directory nor a missing file is read. */
    assert_int_equal(store_import_file(f->st, f->dir, NULL, NULL, &res), STORE_INVALID);
    snprintf(want, sizeof want, "%s: not a regular file", f->dir);
    assert_string_equal(store_errmsg(f->st), want);
    snprintf(path, sizeof path, "%s/none.json", f->dir);
    assert_int_equal(store_import_file(f->st, path, NULL, NULL, &res), STORE_IO);
    snprintf(want, sizeof want, "%s: No such file or directory", path);
    assert_string_equal(store_errmsg(f->st), want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_review_moves_card, setup, teardown),
        cmocka_unit_test_setup_teardown(test_record_rejects_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_due_queue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_streak_timezone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_streak, setup, teardown),
        cmocka_unit_test_setup_teardown(test_runs_and_fixes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quiz, setup, teardown),
        cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
        cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_creates_private_dirs),
        cmocka_unit_test_setup_teardown(test_export_import_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_merges_histories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_unknown_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_too_large, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
