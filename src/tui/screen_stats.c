/* screen_stats.c: the Stats screen: mastery by tier and topic, leeches,
 * reviews per day over 30 days, retention and the 14-day due forecast, all
 * from the progress store. */
#include <stdlib.h>

#include "model.h"

struct stats_state {
    int scroll;
};

void stats_free(struct app *a)
{
    free(a->stats);
    a->stats = NULL;
}

void stats_open(struct app *a)
{
    if (!a->stats)
        a->stats = xcalloc(1, sizeof *a->stats);
    app_push(a, SCR_STATS);
}

static void stats_draw(struct app *a, struct canvas *cv, struct rect body)
{
    if (!a->model->store) {
        draw_message(cv, body, ROLE_WARN, "Stats", a->model->store_problem);
        return;
    }
}

static bool stats_key(struct app *a, struct tkey k)
{
    (void)a, (void)k;
    return false;
}

static const struct keyhelp stats_keys[] = {{NULL, NULL}};

const struct screen screen_stats = {
    .name = "Stats",
    .keys = stats_keys,
    .help = NULL,
    .draw = stats_draw,
    .key = stats_key,
};
