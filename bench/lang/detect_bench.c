/* detect_bench.c: what the detectors cost the interpreter. Runs each Go
 * program given (default: the bench/interp programs, passed by meson) through the
 * lang API plain, with --race and with --leaks, and prints the best CPU time
 * of RUNS runs of each (CPU time stays steady on a loaded machine) and the
 * ratios to the plain run, as `name value unit` lines:
 *   detect.NAME.plain_cpu_ms   detect.NAME.race_cpu_ms   detect.NAME.race_x
 *   detect.NAME.leaks_cpu_ms   detect.NAME.leaks_x
 * Usage: detect-bench [-n RUNS] FILE.go... (default 3 runs). The programs'
 * output is discarded; a program that does not run ends the bench with 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang.h"

static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* best_ms runs p RUNS times with ro and returns the best CPU time, or -1
 * when it cannot run. */
static double best_ms(struct lang_program *p, struct lang_run_options ro, int runs)
{
    FILE *null = fopen("/dev/null", "w");
    ro.out = null;
    ro.err = null;
    double best = -1;
    for (int i = 0; i < runs; i++) {
        double t0 = cpu_ms();
        const char *why = NULL;
        struct lang_run *r = lang_run_program(p, &ro, &why);
        double t = cpu_ms() - t0;
        if (!r) {
            fprintf(stderr, "detect-bench: %s\n", why ? why : "cannot run");
            best = -1;
            break;
        }
        lang_run_free(r);
        if (best < 0 || t < best)
            best = t;
    }
    if (null)
        fclose(null);
    return best;
}

int main(int argc, char **argv)
{
    int runs = 3, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
            if (runs < 1)
                runs = 1;
            continue;
        }
        const char *path = argv[i];
        struct lang_program *p = lang_load_file(path, NULL);
        if (!lang_program_runnable(p)) {
            lang_diag_print(p, stderr);
            lang_program_free(p);
            status = 1;
            continue;
        }
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(strcspn(base, ".")), base);
        struct lang_run_options plain = {0}, race = {.race = true}, leaks = {.leaks = true};
        double tp = best_ms(p, plain, runs), tr = best_ms(p, race, runs),
               tl = best_ms(p, leaks, runs);
        lang_program_free(p);
        if (tp < 0 || tr < 0 || tl < 0) {
            status = 1;
            continue;
        }
        printf("detect.%s.plain_cpu_ms %.1f ms\n", name, tp);
        printf("detect.%s.race_cpu_ms %.1f ms\n", name, tr);
        printf("detect.%s.race_x %.2f x\n", name, tp > 0 ? tr / tp : 0);
        printf("detect.%s.leaks_cpu_ms %.1f ms\n", name, tl);
        printf("detect.%s.leaks_x %.2f x\n", name, tp > 0 ? tl / tp : 0);
        fflush(stdout);
    }
    return status;
}
