/* test_md.c: the Markdown renderer: exact lines and styles for every
 * construct the answers use, wrapped at a fixed width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "md.h"

/* Renders md at width and compares the lines with want ("\n"-joined). */
static void check(const char *md, int width, const char *want)
{
    struct md_doc *d = md_doc_new(width);
    assert_int_equal(md_render(d, md, strlen(md), NULL, NULL), 0);
    char *got = md_doc_text(d);
    if (strcmp(got, want) != 0)
        fail_msg("markdown:\n%s\nat width %d gave:\n%s\nwant:\n%s", md, width, got, want);
    for (int i = 0; i < d->n; i++) {
        char *line = md_line_text(d, i);
        if (utf8_width(line, strlen(line)) > width)
            fail_msg("line %d is wider than %d: %s", i, width, line);
        free(line);
    }
    free(got);
    md_doc_free(d);
}

static void test_paragraphs(void **state)
{
    (void)state;
    check("Hello **bold** and `code`.", 40, "Hello bold and code.");
    check("One.\n\nTwo.", 40, "One.\n\nTwo.");
    check("soft\nbreak", 40, "soft break");
    check("hard  \nbreak", 40, "hard\nbreak");
    check("the quick brown fox jumps", 10, "the quick\nbrown fox\njumps");
    check("abcdefghij", 4, "abcd\nefgh\nij");
    check("a &amp; b &lt;c&gt; &#65;&#x42;", 40, "a & b <c> AB");
}

static void test_styles(void **state)
{
    (void)state;
    const char *md = "Hello **bold** and `code` *em* [link](http://x).";
    struct md_doc *d = md_doc_new(60);
    md_render(d, md, strlen(md), NULL, NULL);
    assert_int_equal(d->n, 1);
    const struct md_line *l = &d->lines[0];
    struct {
        const char *text;
        int role, attr;
    } want[] = {
        {"Hello ", ROLE_TEXT, 0}, {"bold", ROLE_TEXT, ATTR_BOLD},
        {" and ", ROLE_TEXT, 0},  {"code", ROLE_CODE, 0},
        {" ", ROLE_TEXT, 0},      {"em", ROLE_TEXT, ATTR_ITALIC},
        {" ", ROLE_TEXT, 0},      {"link", ROLE_INFO, ATTR_UNDERLINE},
        {".", ROLE_TEXT, 0},
    };
    assert_int_equal(l->n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < l->n; i++) {
        assert_string_equal(l->spans[i].text, want[i].text);
        assert_int_equal(l->spans[i].role, want[i].role);
        assert_int_equal(l->spans[i].attr, want[i].attr);
    }
    md_doc_free(d);
}

static void test_lists(void **state)
{
    (void)state;
    check("- one\n- two words that wrap around\n", 12,
          "\xe2\x80\xa2 one\n\xe2\x80\xa2 two words\n  that wrap\n  around");
    check("3. a\n4. b\n", 20, "3. a\n4. b");
    check("- a\n  - b\n- c\n", 20, "\xe2\x80\xa2 a\n  \xe2\x80\xa2 b\n\xe2\x80\xa2 c");
    check("- a\n\n- b\n", 20, "\xe2\x80\xa2 a\n\n\xe2\x80\xa2 b");
    check("Before:\n\n- a\n\nAfter", 20, "Before:\n\n\xe2\x80\xa2 a\n\nAfter");
    check("1. **x** y\n", 20, "1. x y");
}

static void test_code(void **state)
{
    (void)state;
    check("```go\nfunc main() {\n\tx := 1\n}\n```\n", 40, "  func main() {\n      x := 1\n  }");
    check("Text\n\n```\nA\n```\nAfter", 40, "Text\n\n  A\n\nAfter");
    /* Long code lines break at the width rather than run off the screen. */
    check("```\nabcdefghij\n```\n", 8, "  abcdef\n  ghij");
    struct md_doc *d = md_doc_new(40);
    const char *md = "```\nx\n```\n";
    md_render(d, md, strlen(md), NULL, NULL);
    assert_int_equal(d->lines[0].spans[1].role, ROLE_CODE);
    md_doc_free(d);
}

/* A highlighter that marks every 'k' as a keyword, to see roles applied. */
static int fake_hl(const char *code, size_t len, uint8_t *roles, void *ud)
{
    (*(int *)ud)++;
    for (size_t i = 0; i < len; i++)
        if (code[i] == 'k')
            roles[i] = ROLE_SYN_KEYWORD;
    return 1;
}

static void test_highlighter_only_for_go(void **state)
{
    (void)state;
    int calls = 0;
    struct md_doc *d = md_doc_new(40);
    const char *md = "```go\nak\n```\n\n```\nk\n```\n";
    md_render(d, md, strlen(md), fake_hl, &calls);
    assert_int_equal(calls, 1);
    /* "  " lead, "a" code, "k" keyword */
    assert_int_equal(d->lines[0].n, 3);
    assert_string_equal(d->lines[0].spans[2].text, "k");
    assert_int_equal(d->lines[0].spans[2].role, ROLE_SYN_KEYWORD);
    assert_int_equal(d->lines[2].spans[1].role, ROLE_CODE);
    md_doc_free(d);
}

static void test_blocks(void **state)
{
    (void)state;
    check("# Title\nBody", 20, "Title\n\nBody");
    check("> quoted text", 20, "\xe2\x94\x82 quoted text");
    check("a\n\n---\n\nb", 5,
          "a\n\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\nb");
    check("| a | b |\n|---|---|\n| 1 | 2 |\n", 20, "a \xe2\x94\x82 b\n1 \xe2\x94\x82 2");
    struct md_doc *d = md_doc_new(20);
    md_render(d, "# T", 3, NULL, NULL);
    assert_int_equal(d->lines[0].spans[0].role, ROLE_TITLE);
    assert_int_equal(d->lines[0].spans[0].attr, ATTR_BOLD);
    md_doc_free(d);
}

static void test_builders(void **state)
{
    (void)state;
    struct md_doc *d = md_doc_new(10);
    md_add_text(d, "one two three", 2, ROLE_DIM, 0);
    md_add_blank(d);
    md_add_line(d, "abc", ROLE_KEY, 0, "defghijkl", ROLE_TEXT, ATTR_BOLD, NULL);
    char *t = md_doc_text(d);
    assert_string_equal(t, "  one two\n  three\n\nabcdefghij");
    free(t);
    assert_int_equal(d->lines[3].spans[1].attr, ATTR_BOLD);
    /* Appending Markdown after text puts a blank line between them. */
    md_render(d, "x", 1, NULL, NULL);
    t = md_doc_text(d);
    assert_string_equal(t, "  one two\n  three\n\nabcdefghij\n\nx");
    free(t);
    md_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_styles),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_code),
        cmocka_unit_test(test_highlighter_only_for_go),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_builders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
