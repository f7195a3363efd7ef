/* test_layout.c: rectangle cuts, proportional splits, list scrolling and
 * word wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tui_impl.h"

static void test_cuts(void **state)
{
    (void)state;
    struct rect r = {0, 0, 80, 24};
    struct rect top = rect_cut_top(&r, 1), bottom = rect_cut_bottom(&r, 1);
    assert_int_equal(top.y, 0);
    assert_int_equal(top.h, 1);
    assert_int_equal(bottom.y, 23);
    assert_int_equal(r.y, 1);
    assert_int_equal(r.h, 22);
    struct rect left = rect_cut_left(&r, 30), right = rect_cut_right(&r, 100);
    assert_int_equal(left.w, 30);
    assert_int_equal(r.x, 30);
    assert_int_equal(right.w, 50); /* clamped to what was left */
    assert_int_equal(r.w, 0);
    struct rect in = rect_inset((struct rect){2, 3, 10, 4}, 1, 1);
    assert_int_equal(in.x, 3);
    assert_int_equal(in.y, 4);
    assert_int_equal(in.w, 8);
    assert_int_equal(in.h, 2);
    in = rect_inset((struct rect){0, 0, 1, 1}, 2, 2);
    assert_int_equal(in.w, 0);
    assert_int_equal(in.h, 0);
    assert_true(rect_contains((struct rect){2, 2, 3, 3}, 4, 4));
    assert_false(rect_contains((struct rect){2, 2, 3, 3}, 5, 4));
}

static void test_split(void **state)
{
    (void)state;
    int out[4];
    layout_split(80, 3, (int[]){1, 1, 1}, NULL, out);
    assert_int_equal(out[0], 27);
    assert_int_equal(out[1], 27);
    assert_int_equal(out[2], 26);
    layout_split(10, 2, (int[]){1, 3}, (int[]){4, 2}, out);
    assert_int_equal(out[0], 5);
    assert_int_equal(out[1], 5);
    /* Minimums that do not fit are dropped; the sizes still sum up. */
    layout_split(5, 2, (int[]){1, 1}, (int[]){4, 4}, out);
    assert_int_equal(out[0] + out[1], 5);
    layout_split(7, 2, (int[]){0, 0}, NULL, out);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[1], 7);
}

static void test_scroll(void **state)
{
    (void)state;
    assert_int_equal(layout_scroll(0, 100, 10, 0), 0);
    assert_int_equal(layout_scroll(15, 100, 10, 0), 6);
    assert_int_equal(layout_scroll(3, 100, 10, 6), 3);
    assert_int_equal(layout_scroll(8, 100, 10, 5), 5); /* visible: stays */
    assert_int_equal(layout_scroll(99, 100, 10, 0), 90);
    assert_int_equal(layout_scroll(2, 5, 10, 3), 0); /* all fit */
    assert_int_equal(layout_scroll(50, 100, 10, 95), 50);
    assert_int_equal(layout_scroll(0, 0, 10, 4), 0);
}

static void assert_lines(const char *s, int width, const char *const *want, int n)
{
    struct wrap_line wl[16];
    int got = text_wrap(s, width, wl, 16);
    if (got != n)
        fail_msg("\"%s\" at %d: %d lines, want %d", s, width, got, n);
    for (int i = 0; i < n; i++) {
        if (wl[i].len != strlen(want[i]) || memcmp(s + wl[i].off, want[i], wl[i].len) != 0)
            fail_msg("\"%s\" at %d: line %d is \"%.*s\", want \"%s\"", s, width, i, (int)wl[i].len,
                     s + wl[i].off, want[i]);
        assert_int_equal(wl[i].width, utf8_width(want[i], strlen(want[i])));
    }
}

static void test_wrap(void **state)
{
    (void)state;
    assert_lines("the quick brown fox", 10, (const char *[]){"the quick", "brown fox"}, 2);
    assert_lines("the quick brown fox", 19, (const char *[]){"the quick brown fox"}, 1);
    assert_lines("abcdefghijkl", 5, (const char *[]){"abcde", "fghij", "kl"}, 3);
    assert_lines("a\n\nb", 5, (const char *[]){"a", "", "b"}, 3);
    assert_lines("", 5, (const char *[]){""}, 1);
    assert_lines("one  two", 4, (const char *[]){"one", "two"}, 2);
    assert_lines("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4,
                 (const char *[]){"\xe4\xb8\xad\xe6\x96\x87", "\xe5\xad\x97"}, 2);
    assert_lines("go run x", 1, (const char *[]){"g", "o", "r", "u", "n", "x"}, 6);
    /* Counting without storing. */
    assert_int_equal(text_wrap("the quick brown fox", 10, NULL, 0), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cuts),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_scroll),
        cmocka_unit_test(test_wrap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
