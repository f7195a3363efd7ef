/* tui.h: chanlab's terminal app. */
#ifndef CHANLAB_TUI_H
#define CHANLAB_TUI_H

/* What the command line hands the app. Strings are borrowed for the call. */
struct tui_options {
    const char *db_path;     /* progress database, NULL for the default */
    const char *bank_dir;    /* extra question bank, NULL for none */
    const char *watch_file;  /* Go file for `chanlab watch`, else NULL */
    unsigned long long seed; /* schedule seed for the Run screen */
    int procs;               /* GOMAXPROCS for the Run screen */
};

/* tui_main runs the app until the user quits. It needs a terminal on stdin
 * and stdout: without one it prints why on stderr and returns 1. Returns the
 * process exit status. */
int tui_main(const struct tui_options *opt);

#endif
