/* test_import_bad.c FILE.json FILE.err: importing a malformed or hostile
 * export fails with exactly the message in FILE.err (FILE stands for the
 * path) and changes nothing: the export of the database is the same before
 * and after. Ids that begin with "known" are the bank's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "store.h"

static const char *json_path, *err_path;

static bool known(enum store_id_kind kind, const char *id, void *ctx)
{
    (void)kind, (void)ctx;
    return strncmp(id, "known", 5) == 0;
}

static char *export_text(struct store *st)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_int_equal(store_export(st, f, 1), STORE_OK);
    fclose(f);
    return buf;
}

/* The expected message: FILE replaced by the path. */
static char *expected(void)
{
    char *want = th_read_file(err_path, NULL);
    assert_non_null(want);
    char *at = strstr(want, "FILE");
    assert_non_null(at);
    size_t n = strlen(want) + strlen(json_path) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - want), want, json_path, at + 4);
    free(want);
    return out;
}

static void test_rejected(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    struct store *st;
    char err[512];
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    struct store_review r = {"known.q", 5000, SRS_HARD, 3, STORE_QUIZ};
    assert_int_equal(store_record_review(st, &r, NULL), STORE_OK);
    assert_int_equal(store_setting_set(st, "desired_retention", "0.8"), STORE_OK);
    char *before = export_text(st);

    struct store_import_result res;
    enum store_status s = store_import_file(st, json_path, known, NULL, &res);
    char *want = expected();
    if (s != STORE_INVALID || strcmp(store_errmsg(st), want) != 0)
        fail_msg("status %d, message:\n  %s\nwant:\n  %s", s, store_errmsg(st), want);
    char *after = export_text(st);
    assert_string_equal(before, after);
    free(want);
    free(before);
    free(after);
    store_close(st);
    th_rmtree(dir);
    free(dir);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_import_bad FILE.json FILE.err\n");
        return 2;
    }
    json_path = argv[1];
    err_path = argv[2];
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_rejected)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
