/* lang_bench.c: parse + check time of chanlab's Go front end on a generated
 * 10,000-line program, and the process's peak memory.
 *
 * Prints `name value unit` lines:
 *   lang.lines            lines in the generated program
 *   lang.check_ms         best wall time of lang_load_source (parse, check, vet,
 *                         including the embedded library packages it imports)
 *   lang.check_ns_per_line
 *   lang.check_cpu_ms     best CPU time of the same (steady on a loaded machine)
 *   lang.check_cpu_ns_per_line
 *   lang.peak_rss_kb      peak resident set of the whole process
 * Usage: lang-bench [LINES] [RUNS] (default 10000 5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "lang.h"

struct buf {
    char *p;
    size_t len, cap;
    int lines;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#include <stdarg.h>

static void put(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            for (int i = 0; i < n; i++)
                b->lines += b->p[b->len - (size_t)n + (size_t)i] == '\n';
            return;
        }
        b->cap *= 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
}

/* One unit: a struct with a mutex, two methods, a worker function with a
 * loop, a select, a closure and a channel pipeline: 40 lines. */
static void unit(struct buf *b, int i)
{
    put(b, "type Counter%d struct {\n\tmu sync.Mutex\n\tn  map[string]int\n}\n\n", i);
    put(b,
        "func (c *Counter%d) Inc(key string) {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n"
        "\tc.n[key]++\n}\n\n",
        i);
    put(b,
        "func (c *Counter%d) Get(key string) (int, bool) {\n\tc.mu.Lock()\n"
        "\tdefer c.mu.Unlock()\n\tv, ok := c.n[key]\n\treturn v, ok\n}\n\n",
        i);
    put(b,
        "func worker%d(ctx context.Context, in <-chan int, out chan<- string) error {\n"
        "\tc := &Counter%d{n: make(map[string]int)}\n"
        "\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn ctx.Err()\n"
        "\t\tcase v, ok := <-in:\n\t\t\tif !ok {\n\t\t\t\treturn nil\n\t\t\t}\n"
        "\t\t\tkey := fmt.Sprintf(\"k%%d\", v%%7)\n\t\t\tc.Inc(key)\n"
        "\t\t\tf := func(x int) int { return x*2 + v }\n"
        "\t\t\tout <- key + strconv.Itoa(f(v))\n\t\t}\n\t}\n}\n\n",
        i, i);
}

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    int want = argc > 1 ? atoi(argv[1]) : 10000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (want < 100 || runs < 1) {
        fprintf(stderr, "usage: lang-bench [LINES>=100] [RUNS>=1]\n");
        return 2;
    }
    struct buf b = {malloc(1 << 16), 0, 1 << 16, 0};
    put(&b, "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"strconv\"\n\t\"sync\"\n)\n\n");
    int n = 0;
    while (b.lines < want - 40)
        unit(&b, n++);
    put(&b, "func main() {\n\tctx, cancel := context.WithCancel(context.Background())\n"
            "\tdefer cancel()\n\tin := make(chan int)\n\tout := make(chan string, 1)\n"
            "\tclose(in)\n");
    for (int i = 0; i < n && i < 3; i++)
        put(&b, "\t_ = worker%d(ctx, in, out)\n", i);
    put(&b, "}\n");

    double best = 1e18, best_cpu = 1e18;
    for (int r = 0; r < runs; r++) {
        double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        struct lang_program *p = lang_load_source("bench.go", b.p, b.len, NULL);
        double t = clock_ms(CLOCK_MONOTONIC) - t0;
        double tc = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (tc < best_cpu)
            best_cpu = tc;
        if (lang_diag_count(p) != 0) {
            lang_diag_print(p, stderr);
            fprintf(stderr, "lang-bench: the generated program does not check\n");
            return 1;
        }
        lang_program_free(p);
        if (t < best)
            best = t;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("lang.lines %d lines\n", b.lines);
    printf("lang.check_ms %.2f ms\n", best);
    printf("lang.check_ns_per_line %.0f ns\n", best * 1e6 / b.lines);
    printf("lang.check_cpu_ms %.2f ms\n", best_cpu);
    printf("lang.check_cpu_ns_per_line %.0f ns\n", best_cpu * 1e6 / b.lines);
    printf("lang.peak_rss_kb %ld kB\n", ru.ru_maxrss);
    free(b.p);
    return 0;
}
