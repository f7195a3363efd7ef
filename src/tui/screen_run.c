/* screen_run.c: the Run screen: an exercise, its fix, or any Go file
 * (`chanlab watch`), running live. The runner steps the program by
 * scheduling events; run_view draws each frame from the runtime snapshot.
 *
 * Long work never blocks input: playing, running to the end, exploring
 * schedules and checking an edited copy all advance a bounded amount per
 * tick, and the main loop reads keys between ticks, so any program (an
 * infinite loop included) can be paused and left. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"
#include "run_view.h"
#include "runner.h"

enum work { W_NONE, W_PLAY, W_TO_END, W_EXPLORE, W_CHECK };

/* Events per second of play, chosen with + and -. */
static const int speeds[] = {1, 2, 5, 10, 25, 50, 200, 1000, 5000};
enum { NSPEEDS = sizeof speeds / sizeof speeds[0], EXPLORE_N = 100, CHECK_N = 50 };

/* Statements a run may execute before it is stopped (exploration, quiz). */
#define RUN_MAX_STEPS 2000000ULL

struct run_state {
    const struct bank_exercise *ex; /* NULL for `chanlab watch` */
    char path[1024];                /* the file being run */
    char title[256];
    bool fix;                /* showing the exercise's fix */
    bool workspace;          /* running the user's edited copy */
    unsigned long long seed; /* the schedule seed */
    int pct_depth;           /* > 0: a PCT schedule the explorer found */
    unsigned long long pct_steps;
    int procs;
    bool go121;
    struct runner *runner;
    char error[2048]; /* why there is no runner */
    char *src;        /* the file's text when the runner could not load it */
    size_t src_len;
    enum work work;
    int speed; /* index into speeds */
    bool timeline;
    bool dump;    /* the full stderr (panic or fatal dump) is shown */
    int dump_top; /* its first line shown */
    int src_top, panel_scroll;
    int hint; /* hints shown */
    char notice[1600];
    bool confirm_reset;
    bool recorded;                   /* the finished run was stored */
    struct runner_explore *explorer; /* x: lang_explore, a schedule per tick */
    /* Exploration and checks: seeds tried, the first failure. */
    int tried, total;
    unsigned long long fail_seed;
    char fail_what[1024];
    struct rt_event *events; /* the timeline's copy of the trace */
    size_t nevents;
    struct rect body;
};

static struct run_state *state(struct app *a)
{
    if (!a->run) {
        a->run = xcalloc(1, sizeof *a->run);
        a->run->speed = 3;
        a->run->seed = 1;
        a->run->procs = 1;
    }
    return a->run;
}

static void drop_runner(struct run_state *st)
{
    runner_free(st->runner);
    st->runner = NULL;
    free(st->src);
    st->src = NULL;
    st->src_len = 0;
}

void run_free(struct app *a)
{
    if (!a->run)
        return;
    drop_runner(a->run);
    runner_explore_free(a->run->explorer);
    free(a->run->events);
    free(a->run);
    a->run = NULL;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

/* (Re)starts the program at st->path with st->seed. */
static void load(struct run_state *st)
{
    drop_runner(st);
    st->work = W_NONE;
    st->recorded = false;
    st->error[0] = '\0';
    struct runner_options ro = {.seed = st->seed,
                                .procs = st->procs,
                                .go121 = st->go121,
                                .pct_depth = st->pct_depth,
                                .pct_steps = st->pct_steps};
    st->runner = runner_new(st->path, &ro, st->error, sizeof st->error);
    if (!st->runner) {
        st->src = read_all(st->path, &st->src_len);
        if (!st->src && !st->error[0])
            snprintf(st->error, sizeof st->error, "%s: %s", st->path, strerror(errno));
    }
}

static void open_path(struct app *a, const char *path)
{
    struct run_state *st = state(a);
    snprintf(st->path, sizeof st->path, "%s", path);
    st->pct_depth = 0;
    st->pct_steps = 0;
    st->src_top = 0;
    st->panel_scroll = 0;
    st->timeline = false;
    st->notice[0] = '\0';
    st->confirm_reset = false;
    load(st);
    app_push(a, SCR_RUN);
}

void run_open_exercise(struct app *a, const char *exercise_id)
{
    struct run_state *st = state(a);
    st->ex = bank_exercise_find(a->model->bank, exercise_id);
    st->fix = false;
    st->workspace = false;
    st->hint = 0;
    st->seed = 1;
    if (!st->ex) {
        app_status(a, ROLE_BAD, "There is no exercise %s in the bank.", exercise_id);
        return;
    }
    st->procs = st->ex->procs;
    st->go121 = st->ex->go121;
    snprintf(st->title, sizeof st->title, "%s", st->ex->id);
    open_path(a, st->ex->path);
}

void run_open_file(struct app *a, const char *path, unsigned long long seed, int procs)
{
    struct run_state *st = state(a);
    st->ex = NULL;
    st->fix = false;
    st->workspace = false;
    st->seed = seed;
    st->procs = procs > 0 ? procs : 1;
    st->go121 = false;
    const char *base = strrchr(path, '/');
    snprintf(st->title, sizeof st->title, "%s", base ? base + 1 : path);
    open_path(a, path);
}

/* ---- outcomes and the store ------------------------------------------- */

static const struct bank_expect *expected(const struct run_state *st)
{
    if (!st->ex)
        return NULL;
    if ((st->fix || st->workspace) && st->ex->fix)
        return &st->ex->fix->expect;
    return st->fix || st->workspace ? NULL : &st->ex->expect;
}

/* differs reports whether a run's outcome misses what e expects; what
 * says how. With e NULL (a user's file), any failure counts. */
static bool differs(const struct bank_expect *e, const struct bank_expect *got, char *what,
                    size_t size)
{
    char want[300], found[300];
    bank_outcome_sentence(got, found, sizeof found);
    if (!e) {
        if (got->outcome == BANK_OK)
            return false;
        snprintf(what, size, "the program %s", found);
        return true;
    }
    bank_outcome_sentence(e, want, sizeof want);
    if (got->outcome != e->outcome ||
        (e->outcome == BANK_PANIC && e->panic && got->panic && strcmp(e->panic, got->panic) != 0) ||
        (e->outcome == BANK_EXIT && e->exit != got->exit) ||
        (e->outcome == BANK_LEAK && e->leaks != got->leaks)) {
        snprintf(what, size, "expected: %s\nfound: %s", want, found);
        return true;
    }
    if (e->out && !e->schedule_dependent && strcmp(e->out, got->out) != 0) {
        snprintf(what, size, "expected output:\n%s\nfound output:\n%s", e->out, got->out);
        return true;
    }
    return false;
}

static void record_run(struct app *a, struct run_state *st)
{
    if (st->recorded || !st->ex || !a->model->store || !st->runner || !runner_finished(st->runner))
        return;
    st->recorded = true;
    struct bank_expect got;
    runner_expect(st->runner, &got);
    char findings[512];
    runner_findings(st->runner, findings, sizeof findings);
    struct store_run r = {
        .exercise = st->ex->id,
        .at = app_now(a) * 1000,
        .seed = st->seed,
        .procs = st->procs,
        .outcome = bank_outcome_name(got.outcome),
        .findings = findings[0] ? findings : NULL,
    };
    store_record_run(a->model->store, &r);
}

/* ---- work done in ticks ------------------------------------------------ */

static void refresh_events(struct run_state *st)
{
    if (!st->timeline || !st->runner || !runner_snapshot(st->runner))
        return;
    enum { KEEP = 4096 };

    if (!st->events)
        st->events = xmalloc(KEEP * sizeof *st->events);
    st->nevents = runner_trace(st->runner, st->events, KEEP);
}

/* follow scrolls the source so the line of the running goroutine (else of
 * the lowest-numbered one that has a line) is in view. */
static void follow(struct run_state *st)
{
    const struct rt_snapshot *s = runner_snapshot(st->runner);
    int rows = run_view_source_rows(st->body);
    if (!s || rows <= 0)
        return;
    int line = 0;
    for (size_t i = 0; i < s->ng; i++) {
        int l = runner_goroutine_line(st->runner, &s->gs[i]);
        if (l > 0 && (line == 0 || s->gs[i].state == RT_G_RUNNING))
            line = l;
        if (l > 0 && s->gs[i].state == RT_G_RUNNING)
            break;
    }
    if (line > 0 && (line - 1 < st->src_top || line - 1 >= st->src_top + rows))
        st->src_top = line - 1 - rows / 3 > 0 ? line - 1 - rows / 3 : 0;
}

/* step runs up to events scheduling events, for at most a frame's worth of
 * time, then brings the view up to date. */
static void step(struct app *a, struct run_state *st, unsigned long long events)
{
    if (!st->runner)
        return;
    if (!runner_run_for(st->runner, events, 25.0)) {
        st->work = st->work == W_PLAY || st->work == W_TO_END ? W_NONE : st->work;
        record_run(a, st);
    }
    follow(st);
    refresh_events(st);
}

/* One seed of a check of the user's copy against the fix's declared
 * outcome; returns false when it is over. */
static bool explore_one(struct app *a, struct run_state *st)
{
    if (st->tried >= st->total)
        return false;
    unsigned long long seed = (unsigned long long)st->tried + 1;
    struct runner_options ro = {
        .seed = seed, .procs = st->procs, .go121 = st->go121, .max_steps = RUN_MAX_STEPS};
    char err[1024];
    struct runner *r = runner_new(st->path, &ro, err, sizeof err);
    st->tried++;
    if (!r) {
        st->fail_seed = seed;
        snprintf(st->fail_what, sizeof st->fail_what, "%s", err);
        return false;
    }
    runner_step(r, 0);
    struct bank_expect got;
    runner_expect(r, &got);
    bool bad = differs(expected(st), &got, st->fail_what, sizeof st->fail_what);
    runner_free(r);
    if (bad) {
        st->fail_seed = seed;
        return false;
    }
    (void)a;
    return st->tried < st->total;
}

/* start_explore begins x: lang_explore from the current seed. */
static void start_explore(struct run_state *st)
{
    runner_explore_free(st->explorer);
    struct runner_options ro = {
        .seed = st->seed, .procs = st->procs, .go121 = st->go121, .max_steps = RUN_MAX_STEPS};
    char err[1024];
    st->explorer = runner_explore_new(st->path, &ro, EXPLORE_N, err, sizeof err);
    st->tried = 0;
    st->total = EXPLORE_N;
    if (!st->explorer) {
        snprintf(st->notice, sizeof st->notice, "Cannot explore: %s", err);
        return;
    }
    snprintf(st->notice, sizeof st->notice,
             "Exploring %d schedules: the first with seed %llu, then PCT schedules with seeds "
             "%llu, %llu, ...; Esc stops.",
             EXPLORE_N, st->seed, st->seed + 1, st->seed + 2);
    st->work = W_EXPLORE;
}

/* explore_tick runs one schedule; false when exploration is over. */
static bool explore_tick(struct run_state *st)
{
    if (!st->explorer)
        return false;
    bool more = runner_explore_next(st->explorer);
    st->tried = (int)runner_explore_result(st->explorer)->ran;
    return more;
}

/* finish_explore says what exploration found and loads the failing
 * schedule, so the learner can watch it. */
static void finish_explore(struct app *a, struct run_state *st)
{
    const struct lang_explore_result *res = runner_explore_result(st->explorer);
    if (res->failed) {
        const char *base = strrchr(st->path, '/');
        snprintf(st->notice, sizeof st->notice,
                 "Schedule %lu of %lu failed (%s): %s\nIt is loaded now: press c to run it to the "
                 "end.\nreplay: chanlab run %s %s",
                 res->schedule, res->total, lang_explore_kind_text(res->kind), res->message,
                 base ? base + 1 : st->path, res->flags);
        st->seed = res->replay.seed;
        st->pct_depth = res->replay.pct_depth;
        st->pct_steps = res->replay.pct_steps;
        load(st);
    } else {
        snprintf(st->notice, sizeof st->notice,
                 "No failure in %lu schedules (seeds %llu-%llu, PCT depth %d): no deadlock, panic, "
                 "leak, race or lock-order inversion, and every one printed what the first did.",
                 res->ran, st->seed, st->seed + res->ran - 1, res->pct_depth);
    }
    runner_explore_free(st->explorer);
    st->explorer = NULL;
    (void)a;
}

static void finish_check(struct app *a, struct run_state *st)
{
    bool passed = st->fail_seed == 0;
    if (a->model->store) {
        struct store_fix f = {st->ex->id, app_now(a) * 1000, passed, st->tried, st->hint};
        store_record_fix(a->model->store, &f);
    }
    if (passed)
        snprintf(st->notice, sizeof st->notice,
                 "Fixed! Your copy gave the fixed outcome under all %d schedules explored. "
                 "The attempt is stored.",
                 st->tried);
    else
        snprintf(st->notice, sizeof st->notice,
                 "Not fixed yet (seed %llu, schedule %d of %d). The attempt is stored.\n%s",
                 st->fail_seed, st->tried, st->total, st->fail_what);
    load(st);
}

static int run_tick_ms(struct app *a)
{
    struct run_state *st = state(a);
    switch (st->work) {
    case W_PLAY: return speeds[st->speed] <= 50 ? 1000 / speeds[st->speed] : 20;
    case W_TO_END:
    case W_EXPLORE:
    case W_CHECK: return 0;
    default: return -1;
    }
}

static void run_tick(struct app *a)
{
    struct run_state *st = state(a);
    switch (st->work) {
    case W_PLAY:
        step(a, st, speeds[st->speed] <= 50 ? 1 : (unsigned long long)speeds[st->speed] / 50);
        break;
    case W_TO_END: step(a, st, ~0ULL); break;

    case W_EXPLORE:
        if (!explore_tick(st)) {
            st->work = W_NONE;
            finish_explore(a, st);
        }
        break;
    case W_CHECK:
        if (!explore_one(a, st)) {
            st->work = W_NONE;
            finish_check(a, st);
        }
        break;
    default: break;
    }
}

/* ---- drawing ----------------------------------------------------------- */

static int line_of(void *ud, const struct rt_snap_g *g)
{
    return runner_goroutine_line(ud, g);
}

static void status_line(struct app *a, struct run_state *st, struct canvas *cv, struct rect r)
{
    char left[512], right[256];
    const char *which = st->workspace ? " (your copy)" : st->fix ? " (fix)" : "";
    const struct rt_snapshot *s = st->runner ? runner_snapshot(st->runner) : NULL;
    char t[32] = "0s";
    if (s)
        run_view_duration(s->now, t, sizeof t);
    char pct[64] = "";
    if (st->pct_depth > 0)
        snprintf(pct, sizeof pct, " \u00b7 PCT %d/%llu", st->pct_depth, st->pct_steps);
    snprintf(left, sizeof left,
             "%s%s \u00b7 seed %llu%s \u00b7 procs %d \u00b7 events %llu "
             "\u00b7 t=%s",
             st->title, which, st->seed, pct, st->procs,
             st->runner ? runner_events(st->runner) : 0ULL, t);
    int role = ROLE_INFO;
    switch (st->work) {
    case W_PLAY:
        snprintf(right, sizeof right, "\u25b6 %d/s", speeds[st->speed]);
        role = ROLE_GOOD;
        break;
    case W_TO_END: snprintf(right, sizeof right, "\u25b6\u25b6 to the end"); break;
    case W_EXPLORE:
    case W_CHECK:
        snprintf(right, sizeof right, "%s %d/%d", st->work == W_CHECK ? "checking" : "exploring",
                 st->tried, st->total);
        role = ROLE_WARN;
        break;
    default:
        if (st->runner && runner_finished(st->runner)) {
            struct bank_expect got;
            runner_expect(st->runner, &got);
            char sent[200];
            bank_outcome_sentence(&got, sent, sizeof sent);
            snprintf(right, sizeof right, "finished: %s", sent);
            role = got.outcome == BANK_OK ? ROLE_GOOD : ROLE_BAD;
        } else {
            snprintf(right, sizeof right, "\u275a\u275a paused");
        }
    }
    int rw = utf8_width(right, strlen(right));
    cv_text_fit(cv, r.x, r.y, r.w - rw - 2, ROLE_TEXT, ATTR_BOLD, left);
    cv_text(cv, r.x + r.w - rw, r.y, rw, role, ATTR_BOLD, right);
    (void)a;
}

static void run_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct run_state *st = state(a);
    st->body = body;
    struct rect r = rect_inset(body, 1, 0);
    struct rect top = rect_cut_top(&r, 1);
    status_line(a, st, cv, top);
    if (st->confirm_reset) {
        char q[256];
        snprintf(q, sizeof q, "Reset your copy of %s to the original? Your changes are lost. (y/n)",
                 st->ex ? st->ex->id : "");
        draw_message(cv, r, ROLE_WARN, "Reset", q);
        return;
    }
    struct run_view v = {0};
    char findings[1024] = "";
    if (st->runner) {
        v.src = runner_source(st->runner, &v.src_len);
        v.snap = runner_snapshot(st->runner);
        v.out = runner_output(st->runner, &v.out_len);
        runner_outcome_line(st->runner, findings, sizeof findings);
        v.found = runner_detected(st->runner, &v.nfound);
        v.line_of = line_of;
        v.ud = st->runner;
    } else {
        v.src = st->src ? st->src : "";
        v.src_len = st->src_len;
        v.out = "";
    }
    v.findings = findings;
    v.notice = st->notice[0] ? st->notice : (!st->runner ? st->error : NULL);
    v.src_top = st->src_top;
    v.panel_scroll = st->panel_scroll;
    v.events = st->events;
    v.nevents = st->nevents;
    if (st->dump && st->runner) {
        size_t len;
        const char *err = runner_dump(st->runner, &len);
        cv_box(cv, r, ROLE_BORDER, "Stderr and the detectors' reports (d closes)");
        struct rect in = rect_inset(r, 1, 1);
        if (len == 0) {
            cv_text(cv, in.x, in.y, in.w, ROLE_DIM, 0, "(nothing)");
            return;
        }
        int n = run_view_line_count(err, len);
        if (st->dump_top > n - in.h)
            st->dump_top = n - in.h > 0 ? n - in.h : 0;
        size_t off = 0;
        for (int l = 0; off < len && l < st->dump_top + in.h; l++) {
            const char *nl = memchr(err + off, '\n', len - off);
            size_t end = nl ? (size_t)(nl - err) : len;
            if (l >= st->dump_top) {
                /* Tabs in Go's dumps indent the file lines. */
                int x = in.x;
                if (end > off && err[off] == '\t') {
                    x += 4;
                    off++;
                }
                cv_textn(cv, x, in.y + l - st->dump_top, in.x + in.w - x,
                         l == 0 ? ROLE_BAD : ROLE_TEXT, 0, err + off, end - off);
            }
            off = end + 1;
        }
        return;
    }
    if (st->timeline)
        run_view_timeline(cv, r, &v);
    else
        run_view_draw(cv, r, &v);
}

/* ---- the user's copy --------------------------------------------------- */

/* workspace_path writes where the user's copy of the exercise lives:
 * beside the progress database, workspace/<topic>/<slug>.go. */
static bool workspace_path(struct app *a, struct run_state *st, char *buf, size_t size)
{
    if (!st->ex || !a->model->db_path)
        return false;
    const char *slash = strrchr(a->model->db_path, '/');
    int dirlen = slash ? (int)(slash - a->model->db_path) : 1;
    snprintf(buf, size, "%.*s/workspace/%s.go", dirlen, slash ? a->model->db_path : ".",
             st->ex->id);
    return true;
}

static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return false;
    }
    return true;
}

static bool copy_file(const char *from, const char *to)
{
    size_t len;
    char *text = read_all(from, &len);
    if (!text)
        return false;
    FILE *f = fopen(to, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = false;
    free(text);
    return ok;
}

static void edit(struct app *a, struct run_state *st)
{
    char ws[1024];
    if (!st->ex || !st->ex->fix) {
        app_status(a, ROLE_INFO, "Only exercises with a fix can be edited and checked.");
        return;
    }
    if (!workspace_path(a, st, ws, sizeof ws)) {
        app_status(a, ROLE_WARN, "There is no workspace: %s", a->model->store_problem);
        return;
    }
    struct stat sb;
    if (stat(ws, &sb) != 0 && (!make_dirs(ws) || !copy_file(st->ex->path, ws))) {
        app_status(a, ROLE_BAD, "Cannot write %s: %s", ws, strerror(errno));
        return;
    }
    if (!a->run_external) {
        app_status(a, ROLE_WARN, "No terminal to run an editor in.");
        return;
    }
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if (!editor || !*editor)
        editor = "vi";
    char *argv[] = {"/bin/sh", "-c", "exec $0 \"$1\"", (char *)editor, ws, NULL};
    int rc = a->run_external(a, argv);
    if (rc != 0) {
        app_status(a, ROLE_WARN, "The editor (%s) exited with status %d; not checked.", editor, rc);
        return;
    }
    st->workspace = true;
    st->fix = false;
    st->pct_depth = 0;
    st->pct_steps = 0;
    snprintf(st->path, sizeof st->path, "%s", ws);
    st->tried = 0;
    st->total = CHECK_N;
    st->fail_seed = 0;
    st->notice[0] = '\0';
    snprintf(st->notice, sizeof st->notice, "Checking your copy under %d schedules...", CHECK_N);
    st->work = W_CHECK;
}

static void reset_copy(struct app *a, struct run_state *st)
{
    char ws[1024];
    st->confirm_reset = false;
    if (!workspace_path(a, st, ws, sizeof ws))
        return;
    if (!make_dirs(ws) || !copy_file(st->ex->path, ws)) {
        app_status(a, ROLE_BAD, "Cannot reset %s: %s", ws, strerror(errno));
        return;
    }
    app_status(a, ROLE_GOOD, "Your copy %s is the original again.", ws);
    if (st->workspace)
        load(st);
}

/* ---- keys -------------------------------------------------------------- */

static void show_hint(struct app *a, struct run_state *st)
{
    if (!st->ex || !st->ex->fix) {
        app_status(a, ROLE_INFO, "This program has no hints.");
        return;
    }
    if (st->hint < (int)st->ex->fix->nhints)
        st->hint++;
    snprintf(st->notice, sizeof st->notice, "Hint %d of %zu: %s", st->hint, st->ex->fix->nhints,
             st->ex->fix->hints[st->hint - 1]);
}

static bool run_key(struct app *a, struct tkey k)
{
    struct run_state *st = state(a);
    if (st->confirm_reset) {
        if (key_is(k, 'y'))
            reset_copy(a, st);
        else
            st->confirm_reset = false;
        return true;
    }
    int rows = run_view_source_rows(st->body);
    int page = rows > 2 ? rows - 2 : 1;
    /* Esc first stops whatever is running. */
    if (k.code == TK_ESC && st->work != W_NONE) {
        st->work = W_NONE;
        return true;
    }
    if (st->dump) {
        if (k.code == TK_ESC || key_is(k, 'd') || key_is(k, 'q')) {
            st->dump = false;
            return true;
        }
        if (key_is(k, '?'))
            return false;
        if (k.code == TK_DOWN || key_is(k, 'j') || k.code == TK_WHEEL_DOWN)
            st->dump_top++;
        else if ((k.code == TK_UP || key_is(k, 'k') || k.code == TK_WHEEL_UP) && st->dump_top > 0)
            st->dump_top--;
        else if (k.code == TK_PGDN)
            st->dump_top += 10;
        else if (k.code == TK_PGUP)
            st->dump_top = st->dump_top > 10 ? st->dump_top - 10 : 0;
        return true;
    }
    switch (k.code) {
    case TK_UP: st->src_top = st->src_top > 0 ? st->src_top - 1 : 0; return true;
    case TK_DOWN: st->src_top++; return true;
    case TK_PGUP: st->src_top = st->src_top > page ? st->src_top - page : 0; return true;
    case TK_PGDN: st->src_top += page; return true;
    case TK_WHEEL_UP: st->src_top = st->src_top > 3 ? st->src_top - 3 : 0; return true;
    case TK_WHEEL_DOWN: st->src_top += 3; return true;
    case TK_HOME: st->src_top = 0; return true;
    case TK_CHAR: break;
    default: return false;
    }
    switch (k.ch) {
    case 'j': st->src_top++; return true;
    case 'k': st->src_top = st->src_top > 0 ? st->src_top - 1 : 0; return true;
    case 'g': st->src_top = 0; return true;
    case 'G': st->src_top = 1 << 20; return true;
    case 'J': st->panel_scroll += 5; return true;
    case 'K': st->panel_scroll = st->panel_scroll > 5 ? st->panel_scroll - 5 : 0; return true;
    case ' ': st->work = st->work == W_PLAY ? W_NONE : W_PLAY; return true;
    case '+':
    case '=':
        if (st->speed + 1 < NSPEEDS)
            st->speed++;
        return true;
    case '-':
        if (st->speed > 0)
            st->speed--;
        return true;
    case 's':
        st->work = W_NONE;
        step(a, st, 1);
        return true;
    case 'c': st->work = st->work == W_TO_END ? W_NONE : W_TO_END; return true;
    case 'r':
        st->notice[0] = '\0';
        load(st);
        return true;
    case 'S':
        st->seed = st->seed * 6364136223846793005ULL + 1442695040888963407ULL;
        st->seed >>= 33;
        st->pct_depth = 0;
        st->pct_steps = 0;
        st->notice[0] = '\0';
        load(st);
        return true;
    case 'f':
        if (!st->ex || !st->ex->fix) {
            app_status(a, ROLE_INFO, "This program has no fix to switch to.");
            return true;
        }
        st->fix = !st->fix || st->workspace;
        st->workspace = false;
        snprintf(st->path, sizeof st->path, "%s", st->fix ? st->ex->fix->path : st->ex->path);
        st->pct_depth = 0;
        st->pct_steps = 0;
        st->notice[0] = '\0';
        load(st);
        return true;
    case 'x': start_explore(st); return true;
    case 't':
        st->timeline = !st->timeline;
        refresh_events(st);
        return true;
    case 'd':
        st->dump = true;
        st->dump_top = 0;
        return true;
    case 'E': edit(a, st); return true;
    case 'h': show_hint(a, st); return true;
    case 'R':
        if (!st->ex || !st->ex->fix) {
            app_status(a, ROLE_INFO, "Only exercises with a fix have a copy to reset.");
            return true;
        }
        st->confirm_reset = true;
        return true;
    default: return false;
    }
}

static void run_leave(struct app *a)
{
    struct run_state *st = state(a);
    st->work = W_NONE;
    drop_runner(st);
}

static const struct keyhelp run_keys[] = {
    {"space", "play/pause"},
    {"s", "step"},
    {"c", "to end"},
    {"r", "restart"},
    {"S", "new seed"},
    {"f", "fix"},
    {"x", "explore"},
    {"t", "timeline"},
    {"E", "edit"},
    {"h", "hint"},
    {"R", "reset copy"},
    {"d", "dump"},
    {"+ -", "speed"},

    {"J K", "scroll goroutines"},
    {NULL, NULL},
};

const struct screen screen_run = {
    .name = "Run",
    .keys = run_keys,
    .help = "The program runs on chanlab's runtime, one scheduling event at a time. The gutter "
            "shows where each goroutine stands (its id; \"5+2\": goroutine 5 and two more). "
            "Goroutines lists each one's state in Go's words and how long it has been blocked "
            "(virtual time); Channels shows each buffer's cells and who is queued to send (S) "
            "or receive (R). x runs 100 schedules and loads the first that fails; E copies the "
            "exercise to your workspace, opens it in $VISUAL, $EDITOR or vi, and checks it "
            "under 50 schedules when you save and quit.",
    .draw = run_draw,
    .key = run_key,
    .tick_ms = run_tick_ms,
    .tick = run_tick,
    .leave = run_leave,
};
