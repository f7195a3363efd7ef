/* cmd_stats.c: `chanlab stats [--json]`: progress over all questions, per
 * tier and per topic: questions, seen, mastered, due now, retention, leeches,
 * the review streak, reviews per day over 30 days and the due forecast for
 * 14 days. The JSON form is documented in docs/json-formats.md. */
#include <string.h>

#include "cli_impl.h"
#include "views.h"

/* Groups: 0 all, then the tiers, then the topics. */
#define G_TIER(t)  (1 + (t))
#define G_TOPIC(t) (1 + BANK_NTIERS + (t))
#define NGROUPS    (1 + BANK_NTIERS + BANK_NTOPICS)

static uint32_t classify(const char *question, void *ctx)
{
    const struct bank_question *q = bank_question_find(ctx, question);
    if (!q)
        return 0;
    return 1u | (1u << G_TIER(q->tier)) | (1u << G_TOPIC(q->topic));
}

static const char *group_name(int g)
{
    if (g == 0)
        return "all";
    if (g < G_TOPIC(0))
        return bank_tier_name((enum bank_tier)(g - 1));
    return bank_topic_name((enum bank_topic)(g - G_TOPIC(0)));
}

static void json_group(const struct store_stats *s, size_t questions)
{
    printf("{\"questions\": %zu, \"seen\": %d, \"mastered\": %d, \"due\": %d, \"leeches\": %d, "
           "\"reviews\": %lld, ",
           questions, s->seen, s->mastered, s->due, s->leeches, (long long)s->reviews);
    if (s->retention < 0)
        printf("\"retention\": null, ");
    else
        printf("\"retention\": %.4f, ", s->retention);
    printf("\"streak\": %d, \"reviews_per_day\": [", s->streak);
    for (int i = 0; i < STORE_DAYS_HISTORY; i++)
        printf(i ? ", %d" : "%d", s->per_day[i]);
    printf("], \"due_forecast\": [");
    for (int i = 0; i < STORE_DAYS_FORECAST; i++)
        printf(i ? ", %d" : "%d", s->forecast[i]);
    printf("]}");
}

static void print_json(const struct store_stats *s, const size_t *count, int64_t now,
                       const struct srs_params *p)
{
    printf("{\n  \"version\": 1,\n  \"now\": %lld,\n  \"algorithm\": \"%s\",\n"
           "  \"desired_retention\": %.2f,\n  \"all\": ",
           (long long)now, srs_algorithm(), p->desired_retention);
    json_group(&s[0], count[0]);
    printf(",\n  \"tiers\": {");
    for (int t = 0; t < BANK_NTIERS; t++) {
        printf(t ? ",\n    \"%s\": " : "\n    \"%s\": ", group_name(G_TIER(t)));
        json_group(&s[G_TIER(t)], count[G_TIER(t)]);
    }
    printf("\n  },\n  \"topics\": {");
    for (int t = 0; t < BANK_NTOPICS; t++) {
        printf(t ? ",\n    \"%s\": " : "\n    \"%s\": ", group_name(G_TOPIC(t)));
        json_group(&s[G_TOPIC(t)], count[G_TOPIC(t)]);
    }
    printf("\n  }\n}\n");
}

static void print_text(const struct store_stats *s, const size_t *count, int64_t now,
                       const struct srs_params *p)
{
    char when[32];
    printf("Progress at %s (%s, desired retention %.2f)\n\n", views_when(now, when, sizeof when),
           srs_algorithm(), p->desired_retention);
    printf("%-16s %9s %5s %8s %4s %9s %7s\n", "", "questions", "seen", "mastered", "due",
           "retention", "leeches");
    for (int g = 0; g < NGROUPS; g++) {
        if (g == G_TIER(0) || g == G_TOPIC(0))
            printf("\n");
        char ret[16];
        if (s[g].retention < 0)
            snprintf(ret, sizeof ret, "-");
        else
            snprintf(ret, sizeof ret, "%.0f%%", s[g].retention * 100.0);
        printf("%-16s %9zu %5d %8d %4d %9s %7d\n", group_name(g), count[g], s[g].seen,
               s[g].mastered, s[g].due, ret, s[g].leeches);
    }
    printf("\nStreak: %d day%s\n", s[0].streak, s[0].streak == 1 ? "" : "s");
    printf("Reviews per day, last %d days (oldest first):", STORE_DAYS_HISTORY);
    for (int i = 0; i < STORE_DAYS_HISTORY; i++)
        printf(" %d", s[0].per_day[i]);
    printf("\nDue per day, next %d days (today first):", STORE_DAYS_FORECAST);
    for (int i = 0; i < STORE_DAYS_FORECAST; i++)
        printf(" %d", s[0].forecast[i]);
    printf("\n");
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (argv[i][0] == '-')
            return cli_usage_error("stats", "unknown option '%s'", argv[i]);
        else
            return cli_usage_error("stats", "unexpected argument '%s'", argv[i]);
    }
    struct bank *b = views_load_bank("stats");
    if (!b)
        return 1;
    struct store *st = views_open_store(cli, "stats");
    if (!st) {
        bank_free(b);
        return 1;
    }
    int64_t now = views_now();
    struct store_stats s[NGROUPS];
    if (store_stats(st, now, views_tz_offset(now), NGROUPS, classify, b, s) != STORE_OK) {
        fprintf(stderr, "chanlab stats: %s\n", store_errmsg(st));
        store_close(st);
        bank_free(b);
        return 1;
    }
    size_t count[NGROUPS] = {0};
    for (size_t i = 0; i < bank_question_count(b); i++) {
        const struct bank_question *q = bank_question_at(b, i);
        count[0]++;
        count[G_TIER(q->tier)]++;
        count[G_TOPIC(q->topic)]++;
    }
    struct srs_params p;
    store_params(st, &p);
    if (json)
        print_json(s, count, now, &p);
    else
        print_text(s, count, now, &p);
    store_close(st);
    bank_free(b);
    return 0;
}
