/* test_mutate.c: the loader on randomly damaged copies of the good bank.
 *
 * Each round takes one file of tests/bank/good, damages it (flips, deletes
 * or inserts bytes, favouring JSON punctuation), and loads it alone. Whatever
 * the damage, the loader must not crash (run it under the asan build), and
 * either accept the file or report diagnostics whose positions lie inside
 * the file, each naming it. The seed is printed; BANK_SEED=N replays a run,
 * BANK_ROUNDS=N changes the number of rounds (default 1500). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bank.h"
#include "harness.h"

static uint64_t rng_state;

static uint64_t next(void)
{
    /* splitmix64: small, and the same sequence everywhere. */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t below(size_t n)
{
    return n ? (size_t)(next() % n) : 0;
}

/* damage applies 1 to 4 random edits to buf (len bytes, room for len + 8
 * more) and returns the new length. */
static size_t damage(char *buf, size_t len)
{
    static const char pieces[] = "{}[]:,\"\\ \n0-.etnu\xC3\xE2";
    int edits = 1 + (int)below(4);
    for (int e = 0; e < edits; e++) {
        size_t at = below(len);
        switch (below(3)) {
        case 0: /* replace */
            if (len > 0)
                buf[at] = pieces[below(sizeof pieces - 1)];
            break;
        case 1: /* delete a run of 1 to 3 bytes */
            if (len > 0) {
                size_t n = 1 + below(3);
                if (at + n > len)
                    n = len - at;
                memmove(buf + at, buf + at + n, len - at - n);
                len -= n;
            }
            break;
        default: /* insert one byte */
            memmove(buf + at + 1, buf + at, len - at);
            buf[at] = pieces[below(sizeof pieces - 1)];
            len++;
            break;
        }
    }
    return len;
}

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n;
}

static void test_damaged_files(void **state)
{
    (void)state;
    const char *seed_env = getenv("BANK_SEED");
    const char *rounds_env = getenv("BANK_ROUNDS");
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 10) : 20261128;
    long rounds = rounds_env ? strtol(rounds_env, NULL, 10) : 1500;
    printf("seed %llu (BANK_SEED=%llu replays), %ld rounds\n", (unsigned long long)seed,
           (unsigned long long)seed, rounds);
    rng_state = seed;

    static const char *const names[] = {"channels.json", "leaks.json", "sync.json"};
    char *originals[3];
    size_t lens[3];
    for (size_t i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", th_env("BANK_GOOD"), names[i]);
        originals[i] = th_read_file(path, &lens[i]);
        assert_non_null(originals[i]);
    }
    char *tmp = th_tmpdir();
    char file[4096];
    snprintf(file, sizeof file, "%s/damaged.json", tmp);
    size_t accepted = 0, refused = 0;
    for (long r = 0; r < rounds; r++) {
        size_t which = below(3);
        size_t len = lens[which];
        char *buf = malloc(len + 16);
        assert_non_null(buf);
        memcpy(buf, originals[which], len);
        len = damage(buf, len);
        FILE *f = fopen(file, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(buf, 1, len, f), len);
        fclose(f);

        struct bank *b = bank_new();
        size_t n = (size_t)bank_add_file(b, file, th_env("BANK_EXERCISES"), false);
        n += (size_t)bank_finish(b);
        assert_int_equal(n, bank_diag_count(b));
        size_t lines = count_lines(buf, len);
        for (size_t i = 0; i < n; i++) {
            const struct bank_diag *d = bank_diag_at(b, i);
            assert_string_equal(d->file, file);
            assert_true(d->message[0] != '\0');
            if (d->line < 1 || (size_t)d->line > lines || d->col < 1)
                fail_msg("round %ld: position %d:%d outside a file of %zu lines: %s", r, d->line,
                         d->col, lines, d->message);
        }
        if (n == 0) {
            accepted++;
            assert_true(bank_question_count(b) + bank_exercise_count(b) > 0);
        } else {
            refused++;
        }
        bank_free(b);
        free(buf);
    }
    printf("%zu damaged files still valid (e.g. damage inside a string), %zu refused with "
           "diagnostics\n",
           accepted, refused);
    assert_true(refused > 0);
    th_rmtree(tmp);
    free(tmp);
    for (size_t i = 0; i < 3; i++)
        free(originals[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_damaged_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
