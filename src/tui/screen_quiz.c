/* screen_quiz.c: the Quiz screen. */
#include <stdlib.h>

#include "model.h"

struct quiz_state {
    int sel;
};

void quiz_free(struct app *a)
{
    free(a->quiz);
    a->quiz = NULL;
}

void quiz_open(struct app *a)
{
    if (!a->quiz)
        a->quiz = xcalloc(1, sizeof *a->quiz);
    app_push(a, SCR_QUIZ);
}

static void quiz_draw(struct app *a, struct canvas *cv, struct rect body)
{
    draw_message(cv, body, ROLE_WARN, "Quiz", "The quiz is not built yet.");
    (void)a;
}

static bool quiz_key(struct app *a, struct tkey k)
{
    (void)a, (void)k;
    return false;
}

static const struct keyhelp quiz_keys[] = {{NULL, NULL}};

const struct screen screen_quiz = {
    .name = "Quiz",
    .keys = quiz_keys,
    .draw = quiz_draw,
    .key = quiz_key,
};
