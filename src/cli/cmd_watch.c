/* cmd_watch.c: `chanlab watch FILE.go [--seed N] [--procs N]`: the app's
 * Run screen on any Go program of the user's. Leaving the Run screen quits.
 * Usage errors exit 2; without a terminal the app says so and exits 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_impl.h"
#include "tui.h"

/* parse_number reads a decimal number in [min, max] into *out. */
static bool parse_number(const char *s, unsigned long long min, unsigned long long max,
                         unsigned long long *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

int cmd_watch(struct cli *cli, int argc, char **argv)
{
    struct tui_options opt = {.db_path = cli->db_path, .seed = 1, .procs = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        const char *eq = strchr(a, '=');
        if (a[0] == '-' && a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = '\0';
            val = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
        }
        bool seed = strcmp(name, "--seed") == 0, procs = strcmp(name, "--procs") == 0;
        if (seed || procs) {
            if (!val && i + 1 < argc)
                val = argv[++i];
            unsigned long long v;
            if (!val)
                return cli_usage_error("watch", "%s needs a number", name);
            if (!parse_number(val, procs ? 1 : 0, procs ? 256 : ~0ULL, &v))
                return cli_usage_error("watch", "%s: '%s' is not a %s", name, val,
                                       procs ? "number from 1 to 256" : "number");
            if (seed)
                opt.seed = v;
            else
                opt.procs = (int)v;
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("watch", "unknown option '%s'", a);
        } else if (opt.watch_file) {
            return cli_usage_error("watch", "one FILE.go only ('%s' is a second)", a);
        } else {
            opt.watch_file = a;
        }
    }
    if (!opt.watch_file)
        return cli_usage_error("watch", "missing FILE.go");
    if (access(opt.watch_file, R_OK) != 0) {
        fprintf(stderr, "chanlab watch: %s: %s\n", opt.watch_file, strerror(errno));
        return 1;
    }
    return tui_main(&opt);
}
