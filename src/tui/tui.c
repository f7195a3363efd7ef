/* tui.c: the app's entry: the terminal check, then the loop that draws a
 * frame from state, waits for input (or a screen's tick) and hands it to
 * the app, until the app quits. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui_impl.h"

/* Runs argv with the terminal handed over, then takes it back. */
static int run_external(struct app *a, char *const argv[])
{
    (void)a;
    term_suspend();
    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "chanlab: cannot run %s\n", argv[0]);
        _exit(127);
    }
    if (pid > 0) {
        int st;
        while (waitpid(pid, &st, 0) < 0)
            ;
        status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
    term_resume();
    return status;
}

int tui_main(const struct tui_options *opt)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "chanlab: the app needs a terminal on stdin and stdout; "
                        "for scripts, see `chanlab --help`\n");
        return 1;
    }
    struct app *a = app_new(opt);
    a->run_external = run_external;
    if (opt->watch_file)
        run_open_file(a, opt->watch_file, opt->seed, opt->procs);
    if (!term_open()) {
        app_free(a);
        return 1;
    }
    int w, h;
    term_size(&w, &h);
    struct canvas *cv = canvas_new(w, h);
    while (!a->quit) {
        term_size(&w, &h);
        if (w != cv->w || h != cv->h)
            canvas_resize(cv, w, h);
        app_draw(a, cv);
        term_blit(cv);
        struct tkey k = term_getkey(app_tick_ms(a));
        if (k.code == TK_TIMEOUT)
            app_tick(a);
        else
            app_key(a, k);
    }
    int status = a->exit_status;
    term_close();
    canvas_free(cv);
    app_free(a);
    return status;
}
