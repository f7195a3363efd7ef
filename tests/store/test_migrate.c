/* test_migrate.c: files of every earlier schema version open, are copied
 * to PATH.vN.bak first, and come up to the current version with their data;
 * a migration that fails leaves the file exactly as it was. The old files
 * are built the way the old versions built them: the same migration steps,
 * stopped early (store__migrate_to). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "store_impl.h"

#define T0  INT64_C(1772409600000)
#define MIN INT64_C(60000)

static int query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
}

/* A file at schema version v with a few records of that version's kinds:
 * question a.x reviewed good, good, again (learning, then review, then a
 * lapse), with its card as the old chanlab left it. */
static void build_old(const char *path, int v)
{
    sqlite3 *db;
    char msg[256];
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec(db, "PRAGMA journal_mode = WAL");
    assert_int_equal(store__migrate_to(db, v, msg, sizeof msg), SQLITE_OK);
    assert_int_equal(query_int(db, "PRAGMA user_version"), v);
    struct srs_params p;
    srs_params_default(&p);
    struct srs_card c = srs_card_new();
    static const int grades[3] = {SRS_GOOD, SRS_GOOD, SRS_AGAIN};
    int64_t at = T0;
    for (int i = 0; i < 3; i++) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "INSERT INTO reviews (question, at, grade, mode) VALUES ('a.x', %lld, %d, "
                 "'review')",
                 (long long)at, grades[i]);
        exec(db, sql);
        c = srs_review(&p, &c, (enum srs_grade)grades[i], at);
        at = c.due + 3 * 86400000LL;
    }
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "INSERT INTO cards VALUES ('a.x', ?1, ?2, ?3, ?4, ?5, ?6, "
                                        "?7, ?8, ?9)",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_int(s, 1, (int)c.phase);
    sqlite3_bind_int(s, 2, c.step);
    sqlite3_bind_double(s, 3, c.stability);
    sqlite3_bind_double(s, 4, c.difficulty);
    sqlite3_bind_int64(s, 5, c.due);
    sqlite3_bind_int64(s, 6, c.last_review);
    sqlite3_bind_int64(s, 7, c.interval_ms);
    sqlite3_bind_int(s, 8, c.reps);
    sqlite3_bind_int(s, 9, c.lapses);
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    exec(db, "INSERT INTO settings VALUES ('desired_retention', '0.9')");
    if (v >= 2) {
        exec(db, "INSERT INTO runs (exercise, at, seed, procs, outcome) "
                 "VALUES ('x/y', 1, 42, 2, 'deadlock')");
        exec(db, "INSERT INTO fixes (exercise, at, passed, schedules, hints) "
                 "VALUES ('x/y', 2, 1, 100, 1)");
    }
    sqlite3_close(db);
}

static void upgrade_from(int v)
{
    char *dir = th_tmpdir();
    char path[512], bak[600];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    snprintf(bak, sizeof bak, "%s.v%d.bak", path, v);
    build_old(path, v);

    struct store *st;
    char err[1024];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
        fail_msg("upgrade from %d: %s", v, err);
    assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);

    /* The data survived; the card is the one the old version saved. */
    struct srs_card c;
    assert_int_equal(store_card(st, "a.x", &c), STORE_OK);
    assert_int_equal(c.reps, 3);
    assert_int_equal(c.lapses, 1);
    assert_int_equal(c.phase, SRS_RELEARNING);
    struct store_exercise_summary ex;
    assert_int_equal(store_exercise_summary(st, "x/y", &ex), STORE_OK);
    assert_int_equal(ex.runs, v >= 2 ? 1 : 0);
    assert_int_equal(ex.fix_attempts, v >= 2 ? 1 : 0);
    struct store_stats s;
    assert_int_equal(store_stats(st, T0, 0, 1, NULL, NULL, &s), STORE_OK);
    assert_int_equal(s.reviews, 3);
    /* New in 2 and 3: the tables work. */
    struct store_run run = {"x/z", T0, 7, 1, "ok", NULL};
    assert_int_equal(store_record_run(st, &run), STORE_OK);
    int64_t id;
    assert_int_equal(store_quiz_begin(st, T0, "all", &id), STORE_OK);
    struct store_review r = {"a.x", c.due, SRS_GOOD, 10, STORE_REVIEW_MODE};
    assert_int_equal(store_record_review(st, &r, &c), STORE_OK);
    assert_int_equal(c.phase, SRS_REVIEW);
    store_close(st);

    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    /* New in 3: the phase before each review, replayed for the old ones:
     * new, learning, review; then relearning before the one just made. */
    assert_int_equal(query_int(db, "SELECT count(*) FROM reviews WHERE phase IS NULL"), 0);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT group_concat(phase, ',') FROM (SELECT phase "
                                        "FROM reviews ORDER BY at, id)",
                                        -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "0,1,2,3");
    sqlite3_finalize(q);
    sqlite3_close(db);

    /* The backup is the old file: same version, same records. */
    assert_int_equal(sqlite3_open_v2(bak, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(query_int(db, "PRAGMA user_version"), v);
    assert_int_equal(query_int(db, "SELECT count(*) FROM reviews"), 3);
    assert_int_equal(query_int(db, "PRAGMA application_id"), STORE_APP_ID);
    sqlite3_close(db);
    th_rmtree(dir);
    free(dir);
}

static void test_upgrade_from_1(void **state)
{
    (void)state;
    upgrade_from(1);
}

static void test_upgrade_from_2(void **state)
{
    (void)state;
    upgrade_from(2);
}

/* Opening a current file makes no backup and changes nothing it need not. */
static void test_current_no_backup(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char path[512], bak[600];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    struct store *st;
    char err[1024];
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    store_close(st);
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    store_close(st);
    for (int v = 0; v <= STORE_SCHEMA_VERSION; v++) {
        snprintf(bak, sizeof bak, "%s.v%d.bak", path, v);
        assert_int_not_equal(access(bak, F_OK), 0);
    }
    th_rmtree(dir);
    free(dir);
}

/* A step that fails (here: a table in the way of version 2's) rolls the
 * whole migration back: the file is byte-for-byte the old one, still at its
 * old version, and the backup was made. */
static void test_failed_migration(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char path[512], bak[600];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    snprintf(bak, sizeof bak, "%s.v1.bak", path);
    build_old(path, 1);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec(db, "CREATE TABLE runs (x)");
    sqlite3_close(db);
    size_t n0, n1;
    char *before = th_read_file(path, &n0);

    struct store *st = (struct store *)1;
    char err[1024], want[2048];
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_MIGRATE);
    assert_null(st);
    snprintf(want, sizeof want,
             "%s: upgrading from schema 1 failed (migrating schema 1 to 2: table runs already "
             "exists); the database was left as it was, and a copy is in %s",
             path, bak);
    assert_string_equal(err, want);
    char *after = th_read_file(path, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    assert_int_equal(access(bak, F_OK), 0);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(query_int(db, "PRAGMA user_version"), 1);
    assert_int_equal(query_int(db, "SELECT count(*) FROM reviews"), 3);
    sqlite3_close(db);
    free(before);
    free(after);
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_upgrade_from_1),
        cmocka_unit_test(test_upgrade_from_2),
        cmocka_unit_test(test_current_no_backup),
        cmocka_unit_test(test_failed_migration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
