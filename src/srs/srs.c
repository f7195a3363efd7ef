/* srs.c: the FSRS-6 model and the card scheduler around it (see srs.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "srs.h"

#define S_MIN  0.001
#define S_MAX  36500.0
#define D_MIN  1.0
#define D_MAX  10.0
#define MINUTE INT64_C(60000)

/* FSRS-6's defaults, fitted by its authors to the average Anki user. */
static const double default_w[SRS_NPARAMS] = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* The range each weight may take (the reference's parameter clipper). */
static const double w_lo[SRS_NPARAMS] = {
    S_MIN, S_MIN, S_MIN, S_MIN, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0,   0.0, 1.0,   0.0,   0.0,   0.0, 0.1,
};
static const double w_hi[SRS_NPARAMS] = {
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
    5.0,   0.25,  0.9,   4.0,   1.0,  6.0, 2.0, 2.0,  0.8, 0.8,
};

void srs_params_default(struct srs_params *p)
{
    memset(p, 0, sizeof *p);
    memcpy(p->w, default_w, sizeof p->w);
    p->desired_retention = 0.9;
    p->learning_ms[0] = 1 * MINUTE;
    p->learning_ms[1] = 10 * MINUTE;
    p->n_learning = 2;
    p->relearning_ms[0] = 10 * MINUTE;
    p->n_relearning = 1;
    p->max_interval_days = 36500;
}

bool srs_params_check(const struct srs_params *p, char *msg, size_t msgsize)
{
    for (int i = 0; i < SRS_NPARAMS; i++) {
        if (!isfinite(p->w[i]) || p->w[i] < w_lo[i] || p->w[i] > w_hi[i]) {
            snprintf(msg, msgsize, "FSRS weight w%d = %g is outside [%g, %g]", i, p->w[i], w_lo[i],
                     w_hi[i]);
            return false;
        }
    }
    if (!(p->desired_retention >= 0.7 && p->desired_retention <= 0.99)) {
        snprintf(msg, msgsize, "desired retention %g is outside [0.7, 0.99]", p->desired_retention);
        return false;
    }
    if (p->n_learning < 0 || p->n_learning > SRS_MAX_STEPS || p->n_relearning < 0 ||
        p->n_relearning > SRS_MAX_STEPS) {
        snprintf(msg, msgsize, "at most %d learning and relearning steps", SRS_MAX_STEPS);
        return false;
    }
    for (int i = 0; i < p->n_learning; i++)
        if (p->learning_ms[i] <= 0) {
            snprintf(msg, msgsize, "learning step %d is not positive", i + 1);
            return false;
        }
    for (int i = 0; i < p->n_relearning; i++)
        if (p->relearning_ms[i] <= 0) {
            snprintf(msg, msgsize, "relearning step %d is not positive", i + 1);
            return false;
        }
    if (p->max_interval_days < 1 || p->max_interval_days > 36500) {
        snprintf(msg, msgsize, "maximum interval %d is outside [1, 36500] days",
                 p->max_interval_days);
        return false;
    }
    return true;
}

/* ---- the model -------------------------------------------------------- */

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

double srs_forgetting_curve(double w20, double elapsed_days, double stability)
{
    double decay = -w20;
    double factor = pow(0.9, 1.0 / decay) - 1.0;
    return pow(1.0 + factor * elapsed_days / stability, decay);
}

/* D0(g) = w4 - e^(w5 (g - 1)) + 1, unclamped. */
static double init_difficulty(const double *w, int g)
{
    return w[4] - exp(w[5] * (g - 1)) + 1.0;
}

/* Linear damping toward 10, then mean reversion toward D0(easy). */
static double next_difficulty(const double *w, double d, int g)
{
    double delta = -w[6] * (g - 3);
    double damped = d + delta * (10.0 - d) / 9.0;
    double reverted = w[7] * init_difficulty(w, SRS_EASY) + (1.0 - w[7]) * damped;
    return clamp(reverted, D_MIN, D_MAX);
}

static double stability_after_recall(const double *w, double s, double d, double r, int g)
{
    double hard = g == SRS_HARD ? w[15] : 1.0;
    double easy = g == SRS_EASY ? w[16] : 1.0;
    return s * (1.0 + exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0) *
                          hard * easy);
}

static double stability_after_lapse(const double *w, double s, double d, double r)
{
    double long_term =
        w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp((1.0 - r) * w[14]);
    double ceiling = s / exp(w[17] * w[18]);
    return long_term < ceiling ? long_term : ceiling;
}

/* Same-day review: S grows by e^(w17 (g - 3 + w18)) S^-w19, never shrinking
 * on good or easy. */
static double stability_short_term(const double *w, double s, int g)
{
    double sinc = exp(w[17] * (g - 3 + w[18])) * pow(s, -w[19]);
    if (g >= SRS_GOOD && sinc < 1.0)
        sinc = 1.0;
    return s * sinc;
}

struct srs_memory srs_memory_step(const struct srs_params *p, const struct srs_memory *prev,
                                  double elapsed_days, enum srs_grade g)
{
    const double *w = p->w;
    struct srs_memory m;
    if (!prev) {
        m.stability = clamp(w[g - 1], S_MIN, S_MAX);
        m.difficulty = clamp(init_difficulty(w, g), D_MIN, D_MAX);
        return m;
    }
    double s;
    if (elapsed_days <= 0) {
        s = stability_short_term(w, prev->stability, g);
    } else {
        double r = srs_forgetting_curve(w[20], elapsed_days, prev->stability);
        s = g == SRS_AGAIN ? stability_after_lapse(w, prev->stability, prev->difficulty, r)
                           : stability_after_recall(w, prev->stability, prev->difficulty, r, g);
    }
    m.stability = clamp(s, S_MIN, S_MAX);
    m.difficulty = next_difficulty(w, prev->difficulty, g);
    return m;
}

double srs_next_interval(const struct srs_params *p, double stability, double r)
{
    double decay = -p->w[20];
    double factor = pow(0.9, 1.0 / decay) - 1.0;
    return stability / factor * (pow(r, 1.0 / decay) - 1.0);
}

int srs_interval_days(const struct srs_params *p, double stability)
{
    double days = round(srs_next_interval(p, stability, p->desired_retention));
    if (!(days >= 1.0))
        days = 1.0;
    if (days > p->max_interval_days)
        days = p->max_interval_days;
    return (int)days;
}

/* ---- the card --------------------------------------------------------- */

struct srs_card srs_card_new(void)
{
    struct srs_card c;
    memset(&c, 0, sizeof c);
    c.phase = SRS_NEW;
    return c;
}

static int64_t whole_days(int64_t from, int64_t to)
{
    return to > from ? (to - from) / SRS_DAY_MS : 0;
}

double srs_retrievability(const struct srs_params *p, const struct srs_card *c, int64_t now)
{
    if (c->phase == SRS_NEW || c->stability <= 0)
        return 0.0;
    return srs_forgetting_curve(p->w[20], (double)whole_days(c->last_review, now), c->stability);
}

/* The interval of a (re)learning step after grade g, or -1 when the card
 * graduates to review. Updates *step. */
static int64_t step_interval(const int64_t *steps, int n, int *step, enum srs_grade g)
{
    if (n == 0 || (*step >= n && g != SRS_AGAIN))
        return -1;
    switch (g) {
    case SRS_AGAIN: *step = 0; return steps[0];
    case SRS_HARD:
        if (*step == 0)
            return n == 1 ? steps[0] * 3 / 2 : (steps[0] + steps[1]) / 2;
        return steps[*step];
    case SRS_GOOD:
        if (*step + 1 >= n)
            return -1;
        *step += 1;
        return steps[*step];
    case SRS_EASY:
    default: return -1;
    }
}

struct srs_card srs_review(const struct srs_params *p, const struct srs_card *c, enum srs_grade g,
                           int64_t now)
{
    struct srs_card n = *c;
    struct srs_memory prev = {c->stability, c->difficulty};
    bool fresh = c->phase == SRS_NEW || c->stability <= 0;
    int64_t days = fresh ? 0 : whole_days(c->last_review, now);
    struct srs_memory m = srs_memory_step(p, fresh ? NULL : &prev, (double)days, g);
    int64_t ivl = -1;

    n.stability = m.stability;
    n.difficulty = m.difficulty;
    if (c->phase == SRS_REVIEW && !fresh) {
        /* A recall in review keeps the card in review. */
        if (g == SRS_AGAIN) {
            n.lapses++;
            if (p->n_relearning > 0) {
                n.phase = SRS_RELEARNING;
                n.step = 0;
                ivl = p->relearning_ms[0];
            }
        }
    } else {
        bool re = c->phase == SRS_RELEARNING;
        if (c->phase == SRS_NEW)
            n.step = 0;
        n.phase = re ? SRS_RELEARNING : SRS_LEARNING;
        ivl = re ? step_interval(p->relearning_ms, p->n_relearning, &n.step, g)
                 : step_interval(p->learning_ms, p->n_learning, &n.step, g);
    }
    if (ivl < 0) {
        n.phase = SRS_REVIEW;
        n.step = 0;
        ivl = (int64_t)srs_interval_days(p, n.stability) * SRS_DAY_MS;
    }
    if (now < c->last_review)
        now = c->last_review;
    n.reps++;
    n.last_review = now;
    n.interval_ms = ivl;
    n.due = now + ivl;
    return n;
}

/* ---- names ------------------------------------------------------------- */

static const char *const grade_names[] = {NULL, "again", "hard", "good", "easy"};
static const char *const phase_names[] = {"new", "learning", "review", "relearning"};

const char *srs_grade_name(int g)
{
    return g >= SRS_AGAIN && g <= SRS_EASY ? grade_names[g] : NULL;
}

int srs_grade_parse(const char *name)
{
    for (int g = SRS_AGAIN; g <= SRS_EASY; g++)
        if (name && strcmp(name, grade_names[g]) == 0)
            return g;
    return 0;
}

const char *srs_phase_name(int phase)
{
    return phase >= SRS_NEW && phase <= SRS_RELEARNING ? phase_names[phase] : NULL;
}

enum srs_grade srs_suggest(enum srs_evidence e)
{
    switch (e) {
    case SRS_FIXED_FIRST_TRY: return SRS_GOOD;
    case SRS_FIXED_WITH_HINT: return SRS_HARD;
    case SRS_FIX_FAILED:
    default: return SRS_AGAIN;
    }
}

const char *srs_algorithm(void)
{
    return "FSRS-6";
}
