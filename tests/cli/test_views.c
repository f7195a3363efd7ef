/* test_views.c: the scriptable views through the real binary: list,
 * review, stats, export and import, with a fixed clock (CHANLAB_NOW), UTC,
 * a small test bank (CHANLAB_BANK_DIR) and a private database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "harness.h"
#include "srs.h"

#define DAY INT64_C(86400000)
#define MIN INT64_C(60000)
/* 2026-03-02 00:00:00 UTC */
#define T0 INT64_C(1772409600000)

struct fx {
    char *dir;
    char db[512];
    char env_db[600], env_bank[600], env_now[64], env_cfg[600];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    snprintf(f->db, sizeof f->db, "%s/progress.db", f->dir);
    snprintf(f->env_db, sizeof f->env_db, "CHANLAB_DB=%s", f->db);
    snprintf(f->env_bank, sizeof f->env_bank, "CHANLAB_BANK_DIR=%s", th_env("TEST_BANK"));
    snprintf(f->env_now, sizeof f->env_now, "CHANLAB_NOW=%lld", (long long)T0);
    snprintf(f->env_cfg, sizeof f->env_cfg, "XDG_CONFIG_HOME=%s/config", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    th_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* Runs chanlab with up to five arguments (NULL-terminated) in f's world. */
static struct th_result run(struct fx *f, const char *a1, const char *a2, const char *a3,
                            const char *a4)
{
    char *argv[] = {
        (char *)th_env("CHANLAB"), (char *)a1, (char *)a2, (char *)a3, (char *)a4, NULL};
    char *env[] = {f->env_db, f->env_bank, f->env_now, f->env_cfg, "TZ=UTC", NULL};
    return th_run(argv, NULL, 30, env);
}

static void expect(struct th_result *r, int status, const char *out, const char *err)
{
    if (r->status != status)
        fail_msg("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r->status, status, r->out, r->err);
    if (out)
        assert_string_equal(r->out, out);
    if (err)
        assert_string_equal(r->err, err);
}

/* The bank's questions as `list --json` gives them. */
static cJSON *list_json(struct fx *f)
{
    struct th_result r = run(f, "list", "--json", NULL, NULL);
    expect(&r, 0, NULL, "");
    cJSON *doc = cJSON_Parse(r.out);
    if (!doc)
        fail_msg("list --json is not JSON:\n%s", r.out);
    th_result_free(&r);
    return doc;
}

static const char *jstr(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsString(v))
        fail_msg("field %s is not a string", name);
    return v->valuestring;
}

static double jnum(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsNumber(v))
        fail_msg("field %s is not a number", name);
    return v->valuedouble;
}

static const cJSON *find_question(const cJSON *doc, const char *id)
{
    const cJSON *q;
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "questions"))
    {
        if (strcmp(jstr(q, "id"), id) == 0)
            return q;
    }
    fail_msg("no question %s in list --json", id);
    return NULL;
}

/* Nothing studied: every question new, in the text form too. */
static void test_list_new(void **state)
{
    struct fx *f = *state;
    cJSON *doc = list_json(f);
    assert_int_equal((int)jnum(doc, "version"), 1);
    assert_true(jnum(doc, "now") == (double)T0);
    const cJSON *qs = cJSON_GetObjectItemCaseSensitive(doc, "questions");
    assert_true(cJSON_GetArraySize(qs) >= 3);
    size_t width = 0;
    const cJSON *q;
    cJSON_ArrayForEach(q, qs)
    {
        assert_string_equal(jstr(q, "state"), "new");
        assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(q, "due")));
        assert_int_equal((int)jnum(q, "reps"), 0);
        width = strlen(jstr(q, "id")) > width ? strlen(jstr(q, "id")) : width;
    }
    char want[8192] = "", line[512];
    cJSON_ArrayForEach(q, qs)
    {
        snprintf(line, sizeof line, "%-*s  %-6s  new         -        %s\n", (int)width,
                 jstr(q, "id"), jstr(q, "tier"), jstr(q, "question"));
        strcat(want, line);
    }
    struct th_result r = run(f, "list", NULL, NULL, NULL);
    expect(&r, 0, want, "");
    th_result_free(&r);
    cJSON_Delete(doc);
    /* Nothing is due yet. */
    r = run(f, "review", NULL, NULL, NULL);
    expect(&r, 0, "Nothing is due for review: no question has been studied yet.\n", "");
    th_result_free(&r);
    r = run(f, "list", "--due", NULL, NULL);
    expect(&r, 0, "", "");
    th_result_free(&r);
}

static void write_export(const char *path, const char *reviews)
{
    char text[4096];
    snprintf(text, sizeof text,
             "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": 0,\n"
             " \"reviews\": [%s],\n \"runs\": [], \"fixes\": [], \"quiz_sessions\": [],\n"
             " \"settings\": {}}\n",
             reviews);
    th_write_file(path, text);
}

/* channels.nil: good, good ten minutes later, three days ago: in review,
 * due 2 days later, so overdue now. sync.mutex-counter: easy an hour ago:
 * due in 8 days. */
static void import_history(struct fx *f, char *path, size_t size)
{
    snprintf(path, size, "%s/history.json", f->dir);
    char reviews[2048];
    snprintf(reviews, sizeof reviews,
             "{\"question\": \"channels.nil\", \"at\": %lld, \"grade\": \"good\", "
             "\"duration_ms\": 9000, \"mode\": \"study\"},\n"
             " {\"question\": \"channels.nil\", \"at\": %lld, \"grade\": \"good\", "
             "\"duration_ms\": 4000, \"mode\": \"study\"},\n"
             " {\"question\": \"sync.mutex-counter\", \"at\": %lld, \"grade\": \"easy\", "
             "\"duration_ms\": 2000, \"mode\": \"review\"}",
             (long long)(T0 - 3 * DAY), (long long)(T0 - 3 * DAY + 10 * MIN),
             (long long)(T0 - 60 * MIN));
    write_export(path, reviews);
    struct th_result r = run(f, "import", path, NULL, NULL);
    char want[1024];
    snprintf(want, sizeof want,
             "Imported from %s: 3 reviews, 0 runs, 0 fix attempts, 0 quizzes, 0 settings.\n", path);
    expect(&r, 0, want, "");
    th_result_free(&r);
}

static void test_import_then_views(void **state)
{
    struct fx *f = *state;
    char path[600];
    import_history(f, path, sizeof path);

    /* Twice: nothing new. */
    struct th_result r = run(f, "import", path, NULL, NULL);
    char want[4096];
    snprintf(want, sizeof want, "Nothing new in %s.\n", path);
    expect(&r, 0, want, "");
    th_result_free(&r);

    /* The cards are the FSRS replay of the history. */
    struct srs_params p;
    srs_params_default(&p);
    struct srs_card nil = srs_card_new(), mutex = srs_card_new();
    nil = srs_review(&p, &nil, SRS_GOOD, T0 - 3 * DAY);
    nil = srs_review(&p, &nil, SRS_GOOD, T0 - 3 * DAY + 10 * MIN);
    mutex = srs_review(&p, &mutex, SRS_EASY, T0 - 60 * MIN);
    assert_int_equal(nil.due, T0 - DAY + 10 * MIN); /* 2 days: the reference vector */
    assert_int_equal(mutex.due, T0 - 60 * MIN + 8 * DAY);

    cJSON *doc = list_json(f);
    const cJSON *q = find_question(doc, "channels.nil");
    assert_string_equal(jstr(q, "state"), "review");
    assert_true(jnum(q, "due") == (double)nil.due);
    assert_true(jnum(q, "stability") == (double)(int64_t)(nil.stability * 1e4 + 0.5) / 1e4);
    assert_int_equal((int)jnum(q, "reps"), 2);
    char text[512];
    snprintf(text, sizeof text, "%s", jstr(q, "question"));
    q = find_question(doc, "sync.mutex-counter");
    assert_string_equal(jstr(q, "state"), "review");
    assert_true(jnum(q, "due") == (double)mutex.due);
    int width = 0; /* list pads ids to the longest in the bank */
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "questions"))
    {
        width = (int)strlen(jstr(q, "id")) > width ? (int)strlen(jstr(q, "id")) : width;
    }
    cJSON_Delete(doc);

    /* The queue: channels.nil only, 23 h 50 m overdue. */
    r = run(f, "review", NULL, NULL, NULL);
    snprintf(want, sizeof want,
             "Due for review now, most overdue first:\n"
             "  1. channels.nil  mid     review      due 23h ago  %s\n",
             text);
    expect(&r, 0, want, "");
    th_result_free(&r);
    r = run(f, "list", "--due", NULL, NULL);
    snprintf(want, sizeof want, "%-*s  mid     review      due      %s\n", width, "channels.nil",
             text);
    expect(&r, 0, want, "");
    th_result_free(&r);
    r = run(f, "list", "--topic", "sync", NULL);
    assert_int_equal(r.status, 0);
    /* Filtered to one topic, the ids are padded to that topic's longest. */
    assert_non_null(strstr(r.out, "sync.mutex-counter  senior  review      in 7d    "));
    th_result_free(&r);
}

static const cJSON *group(const cJSON *doc, const char *kind, const char *name)
{
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(doc, kind);
    if (name)
        g = cJSON_GetObjectItemCaseSensitive(g, name);
    if (!cJSON_IsObject(g))
        fail_msg("stats --json has no %s %s", kind, name ? name : "");
    return g;
}

static void test_stats(void **state)
{
    struct fx *f = *state;
    char path[600];
    import_history(f, path, sizeof path);
    struct th_result r = run(f, "stats", "--json", NULL, NULL);
    expect(&r, 0, NULL, "");
    cJSON *doc = cJSON_Parse(r.out);
    if (!doc)
        fail_msg("stats --json is not JSON:\n%s", r.out);
    th_result_free(&r);
    assert_int_equal((int)jnum(doc, "version"), 1);
    assert_string_equal(jstr(doc, "algorithm"), "FSRS-6");
    assert_true(jnum(doc, "desired_retention") == 0.9);
    const cJSON *all = group(doc, "all", NULL);
    assert_int_equal((int)jnum(all, "seen"), 2);
    assert_int_equal((int)jnum(all, "reviews"), 3);
    assert_int_equal((int)jnum(all, "due"), 1);
    assert_int_equal((int)jnum(all, "mastered"), 0);
    assert_int_equal((int)jnum(all, "leeches"), 0);
    /* Reviews on days -3 and -1: the streak is one day, up to yesterday. */
    assert_int_equal((int)jnum(all, "streak"), 1);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(all, "retention")));
    const cJSON *per_day = cJSON_GetObjectItemCaseSensitive(all, "reviews_per_day");
    assert_int_equal(cJSON_GetArraySize(per_day), 30);
    for (int i = 0; i < 30; i++)
        assert_int_equal(cJSON_GetArrayItem(per_day, i)->valueint, i == 26 ? 2 : i == 28 ? 1 : 0);
    const cJSON *forecast = cJSON_GetObjectItemCaseSensitive(all, "due_forecast");
    assert_int_equal(cJSON_GetArraySize(forecast), 14);
    for (int i = 0; i < 14; i++)
        assert_int_equal(cJSON_GetArrayItem(forecast, i)->valueint, i == 0 || i == 7 ? 1 : 0);
    assert_int_equal((int)jnum(group(doc, "tiers", "mid"), "seen"), 1);
    assert_int_equal((int)jnum(group(doc, "tiers", "senior"), "seen"), 1);
    assert_int_equal((int)jnum(group(doc, "tiers", "junior"), "seen"), 0);
    assert_int_equal((int)jnum(group(doc, "topics", "channels"), "due"), 1);
    assert_int_equal((int)jnum(group(doc, "topics", "sync"), "due"), 0);
    assert_int_equal((int)jnum(group(doc, "topics", "sync"), "questions"), 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "topics")), 9);
    int total = (int)jnum(all, "questions");
    cJSON_Delete(doc);

    r = run(f, "stats", NULL, NULL, NULL);
    expect(&r, 0, NULL, "");
    char want[512];
    snprintf(want, sizeof want,
             "Progress at 2026-03-02 00:00 (FSRS-6, desired retention 0.90)\n\n"
             "                 questions  seen mastered  due retention leeches\n"
             "all              %9d     2        0    1         -       0\n",
             total);
    if (strncmp(r.out, want, strlen(want)) != 0)
        fail_msg("stats printed:\n%s\nwant it to begin:\n%s", r.out, want);
    assert_non_null(strstr(r.out, "\nStreak: 1 day\n"));
    assert_non_null(strstr(r.out, "\nDue per day, next 14 days (today first): 1 0 0 0 0 0 0 1 "
                                  "0 0 0 0 0 0\n"));
    th_result_free(&r);
}

static void test_export(void **state)
{
    struct fx *f = *state;
    char path[600], out[600];
    import_history(f, path, sizeof path);
    snprintf(out, sizeof out, "%s/backup.json", f->dir);
    struct th_result r = run(f, "export", out, NULL, NULL);
    expect(&r, 0, "", "");
    th_result_free(&r);
    char *file = th_read_file(out, NULL);
    assert_non_null(file);
    r = run(f, "export", NULL, NULL, NULL);
    expect(&r, 0, file, "");
    th_result_free(&r);
    cJSON *doc = cJSON_Parse(file);
    assert_non_null(doc);
    assert_string_equal(jstr(doc, "format"), "chanlab-progress");
    const cJSON *reviews = cJSON_GetObjectItemCaseSensitive(doc, "reviews");
    assert_int_equal(cJSON_GetArraySize(reviews), 3);
    const cJSON *first = cJSON_GetArrayItem(reviews, 0);
    assert_string_equal(jstr(first, "question"), "channels.nil");
    assert_string_equal(jstr(first, "grade"), "good");
    assert_string_equal(jstr(first, "mode"), "study");
    assert_true(jnum(first, "at") == (double)(T0 - 3 * DAY));
    assert_true(jnum(first, "duration_ms") == 9000);
    cJSON_Delete(doc);
    /* Its own export imports as nothing new. */
    r = run(f, "import", out, NULL, NULL);
    char want[800];
    snprintf(want, sizeof want, "Nothing new in %s.\n", out);
    expect(&r, 0, want, "");
    th_result_free(&r);
    free(file);
}

/* Bad imports: exit 1, the message, nothing changed. */
static void test_import_errors(void **state)
{
    struct fx *f = *state;
    char path[600], bad[600], want[1400];
    import_history(f, path, sizeof path);
    struct th_result before = run(f, "export", NULL, NULL, NULL);
    expect(&before, 0, NULL, "");

    snprintf(bad, sizeof bad, "%s/bad.json", f->dir);
    th_write_file(bad, "{\"format\": \"chanlab-progress\", \"version\": 1,\n  \"reviews\": [}\n");
    struct th_result r = run(f, "import", bad, NULL, NULL);
    snprintf(want, sizeof want, "chanlab import: %s:2:15: not valid JSON; nothing was imported\n",
             bad);
    expect(&r, 1, "", want);
    th_result_free(&r);

    write_export(bad, "{\"question\": \"channels.nil\", \"at\": 1, \"grade\": \"good\", "
                      "\"duration_ms\": 0, \"mode\": \"study\"}, {\"question\": "
                      "\"channels.gone\", \"at\": 2, \"grade\": \"good\", \"duration_ms\": 0, "
                      "\"mode\": \"study\"}");
    r = run(f, "import", bad, NULL, NULL);
    snprintf(want, sizeof want,
             "chanlab import: %s: reviews[1].question: unknown question id 'channels.gone'; "
             "nothing was imported\n",
             bad);
    expect(&r, 1, "", want);
    th_result_free(&r);

    write_export(bad, "{\"question\": \"channels.nil\", \"at\": 1e400, \"grade\": \"good\", "
                      "\"duration_ms\": 0, \"mode\": \"study\"}");
    r = run(f, "import", bad, NULL, NULL);
    snprintf(want, sizeof want,
             "chanlab import: %s: reviews[0].at: expected a whole number; nothing was "
             "imported\n",
             bad);
    expect(&r, 1, "", want);
    th_result_free(&r);

    /* 100 MB: refused at once, never read. */
    th_write_file(bad, "[");
    assert_int_equal(truncate(bad, 100L * 1024 * 1024), 0);
    r = run(f, "import", bad, NULL, NULL);
    snprintf(want, sizeof want,
             "chanlab import: %s: too large to be an export (100.0 MB; the limit is 64 MB); "
             "nothing was imported\n",
             bad);
    expect(&r, 1, "", want);
    th_result_free(&r);
    unlink(bad);

    struct th_result after = run(f, "export", NULL, NULL, NULL);
    expect(&after, 0, before.out, "");
    th_result_free(&before);
    th_result_free(&after);
}

/* A --db that is not a database: a clear message, exit 1, file untouched. */
static void test_bad_db(void **state)
{
    struct fx *f = *state;
    char notes[600], flag[700], want[1400];
    snprintf(notes, sizeof notes, "%s/notes.txt", f->dir);
    th_write_file(notes, "remember the milk\n");
    snprintf(flag, sizeof flag, "--db=%s", notes);
    const char *cmds[] = {"list", "review", "stats", "export"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        struct th_result r = run(f, "--db", notes, cmds[i], NULL);
        snprintf(want, sizeof want,
                 "chanlab %s: %s: not a chanlab progress database (not an SQLite file); it was "
                 "left as it is\n",
                 cmds[i], notes);
        expect(&r, 1, "", want);
        th_result_free(&r);
    }
    char *text = th_read_file(notes, NULL);
    assert_string_equal(text, "remember the milk\n");
    free(text);
}

static void test_usage_errors(void **state)
{
    struct fx *f = *state;
    struct th_result r = run(f, "list", "--tier", "expert", NULL);
    expect(&r, 2, "",
           "chanlab list: unknown tier 'expert' (junior, mid or senior)\n"
           "Try 'chanlab list --help'.\n");
    th_result_free(&r);
    r = run(f, "list", "--topic", "goroutine", NULL);
    expect(&r, 2, "",
           "chanlab list: unknown topic 'goroutine' (goroutines, channels, select, sync, "
           "context, patterns, races-deadlocks, scheduler, leaks)\n"
           "Try 'chanlab list --help'.\n");
    th_result_free(&r);
    r = run(f, "list", "--tier", NULL, NULL);
    expect(&r, 2, "", "chanlab list: --tier needs a value\nTry 'chanlab list --help'.\n");
    th_result_free(&r);
    r = run(f, "stats", "--frob", NULL, NULL);
    expect(&r, 2, "", "chanlab stats: unknown option '--frob'\nTry 'chanlab stats --help'.\n");
    th_result_free(&r);
    r = run(f, "import", NULL, NULL, NULL);
    expect(&r, 2, "", "chanlab import: which FILE?\nTry 'chanlab import --help'.\n");
    th_result_free(&r);
    r = run(f, "review", "now", NULL, NULL);
    expect(&r, 2, "", "chanlab review: unexpected argument 'now'\nTry 'chanlab review --help'.\n");
    th_result_free(&r);
    r = run(f, "export", "a.json", "b.json", NULL);
    expect(&r, 2, "",
           "chanlab export: unexpected argument 'b.json'\nTry 'chanlab export --help'.\n");
    th_result_free(&r);
}

/* Without --db or CHANLAB_DB: $XDG_DATA_HOME/chanlab/progress.db, else
 * ~/.local/share/chanlab/progress.db; new directories 0700. */
static void test_location(void **state)
{
    struct fx *f = *state;
    char data[700], home[700], path[800];
    snprintf(data, sizeof data, "XDG_DATA_HOME=%s/data", f->dir);
    snprintf(home, sizeof home, "HOME=%s/home", f->dir);
    char *argv[] = {(char *)th_env("CHANLAB"), "export", NULL};
    char *env1[] = {"CHANLAB_DB=", data, home, f->env_bank, f->env_now, f->env_cfg, NULL};
    struct th_result r = th_run(argv, NULL, 30, env1);
    expect(&r, 0, NULL, "");
    th_result_free(&r);
    struct stat sb;
    snprintf(path, sizeof path, "%s/data/chanlab/progress.db", f->dir);
    assert_int_equal(stat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/data/chanlab", f->dir);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);

    char *env2[] = {"CHANLAB_DB=", "XDG_DATA_HOME=", home, f->env_bank,
                    f->env_now,    f->env_cfg,       NULL};
    r = th_run(argv, NULL, 30, env2);
    expect(&r, 0, NULL, "");
    th_result_free(&r);
    snprintf(path, sizeof path, "%s/home/.local/share/chanlab/progress.db", f->dir);
    assert_int_equal(stat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/home/.local", f->dir);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_list_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_then_views, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_db, setup, teardown),
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_location, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
