/* screen_run.c: the Run screen: an exercise or any Go file running live on
 * chanlab's runtime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct run_state {
    char path[512];  /* the Go file */
    char title[256]; /* what the header shows */
};

void run_free(struct app *a)
{
    free(a->run);
    a->run = NULL;
}

static struct run_state *state(struct app *a)
{
    if (!a->run)
        a->run = xcalloc(1, sizeof *a->run);
    return a->run;
}

void run_open_exercise(struct app *a, const char *exercise_id)
{
    struct run_state *st = state(a);
    const struct bank_exercise *ex = bank_exercise_find(a->model->bank, exercise_id);
    snprintf(st->path, sizeof st->path, "%s", ex ? ex->path : "");
    snprintf(st->title, sizeof st->title, "%s", exercise_id);
    app_push(a, SCR_RUN);
}

void run_open_file(struct app *a, const char *path, unsigned long long seed, int procs)
{
    struct run_state *st = state(a);
    (void)seed, (void)procs;
    snprintf(st->path, sizeof st->path, "%s", path);
    snprintf(st->title, sizeof st->title, "%s", path);
    app_push(a, SCR_RUN);
}

static void run_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct run_state *st = state(a);
    char msg[800];
    snprintf(msg, sizeof msg,
             "Running programs is not available yet: the interpreter's stepping API "
             "(src/lang back end) is not in this build. %s",
             st->path);
    draw_message(cv, body, ROLE_WARN, "Run", msg);
}

static bool run_key(struct app *a, struct tkey k)
{
    (void)a, (void)k;
    return false;
}

static const struct keyhelp run_keys[] = {{NULL, NULL}};

const struct screen screen_run = {
    .name = "Run",
    .keys = run_keys,
    .draw = run_draw,
    .key = run_key,
};
