/* run_view.h: drawing a running program: the source with each goroutine's
 * line marked in the gutter, and the Goroutines, Channels, Ps, Output and
 * Findings panels, or the timeline. Pure drawing from a runtime snapshot,
 * so the Run screen, its tests and the redraw benchmark share it. */
#ifndef CHANLAB_TUI_RUN_VIEW_H
#define CHANLAB_TUI_RUN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime.h"
#include "tui_impl.h"

/* Everything one frame of the Run screen shows; all borrowed. */
struct run_view {
    const char *src; /* the program text */
    size_t src_len;
    const struct rt_snapshot *snap; /* NULL before the first step */
    const char *out;                /* stdout so far */
    size_t out_len;
    const char *findings;           /* how the run failed (runner_outcome_line), "" for
                                       not (yet) */
    const struct rt_finding *found; /* the detectors' findings, in order found */
    size_t nfound;
    const char *notice; /* a message for the Findings panel, or NULL */
    /* line_of gives the source line where a goroutine stands (0: none). */
    int (*line_of)(void *ud, const struct rt_snap_g *g);
    void *ud;
    int src_top;                   /* first source line shown, 0-based */
    int panel_scroll;              /* first goroutine shown in the Goroutines panel */
    const struct rt_event *events; /* for the timeline, oldest first */
    size_t nevents;
};

/* run_view_draw draws the source and the panels into r. */
void run_view_draw(struct canvas *cv, struct rect r, const struct run_view *v);

/* run_view_timeline draws one lane per goroutine over the events: running,
 * runnable, blocked (by reason). */
void run_view_timeline(struct canvas *cv, struct rect r, const struct run_view *v);

/* run_view_source_rows is how many source lines the last layout at r
 * shows, for paging. */
int run_view_source_rows(struct rect r);

/* run_view_line_count counts the lines of src. */
int run_view_line_count(const char *src, size_t len);

/* run_view_wait_letter is the timeline's letter for a wait reason. */
char run_view_wait_letter(enum rt_wait_reason r);

/* run_view_duration writes a virtual duration like Go prints it: 0s, 1.5s,
 * 2m0s, 250ms, 3µs. */
void run_view_duration(long long ns, char *buf, size_t size);

#endif
