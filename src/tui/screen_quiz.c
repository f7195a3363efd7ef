/* screen_quiz.c: the Quiz screen: pick tiers, topics and a length, then
 * answer a shuffled mix of items, then see the score, which is stored.
 *
 * Three kinds of item:
 *   concept    a multiple-choice item of a question (bank_quiz);
 *   predict    an exercise's predict-the-outcome item: the right choice is
 *              made from the program's real run (runner), shown afterwards;
 *   recall     a question graded by the user, 1-4, stored as a review too.
 * Every answer is stored with store_quiz_answer: question is the bank
 * question, choice the index picked (the grade minus 1 for recall), and item
 * is the concept item's index (0-99), 100 + k for the predict item of the
 * question's k-th exercise, or 200 for recall. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "model.h"
#include "runner.h"

enum item_kind { ITEM_CONCEPT, ITEM_PREDICT, ITEM_RECALL };

struct quiz_item {
    enum item_kind kind;
    const struct bank_question *q;
    int index;              /* concept item, or exercise, of q */
    const char *choices[6]; /* shown in this order */
    int nchoices, correct;  /* correct: index into choices */
    char *owned[6];         /* choices the quiz made (predict answers) */
    int picked;             /* -1 until answered; grade - 1 for recall */
    bool right;
    bool revealed;  /* recall: the answer is shown */
    char *run_note; /* predict: what the real run did */
};

enum phase { PH_SETUP, PH_ITEM, PH_SUMMARY };

struct quiz_state {
    enum phase phase;
    bool tiers[BANK_NTIERS];
    bool topics[BANK_NTOPICS];
    int length;
    int setup_sel; /* topic row selected in setup */
    struct quiz_item *items;
    int n, cur;
    int score;
    long long session;  /* store id, 0 when not stored */
    char note[300];     /* why the score was not stored */
    struct md_doc *doc; /* the current item's page */
    int doc_width, doc_item;
    int scroll, view_h;
    unsigned long long rng;
};

static const int lengths[] = {3, 5, 10, 20};

static struct quiz_state *state(struct app *a)
{
    if (!a->quiz) {
        a->quiz = xcalloc(1, sizeof *a->quiz);
        for (int i = 0; i < BANK_NTIERS; i++)
            a->quiz->tiers[i] = true;
        for (int i = 0; i < BANK_NTOPICS; i++)
            a->quiz->topics[i] = true;
        a->quiz->length = 5;
    }
    return a->quiz;
}

static void free_items(struct quiz_state *st)
{
    for (int i = 0; i < st->n; i++) {
        for (int c = 0; c < 6; c++)
            free(st->items[i].owned[c]);
        free(st->items[i].run_note);
    }
    free(st->items);
    st->items = NULL;
    st->n = 0;
    md_doc_free(st->doc);
    st->doc = NULL;
}

void quiz_free(struct app *a)
{
    if (!a->quiz)
        return;
    free_items(a->quiz);
    free(a->quiz);
    a->quiz = NULL;
}

void quiz_open(struct app *a)
{
    struct quiz_state *st = state(a);
    free_items(st);
    st->phase = PH_SETUP;
    app_push(a, SCR_QUIZ);
}

/* xorshift64*: the quiz's own shuffle, seeded from the clock at start. */
static unsigned long long next_rand(struct quiz_state *st)
{
    st->rng ^= st->rng >> 12;
    st->rng ^= st->rng << 25;
    st->rng ^= st->rng >> 27;
    return st->rng * 2685821657736338717ULL;
}

static void shuffle_choices(struct quiz_state *st, struct quiz_item *it)
{
    for (int i = it->nchoices - 1; i > 0; i--) {
        int j = (int)(next_rand(st) % (unsigned long long)(i + 1));
        const char *t = it->choices[i];
        it->choices[i] = it->choices[j];
        it->choices[j] = t;
        if (it->correct == i)
            it->correct = j;
        else if (it->correct == j)
            it->correct = i;
    }
}

/* Runs an exercise to the end and makes its predict item; false when it
 * cannot run (then the item is not used). */
static bool make_predict(struct quiz_state *st, struct quiz_item *it,
                         const struct bank_exercise *ex)
{
    struct runner_options ro = {
        .seed = 1, .procs = ex->procs, .go121 = ex->go121, .max_steps = 10000000};
    char err[512];
    struct runner *r = runner_new(ex->path, &ro, err, sizeof err);
    if (!r)
        return false;
    runner_step(r, 0);
    if (!runner_finished(r)) {
        runner_free(r);
        return false;
    }
    struct bank_expect got;
    runner_expect(r, &got);
    char answer[1024];
    if (ex->predict->ask == BANK_ASK_STDOUT)
        snprintf(answer, sizeof answer, "%s", got.out);
    else
        bank_outcome_sentence(&got, answer, sizeof answer);
    char findings[512], note[2048];
    runner_findings(r, findings, sizeof findings);
    size_t outlen;
    const char *out = runner_output(r, &outlen);
    snprintf(note, sizeof note, "The real run (seed 1) printed:\n%.*s%s%s", (int)outlen, out,
             findings[0] ? "\nand ended with: " : "", findings);
    runner_free(r);
    it->owned[0] = xstrdup(answer);
    it->choices[0] = it->owned[0];
    it->nchoices = 1;
    for (size_t d = 0; d < ex->predict->ndistractors && it->nchoices < 6; d++)
        if (strcmp(ex->predict->distractors[d], answer) != 0)
            it->choices[it->nchoices++] = ex->predict->distractors[d];
    it->correct = 0;
    it->run_note = xstrdup(note);
    shuffle_choices(st, it);
    return true;
}

static bool wanted(const struct quiz_state *st, const struct bank_question *q)
{
    return st->tiers[q->tier] && st->topics[q->topic];
}

static void start(struct app *a, struct quiz_state *st)
{
    struct model *m = a->model;
    free_items(st);
    st->rng = (unsigned long long)app_now(a) * 0x9E3779B97F4A7C15ULL | 1;
    /* Candidates: every concept item, predict item and recall question in
     * scope; shuffled, then the first `length` are kept. */
    size_t cap = 0;
    for (size_t i = 0; i < m->nquestions; i++) {
        const struct bank_question *q = bank_question_at(m->bank, i);
        if (wanted(st, q))
            cap += q->nquiz + q->nexercises + 1;
    }
    struct quiz_item *cand = xcalloc(cap + 1, sizeof *cand);
    size_t nc = 0;
    for (size_t i = 0; i < m->nquestions; i++) {
        const struct bank_question *q = bank_question_at(m->bank, i);
        if (!wanted(st, q))
            continue;
        for (size_t k = 0; k < q->nquiz; k++)
            cand[nc++] = (struct quiz_item){.kind = ITEM_CONCEPT, .q = q, .index = (int)k};
        for (size_t k = 0; k < q->nexercises; k++)
            if (q->exercises[k]->predict)
                cand[nc++] = (struct quiz_item){.kind = ITEM_PREDICT, .q = q, .index = (int)k};
        cand[nc++] = (struct quiz_item){.kind = ITEM_RECALL, .q = q};
    }
    for (size_t i = nc; i > 1; i--) {
        size_t j = (size_t)(next_rand(st) % i);
        struct quiz_item t = cand[i - 1];
        cand[i - 1] = cand[j];
        cand[j] = t;
    }
    st->items = xcalloc((size_t)st->length, sizeof *st->items);
    st->n = 0;
    for (size_t i = 0; i < nc && st->n < st->length; i++) {
        struct quiz_item it = cand[i];
        it.picked = -1;
        if (it.kind == ITEM_CONCEPT) {
            const struct bank_quiz *qz = &it.q->quiz[it.index];
            for (size_t c = 0; c < qz->nchoices && c < 6; c++)
                it.choices[it.nchoices++] = qz->choices[c].text;
            it.correct = (int)qz->correct;
            shuffle_choices(st, &it);
        } else if (it.kind == ITEM_PREDICT) {
            if (!make_predict(st, &it, it.q->exercises[it.index]))
                continue;
        }
        st->items[st->n++] = it;
    }
    free(cand);
    if (st->n == 0) {
        app_status(a, ROLE_WARN, "No quiz item matches: pick at least one tier and one topic.");
        return;
    }
    st->cur = 0;
    st->score = 0;
    st->session = 0;
    st->note[0] = '\0';
    st->phase = PH_ITEM;
    st->scroll = 0;
    if (m->store) {
        char scope[64];
        snprintf(scope, sizeof scope, "%d items", st->n);
        int64_t id = 0;
        if (store_quiz_begin(m->store, app_now(a) * 1000, scope, &id) == STORE_OK)
            st->session = id;
        else
            snprintf(st->note, sizeof st->note, "The score is not stored: %s",
                     store_errmsg(m->store));
    } else {
        snprintf(st->note, sizeof st->note, "%s", m->store_problem);
    }
}

/* ---- setup ------------------------------------------------------------- */

static void draw_setup(struct app *a, struct quiz_state *st, struct canvas *cv, struct rect r)
{
    int y = r.y + 1;
    cv_text(cv, r.x, y, r.w, ROLE_TITLE, ATTR_BOLD, "New quiz");
    y += 2;
    int x = r.x + cv_text(cv, r.x, y, 10, ROLE_DIM, 0, "Tiers    ");
    for (int t = 0; t < BANK_NTIERS; t++) {
        char buf[32];
        snprintf(buf, sizeof buf, "[%s] %d %s  ", st->tiers[t] ? "x" : " ", t + 1,
                 bank_tier_name((enum bank_tier)t));
        x += cv_text(cv, x, y, r.w, st->tiers[t] ? ROLE_TEXT : ROLE_DIM, 0, buf);
    }
    y += 1;
    char len[64];
    snprintf(len, sizeof len, "%d items   (+ and - change it)", st->length);
    cv_text(cv, r.x, y, 9, ROLE_DIM, 0, "Length");
    cv_text(cv, r.x + 9, y, r.w - 9, ROLE_TEXT, 0, len);
    y += 2;
    cv_text(cv, r.x, y++, r.w, ROLE_DIM, 0, "Topics   (\u2191\u2193 move, space toggles, a all)");
    for (int t = 0; t < BANK_NTOPICS; t++, y++) {
        char buf[64];
        snprintf(buf, sizeof buf, "[%s] %s", st->topics[t] ? "x" : " ",
                 bank_topic_name((enum bank_topic)t));
        cv_text(cv, r.x + 2, y, r.w - 2, st->topics[t] ? ROLE_TEXT : ROLE_DIM, 0, buf);
        if (t == st->setup_sel)
            cv_paint(cv, (struct rect){r.x + 2, y, 24, 1}, ROLE_SELECTED, 0);
    }
    y++;
    cv_text(cv, r.x, y++, r.w, ROLE_KEY, ATTR_BOLD, "Enter starts the quiz.");
    (void)a;
}

static bool setup_key(struct app *a, struct quiz_state *st, struct tkey k)
{
    int li = 0;
    for (int i = 0; i < 4; i++)
        if (lengths[i] == st->length)
            li = i;
    switch (k.code) {
    case TK_UP: st->setup_sel = (st->setup_sel + BANK_NTOPICS - 1) % BANK_NTOPICS; return true;
    case TK_DOWN: st->setup_sel = (st->setup_sel + 1) % BANK_NTOPICS; return true;
    case TK_ENTER: start(a, st); return true;
    case TK_CHAR: break;
    default: return false;
    }
    switch (k.ch) {
    case 'j': st->setup_sel = (st->setup_sel + 1) % BANK_NTOPICS; return true;
    case 'k': st->setup_sel = (st->setup_sel + BANK_NTOPICS - 1) % BANK_NTOPICS; return true;
    case '1':
    case '2':
    case '3': st->tiers[k.ch - '1'] = !st->tiers[k.ch - '1']; return true;
    case ' ': st->topics[st->setup_sel] = !st->topics[st->setup_sel]; return true;
    case 'a': {
        bool all = true;
        for (int t = 0; t < BANK_NTOPICS; t++)
            all = all && st->topics[t];
        for (int t = 0; t < BANK_NTOPICS; t++)
            st->topics[t] = !all;
        return true;
    }
    case '+':
    case '=': st->length = lengths[li < 3 ? li + 1 : 3]; return true;
    case '-': st->length = lengths[li > 0 ? li - 1 : 0]; return true;
    default: return false;
    }
}

/* ---- items ------------------------------------------------------------- */

static const char *kind_name(enum item_kind k)
{
    return k == ITEM_CONCEPT ? "concept" : k == ITEM_PREDICT ? "predict the outcome" : "recall";
}

static void add_choice_lines(struct md_doc *d, const struct quiz_item *it)
{
    for (int c = 0; c < it->nchoices; c++) {
        char key[8];
        snprintf(key, sizeof key, "%c) ", 'a' + c);
        int role = ROLE_TEXT;
        const char *mark = "";
        if (it->picked >= 0) {
            if (c == it->correct) {
                role = ROLE_GOOD;
                mark = "  \u2713 right";
            } else if (c == it->picked) {
                role = ROLE_BAD;
                mark = "  \u2717 your answer";
            }
        }
        /* Multi-line choices (program output) show each line indented. */
        const char *t = it->choices[c];
        bool first = true;
        while (first || *t) {
            const char *e = strchr(t, '\n');
            size_t n = e ? (size_t)(e - t) : strlen(t);
            char line[300];
            if (n > 290)
                n = 290;
            memcpy(line, t, n);
            line[n] = '\0';

            if (first)
                md_add_line(d, "  ", ROLE_TEXT, 0, key, ROLE_KEY, ATTR_BOLD, line, role, 0,
                            e && e[1] ? "" : mark, role, ATTR_BOLD, NULL);
            else
                md_add_line(d, "     ", ROLE_TEXT, 0, line, role, 0, NULL);
            first = false;
            t = e ? e + 1 : t + n;
            if (!e)
                break;
        }
    }
}

static struct md_doc *build_item(const struct quiz_state *st, int width)
{
    const struct quiz_item *it = &st->items[st->cur];
    struct md_doc *d = md_doc_new(width);
    if (it->kind == ITEM_CONCEPT) {
        const struct bank_quiz *qz = &it->q->quiz[it->index];
        md_add_text(d, qz->prompt, 0, ROLE_TITLE, ATTR_BOLD);
        md_add_blank(d);
        add_choice_lines(d, it);
        if (it->picked >= 0 && it->picked != it->correct) {
            for (size_t c = 0; c < qz->nchoices; c++)
                if (strcmp(qz->choices[c].text, it->choices[it->picked]) == 0 &&
                    qz->choices[c].why) {
                    md_add_blank(d);
                    md_add_text(d, qz->choices[c].why, 0, ROLE_WARN, 0);
                }
        }
    } else if (it->kind == ITEM_PREDICT) {
        const struct bank_exercise *ex = it->q->exercises[it->index];
        md_add_text(d, ex->predict->prompt, 0, ROLE_TITLE, ATTR_BOLD);
        md_add_blank(d);
        char *src = NULL;
        size_t len = 0;
        FILE *f = fopen(ex->path, "rb");
        if (f) {
            fseek(f, 0, SEEK_END);
            long sz = ftell(f);
            fseek(f, 0, SEEK_SET);
            if (sz > 0) {
                src = xmalloc((size_t)sz + 16);
                len = fread(src, 1, (size_t)sz, f);
            }
            fclose(f);
        }
        if (src) {
            char *md = xmalloc(len + 16);
            memcpy(md, "```go\n", 6);
            memcpy(md + 6, src, len);
            memcpy(md + 6 + len, "\n```\n", 5);
            md_render(d, md, len + 11, tui_highlight_go, NULL);
            free(md);
            free(src);
        }
        md_add_blank(d);
        add_choice_lines(d, it);
        if (it->picked >= 0 && it->run_note) {
            md_add_blank(d);
            md_add_text(d, it->run_note, 0, ROLE_INFO, 0);
        }
    } else {
        md_add_text(d, it->q->question, 0, ROLE_TITLE, ATTR_BOLD);
        md_add_blank(d);
        if (!it->revealed) {
            md_add_line(d, "Answer it, then press ", ROLE_DIM, 0, "space", ROLE_KEY, 0,
                        " to compare.", ROLE_DIM, 0, NULL);
        } else {
            md_render(d, it->q->answer, strlen(it->q->answer), tui_highlight_go, NULL);
            if (it->picked < 0) {
                md_add_blank(d);
                md_add_line(d, "How well did you recall it? ", ROLE_DIM, 0, "1", ROLE_KEY, 0,
                            " again  ", ROLE_TEXT, 0, "2", ROLE_KEY, 0, " hard  ", ROLE_TEXT, 0,
                            "3", ROLE_KEY, 0, " good  ", ROLE_TEXT, 0, "4", ROLE_KEY, 0, " easy",
                            ROLE_TEXT, 0, NULL);
            }
        }
    }
    return d;
}

static void draw_item(struct app *a, struct quiz_state *st, struct canvas *cv, struct rect r)
{
    const struct quiz_item *it = &st->items[st->cur];
    struct rect top = rect_cut_top(&r, 1);
    char head[128];
    snprintf(head, sizeof head, "Item %d of %d \u00b7 %s \u00b7 %s", st->cur + 1, st->n,
             kind_name(it->kind), it->q->id);
    cv_text_fit(cv, top.x, top.y, top.w - 14, ROLE_DIM, 0, head);
    char score[32];
    snprintf(score, sizeof score, "score %d", st->score);
    cv_text(cv, top.x + top.w - (int)strlen(score), top.y, 12, ROLE_INFO, 0, score);
    rect_cut_top(&r, 1);
    struct rect bottom = rect_cut_bottom(&r, 1);
    if (!st->doc || st->doc_width != r.w || st->doc_item != st->cur) {
        md_doc_free(st->doc);
        st->doc = build_item(st, r.w);
        st->doc_width = r.w;
        st->doc_item = st->cur;
    }
    st->view_h = r.h;
    int max = st->doc->n - r.h;
    if (st->scroll > max)
        st->scroll = max > 0 ? max : 0;
    md_draw(cv, r, st->doc, st->scroll);
    const char *hint;
    if (it->picked >= 0)
        hint = it->kind == ITEM_PREDICT
                   ? (it->right ? "Right. Enter: next item, w: watch the run"
                                : "Not quite. Enter: next item, w: watch the run")
                   : (it->right ? "Right. Enter: next item" : "Not quite. Enter: next item");

    else if (it->kind == ITEM_RECALL)
        hint = it->revealed ? "1-4: grade your recall" : "space: show the answer";
    else
        hint = "a-f or 1-6: answer";
    cv_text_fit(cv, bottom.x, bottom.y, bottom.w,
                it->picked >= 0 && !it->right ? ROLE_WARN : ROLE_KEY, ATTR_BOLD, hint);
    (void)a;
}

static void answer(struct app *a, struct quiz_state *st, int choice)
{
    struct quiz_item *it = &st->items[st->cur];
    if (it->picked >= 0)
        return;
    it->picked = choice;
    long long now = app_now(a);
    int item;
    if (it->kind == ITEM_RECALL) {
        it->right = choice + 1 >= SRS_HARD;
        item = 200;
        long long next;
        char err[300];
        if (a->model->store)
            model_grade(a->model, it->q->id, choice + 1, STORE_QUIZ, 0, now, &next, err,
                        sizeof err);
    } else {
        it->right = choice == it->correct;
        item = it->kind == ITEM_CONCEPT ? it->index : 100 + it->index;
        if (it->kind == ITEM_CONCEPT) {
            /* The stored choice is the bank's index, not the shuffled one. */
            const struct bank_quiz *qz = &it->q->quiz[it->index];
            for (size_t c = 0; c < qz->nchoices; c++)
                if (strcmp(qz->choices[c].text, it->choices[choice]) == 0)
                    choice = (int)c;
        }
    }
    st->score += it->right;
    if (st->session) {
        struct store_quiz_answer qa = {it->q->id, item, choice, it->right, now * 1000};
        if (store_quiz_answer(a->model->store, st->session, &qa) != STORE_OK)
            snprintf(st->note, sizeof st->note, "An answer was not stored: %s",
                     store_errmsg(a->model->store));
    }
    md_doc_free(st->doc);
    st->doc = NULL;
}

static void next_item(struct app *a, struct quiz_state *st)
{
    if (st->cur + 1 < st->n) {
        st->cur++;
        st->scroll = 0;
        return;
    }
    st->phase = PH_SUMMARY;
    if (st->session &&
        store_quiz_finish(a->model->store, st->session, app_now(a) * 1000) != STORE_OK)
        snprintf(st->note, sizeof st->note, "The score was not stored: %s",
                 store_errmsg(a->model->store));
}

static bool item_key(struct app *a, struct quiz_state *st, struct tkey k)
{
    struct quiz_item *it = &st->items[st->cur];
    int page = st->view_h > 2 ? st->view_h - 2 : 1;
    switch (k.code) {
    case TK_UP: st->scroll = st->scroll > 0 ? st->scroll - 1 : 0; return true;
    case TK_DOWN: st->scroll++; return true;
    case TK_PGUP: st->scroll = st->scroll > page ? st->scroll - page : 0; return true;
    case TK_PGDN: st->scroll += page; return true;
    case TK_WHEEL_UP: st->scroll = st->scroll > 3 ? st->scroll - 3 : 0; return true;
    case TK_WHEEL_DOWN: st->scroll += 3; return true;
    case TK_ENTER:
        if (it->picked >= 0)
            next_item(a, st);
        return true;
    case TK_CHAR: break;
    default: return false;
    }
    uint32_t c = k.ch;
    if (it->picked >= 0) {
        if (c == 'n' || c == ' ') {
            next_item(a, st);
            return true;
        }
        if (c == 'w' && it->kind == ITEM_PREDICT) {
            run_open_exercise(a, it->q->exercises[it->index]->id);
            return true;
        }
        return c == 'j' || c == 'k';
    }
    if (it->kind == ITEM_RECALL) {
        if (c == ' ' && !it->revealed) {
            it->revealed = true;
            md_doc_free(st->doc);
            st->doc = NULL;
            return true;
        }
        if (it->revealed && c >= '1' && c <= '4') {
            answer(a, st, (int)(c - '1'));
            return true;
        }
        return c >= '1' && c <= '4';
    }
    int choice = -1;
    if (c >= 'a' && c < 'a' + (uint32_t)it->nchoices)
        choice = (int)(c - 'a');
    else if (c >= '1' && c < '1' + (uint32_t)it->nchoices)
        choice = (int)(c - '1');
    if (choice >= 0) {
        answer(a, st, choice);
        return true;
    }
    return false;
}

/* ---- summary ----------------------------------------------------------- */

static void draw_summary(struct app *a, struct quiz_state *st, struct canvas *cv, struct rect r)
{
    int y = r.y + 1;
    char line[400];
    snprintf(line, sizeof line, "Score: %d/%d (%d%%)", st->score, st->n,

             st->n ? st->score * 100 / st->n : 0);
    cv_text(cv, r.x, y, r.w, ROLE_TITLE, ATTR_BOLD, line);
    y += 2;
    for (int i = 0; i < st->n && y < r.y + r.h - 3; i++, y++) {
        const struct quiz_item *it = &st->items[i];
        cv_text(cv, r.x + 2, y, 2, it->right ? ROLE_GOOD : ROLE_BAD, ATTR_BOLD,
                it->right ? "\u2713" : "\u2717");
        snprintf(line, sizeof line, "%-20s %s", kind_name(it->kind), it->q->id);
        cv_text_fit(cv, r.x + 4, y, r.w - 4, ROLE_TEXT, 0, line);
    }
    y++;
    if (st->session && !st->note[0])
        snprintf(line, sizeof line, "Stored as quiz %lld. Enter: back to Home", st->session);
    else
        snprintf(line, sizeof line, "%s", st->note[0] ? st->note : "Not stored.");
    draw_wrapped(cv, (struct rect){r.x, y, r.w, r.y + r.h - y}, 0,
                 st->session && !st->note[0] ? ROLE_DIM : ROLE_WARN, 0, line);
    (void)a;
}

static void quiz_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct quiz_state *st = state(a);
    if (a->model->bank_problem[0]) {
        draw_message(cv, body, ROLE_BAD, "Quiz", a->model->bank_problem);
        return;
    }
    struct rect r = rect_inset(body, 2, 0);
    switch (st->phase) {
    case PH_SETUP: draw_setup(a, st, cv, r); break;
    case PH_ITEM: draw_item(a, st, cv, r); break;
    case PH_SUMMARY: draw_summary(a, st, cv, r); break;
    }
}

static bool quiz_key(struct app *a, struct tkey k)
{
    struct quiz_state *st = state(a);
    if (a->model->bank_problem[0])
        return false;
    switch (st->phase) {
    case PH_SETUP: return setup_key(a, st, k);
    case PH_ITEM: return item_key(a, st, k);
    case PH_SUMMARY:
        if (k.code == TK_ENTER) {
            app_pop(a);
            return true;
        }
        return false;
    }
    return false;
}

static const struct keyhelp quiz_keys[] = {
    {"\u21b5", "start / next"}, {"1 2 3", "tiers"}, {"+ -", "length"},
    {"a-f", "answer"},          {NULL, NULL},
};

const struct screen screen_quiz = {
    .name = "Quiz",
    .keys = quiz_keys,
    .help = "A quiz mixes concept questions (pick one answer), predict-the-outcome items (read "
            "the program, pick what it does; chanlab runs it to grade you and shows the run) "
            "and recall items (answer, then grade yourself 1-4; 2 or better counts as right, "
            "and the grade is stored as a review). The score is stored when the quiz ends.",
    .draw = quiz_draw,
    .key = quiz_key,
};
