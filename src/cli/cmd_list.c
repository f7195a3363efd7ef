/* cmd_list.c: `chanlab list [--tier T] [--topic T] [--due] [--json]`: the
 * questions of the bank with their progress, in bank order. The JSON form
 * is documented in docs/json-formats.md. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "views.h"

struct list_opts {
    int tier, topic; /* BANK_ANY or a value */
    bool due, json;
};

static int parse(int argc, char **argv, struct list_opts *o)
{
    static const struct option opts[] = {
        {"tier", required_argument, NULL, 't'},
        {"topic", required_argument, NULL, 'p'},
        {"due", no_argument, NULL, 'd'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    o->tier = o->topic = BANK_ANY;
    o->due = o->json = false;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 't':
            if ((o->tier = bank_tier_parse(optarg)) < 0)
                return cli_usage_error("list", "unknown tier '%s' (junior, mid or senior)", optarg);
            break;
        case 'p':
            if ((o->topic = bank_topic_parse(optarg)) < 0) {
                char all[256] = "";
                for (int t = 0; t < BANK_NTOPICS; t++) {
                    strcat(all, t ? ", " : "");
                    strcat(all, bank_topic_name((enum bank_topic)t));
                }
                return cli_usage_error("list", "unknown topic '%s' (%s)", optarg, all);
            }
            break;
        case 'd': o->due = true; break;
        case 'j': o->json = true; break;
        default:
            if (optopt == 't' || optopt == 'p')
                return cli_usage_error("list", "%s needs a value", argv[optind - 1]);
            return cli_usage_error("list", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
    return -1;
}

static void print_json(const struct bank_question *q, const struct srs_card *c,
                       const struct srs_params *p, int64_t now, bool first)
{
    fputs(first ? "\n    {\"id\": " : ",\n    {\"id\": ", stdout);
    views_json_string(stdout, q->id);
    printf(", \"tier\": \"%s\", \"topic\": \"%s\", \"state\": \"%s\", ", bank_tier_name(q->tier),
           bank_topic_name(q->topic), srs_phase_name(c->phase));
    if (c->phase == SRS_NEW)
        fputs("\"due\": null, \"stability\": null, \"difficulty\": null, "
              "\"retrievability\": null, ",
              stdout);
    else
        printf("\"due\": %lld, \"stability\": %.4f, \"difficulty\": %.4f, "
               "\"retrievability\": %.4f, ",
               (long long)c->due, c->stability, c->difficulty, srs_retrievability(p, c, now));
    printf("\"reps\": %d, \"lapses\": %d, \"question\": ", c->reps, c->lapses);
    views_json_string(stdout, q->question);
    fputc('}', stdout);
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
    struct list_opts o;
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    struct bank *b = views_load_bank("list");
    if (!b)
        return 1;
    struct store *st = views_open_store(cli, "list");
    if (!st) {
        bank_free(b);
        return 1;
    }
    int64_t now = views_now();
    struct srs_params p;
    store_params(st, &p);
    struct bank_filter f = {o.tier, o.topic, NULL};
    size_t n = bank_query(b, &f, NULL);
    const struct bank_question **qs = calloc(n ? n : 1, sizeof *qs);
    bank_query(b, &f, qs);
    size_t width = 0;
    for (size_t i = 0; i < n; i++)
        width = strlen(qs[i]->id) > width ? strlen(qs[i]->id) : width;
    if (o.json)
        printf("{\n  \"version\": 1,\n  \"now\": %lld,\n  \"questions\": [", (long long)now);
    bool first = true;
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        struct srs_card c;
        if (store_card(st, qs[i]->id, &c) != STORE_OK) {
            fprintf(stderr, "chanlab list: %s\n", store_errmsg(st));
            status = 1;
            break;
        }
        if (o.due && (c.phase == SRS_NEW || c.due > now))
            continue;
        if (o.json) {
            print_json(qs[i], &c, &p, now, first);
        } else {
            char due[32];
            if (c.phase == SRS_NEW)
                snprintf(due, sizeof due, "-");
            else if (c.due <= now)
                snprintf(due, sizeof due, "due");
            else
                views_relative(c.due, now, due, sizeof due);
            printf("%-*s  %-6s  %-10s  %-7s  %s\n", (int)width, qs[i]->id,
                   bank_tier_name(qs[i]->tier), srs_phase_name(c.phase), due, qs[i]->question);
        }
        first = false;
    }
    if (o.json)
        fputs(first ? "]\n}\n" : "\n  ]\n}\n", stdout);
    free(qs);
    store_close(st);
    bank_free(b);
    return status;
}
