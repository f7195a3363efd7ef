/* test_bad.c: one malformed bank file against its expected diagnostics.
 *
 * usage: test_bank_bad FILE.json. The expectations are in FILE.expect, one
 * diagnostic a line, `LINE:COL: MESSAGE` (or `-: MESSAGE` without a
 * position), in the order the loader reports them; `$DIR` stands for the
 * directory of FILE.json. The file is loaded alone, with the programs of
 * tests/bank/exercises ($BANK_EXERCISES), and the bank is finished so that
 * links are checked too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bank.h"
#include "harness.h"

static const char *json_path;

/* replace_all returns s with every from replaced by to (caller frees). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to), n = 0;
    for (const char *p = s; (p = strstr(p, from)) != NULL; p += nf)
        n++;
    char *out = malloc(strlen(s) + n * nt + 1);
    assert_non_null(out);
    char *w = out;
    for (const char *p = s;;) {
        const char *hit = strstr(p, from);
        if (!hit) {
            strcpy(w, p);
            break;
        }
        memcpy(w, p, (size_t)(hit - p));
        w += hit - p;
        memcpy(w, to, nt);
        w += nt;
        p = hit + nf;
    }
    return out;
}

static void test_expected_diagnostics(void **state)
{
    (void)state;
    char *dir = strdup(json_path);
    assert_non_null(dir);
    *strrchr(dir, '/') = '\0';

    size_t n = strlen(json_path);
    assert_true(n > 5 && strcmp(json_path + n - 5, ".json") == 0);
    char *expect_path = malloc(n - 5 + sizeof ".expect");
    assert_non_null(expect_path);
    memcpy(expect_path, json_path, n - 5);
    strcpy(expect_path + n - 5, ".expect");
    char *want = th_read_file(expect_path, NULL);
    if (!want)
        fail_msg("cannot read %s", expect_path);

    struct bank *b = bank_new();
    int added = bank_add_file(b, json_path, th_env("BANK_EXERCISES"), false);
    added += bank_finish(b);
    assert_int_equal((size_t)added, bank_diag_count(b));
    assert_true(bank_diag_count(b) > 0); /* a bad file must be refused */

    char *got = NULL;
    size_t got_len = 0;
    FILE *f = open_memstream(&got, &got_len);
    assert_non_null(f);
    for (size_t i = 0; i < bank_diag_count(b); i++) {
        const struct bank_diag *d = bank_diag_at(b, i);
        assert_string_equal(d->file, json_path);
        if (d->line > 0)
            fprintf(f, "%d:%d: %s\n", d->line, d->col, d->message);
        else
            fprintf(f, "-: %s\n", d->message);
    }
    fclose(f);
    char *got_rel = replace_all(got, dir, "$DIR");
    assert_string_equal(got_rel, want);

    free(got_rel);
    free(got);
    bank_free(b);
    free(want);
    free(expect_path);
    free(dir);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.json\n", argv[0]);
        return 2;
    }
    json_path = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expected_diagnostics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
