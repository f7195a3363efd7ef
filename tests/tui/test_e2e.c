/* test_e2e.c: chanlab as a user meets it, in a real terminal: tmux runs the
 * binary with a temporary database, config and data directories, send-keys
 * types, capture-pane is asserted. Every wait polls the pane until the
 * expected text shows or a deadline passes; no assertion rests on a fixed
 * sleep. Run as `test_e2e SCENARIO`: meson registers one test per
 * scenario. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>

#include <cmocka.h>

#include "bank.h"
#include "harness.h"
#include "store.h"

#define WAIT_MS 15000

struct term {
    char *dir;      /* temporary HOME with the database and dot dirs */
    char sock[512]; /* tmux socket */
    char conf[512]; /* tmux config */
    char db[512];   /* the progress database */
    char *last;     /* the last capture */
};

static struct term T;

static struct th_result tmux_argv(const char *const *args)
{
    char *argv[32];
    int n = 0;
    argv[n++] = "/usr/bin/tmux";
    argv[n++] = "-S";
    argv[n++] = T.sock;
    argv[n++] = "-f";
    argv[n++] = T.conf;
    for (int i = 0; args[i] && n < 31; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    return th_run(argv, NULL, 20, NULL);
}

/* tmux runs a tmux command and fails the test when it fails. */
#define tmux(...) tmux_ok((const char *const[]){__VA_ARGS__, NULL})
static void tmux_ok(const char *const *args)
{
    struct th_result r = tmux_argv(args);
    if (r.status != 0)
        fail_msg("tmux %s failed (%d): %s", args[0], r.status, r.err);
    th_result_free(&r);
}

static char *capture(bool escapes)
{
    const char *args[] = {"capture-pane", "-p", "-t", "app", escapes ? "-e" : NULL, NULL};
    struct th_result r = tmux_argv(args);
    if (r.status != 0)
        fail_msg("capture-pane failed: %s", r.err);
    free(r.err);
    free(T.last);
    T.last = r.out;
    return T.last;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* wait_for polls until the pane shows text (or, with gone, no longer
 * shows it). */
static void wait_text(const char *text, bool gone)
{
    for (int waited = 0;; waited += 20) {
        bool has = strstr(capture(false), text) != NULL;
        if (has != gone)
            return;
        if (waited >= WAIT_MS)
            fail_msg("after %d ms the pane %s \"%s\":\n%s", WAIT_MS,
                     gone ? "still shows" : "does not show", text, T.last);
        sleep_ms(20);
    }
}
#define wait_for(text)  wait_text(text, false)
#define wait_gone(text) wait_text(text, true)

static void keys(const char *k)
{
    tmux("send-keys", "-t", "app", k);
}

/* prepare makes the temporary home; launch runs chanlab with args in a
 * w x h terminal there (env is extra "NAME=VALUE " text for the command
 * line); start does both. */
static void prepare(void)
{
    T.dir = th_tmpdir();
    snprintf(T.sock, sizeof T.sock, "%s/tmux.sock", T.dir);
    snprintf(T.conf, sizeof T.conf, "%s/tmux.conf", T.dir);
    snprintf(T.db, sizeof T.db, "%s/progress.db", T.dir);
    th_write_file(T.conf, "set -g status off\nset -g default-terminal tmux-256color\n"
                          "set -g escape-time 0\n");
}

static void launch(int w, int h, const char *env, const char *args)
{
    char script[4096], path[600];
    snprintf(script, sizeof script,
             "#!/bin/sh\n"
             "cd '%s' || exit 99\n"
             "stty -g > stty.before\n"
             "env -u CHANLAB_DB -u NO_COLOR HOME='%s' XDG_DATA_HOME='%s/data' "
             "XDG_CONFIG_HOME='%s/config' TERM=tmux-256color %s '%s' --db '%s' %s\n"
             "echo \"chanlab-exit=$?\"\n"
             "stty -g > stty.after\n"
             "exec sleep 600\n",
             T.dir, T.dir, T.dir, T.dir, env ? env : "", th_env("CHANLAB"), T.db, args ? args : "");
    snprintf(path, sizeof path, "%s/run.sh", T.dir);
    th_write_file(path, script);
    char ws[16], hs[16], cmd[700];
    snprintf(ws, sizeof ws, "%d", w);
    snprintf(hs, sizeof hs, "%d", h);
    snprintf(cmd, sizeof cmd, "sh '%s'", path);
    tmux("new-session", "-d", "-s", "app", "-x", ws, "-y", hs, cmd);
}

static void start(int w, int h, const char *env, const char *args)
{
    prepare();
    launch(w, h, env, args);
}

static int teardown(void **state)
{
    (void)state;
    if (T.dir) {
        const char *args[] = {"kill-server", NULL};
        struct th_result r = tmux_argv(args);
        th_result_free(&r);
        th_rmtree(T.dir);
        free(T.dir);
    }
    free(T.last);
    memset(&T, 0, sizeof T);
    return 0;
}

/* rows returns rows first..last-1 of the last capture as one string
 * (static storage). */
static const char *rows(int first, int last)
{
    static char out[16384];
    const char *p = T.last;
    for (int i = 0; i < first && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    size_t n = 0;
    for (int i = first; i < last && p && *p; i++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p + 1) : strlen(p);
        if (n + len >= sizeof out)
            break;
        memcpy(out + n, p, len);
        n += len;
        p = e ? e + 1 : NULL;
    }
    out[n] = '\0';
    return out;
}

/* has_colour reports whether s holds an SGR sequence setting a foreground
 * colour (30-37 or 38;...), as capture-pane -e writes them. */
static bool has_colour(const char *s, bool only_256)
{
    for (const char *p = strstr(s, "\033["); p; p = strstr(p + 1, "\033[")) {
        const char *q = p + 2;
        while (*q && *q != 'm' && (*q == ';' || (*q >= '0' && *q <= '9'))) {
            int v = atoi(q);
            if (v == 38)
                return true;
            if (!only_256 && v >= 30 && v <= 37)
                return true;
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == ';')
                q++;
        }
    }
    return false;
}

static char *file_text(const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", T.dir, name);
    char *t = th_read_file(path, NULL);
    if (!t)
        fail_msg("cannot read %s", path);
    return t;
}

static char *tmux_format(const char *fmt)
{
    const char *args[] = {"display-message", "-p", "-t", "app", fmt, NULL};
    struct th_result r = tmux_argv(args);
    assert_int_equal(r.status, 0);
    free(r.err);
    return r.out;
}

/* ---- scenarios ---------------------------------------------------------- */

static void test_home(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    wait_for("Progress");
    const char *s = capture(false);
    const char *words[] = {"Review due", "Browse", "Quiz", "Stats",  "Help",
                           "Quit",       "junior", "mid",  "senior", "mastered/seen/total"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strstr(s, words[i]))
            fail_msg("Home lacks \"%s\":\n%s", words[i], s);
    for (int t = 0; t < BANK_NTOPICS; t++)
        if (!strstr(s, bank_topic_name((enum bank_topic)t)))
            fail_msg("Home lacks topic %s:\n%s", bank_topic_name((enum bank_topic)t), s);
    /* Arrows and Enter reach the menu entries too. */
    keys("Down");
    keys("Enter");
    wait_for("tier all");
}

static void test_browse_filters_by_tier(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    keys("b");
    wait_for("tier all");
    keys("3");
    wait_for("tier senior");
    const char *list = rows(2, 23);
    assert_non_null(strstr(list, "senior"));
    if (strstr(list, "junior") || strstr(list, " mid "))
        fail_msg("tier 3 shows other tiers:\n%s", T.last);
    keys("1");
    wait_for("tier junior");
    list = rows(2, 23);
    assert_non_null(strstr(list, "junior"));
    if (strstr(list, "senior") || strstr(list, " mid "))
        fail_msg("tier 1 shows other tiers:\n%s", T.last);
    keys("0");
    wait_for("tier all");
}

/* click sends an X10 mouse press and release at column x, row y (0-based),
 * the encoding ncurses asks tmux-256color for (kmous=\E[M, mode 1000): the
 * bytes reach chanlab as if a terminal had sent them. */
static void click(int x, int y)
{
    char ev[16];
    snprintf(ev, sizeof ev, "\033[M%c%c%c\033[M%c%c%c", 32, 33 + x, 33 + y, 32 + 3, 33 + x, 33 + y);
    tmux("send-keys", "-t", "app", "-l", ev);
}

/* find_text gives the 0-based column and row of text in the last capture,
 * counting columns in characters (the frames are multi-byte UTF-8). */
static bool find_text(const char *text, int *x, int *y)
{
    const char *s = T.last, *hit = strstr(s, text);
    if (!hit)
        return false;
    *x = *y = 0;
    for (const char *p = s; p < hit; p++) {
        if (*p == '\n') {
            (*y)++;
            *x = 0;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            (*x)++;
        }
    }
    return true;
}

static void test_mouse_click(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    int x, y;
    if (!find_text("Browse", &x, &y))
        fail_msg("Home has no Browse entry:\n%s", T.last);
    click(x + 1, y);
    wait_for("tier all");
    /* In Browse a click selects a row and a second click on it opens it. */
    capture(false);
    const char *rowtext = "junior";
    if (!find_text(rowtext, &x, &y))
        fail_msg("Browse lists no junior question:\n%s", T.last);
    click(x, y);
    click(x, y);
    wait_for("to see the answer");
}

static void test_question_reveal_and_grade(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    keys("b");
    wait_for("tier all");
    keys("Enter");
    wait_for("to see the answer");
    keys("Space");
    wait_for("Answer");
    wait_for("How well?");
    keys("3");
    wait_for("Stored \"good\". It comes back in 10 minutes.");
    keys("q");
    wait_for("tier all");
    keys("q");
    wait_for("1/"); /* Home's junior row now shows one seen question */
    keys("q");
    wait_for("chanlab-exit=0");

    /* The review is in the database, for the first question of the bank. */
    struct bank *b = bank_load(NULL);
    assert_true(bank_question_count(b) > 0);
    const char *id = bank_question_at(b, 0)->id;
    struct store *st = NULL;
    char err[256];
    assert_int_equal(store_open(T.db, NULL, &st, err, sizeof err), STORE_OK);
    struct srs_card card;
    assert_int_equal(store_card(st, id, &card), STORE_OK);
    assert_int_equal(card.reps, 1);
    assert_int_equal(card.phase, SRS_LEARNING);
    struct store_cards all = {0};
    assert_int_equal(store_cards_all(st, &all), STORE_OK);
    assert_int_equal(all.n, 1);
    assert_string_equal(all.rows[0].question, id);
    store_cards_free(&all);
    store_close(st);
    bank_free(b);
}

static void test_resize_and_back(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    tmux("resize-window", "-t", "app", "-x", "60", "-y", "20");
    wait_for("terminal too small: 60x20, chanlab needs at least 80x24");
    wait_gone("Menu");
    tmux("resize-window", "-t", "app", "-x", "80", "-y", "24");
    wait_for("Menu");
    wait_gone("terminal too small");
    tmux("resize-window", "-t", "app", "-x", "120", "-y", "40");
    wait_for("Progress");
    keys("q");
    wait_for("chanlab-exit=0");
}

static void test_quit_restores_terminal(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    char *alt = tmux_format("#{alternate_on}");
    assert_string_equal(alt, "1\n");
    free(alt);
    keys("q");
    wait_for("chanlab-exit=0");
    wait_gone("Menu");
    alt = tmux_format("#{alternate_on} #{cursor_flag}");
    assert_string_equal(alt, "0 1\n");
    free(alt);
    char *before = file_text("stty.before"), *after = file_text("stty.after");
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_ctrl_c_restores_terminal(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    keys("b");
    wait_for("tier all");
    keys("C-c");
    wait_for("chanlab-exit=0");
    char *alt = tmux_format("#{alternate_on} #{cursor_flag}");
    assert_string_equal(alt, "0 1\n");
    free(alt);
    char *before = file_text("stty.before"), *after = file_text("stty.after");
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_help_everywhere(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    keys("?");
    wait_for("Help: Home");
    wait_for("Keys on this screen");
    keys("Escape");
    wait_gone("Help: Home");
    keys("b");
    wait_for("tier all");
    keys("?");
    wait_for("Help: Browse");
    keys("Escape");
    wait_gone("Help: Browse");
    /* q goes back, then quits from Home. */
    keys("q");
    wait_for("Menu");
    keys("q");
    wait_for("chanlab-exit=0");
}

static void test_colours(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    const char *s = capture(true);
    if (!has_colour(s, true))
        fail_msg("no 256-colour escapes in a 256-colour terminal:\n%s", s);
    teardown(NULL);
    start(80, 24, "NO_COLOR=1", NULL);
    wait_for("Menu");
    s = capture(true);
    if (has_colour(s, false))
        fail_msg("colour escapes under NO_COLOR:\n%s", s);
    teardown(NULL);
    start(80, 24, "TERM=xterm", NULL);
    wait_for("Menu");
    s = capture(true);
    if (has_colour(s, true))
        fail_msg("256-colour escapes in an 8-colour terminal:\n%s", s);
    if (!has_colour(s, false))
        fail_msg("no colour at all in an 8-colour terminal:\n%s", s);
}

static void test_sigterm_restores_terminal(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    char *pid = tmux_format("#{pane_pid}");
    /* The pane runs sh; chanlab is its only child. */
    char cmd[128];
    snprintf(cmd, sizeof cmd, "pgrep -P %d", atoi(pid));
    free(pid);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    int child = 0;
    assert_int_equal(fscanf(p, "%d", &child), 1);
    pclose(p);
    assert_true(child > 1);
    assert_int_equal(kill(child, SIGTERM), 0);

    wait_for("chanlab-exit=");
    char *alt = tmux_format("#{alternate_on} #{cursor_flag}");
    assert_string_equal(alt, "0 1\n");
    free(alt);
    char *before = file_text("stty.before"), *after = file_text("stty.after");
    assert_string_equal(before, after);
    free(before);
    free(after);
}

/* install_user_bank copies the test bank to the user bank directory
 * ($XDG_CONFIG_HOME/chanlab/questions, exercises beside it), so the app
 * shows its questions next to the shipped ones. Call before start. */
static void install_user_bank(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/config/chanlab' && cp -r '%s/testdata/bank/questions' "
             "'%s/testdata/bank/exercises' '%s/config/chanlab/'",
             T.dir, th_env("TUI_TESTDATA"), th_env("TUI_TESTDATA"), T.dir);
    assert_int_equal(system(cmd), 0);
}

static void literal(const char *text)
{
    tmux("send-keys", "-t", "app", "-l", text);
}

static void test_run_deadlocking_exercise(void **state)
{
    (void)state;
    prepare();
    install_user_bank();
    launch(80, 24, NULL, NULL);
    wait_for("Menu");

    keys("b");
    wait_for("tier all");
    keys("/");
    literal("tuitest-unbuffered");
    keys("Enter");
    wait_for("1 of ");
    keys("Enter");
    wait_for("What does a send on an unbuffered channel wait for?");
    keys("e");
    wait_for("channels/tuitest-deadlock");
    wait_for("paused");
    keys("c");
    wait_for("finished: deadlocks");
    wait_for("g1 chan send");
    wait_for("asleep - deadlock!");
    wait_for("S:g1");
    keys("f");
    wait_for("tuitest-deadlock (fix)");
    keys("c");
    wait_for("finished: runs to completion");
    wait_for("none: a clean run");
    keys("q");
    wait_for("What does a send on an unbuffered channel wait for?");
}

/* E copies the exercise to the workspace and opens the editor; here the
 * "editor" copies the fixed program over it, so the check must pass under
 * exploration and store a passing attempt. */
static void test_edit_and_check_fix(void **state)
{
    (void)state;
    prepare();
    install_user_bank();
    char env[1024];
    snprintf(env, sizeof env,
             "VISUAL='cp %s/config/chanlab/exercises/channels/tuitest-deadlock.fixed.go'", T.dir);
    launch(80, 24, env, NULL);
    wait_for("Menu");
    keys("b");
    wait_for("tier all");
    keys("/");
    literal("tuitest-unbuffered");
    keys("Enter");
    wait_for("1 of ");
    keys("Enter");
    wait_for("What does a send on an unbuffered channel wait for?");
    keys("e");
    wait_for("channels/tuitest-deadlock");
    keys("h");
    wait_for("Hint 1 of 2: Who receives?");
    keys("E");
    wait_for("Fixed!");
    wait_for("(your copy)");
    keys("q");
    keys("q");
    keys("q");
    keys("q");
    wait_for("chanlab-exit=0");
    struct store *st = NULL;
    char err[256];
    assert_int_equal(store_open(T.db, NULL, &st, err, sizeof err), STORE_OK);
    struct store_exercise_summary sum;
    assert_int_equal(store_exercise_summary(st, "channels/tuitest-deadlock", &sum), STORE_OK);
    assert_int_equal(sum.fix_attempts, 1);
    assert_true(sum.fixed);
    assert_int_equal(sum.hints_at_fix, 1);
    store_close(st);
    /* The copy is in the workspace beside the database. */
    char *copy = file_text("workspace/channels/tuitest-deadlock.go");
    assert_non_null(strstr(copy, "make(chan int, 1)"));
    free(copy);
}

static void mask_events(char *s)

{
    char *p = strstr(s, "events ");
    assert_non_null(p);
    for (p += 7; *p >= '0' && *p <= '9'; p++)
        *p = '#';
}

static void test_step_and_run_to_end_agree(void **state)
{
    (void)state;
    char args[1024];
    snprintf(args, sizeof args, "watch --seed 3 --procs 2 '%s/testdata/run/pipeline.go'",
             th_env("TUI_TESTDATA"));
    start(80, 24, NULL, args);
    wait_for("paused");
    int steps = 0;
    while (!strstr(capture(false), "finished:")) {
        keys("s");
        /* Each step redraws; wait for the count to move before the next. */
        char want[32];
        snprintf(want, sizeof want, "events %d ", ++steps);
        for (int waited = 0;
             !strstr(capture(false), want) && !strstr(T.last, "finished:") && waited < WAIT_MS;
             waited += 20)
            sleep_ms(20);
        if (steps > 2000)
            fail_msg("no end after %d steps:\n%s", steps, T.last);
    }
    char *stepped = strdup(capture(false));
    keys("r");
    wait_for("events 0 ");
    keys("c");
    wait_for("finished:");
    char *ran = strdup(capture(false));
    mask_events(stepped);
    mask_events(ran);
    if (strcmp(stepped, ran) != 0)
        fail_msg("stepping ended in:\n%s\nrunning to the end in:\n%s", stepped, ran);
    assert_non_null(strstr(ran, "sum 30"));
    free(stepped);
    free(ran);
    keys("q");
    wait_for("chanlab-exit=0");
}

static void test_quiz_of_three(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    keys("z");
    wait_for("New quiz");
    keys("-");
    wait_for("3 items");
    keys("Enter");
    wait_for("Item 1 of 3");
    for (int i = 1; i <= 3; i++) {
        char want[32];
        snprintf(want, sizeof want, "Item %d of 3", i);
        wait_for(want);
        if (strstr(capture(false), "\u00b7 recall \u00b7")) {
            keys("Space");
            wait_for("1-4: grade your recall");
            keys("3");
        } else {
            keys("a");
        }
        wait_for("Enter: next item");
        keys("Enter");
    }
    wait_for("Score: ");
    wait_for("/3 (");
    wait_for("Stored as quiz 1.");
    keys("Enter");
    wait_for("Menu");
}

/* A crash signal (here sent from outside) still gives the terminal back:
 * the handler restores termios and leaves the alternate screen. */
static void test_crash_restores_terminal(void **state)
{
    (void)state;
    start(80, 24, NULL, NULL);
    wait_for("Menu");
    char *pid = tmux_format("#{pane_pid}");
    char cmd[128];
    snprintf(cmd, sizeof cmd, "pgrep -P %d", atoi(pid));
    free(pid);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    int child = 0;
    assert_int_equal(fscanf(p, "%d", &child), 1);
    pclose(p);
    assert_true(child > 1);
    assert_int_equal(kill(child, SIGSEGV), 0);
    wait_for("chanlab-exit=");
    wait_for("chanlab: crashed; the terminal was restored");
    char *alt = tmux_format("#{alternate_on} #{cursor_flag}");
    assert_string_equal(alt, "0 1\n");
    free(alt);
    char *before = file_text("stty.before"), *after = file_text("stty.after");
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_infinite_loop_stays_responsive(void **state)
{
    (void)state;
    char args[1024];
    snprintf(args, sizeof args, "watch '%s/testdata/run/spin.go'", th_env("TUI_TESTDATA"));
    start(80, 24, NULL, args);
    wait_for("paused");
    keys("c");
    wait_for("to the end");
    wait_gone("events 0 ");
    keys("c");
    wait_for("paused");
    keys("s");
    keys("q");
    wait_for("chanlab-exit=0");
}

static const struct CMUnitTest scenarios[] = {
    cmocka_unit_test_teardown(test_edit_and_check_fix, teardown),

    cmocka_unit_test_teardown(test_infinite_loop_stays_responsive, teardown),

    cmocka_unit_test_teardown(test_crash_restores_terminal, teardown),

    cmocka_unit_test_teardown(test_run_deadlocking_exercise, teardown),
    cmocka_unit_test_teardown(test_step_and_run_to_end_agree, teardown),
    cmocka_unit_test_teardown(test_quiz_of_three, teardown),

    cmocka_unit_test_teardown(test_home, teardown),
    cmocka_unit_test_teardown(test_mouse_click, teardown),
    cmocka_unit_test_teardown(test_browse_filters_by_tier, teardown),
    cmocka_unit_test_teardown(test_question_reveal_and_grade, teardown),
    cmocka_unit_test_teardown(test_resize_and_back, teardown),
    cmocka_unit_test_teardown(test_quit_restores_terminal, teardown),
    cmocka_unit_test_teardown(test_ctrl_c_restores_terminal, teardown),
    cmocka_unit_test_teardown(test_help_everywhere, teardown),
    cmocka_unit_test_teardown(test_colours, teardown),
    cmocka_unit_test_teardown(test_sigterm_restores_terminal, teardown),
};

int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(scenarios, NULL, NULL);
}
