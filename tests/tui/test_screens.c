/* test_screens.c: the whole app without a terminal: keys go in through
 * app_key, frames come out of app_draw on a canvas of a fixed size, with a
 * bank of known content (testdata/bank), a fresh database and a fixed
 * clock, so layouts are compared with golden files (golden/NAME.txt; run
 * with TUI_GOLDEN_UPDATE=1 to rewrite them after a deliberate change). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "model.h"
#include "tui_impl.h"

#define NOW 1700000000LL /* 2023-11-14 22:13:20 UTC */

struct fixture {
    char *dir;
    char db[600];
    struct app *a;
    struct canvas *cv;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    snprintf(f->db, sizeof f->db, "%s/progress.db", f->dir);
    struct tui_options opt = {.db_path = f->db, .seed = 1, .procs = 1};
    f->a = app_new(&opt);
    f->a->now_override = NOW;
    char qdir[600];
    snprintf(qdir, sizeof qdir, "%s/testdata/bank/questions", th_env("TUI_TESTDATA"));
    struct bank *b = bank_new();
    bank_add_dir(b, qdir, false, false);
    bank_finish(b);
    if (bank_diag_count(b) > 0) {
        bank_print_diags(b, stderr);
        fail_msg("the test bank has problems");
    }
    model_use_bank(f->a->model, b);
    assert_null(f->a->model->store_problem[0] ? f->a->model->store_problem : NULL);
    f->cv = canvas_new(80, 24);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    app_free(f->a);
    canvas_free(f->cv);
    th_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void key(struct fixture *f, uint32_t ch)
{
    app_draw(f->a, f->cv); /* screens learn their layout while drawing */
    app_key(f->a, (struct tkey){.code = TK_CHAR, .ch = ch});
}

static void special(struct fixture *f, enum tkey_code code)
{
    app_draw(f->a, f->cv);
    app_key(f->a, (struct tkey){.code = code});
}

static char *frame(struct fixture *f)
{
    app_draw(f->a, f->cv);
    return cv_dump(f->cv);
}

static void assert_shows(struct fixture *f, const char *text)
{
    char *d = frame(f);
    if (!strstr(d, text)) {
        fputs(d, stderr); /* whole: cmocka cuts long messages */
        fail_msg("the frame (above) lacks \"%s\"", text);
    }
    free(d);
}

static void assert_not_shows(struct fixture *f, const char *text)
{
    char *d = frame(f);
    if (strstr(d, text))
        fail_msg("the frame shows \"%s\":\n%s", text, d);
    free(d);
}

static void golden(struct fixture *f, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/golden/%s.txt", th_env("TUI_TESTDATA"), name);
    char *got = frame(f);
    if (getenv("TUI_GOLDEN_UPDATE")) {
        th_write_file(path, got);
    } else {
        char *want = th_read_file(path, NULL);
        if (!want)
            fail_msg("no golden file %s; the frame is:\n%s", path, got);
        if (strcmp(want, got) != 0)
            fail_msg("frame differs from %s:\n--- got\n%s--- want\n%s", path, got, want);
        free(want);
    }
    free(got);
}

static void test_home(void **state)
{
    struct fixture *f = *state;
    /* The first frame does not wait for the streak; the first idle tick
     * counts it. */
    golden(f, "home-first");
    assert_int_equal(app_tick_ms(f->a), 0);
    app_tick(f->a);
    assert_int_equal(app_tick_ms(f->a), -1);
    golden(f, "home");
}

static void test_browse_and_filter(void **state)
{
    struct fixture *f = *state;
    key(f, 'b');
    golden(f, "browse");
    key(f, '3');
    assert_shows(f, "tier senior");
    assert_shows(f, "Does main wait for other goroutines?");
    assert_not_shows(f, "What is a goroutine?");
    assert_shows(f, "1 of 3");
    key(f, '0');
    key(f, 't');
    key(f, 't');
    assert_shows(f, "topic channels");
    assert_shows(f, "What does a send on an unbuffered channel wait for?");
    assert_shows(f, "1 of 3");
    key(f, '0');
    key(f, 'T');
    key(f, 'T');
    assert_shows(f, "topic all");
    /* Search: every word must occur; Esc clears it. */
    key(f, '/');
    for (const char *p = "receiver"; *p; p++)
        key(f, (uint32_t)*p);
    special(f, TK_ENTER);
    assert_shows(f, "1 of 3");
    assert_shows(f, "unbuffered channel");
    special(f, TK_ESC);
    assert_shows(f, "3 of 3");
}

static void test_question_reveal_grade_store(void **state)
{
    struct fixture *f = *state;
    key(f, 'b');
    special(f, TK_ENTER);
    golden(f, "question");
    key(f, '3'); /* grading before the answer is shown only explains */
    assert_shows(f, "Reveal the answer (space) before grading your recall.");
    key(f, ' ');
    golden(f, "answer");
    key(f, '3');
    assert_shows(f, "Stored \"good\". It comes back in 10 minutes. n: next question");
    struct srs_card card;
    assert_int_equal(store_card(f->a->model->store, "goroutines.tuitest-what", &card), STORE_OK);
    assert_int_equal(card.reps, 1);
    assert_int_equal(card.due, (NOW + 600) * 1000);
    /* n moves on within the list, f shows follow-ups. */
    key(f, 'n');
    assert_shows(f, "Does main wait for other goroutines?");
    key(f, 'f');
    assert_shows(f, "Follow-up 1");
    key(f, 'q');
    key(f, 'q');
    assert_shows(f, "  1/  1");
}

static void test_help_and_too_small(void **state)
{
    struct fixture *f = *state;
    app_tick(f->a);

    key(f, '?');
    assert_shows(f, "Help: Home");
    assert_shows(f, "Keys on this screen");
    special(f, TK_ESC);
    assert_not_shows(f, "Help: Home");
    canvas_resize(f->cv, 60, 20);
    assert_shows(f, "terminal too small: 60x20, chanlab needs at least 80x24");
    /* Keys other than q do nothing while too small. */
    key(f, 'b');
    canvas_resize(f->cv, 80, 24);
    assert_shows(f, "Menu");
    canvas_resize(f->cv, 132, 43);
    golden(f, "home-132x43");
}

static void test_stats(void **state)
{
    struct fixture *f = *state;
    key(f, 'b');
    special(f, TK_ENTER);
    key(f, ' ');
    key(f, '1');
    key(f, 'q');
    key(f, 'q');
    key(f, 's');
    golden(f, "stats");
}

/* Answers whatever the current quiz item asks: the first choice, or
 * "good" for recall items; returns false on the summary. */
static bool answer_item(struct fixture *f)
{
    char *d = frame(f);
    bool summary = strstr(d, "Score: ") != NULL;
    bool recall = strstr(d, "\u00b7 recall \u00b7") != NULL;
    free(d);
    if (summary)
        return false;
    if (recall) {
        key(f, ' ');
        key(f, '3');
    } else {
        key(f, 'a');
    }
    special(f, TK_ENTER);
    return true;
}

static void test_quiz_of_three(void **state)
{
    struct fixture *f = *state;
    key(f, 'z');
    assert_shows(f, "New quiz");
    assert_shows(f, "5 items");
    key(f, '-');
    assert_shows(f, "3 items");
    special(f, TK_ENTER);
    assert_shows(f, "Item 1 of 3");
    int n = 0;
    while (answer_item(f))
        n++;
    assert_int_equal(n, 3);
    assert_shows(f, "Score: ");
    assert_shows(f, "/3 (");
    assert_shows(f, "Stored as quiz 1.");
    struct store_quiz_session s;
    assert_int_equal(store_quiz_get(f->a->model->store, 1, &s), STORE_OK);
    assert_int_equal(s.total, 3);
    assert_true(s.finished > 0);
    special(f, TK_ENTER);
    assert_shows(f, "Menu");
}

/* run_ticks lets the Run screen work until it waits for input again. */
static void run_ticks(struct fixture *f)
{
    for (int i = 0; i < 100000 && app_tick_ms(f->a) == 0; i++)
        app_tick(f->a);
}

static void test_run_deadlock_and_fix(void **state)
{
    struct fixture *f = *state;
    run_open_exercise(f->a, "channels/tuitest-deadlock");
    assert_shows(f, "channels/tuitest-deadlock \u00b7 seed 1 \u00b7 procs 1 \u00b7 events 0");
    assert_shows(f, "\u275a\u275a paused");
    key(f, 'c');
    run_ticks(f);
    assert_shows(f, "finished: deadlocks");
    assert_shows(f, "g1 chan send");
    assert_shows(f, "Goroutines 1 (all blocked)");
    assert_shows(f, "fatal error: all goroutines are");
    assert_shows(f, "asleep - deadlock!");
    golden(f, "run-deadlock");
    key(f, 'd');
    assert_shows(f, "goroutine 1 [chan send]:");
    key(f, 'd');
    /* The fix runs clean and prints. */
    key(f, 'f');
    assert_shows(f, "tuitest-deadlock (fix)");
    key(f, 'c');
    run_ticks(f);
    assert_shows(f, "finished: runs to completion");
    assert_shows(f, "none: a clean run");
    assert_shows(f, "\u25021 ");
    /* The finished runs are stored. */
    struct store_exercise_summary sum;
    assert_int_equal(store_exercise_summary(f->a->model->store, "channels/tuitest-deadlock", &sum),
                     STORE_OK);
    assert_int_equal(sum.runs, 2);
    assert_string_equal(sum.last_outcome, "ok");
    key(f, 'h');
    assert_shows(f, "Hint 1 of 2: Who receives?");
}

/* x explores 100 schedules with lang_explore and loads the first that
 * fails: here a select over two ready channels prints one line or the
 * other, so some schedule prints what schedule 0 did not. */
static void test_run_explore(void **state)
{
    struct fixture *f = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/flaky.go", f->dir);
    th_write_file(path, "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                        "\ta := make(chan int, 1)\n\tb := make(chan int, 1)\n"
                        "\ta <- 1\n\tb <- 2\n\tselect {\n\tcase v := <-a:\n"
                        "\t\tfmt.Println(\"got\", v)\n\tcase v := <-b:\n"
                        "\t\tfmt.Println(\"got\", v)\n\t}\n}\n");
    canvas_free(f->cv);
    f->cv = canvas_new(160, 50); /* room for the whole notice */
    run_open_file(f->a, path, 1, 1);
    key(f, 'x');
    assert_shows(f, "Exploring 100 schedules");
    run_ticks(f);
    assert_shows(f, "failed (different stdout): stdout line 1 is \"got");
    assert_shows(f, "replay: chanlab run flaky.go --seed ");
    assert_shows(f, "--pct-depth 3 --pct-steps 100 --race");
    assert_shows(f, "--leaks --lockorder --max-steps 2000000");
    /* The failing schedule is loaded, PCT and all, and runs as found. */
    assert_shows(f, "\u00b7 PCT 3/100 \u00b7");
    key(f, 'c');
    run_ticks(f);
    assert_shows(f, "finished: runs to completion");
}

/* mask_events blanks the event count of a Run frame: the runtime counts a
 * goroutine resumed after each return to the host as an event, so the
 * count depends on how the run was sliced, while the schedule does not. */
static void mask_events(char *frame)
{
    char *p = strstr(frame, "events ");
    if (!p)
        fail_msg("no event count in:\n%s", frame);
    for (p += 7; *p >= '0' && *p <= '9'; p++)
        *p = '#';
}

/* Stepping one event at a time ends in the same state as running to the
 * end: same output, goroutines, channels, Ps and findings. */
static void test_step_and_run_agree(void **state)
{
    struct fixture *f = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/testdata/run/pipeline.go", th_env("TUI_TESTDATA"));
    run_open_file(f->a, path, 7, 2);
    int steps = 0;
    for (;;) {
        char *d = frame(f);
        bool done = strstr(d, "finished:") != NULL;
        free(d);
        if (done)
            break;
        key(f, 's');
        if (++steps > 100000)
            fail_msg("no end after %d steps", steps);
    }
    char *stepped = frame(f);
    key(f, 'r');
    assert_shows(f, "events 0");
    key(f, 'c');
    run_ticks(f);
    char *ran = frame(f);
    mask_events(stepped);
    mask_events(ran);
    if (strcmp(stepped, ran) != 0) {

        fprintf(stderr, "stepping ended in:\n%s\nrunning to the end in:\n%s", stepped, ran);
        fail_msg("stepping and running to the end disagree");
    }

    assert_non_null(strstr(ran, "seed 7 \u00b7 procs 2"));
    assert_non_null(strstr(ran, "finished: runs to completion"));
    free(stepped);
    free(ran);
    assert_true(steps > 5);
}

static void test_run_timeline(void **state)
{
    struct fixture *f = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/testdata/run/pipeline.go", th_env("TUI_TESTDATA"));
    run_open_file(f->a, path, 1, 1);
    key(f, 'c');
    run_ticks(f);
    key(f, 't');
    assert_shows(f, "Timeline: one lane per goroutine");
    assert_shows(f, "g1 ");
    assert_shows(f, "g5 ");
    key(f, 't');
    assert_shows(f, "Source");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_browse_and_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_question_reveal_grade_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_help_and_too_small, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quiz_of_three, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_explore, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_deadlock_and_fix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_step_and_run_agree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_timeline, setup, teardown),

    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
