/* tui.c: the app's entry: terminal checks, then the screen loop. */
#include <stdio.h>
#include <unistd.h>

#include "tui.h"

int tui_main(const struct tui_options *opt)
{
    (void)opt;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "chanlab: the app needs a terminal on stdin and stdout; "
                        "for scripts, see `chanlab --help`\n");
        return 1;
    }
    fprintf(stderr, "chanlab: the terminal app is not built yet; "
                    "see `chanlab --help` for the commands that are\n");
    return 1;
}
