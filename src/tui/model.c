/* model.c: the app's bank and progress store, opened once; thin calls into
 * src/bank and src/store, with their failures turned into text the screens
 * show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct store;

static void open_bank(struct model *m, const struct tui_options *opt)
{
    m->bank = bank_load(opt->bank_dir);
    m->nquestions = bank_question_count(m->bank);
    if (m->nquestions == 0) {
        if (bank_diag_count(m->bank) > 0) {
            const struct bank_diag *dg = bank_diag_at(m->bank, 0);
            if (dg->line > 0)
                snprintf(m->bank_problem, sizeof m->bank_problem,
                         "The question bank did not load: %s:%d:%d: %s", dg->file, dg->line,
                         dg->col, dg->message);
            else
                snprintf(m->bank_problem, sizeof m->bank_problem,
                         "The question bank did not load: %s: %s", dg->file, dg->message);
        } else {
            snprintf(m->bank_problem, sizeof m->bank_problem,
                     "The question bank is empty: no questions were found.");
        }
    }
}

static void open_store(struct model *m, const struct tui_options *opt)
{
    (void)opt;
    m->store = NULL;
    snprintf(m->store_problem, sizeof m->store_problem,
             "Progress is not available yet: the progress store (src/store) has no API in "
             "this build, so reviews cannot be recorded.");
}

struct model *model_open(const struct tui_options *opt)
{
    struct model *m = xcalloc(1, sizeof *m);
    open_bank(m, opt);
    open_store(m, opt);
    return m;
}

void model_close(struct model *m)
{
    if (!m)
        return;
    bank_free(m->bank);
    free(m);
}

void model_progress(struct model *m, const char *id, long long now, struct qprogress *p)
{
    (void)m, (void)id, (void)now;
    memset(p, 0, sizeof *p);
}

int model_due(struct model *m, long long now, const struct bank_question **out, int max)
{
    (void)m, (void)now, (void)out, (void)max;
    return 0;
}

int model_streak(struct model *m, long long now)
{
    (void)m, (void)now;
    return 0;
}

bool model_grade(struct model *m, const char *id, int grade, long long now, long long *next_due,
                 char *err, size_t errsize)
{
    (void)id, (void)grade, (void)now;
    *next_due = 0;
    snprintf(err, errsize, "%s", m->store_problem);
    return false;
}

void model_header_note(struct model *m, long long now, char *buf, size_t size)
{
    if (!m->store) {
        snprintf(buf, size, "%zu questions", m->nquestions);
        return;
    }
    int due = model_due(m, now, NULL, 0);
    snprintf(buf, size, "%d due", due);
}

void model_when(long long now, long long t, char *buf, size_t size)
{
    long long d = t - now;
    if (d <= 0) {
        snprintf(buf, size, "now");
        return;
    }
    static const struct {
        long long secs;
        const char *one, *many;
    } units[] = {
        {365LL * 86400, "year", "years"}, {30LL * 86400, "month", "months"},
        {86400, "day", "days"},           {3600, "hour", "hours"},
        {60, "minute", "minutes"},        {1, "second", "seconds"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (d >= units[i].secs || units[i].secs == 1) {
            long long n = (d + units[i].secs / 2) / units[i].secs;
            if (n < 1)
                n = 1;
            snprintf(buf, size, "in %lld %s", n, n == 1 ? units[i].one : units[i].many);
            return;
        }
    }
}
