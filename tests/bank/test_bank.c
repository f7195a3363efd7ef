/* test_bank.c: the bank API on the small valid bank of tests/bank/good, and
 * the ways banks combine: a user bank on top of the shipped one, programs
 * nobody declares, missing directories, search paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "bank.h"
#include "harness.h"

static struct bank *load_good(void)
{
    struct bank *b = bank_new();
    assert_int_equal(bank_add_dir(b, th_env("BANK_GOOD"), false, false), 0);
    assert_int_equal(bank_finish(b), 0);
    return b;
}

/* diags renders every diagnostic, one a line, with dir replaced by $DIR. */
static char *diags(const struct bank *b, const char *dir)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    for (size_t i = 0; i < bank_diag_count(b); i++) {
        const struct bank_diag *d = bank_diag_at(b, i);
        const char *file = d->file;
        size_t n = strlen(dir);
        if (strncmp(file, dir, n) == 0) {
            fputs("$DIR", f);
            file += n;
        }
        if (d->line > 0)
            fprintf(f, "%s:%d:%d: %s\n", file, d->line, d->col, d->message);
        else
            fprintf(f, "%s: %s\n", file, d->message);
    }
    fclose(f);
    return out;
}

static void test_counts_and_order(void **state)
{
    (void)state;
    struct bank *b = load_good();
    struct bank_counts c;
    bank_count(b, &c);
    assert_int_equal(c.questions, 4);
    assert_int_equal(c.exercises, 6);
    assert_int_equal(c.fixes, 2);
    assert_int_equal(c.quiz_items, 8);
    assert_int_equal(c.predict_items, 4);
    assert_int_equal(c.by_tier[BANK_JUNIOR], 1);
    assert_int_equal(c.by_tier[BANK_MID], 2);
    assert_int_equal(c.by_tier[BANK_SENIOR], 1);
    assert_int_equal(c.by_topic[BANK_CHANNELS], 2);
    assert_int_equal(c.by_topic[BANK_SYNC], 1);
    assert_int_equal(c.by_topic[BANK_LEAKS], 1);
    assert_int_equal(c.by_topic[BANK_GOROUTINES], 0);

    /* Files load in name order (channels, leaks, sync); questions come in
     * topic order, so sync precedes leaks. */
    const char *want[] = {"channels.closing", "channels.nil", "sync.mutex-counter",
                          "leaks.forgotten-sender"};
    assert_int_equal(bank_question_count(b), 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(bank_question_at(b, i)->id, want[i]);
    assert_null(bank_question_at(b, 4));
    /* Exercises stay in load order. */
    assert_string_equal(bank_exercise_at(b, 0)->id, "channels/close-twice");
    assert_string_equal(bank_exercise_at(b, 2)->id, "leaks/forgotten-sender");
    assert_string_equal(bank_exercise_at(b, 5)->id, "sync/capture");
    assert_null(bank_exercise_at(b, 6));
    bank_free(b);
}

static void test_question_fields(void **state)
{
    (void)state;
    struct bank *b = load_good();
    const struct bank_question *q = bank_question_find(b, "channels.nil");
    assert_non_null(q);
    assert_int_equal(q->tier, BANK_MID);
    assert_int_equal(q->topic, BANK_CHANNELS);
    assert_false(q->reference);
    assert_false(q->user);
    assert_string_equal(q->question, "What does a receive from a nil channel do?");
    assert_string_equal(q->answer,
                        "It blocks forever; with nothing else runnable the program deadlocks.");
    assert_int_equal(q->nkey_points, 3);
    assert_string_equal(q->key_points[1], "Useful to disable a select case");
    assert_int_equal(q->nfollow_ups, 2);
    assert_string_equal(q->follow_ups[1].question, "And a send on a nil channel?");
    assert_string_equal(q->follow_ups[1].answer, "It blocks forever too.");
    assert_int_equal(q->nexercises, 2);
    assert_string_equal(q->exercises[0]->id, "channels/nil-receive");
    assert_string_equal(q->exercises[1]->id, "leaks/forgotten-sender");
    assert_int_equal(q->line, 67);
    assert_int_equal(q->col, 5);
    assert_non_null(strstr(q->file, "/good/channels.json"));

    assert_int_equal(q->nquiz, 2);
    const struct bank_quiz *z = &q->quiz[1];
    assert_string_equal(z->prompt, "What is the zero value of a nil channel variable?");
    assert_int_equal(z->nchoices, 4);
    assert_int_equal(z->correct, 0);
    assert_true(z->choices[0].correct);
    assert_null(z->choices[0].why);
    assert_false(z->choices[2].correct);
    assert_string_equal(z->choices[2].text, "0");
    assert_string_equal(z->choices[2].why, "Channels are references, not numbers.");

    const struct bank_question *r = bank_question_find(b, "channels.closing");
    assert_true(r->reference);
    assert_int_equal(r->tier, BANK_JUNIOR);
    assert_null(bank_question_find(b, "channels.nope"));
    assert_null(bank_question_find(b, NULL));
    bank_free(b);
}

static void test_exercise_fields(void **state)
{
    (void)state;
    struct bank *b = load_good();
    const struct bank_exercise *x = bank_exercise_find(b, "channels/close-twice");
    assert_non_null(x);
    assert_int_equal(x->topic, BANK_CHANNELS);
    assert_string_equal(x->title, "Closing twice");
    assert_int_equal(x->procs, 1);
    assert_false(x->go121);
    assert_int_equal(x->expect.outcome, BANK_PANIC);
    assert_string_equal(x->expect.out, "1\n");
    assert_string_equal(x->expect.panic, "close of closed channel");
    assert_false(x->expect.schedule_dependent);
    char want[4096];
    snprintf(want, sizeof want, "%s/channels/close-twice.go", th_env("BANK_EXERCISES"));
    assert_string_equal(x->path, want);
    assert_non_null(x->fix);
    snprintf(want, sizeof want, "%s/channels/close-twice.fixed.go", th_env("BANK_EXERCISES"));
    assert_string_equal(x->fix->path, want);
    assert_int_equal(x->fix->expect.outcome, BANK_OK);
    assert_int_equal(x->fix->nhints, 2);
    assert_string_equal(x->fix->hints[1], "Guard the close with sync.Once.");
    assert_non_null(x->predict);
    assert_int_equal(x->predict->ask, BANK_ASK_OUTCOME);
    assert_int_equal(x->predict->ndistractors, 2);
    assert_string_equal(x->predict->distractors[0], "runs to completion");
    assert_int_equal(x->nquestions, 1);
    assert_string_equal(x->questions[0]->id, "channels.closing");

    const struct bank_exercise *c = bank_exercise_find(b, "sync/counter");
    assert_int_equal(c->procs, 2);
    assert_int_equal(c->expect.outcome, BANK_RACE);
    assert_null(c->predict);
    assert_int_equal(bank_expect_status(&c->expect), 66);
    assert_int_equal(bank_expect_status(&c->fix->expect), 0);

    const struct bank_exercise *g = bank_exercise_find(b, "sync/capture");
    assert_true(g->go121);
    assert_null(g->fix);
    assert_int_equal(g->predict->ask, BANK_ASK_STDOUT);
    assert_string_equal(g->predict->distractors[1], "2\n2\n2\n");

    const struct bank_exercise *l = bank_exercise_find(b, "leaks/forgotten-sender");
    assert_int_equal(l->expect.outcome, BANK_LEAK);
    assert_int_equal(l->expect.leaks, 1);
    assert_int_equal(l->nquestions, 2);
    const struct bank_exercise *e = bank_exercise_find(b, "leaks/exit-early");
    assert_int_equal(bank_expect_status(&e->expect), 3);
    assert_int_equal(bank_expect_status(&bank_exercise_find(b, "channels/nil-receive")->expect), 2);
    assert_null(bank_exercise_find(b, "leaks/nope"));
    bank_free(b);
}

static void test_outcome_sentences(void **state)
{
    (void)state;
    char buf[64];
    struct bank_expect e = {.outcome = BANK_OK};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "runs to completion");
    e = (struct bank_expect){.outcome = BANK_PANIC, .panic = "send on closed channel"};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf),
                        "panics: send on closed channel");
    e = (struct bank_expect){.outcome = BANK_DEADLOCK};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "deadlocks");
    e = (struct bank_expect){.outcome = BANK_LEAK, .leaks = 1};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "leaks 1 goroutine");
    e.leaks = 2;
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "leaks 2 goroutines");
    e = (struct bank_expect){.outcome = BANK_RACE};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "reports a data race");
    e = (struct bank_expect){.outcome = BANK_EXIT, .exit = 3};
    assert_string_equal(bank_outcome_sentence(&e, buf, sizeof buf), "exits with status 3");
    assert_string_equal(bank_outcome_sentence(&e, buf, 5), "exit");
}

static void test_vocabularies(void **state)
{
    (void)state;
    for (int t = 0; t < BANK_NTOPICS; t++)
        assert_int_equal(bank_topic_parse(bank_topic_name((enum bank_topic)t)), t);
    for (int t = 0; t < BANK_NTIERS; t++)
        assert_int_equal(bank_tier_parse(bank_tier_name((enum bank_tier)t)), t);
    for (int o = 0; o < BANK_NOUTCOMES; o++)
        assert_int_equal(bank_outcome_parse(bank_outcome_name((enum bank_outcome)o)), o);
    assert_string_equal(bank_topic_name(BANK_RACES_DEADLOCKS), "races-deadlocks");
    assert_int_equal(bank_topic_parse("Channels"), -1);
    assert_int_equal(bank_tier_parse("expert"), -1);
    assert_int_equal(bank_outcome_parse(NULL), -1);
    assert_int_equal(bank_schema_version(), 1);
}

static size_t query(const struct bank *b, int tier, int topic, const char *text, const char **ids)
{
    const struct bank_question *out[16];
    struct bank_filter f = {.tier = tier, .topic = topic, .text = text};
    size_t n = bank_query(b, &f, out);
    assert_int_equal(bank_query(b, &f, NULL), n);
    for (size_t i = 0; i < n; i++)
        ids[i] = out[i]->id;
    return n;
}

static void test_query(void **state)
{
    (void)state;
    struct bank *b = load_good();
    const char *ids[16];
    assert_int_equal(query(b, BANK_ANY, BANK_ANY, NULL, ids), 4);
    assert_int_equal(query(b, BANK_MID, BANK_ANY, "", ids), 2);
    assert_string_equal(ids[0], "channels.nil");
    assert_string_equal(ids[1], "leaks.forgotten-sender");
    assert_int_equal(query(b, BANK_MID, BANK_LEAKS, NULL, ids), 1);
    assert_int_equal(query(b, BANK_ANY, BANK_SELECT, NULL, ids), 0);
    /* Text: every word, case-insensitively, in any field. */
    assert_int_equal(query(b, BANK_ANY, BANK_ANY, "SYNC.ONCE", ids), 1);
    assert_string_equal(ids[0], "channels.closing");
    assert_int_equal(query(b, BANK_ANY, BANK_ANY, "  forever   nil ", ids), 1);
    assert_string_equal(ids[0], "channels.nil");
    assert_int_equal(query(b, BANK_ANY, BANK_ANY, "atomic.Int64", ids), 1); /* a follow-up */
    assert_string_equal(ids[0], "sync.mutex-counter");
    assert_int_equal(query(b, BANK_ANY, BANK_ANY, "forever zebra", ids), 0);
    assert_int_equal(query(b, BANK_JUNIOR, BANK_ANY, "leaks.", ids), 0);
    assert_int_equal(bank_query(b, NULL, NULL), 4);
    bank_free(b);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    th_write_file(path, text);
}

static char *mkpath(const char *a, const char *b)
{
    char *p;
    if (asprintf(&p, "%s/%s", a, b) < 0)
        fail_msg("asprintf");
    return p;
}

/* A user bank: one broken file, one sound file whose question links a
 * shipped exercise, and a question that repeats a shipped id. */
static void test_user_bank_layers(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char *qdir = mkpath(tmp, "questions");
    assert_int_equal(mkdir(qdir, 0700), 0);
    write_file(qdir, "broken.json", "{\n  \"schema\": 1,\n");
    write_file(qdir, "mine.json",
               "{\"schema\": 1, \"topic\": \"channels\", \"title\": \"Mine\",\n"
               " \"questions\": [\n"
               "  {\"id\": \"channels.mine\", \"tier\": \"senior\", \"origin\": \"extra\",\n"
               "   \"question\": \"Q?\", \"answer\": \"A.\", \"key_points\": [\"a\", \"b\", "
               "\"c\"],\n"
               "   \"follow_ups\": [{\"question\": \"F?\", \"answer\": \"G.\"}],\n"
               "   \"exercises\": [\"channels/close-twice\"],\n"
               "   \"quiz\": [{\"prompt\": \"P\", \"choices\": [{\"text\": \"x\", \"correct\": "
               "true}, {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]},\n"
               "            {\"prompt\": \"R\", \"choices\": [{\"text\": \"x\", \"correct\": "
               "true}, {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]}]},\n"
               "  {\"id\": \"channels.nil\", \"tier\": \"senior\", \"origin\": \"extra\",\n"
               "   \"question\": \"Q?\", \"answer\": \"A.\", \"key_points\": [\"a\", \"b\", "
               "\"c\"],\n"
               "   \"follow_ups\": [{\"question\": \"F?\", \"answer\": \"G.\"}],\n"
               "   \"exercises\": [\"channels/close-twice\"],\n"
               "   \"quiz\": [{\"prompt\": \"P\", \"choices\": [{\"text\": \"x\", \"correct\": "
               "true}, {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]},\n"
               "            {\"prompt\": \"R\", \"choices\": [{\"text\": \"x\", \"correct\": "
               "true}, {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]}]}\n"
               " ],\n"
               " \"exercises\": []}\n");
    write_file(qdir, "README.md", "not a topic file\n");

    struct bank *b = bank_new();
    assert_int_equal(bank_add_dir(b, th_env("BANK_GOOD"), false, false), 0);
    assert_int_equal(bank_add_dir(b, qdir, true, false), 2);
    assert_int_equal(bank_finish(b), 0);
    char *got = diags(b, tmp);
    char want[8192];
    snprintf(want, sizeof want,
             "$DIR/questions/broken.json:3:1: malformed JSON: the file ends where a field "
             "name should be\n"
             "$DIR/questions/mine.json:9:10: questions[1].id: duplicate question id "
             "\"channels.nil\" (first declared at %s/channels.json:67:5)\n",
             th_env("BANK_GOOD"));
    assert_string_equal(got, want);
    free(got);

    /* Everything shipped is still there, plus the sound user question. */
    assert_int_equal(bank_question_count(b), 5);
    const struct bank_question *mine = bank_question_find(b, "channels.mine");
    assert_non_null(mine);
    assert_true(mine->user);
    assert_int_equal(mine->nexercises, 1);
    assert_false(mine->exercises[0]->user);
    assert_false(bank_question_find(b, "channels.nil")->user);
    /* Topic order, then load order: the user's channels question follows
     * the shipped ones of its topic. */
    assert_string_equal(bank_question_at(b, 2)->id, "channels.mine");
    assert_int_equal(bank_exercise_find(b, "channels/close-twice")->nquestions, 2);
    bank_free(b);
    th_rmtree(tmp);
    free(qdir);
    free(tmp);
}

static void test_undeclared_programs(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char *qdir = mkpath(tmp, "questions");
    char *xdir = mkpath(tmp, "exercises");
    char *sub = mkpath(xdir, "select");
    assert_int_equal(mkdir(qdir, 0700), 0);
    assert_int_equal(mkdir(xdir, 0700), 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file(sub, "stray.go", "package main\n\nfunc main() {}\n");
    char *empty = mkpath(xdir, "sync"); /* a topic folder with no program */
    assert_int_equal(mkdir(empty, 0700), 0);
    free(empty);
    write_file(sub, "notes.txt", "not a program\n");
    write_file(qdir, "select.json",
               "{\"schema\": 1, \"topic\": \"select\", \"title\": \"Select\", \"questions\": [], "
               "\"exercises\": []}\n");
    struct bank *b = bank_new();
    assert_int_equal(bank_add_dir(b, qdir, true, false), 0);
    assert_int_equal(bank_finish(b), 1);
    char *got = diags(b, tmp);
    assert_string_equal(got,
                        "$DIR/exercises/select/stray.go: no exercise in the bank declares this "
                        "program\n");
    free(got);
    assert_int_equal(bank_question_count(b), 0);
    bank_free(b);
    th_rmtree(tmp);
    free(sub);
    free(xdir);
    free(qdir);
    free(tmp);
}

static void test_missing_dir(void **state)
{
    (void)state;
    struct bank *b = bank_new();
    assert_int_equal(bank_add_dir(b, "/nonexistent/chanlab-bank", true, true), 0);
    assert_int_equal(bank_add_dir(b, "/nonexistent/chanlab-bank", true, false), 1);
    assert_int_equal(bank_finish(b), 0);
    assert_int_equal(bank_finish(b), 0); /* once only */
    const struct bank_diag *d = bank_diag_at(b, 0);
    assert_string_equal(d->file, "/nonexistent/chanlab-bank");
    assert_int_equal(d->line, 0);
    assert_string_equal(d->message, "cannot read the bank directory: No such file or directory");
    assert_null(bank_diag_at(b, 1));

    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    bank_print_diags(b, f);
    fclose(f);
    assert_string_equal(out, "/nonexistent/chanlab-bank: cannot read the bank directory: No "
                             "such file or directory\n");
    free(out);
    bank_free(b);
    bank_free(NULL);
}

static void test_bom_and_positions(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char *qdir = mkpath(tmp, "questions");
    assert_int_equal(mkdir(qdir, 0700), 0);
    /* A byte order mark is skipped; columns count characters, not bytes. */
    write_file(qdir, "a.json",
               "\xEF\xBB\xBF{\"schema\": 1, \"topic\": \"select\", \"title\": \"S\xC3\xA9lect "
               "\xE2\x80\x94 "
               "ok\", \"titel\": 3,\n"
               "  \"questions\": [], \"exercises\": []}\n");
    struct bank *b = bank_new();
    bank_add_dir(b, qdir, false, false);
    bank_finish(b);
    char *got = diags(b, tmp);
    assert_string_equal(got, "$DIR/questions/a.json:1:58: unknown field \"titel\" (did you mean "
                             "\"title\"?)\n");
    free(got);
    bank_free(b);
    th_rmtree(tmp);
    free(qdir);
    free(tmp);
}

static void test_user_dir(void **state)
{
    (void)state;
    setenv("XDG_CONFIG_HOME", "/x/config", 1);
    setenv("HOME", "/home/u", 1);
    char *d = bank_user_dir();
    assert_string_equal(d, "/x/config/chanlab/questions");
    free(d);
    /* A relative XDG path is ignored, as the XDG spec says. */
    setenv("XDG_CONFIG_HOME", "rel", 1);
    d = bank_user_dir();
    assert_string_equal(d, "/home/u/.config/chanlab/questions");
    free(d);
    unsetenv("XDG_CONFIG_HOME");
    d = bank_user_dir();
    assert_string_equal(d, "/home/u/.config/chanlab/questions");
    free(d);
    unsetenv("HOME");
    assert_null(bank_user_dir());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_and_order), cmocka_unit_test(test_question_fields),
        cmocka_unit_test(test_exercise_fields),  cmocka_unit_test(test_outcome_sentences),
        cmocka_unit_test(test_vocabularies),     cmocka_unit_test(test_query),
        cmocka_unit_test(test_user_bank_layers), cmocka_unit_test(test_undeclared_programs),
        cmocka_unit_test(test_missing_dir),      cmocka_unit_test(test_bom_and_positions),
        cmocka_unit_test(test_user_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
