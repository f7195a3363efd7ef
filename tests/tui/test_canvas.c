/* test_canvas.c: the canvas: UTF-8 decoding and widths, clipping, wide
 * characters, boxes, bars and the text dump the other tests rely on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tui_impl.h"

static void assert_row(const struct canvas *cv, int y, const char *want)
{
    char *got = cv_row_text(cv, y);
    if (strcmp(got, want) != 0)
        fail_msg("row %d: got \"%s\", want \"%s\"", y, got, want);
    free(got);
}

static void test_utf8(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_next("\xc3\xa9!", 3, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(utf8_next("\xe4\xb8\xad", 3, &cp), 3);
    assert_int_equal(cp, 0x4E2D);
    assert_int_equal(utf8_next("\xff", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(utf8_next("\xe4\xb8", 2, &cp), 1); /* truncated */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(utf8_next("\xc0\xaf", 2, &cp), 2); /* overlong */
    assert_int_equal(cp, 0xFFFD);
    char buf[4];
    assert_int_equal(utf8_encode(0x1F600, buf), 4);
    assert_memory_equal(buf, "\xf0\x9f\x98\x80", 4);
    assert_int_equal(cp_width('a'), 1);
    assert_int_equal(cp_width(0x4E2D), 2);
    assert_int_equal(cp_width(0x0301), 0);
    assert_int_equal(cp_width(0x2605), 1);
    assert_int_equal(cp_width(0x1F600), 2);
    assert_int_equal(utf8_width("h\xc3\xa9llo \xe4\xb8\xad", (size_t)-1), 8);
}

static void test_text_and_clipping(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(10, 3);
    assert_int_equal(cv_text(cv, 2, 1, 20, ROLE_TEXT, 0, "h\xc3\xa9llo"), 5);
    assert_row(cv, 1, "  h\xc3\xa9llo");
    assert_row(cv, 0, "");
    /* maxw and the canvas edge both clip. */
    assert_int_equal(cv_text(cv, 0, 0, 3, ROLE_TEXT, 0, "abcdef"), 3);
    assert_row(cv, 0, "abc");
    cv_text(cv, 7, 2, 10, ROLE_TEXT, 0, "wxyz");
    assert_row(cv, 2, "       wxy");
    /* Control characters become spaces; a newline ends the text. */
    canvas_clear(cv);
    cv_text(cv, 0, 0, 10, ROLE_TEXT, 0, "a\tb\nc");
    assert_row(cv, 0, "a b");
    canvas_free(cv);
}

static void test_wide_characters(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(5, 2);
    /* Two columns each: the second does not fit in the one left. */
    assert_int_equal(cv_text(cv, 0, 0, 5, ROLE_TEXT, 0, "ab\xe4\xb8\xad\xe6\x96\x87"), 4);
    assert_row(cv, 0, "ab\xe4\xb8\xad");
    assert_int_equal(cv_cell(cv, 3, 0)->ch, 0u);
    /* Writing over the right half blanks the left half. */
    cv_put(cv, 3, 0, 'x', ROLE_TEXT, 0);
    assert_row(cv, 0, "ab x");
    canvas_free(cv);
}

static void test_fit_and_printf(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(12, 2);
    assert_int_equal(cv_text_fit(cv, 0, 0, 4, ROLE_TEXT, 0, "abcdef"), 4);
    assert_row(cv, 0, "abc\xe2\x80\xa6");
    assert_int_equal(cv_text_fit(cv, 0, 1, 6, ROLE_TEXT, 0, "abcdef"), 6);
    assert_row(cv, 1, "abcdef");
    canvas_clear(cv);
    cv_printf(cv, 1, 0, 11, ROLE_DIM, 0, "%d/%d", 3, 42);
    assert_row(cv, 0, " 3/42");
    assert_int_equal(cv_cell(cv, 1, 0)->role, ROLE_DIM);
    canvas_free(cv);
}

static void test_box(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(10, 3);
    cv_box(cv, (struct rect){0, 0, 10, 3}, ROLE_BORDER, "Title");
    assert_row(cv, 0, "\xe2\x95\xad Title \xe2\x94\x80\xe2\x95\xae");
    assert_row(cv, 1, "\xe2\x94\x82        \xe2\x94\x82");
    assert_row(cv, 2,
               "\xe2\x95\xb0\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
               "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x95\xaf");
    assert_int_equal(cv_cell(cv, 2, 0)->role, ROLE_TITLE);
    assert_int_equal(cv_cell(cv, 0, 1)->role, ROLE_BORDER);
    canvas_free(cv);
}

static void test_bar(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(10, 3);
    cv_bar(cv, 0, 0, 10, 1, 2, 4);
    assert_row(cv, 0,
               "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92"
               "\xe2\x96\x91\xe2\x96\x91\xe2\x96\x91\xe2\x96\x91\xe2\x96\x91");
    assert_int_equal(cv_cell(cv, 0, 0)->role, ROLE_BAR_DONE);
    assert_int_equal(cv_cell(cv, 2, 0)->role, ROLE_BAR_SEEN);
    assert_int_equal(cv_cell(cv, 9, 0)->role, ROLE_BAR_EMPTY);
    /* One mastered of 100 still shows; nothing of nothing is empty. */
    cv_bar(cv, 0, 1, 10, 1, 1, 100);
    assert_int_equal(cv_cell(cv, 0, 1)->role, ROLE_BAR_DONE);
    assert_int_equal(cv_cell(cv, 1, 1)->role, ROLE_BAR_EMPTY);
    cv_bar(cv, 0, 2, 10, 0, 0, 0);
    assert_int_equal(cv_cell(cv, 0, 2)->role, ROLE_BAR_EMPTY);
    canvas_free(cv);
}

static void test_paint_and_dump(void **state)
{
    (void)state;
    struct canvas *cv = canvas_new(4, 2);
    cv_text(cv, 0, 0, 4, ROLE_TEXT, 0, "ab");
    cv_paint(cv, (struct rect){0, 0, 4, 1}, ROLE_SELECTED, ATTR_BOLD);
    assert_int_equal(cv_cell(cv, 3, 0)->role, ROLE_SELECTED);
    assert_int_equal(cv_cell(cv, 0, 0)->attr, ATTR_BOLD);
    assert_int_equal(cv_cell(cv, 0, 1)->role, ROLE_TEXT);
    char *d = cv_dump(cv);
    assert_string_equal(d, "ab\n\n");
    free(d);
    canvas_resize(cv, 3, 1);
    d = cv_dump(cv);
    assert_string_equal(d, "\n");
    free(d);
    assert_string_equal(role_name(ROLE_SELECTED), "SELECTED");
    canvas_free(cv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_text_and_clipping),
        cmocka_unit_test(test_wide_characters),
        cmocka_unit_test(test_fit_and_printf),
        cmocka_unit_test(test_box),
        cmocka_unit_test(test_bar),
        cmocka_unit_test(test_paint_and_dump),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
