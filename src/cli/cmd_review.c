/* cmd_review.c: `chanlab review`: the questions due for review now, most
 * overdue first (the order the app asks them in). Reviewing itself happens
 * in the app; this is the queue for scripts and a glance. */
#include <string.h>

#include "cli_impl.h"
#include "views.h"

int cmd_review(struct cli *cli, int argc, char **argv)
{
    if (argc > 1)
        return cli_usage_error("review", "unexpected argument '%s'", argv[1]);
    struct bank *b = views_load_bank("review");
    if (!b)
        return 1;
    struct store *st = views_open_store(cli, "review");
    if (!st) {
        bank_free(b);
        return 1;
    }
    int64_t now = views_now();
    struct store_cards due, all;
    if (store_due(st, now, 0, &due) != STORE_OK || store_cards_all(st, &all) != STORE_OK) {
        fprintf(stderr, "chanlab review: %s\n", store_errmsg(st));
        store_close(st);
        bank_free(b);
        return 1;
    }
    size_t shown = 0, gone = 0, width = 0;
    for (size_t i = 0; i < due.n; i++)
        if (bank_question_find(b, due.rows[i].question) && strlen(due.rows[i].question) > width)
            width = strlen(due.rows[i].question);
    for (size_t i = 0; i < due.n; i++) {
        const struct bank_question *q = bank_question_find(b, due.rows[i].question);
        if (!q) {
            gone++;
            continue;
        }
        if (shown == 0)
            printf("Due for review now, most overdue first:\n");
        char when[32];
        views_relative(due.rows[i].card.due, now, when, sizeof when);
        printf("%3zu. %-*s  %-6s  %-10s  due %-8s %s\n", ++shown, (int)width, q->id,
               bank_tier_name(q->tier), srs_phase_name(due.rows[i].card.phase), when, q->question);
    }
    if (shown == 0) {
        /* Nothing due: say when the next one is. */
        const struct store_card_row *next = NULL;
        for (size_t i = 0; i < all.n; i++)
            if (bank_question_find(b, all.rows[i].question) && all.rows[i].card.due > now &&
                (!next || all.rows[i].card.due < next->card.due))
                next = &all.rows[i];
        if (next) {
            char when[32], rel[32];
            printf("Nothing is due for review. Next: %s, %s (%s).\n", next->question,
                   views_relative(next->card.due, now, rel, sizeof rel),
                   views_when(next->card.due, when, sizeof when));
        } else {
            printf("Nothing is due for review: no question has been studied yet.\n");
        }
    }
    if (gone)
        printf("(%zu due question%s no longer in the question bank, left out.)\n", gone,
               gone == 1 ? " is" : "s are");
    store_cards_free(&due);
    store_cards_free(&all);
    store_close(st);
    bank_free(b);
    return 0;
}
