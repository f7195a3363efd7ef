/* test_oom.c: allocation fault injection. SQLite's allocator is wrapped so
 * that its Nth allocation fails; each store call (open, record, queue,
 * stats, export, import, quiz) is run on a copy of the same small file with
 * N = 0, 1, 2, ... until a run meets no failure. Whatever N, the call returns (a status, never a
 * crash), and once memory is back the file passes PRAGMA integrity_check and every card has seen
 * exactly its question's reviews. (The store's own allocations abort on failure, by the project's
 * policy; SQLite's must not take it down.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "harness.h"
#include "store.h"

#define T0 INT64_C(1772409600000)

static sqlite3_mem_methods real_mem;
static int countdown = -1; /* the allocation that fails; < 0: none */
static int failures;       /* allocations refused */

static bool refuse(void)
{
    if (countdown < 0)
        return false;
    if (countdown-- == 0) {
        failures++;
        return true;
    }
    return false;
}

static void *m_malloc(int n)
{
    return refuse() ? NULL : real_mem.xMalloc(n);
}
static void *m_realloc(void *p, int n)
{
    return refuse() ? NULL : real_mem.xRealloc(p, n);
}
static void m_free(void *p)
{
    real_mem.xFree(p);
}
static int m_size(void *p)
{
    return real_mem.xSize(p);
}
static int m_roundup(int n)
{
    return real_mem.xRoundup(n);
}
static int m_init(void *p)
{
    return real_mem.xInit(p);
}
static void m_shutdown(void *p)
{
    real_mem.xShutdown(p);
}

static void install(void)
{
    assert_int_equal(sqlite3_shutdown(), SQLITE_OK);
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem), SQLITE_OK);
    static sqlite3_mem_methods mine;
    mine = real_mem;
    mine.xMalloc = m_malloc;
    mine.xRealloc = m_realloc;
    mine.xFree = m_free;
    mine.xSize = m_size;
    mine.xRoundup = m_roundup;
    mine.xInit = m_init;
    mine.xShutdown = m_shutdown;
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &mine), SQLITE_OK);
    /* No lookaside: every allocation goes through the wrapper. */
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0), SQLITE_OK);
    assert_int_equal(sqlite3_initialize(), SQLITE_OK);
}

static void check_consistent(const char *path, const char *name, int n)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
        fail_msg("%s, allocation %d refused: integrity_check says %s", name, n,
                 sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db,
                           "SELECT c.question, c.reps, (SELECT count(*) FROM reviews r WHERE "
                           "r.question = c.question) FROM cards c",
                           -1, &s, NULL) == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW)
            if (sqlite3_column_int(s, 1) != sqlite3_column_int(s, 2))
                fail_msg("%s, allocation %d refused: card %s has %d reps, %d reviews", name, n,
                         sqlite3_column_text(s, 0), sqlite3_column_int(s, 1),
                         sqlite3_column_int(s, 2));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
}

enum op { OP_OPEN, OP_REVIEW, OP_DUE, OP_STATS, OP_EXPORT, OP_IMPORT, OP_QUIZ };

static enum store_status do_op(enum op op, struct store *st, const char *import_path)
{
    struct store_review r = {"sync.mutex", T0 + 5000, SRS_AGAIN, 10, STORE_QUIZ};
    struct store_cards c;
    struct store_stats s[2];
    struct store_import_result res;
    enum store_status rc;
    int64_t id;
    switch (op) {
    case OP_REVIEW: return store_record_review(st, &r, NULL);
    case OP_DUE:
        rc = store_due(st, T0 + 86400000, 0, &c);
        if (rc == STORE_OK)
            store_cards_free(&c);
        return rc;
    case OP_STATS: return store_stats(st, T0, 3600, 2, NULL, NULL, s);
    case OP_EXPORT: {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        rc = store_export(st, f, T0);
        fclose(f);
        free(buf);
        return rc;
    }
    case OP_IMPORT: return store_import_file(st, import_path, NULL, NULL, &res);
    case OP_QUIZ: {
        rc = store_quiz_begin(st, T0, "all", &id);
        struct store_quiz_answer a = {"sync.mutex", 0, 1, true, T0 + 1};
        if (rc == STORE_OK)
            rc = store_quiz_answer(st, id, &a);
        if (rc == STORE_OK)
            rc = store_quiz_finish(st, id, T0 + 2);
        return rc;
    }
    case OP_OPEN:
    default: return STORE_OK;
    }
}

static void run_oom(enum op op, const char *name)
{
    char *dir = th_tmpdir();
    char path[512], import_path[512], side[600];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    snprintf(import_path, sizeof import_path, "%s/in.json", dir);
    th_write_file(import_path,
                  "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": 0,"
                  " \"reviews\": [{\"question\": \"sync.mutex\", \"at\": 1772409800000,"
                  " \"grade\": \"easy\", \"duration_ms\": 0, \"mode\": \"quiz\"}],"
                  " \"runs\": [{\"exercise\": \"x/y\", \"at\": 1, \"seed\": \"9\", \"procs\": 2,"
                  " \"outcome\": \"leak\", \"findings\": \"1 goroutine\"}],"
                  " \"fixes\": [], \"quiz_sessions\": [], \"settings\": {\"a\": \"b\"}}");
    /* The starting file, made once: one question reviewed once. Each run
     * starts from a copy of it (no fsync needed to set up). */
    char tmpl[600];
    snprintf(tmpl, sizeof tmpl, "%s/template.db", dir);
    struct store *st = NULL;
    char err[1024];
    assert_int_equal(store_open(tmpl, NULL, &st, err, sizeof err), STORE_OK);
    struct store_review first = {"sync.mutex", T0, SRS_GOOD, 10, STORE_STUDY};
    assert_int_equal(store_record_review(st, &first, NULL), STORE_OK);
    store_close(st);
    size_t tlen;
    char *tbytes = th_read_file(tmpl, &tlen);
    assert_non_null(tbytes);
    int n, failed = 0;
    for (n = 0; n < 5000; n++) {
        snprintf(side, sizeof side, "%s-wal", path);
        remove(side);
        snprintf(side, sizeof side, "%s-shm", path);
        remove(side);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(tbytes, 1, tlen, f), tlen);
        fclose(f);
        st = NULL;
        failures = 0;
        countdown = -1;
        enum store_status s;
        if (op == OP_OPEN) {
            countdown = n;
            s = store_open(path, NULL, &st, err, sizeof err);
        } else {
            assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
            countdown = n;
            s = do_op(op, st, import_path);
        }
        countdown = -1;
        bool hit = failures > 0;
        if (!hit && s != STORE_OK)
            fail_msg("%s: no failure, yet status %d: %s", name, s, st ? store_errmsg(st) : err);
        if (s != STORE_OK)
            failed++;
        store_close(st);
        struct store *again;
        if (store_open(path, NULL, &again, err, sizeof err) != STORE_OK)
            fail_msg("%s, allocation %d refused: reopening: %s", name, n, err);
        store_close(again);
        check_consistent(path, name, n);
        if (!hit)
            break;
    }
    printf("%s: allocations 0..%d refused in turn: %d calls failed cleanly\n", name, n - 1, failed);
    assert_true(n < 5000);
    free(tbytes);
    th_rmtree(dir);
    free(dir);
}

static void test_open(void **state)
{
    (void)state;
    run_oom(OP_OPEN, "open");
}
static void test_review(void **state)
{
    (void)state;
    run_oom(OP_REVIEW, "record a review");
}
static void test_due(void **state)
{
    (void)state;
    run_oom(OP_DUE, "due queue");
}
static void test_stats(void **state)
{
    (void)state;
    run_oom(OP_STATS, "stats");
}
static void test_export(void **state)
{
    (void)state;
    run_oom(OP_EXPORT, "export");
}
static void test_import(void **state)
{
    (void)state;
    run_oom(OP_IMPORT, "import");
}
static void test_quiz(void **state)
{
    (void)state;
    run_oom(OP_QUIZ, "quiz");
}

int main(void)
{
    install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open),  cmocka_unit_test(test_review), cmocka_unit_test(test_due),
        cmocka_unit_test(test_stats), cmocka_unit_test(test_export), cmocka_unit_test(test_import),
        cmocka_unit_test(test_quiz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
