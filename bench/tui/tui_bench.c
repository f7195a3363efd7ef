/* tui_bench.c: the two costs of the app a user feels.
 *
 * (1) The first frame: from nothing to Home drawn, with a progress database
 * of 100,000 reviews over the shipped bank's questions: app_new (load and
 * validate the bank, open the store) plus the first app_draw of Home at
 * 80x24 (cards, due queue, streak). Headless: the terminal's own start-up
 * (initscr) is not included. Target: 50 ms.
 * (2) A step in Run: one scheduling event of a Go program with 100
 * goroutines (and, for scale, 10,000) through the interpreter, the
 * snapshot, and the whole Run frame redrawn. Target: 5 ms for 100.
 *
 * Each figure is the median (and the 99th percentile for steps) of repeated
 * runs. Prints `name value unit` lines. `tui-bench [DIR]` keeps its files in
 * DIR (default: a fresh directory under /var/tmp). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "tui_impl.h"

#define NREVIEWS 100000
#define NOW      1772409600LL /* seconds; the reviews end a day before */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int i = (int)(p * (n - 1) + 0.5);
    return v[i];
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "tui-bench: %s: %s\n", what, msg);
    exit(1);
}

/* Writes an export of NREVIEWS reviews spread over every question of the
 * shipped bank and the last 400 days, and imports it into db (the store's
 * public import: one transaction, cards recomputed). */
static void populate(const char *dir, const char *db)
{
    struct bank *b = bank_load(NULL);
    size_t nq = bank_question_count(b);
    if (nq == 0)
        die("bank", "the shipped bank has no questions");
    char json[600];
    snprintf(json, sizeof json, "%s/reviews.json", dir);
    FILE *f = fopen(json, "w");
    if (!f)
        die("write", json);
    fprintf(f,
            "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": %lld000,\n"
            "\"reviews\": [\n",
            NOW);
    static const char *const grades[] = {"again", "hard", "good", "good", "good", "easy"};
    long long span = 400LL * 86400 * 1000, t0 = (NOW - 86400) * 1000 - span;
    uint64_t rng = 88172645463325252u;
    for (int i = 0; i < NREVIEWS; i++) {
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        const struct bank_question *q = bank_question_at(b, (size_t)i % nq);
        fprintf(f,
                "%s{\"question\": \"%s\", \"at\": %lld, \"grade\": \"%s\", \"duration_ms\": "
                "5000, \"mode\": \"review\"}\n",
                i ? "," : "", q->id, t0 + span * i / NREVIEWS, grades[rng % 6]);
    }
    fprintf(f, "], \"runs\": [], \"fixes\": [], \"quiz_sessions\": [], \"settings\": {}}\n");
    fclose(f);
    bank_free(b);
    struct store *st;
    char err[1024];
    if (store_open(db, NULL, &st, err, sizeof err) != STORE_OK)
        die("open", err);
    struct store_import_result res;
    if (store_import_file(st, json, NULL, NULL, &res) != STORE_OK)
        die("import", store_errmsg(st));
    if (res.reviews != NREVIEWS)
        die("import", "not every review was imported");
    store_close(st);
}

static void first_frame(const char *db)
{
    enum { RUNS = 21 };
    double t[RUNS], app_t[RUNS];
    struct canvas *cv = canvas_new(80, 24);
    char *shown = NULL;
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        struct tui_options opt = {.db_path = db, .seed = 1, .procs = 1};
        struct app *a = app_new(&opt);
        a->now_override = NOW;
        double t1 = now_ms();
        app_draw(a, cv);
        t[i] = now_ms() - t0;
        app_t[i] = t1 - t0;
        if (!a->model->store)
            die("store", a->model->store_problem);
        if (i == 0)
            shown = cv_dump(cv);
        app_free(a);
    }
    if (!strstr(shown, "mastered/seen/total"))
        die("first frame", "Home was not drawn");
    free(shown);
    canvas_free(cv);
    printf("tui_first_frame_100k_reviews %.2f ms\n", pct(t, RUNS, 0.5));
    printf("tui_first_frame_app_new %.2f ms\n", pct(app_t, RUNS, 0.5));
}

/* A program whose N workers pass values around forever. */
static void write_program(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("write", path);
    fprintf(f,
            "package main\n\nimport \"fmt\"\n\n"
            "func worker(id int, in <-chan int, out chan<- int) {\n"
            "\tfor v := range in {\n\t\tout <- v + id\n\t}\n}\n\n"
            "func main() {\n"
            "\tin := make(chan int, 8)\n\tout := make(chan int, 8)\n"
            "\tfor i := 0; i < %d; i++ {\n\t\tgo worker(i, in, out)\n\t}\n"
            "\tsum := 0\n"
            "\tfor r := 0; r < 1000000; r++ {\n\t\tin <- r\n\t\tsum += <-out\n\t}\n"
            "\tfmt.Println(sum)\n}\n",
            n);
    fclose(f);
}

static void step_redraw(const char *dir, const char *db, int n)
{
    char path[600];
    snprintf(path, sizeof path, "%s/workers%d.go", dir, n);
    write_program(path, n);
    struct tui_options opt = {.db_path = db, .seed = 1, .procs = 1};
    struct app *a = app_new(&opt);
    a->now_override = NOW;
    struct canvas *cv = canvas_new(80, 24);
    run_open_file(a, path, 1, 4);
    app_draw(a, cv);
    /* Warm up: run (c, in ticks of a few thousand events) until every
     * worker exists, then stop (Esc). */
    char want[64];
    snprintf(want, sizeof want, "Goroutines %d", n + 1);
    app_key(a, (struct tkey){.code = TK_CHAR, .ch = 'c'});
    for (int tick = 0; tick < 100000; tick++) {
        app_tick(a);
        app_draw(a, cv);
        char *d = cv_dump(cv);
        bool ready = strstr(d, want) != NULL;
        free(d);
        if (ready)
            break;
    }
    app_key(a, (struct tkey){.code = TK_ESC});
    enum { STEPS = 1000 };
    double *t = malloc(STEPS * sizeof *t);
    for (int i = 0; i < STEPS; i++) {
        double t0 = now_ms();
        app_key(a, (struct tkey){.code = TK_CHAR, .ch = 's'});
        app_draw(a, cv);
        t[i] = now_ms() - t0;
    }
    char *d = cv_dump(cv);
    if (!strstr(d, want)) {
        fprintf(stderr, "%s", d);
        die("step", "the workers are not all there");
    }
    free(d);
    printf("tui_run_step_redraw_%dg %.3f ms\n", n, pct(t, STEPS, 0.5));
    printf("tui_run_step_redraw_%dg_p99 %.3f ms\n", n, pct(t, STEPS, 0.99));
    free(t);
    canvas_free(cv);
    app_free(a);
}

int main(int argc, char **argv)
{
    char dir[256];
    if (argc > 1) {
        snprintf(dir, sizeof dir, "%s", argv[1]);
    } else {
        snprintf(dir, sizeof dir, "/var/tmp/chanlab-tui-bench-XXXXXX");
        if (!mkdtemp(dir))
            die("mkdtemp", dir);
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    char db[512];

    snprintf(db, sizeof db, "%s/progress.db", dir);
    remove(db);
    populate(dir, db);
    first_frame(db);
    step_redraw(dir, db, 100);
    step_redraw(dir, db, 10000);
    return 0;
}
