/* cmd_run.c: `chanlab run FILE.go [options]`: load, check and run one
 * program on chanlab's runtime, like the binary `go build` makes: its
 * stdout on stdout, its stderr (panics and fatal errors in Go's words) on
 * stderr, and its exit status (0, os.Exit's code, 2 for a panic, a fatal
 * error or an exceeded limit). A program that does not compile prints its
 * errors and exits 1, as `go build` does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_impl.h"
#include "lang.h"

/* parse_count reads a non-negative decimal count (with an optional
 * K/M/G suffix for byte sizes). */
static bool parse_count(const char *s, bool suffixes, unsigned long long *out)
{
    if (!s || !*s || *s == '-')
        return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    if (suffixes && *end) {
        unsigned long long m = 1;
        switch (*end) {
        case 'K':
        case 'k': m = 1ull << 10; break;
        case 'M':
        case 'm': m = 1ull << 20; break;
        case 'G':
        case 'g': m = 1ull << 30; break;
        default: return false;
        }
        end++;
        if (*end == 'i' || *end == 'B')
            end++;
        if (*end == 'B')
            end++;
        if (v > ~0ull / m)
            return false;
        v *= m;
    }
    if (*end)
        return false;
    *out = v;
    return true;
}

static const char *const later_flags[] = {"--race",   "--leaks",   "--lockorder",
                                          "--detect", "--explore", "--trace"};

int cmd_run(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    const char *file = NULL, *lang = NULL;
    struct lang_run_options ro = {0};
    ro.procs = 1;
    int first_prog_arg = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[64];
        if (a[0] == '-' && a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
            memcpy(name, a, (size_t)(eq - a));
            name[eq - a] = 0;
            val = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
        }
        if (file) {
            first_prog_arg = i;
            break;
        }
        bool later = false;
        for (size_t k = 0; k < sizeof later_flags / sizeof later_flags[0]; k++)
            if (strcmp(name, later_flags[k]) == 0)
                later = true;
        if (later) {
            fprintf(stderr,
                    "chanlab run: %s is not built yet (the detectors come with a later "
                    "version)\n",
                    name);
            return 2;
        }
        bool takes_value = strcmp(name, "--seed") == 0 || strcmp(name, "--procs") == 0 ||
                           strcmp(name, "--lang") == 0 || strcmp(name, "--max-goroutines") == 0 ||
                           strcmp(name, "--max-heap") == 0 || strcmp(name, "--max-steps") == 0;
        if (takes_value && !val) {
            if (i + 1 >= argc)
                return cli_usage_error("run", "%s needs a value", name);
            val = argv[++i];
        }
        unsigned long long n = 0;
        if (strcmp(name, "--seed") == 0) {
            if (!parse_count(val, false, &n))
                return cli_usage_error("run", "--seed: not a number: %s", val);
            ro.seed = n;
        } else if (strcmp(name, "--procs") == 0) {
            if (!parse_count(val, false, &n) || n < 1 || n > 256)
                return cli_usage_error("run", "--procs: want 1 to 256, got %s", val);
            ro.procs = (int)n;
        } else if (strcmp(name, "--lang") == 0) {
            if (strncmp(val, "go1.", 4) != 0)
                return cli_usage_error(
                    "run", "--lang: unknown version %s (want go1.21, go1.22, ...)", val);
            lang = val;
        } else if (strcmp(name, "--max-goroutines") == 0) {
            if (!parse_count(val, false, &n) || n < 1)
                return cli_usage_error("run", "--max-goroutines: want a positive count, got %s",
                                       val);
            ro.max_goroutines = (size_t)n;
        } else if (strcmp(name, "--max-heap") == 0) {
            if (!parse_count(val, true, &n) || n < 1)
                return cli_usage_error("run", "--max-heap: want a size in bytes (64M, 1G), got %s",
                                       val);
            ro.max_heap = (size_t)n;
        } else if (strcmp(name, "--max-steps") == 0) {
            if (!parse_count(val, false, &n) || n < 1)
                return cli_usage_error("run", "--max-steps: want a positive count, got %s", val);
            ro.max_steps = n;
        } else if (strcmp(a, "--") == 0) {
            continue;
        } else if (a[0] == '-' && a[1] != 0) {
            return cli_usage_error("run", "unknown option %s", a);
        } else {
            file = a;
        }
    }
    if (!file)
        return cli_usage_error("run", "missing FILE.go");

    struct lang_options lo = {.lang = lang, .no_vet = true};
    struct lang_program *p = lang_load_file(file, &lo);
    if (!lang_program_runnable(p)) {
        lang_diag_print(p, stderr);
        lang_program_free(p);
        return 1;
    }
    /* os.Args: the program's name, then what follows FILE.go. */
    int nargs = 1 + (argc - first_prog_arg);
    const char **args = calloc((size_t)nargs, sizeof *args);
    if (!args) {
        lang_program_free(p);
        return 2;
    }
    args[0] = file;
    for (int i = first_prog_arg; i < argc; i++)
        args[1 + i - first_prog_arg] = argv[i];
    ro.args = args;
    ro.nargs = nargs;
    ro.out = stdout;
    ro.err = stderr;
    const char *why = NULL;
    struct lang_run *r = lang_run_program(p, &ro, &why);
    int status;
    if (!r) {
        fprintf(stderr, "chanlab run: %s: %s\n", file, why ? why : "cannot run");
        status = 1;
    } else {
        status = lang_run_outcome(r)->exit_code;
    }
    fflush(stdout);
    lang_run_free(r);
    lang_program_free(p);
    free(args);
    return status;
}
