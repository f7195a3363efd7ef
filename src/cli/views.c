/* views.c: helpers of the scriptable views (see views.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "views.h"

int64_t views_now(void)
{
    const char *env = getenv("CHANLAB_NOW");
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        if (!errno && !*end && v >= 0)
            return (int64_t)v;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int views_tz_offset(int64_t now)
{
    time_t t = (time_t)(now / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return (int)tm.tm_gmtoff;
}

struct store *views_open_store(const struct cli *cli, const char *cmd)
{
    char err[1024];
    char *path = store_default_path(cli->db_path, err, sizeof err);
    if (!path) {
        fprintf(stderr, "chanlab %s: %s\n", cmd, err);
        return NULL;
    }
    struct store *st;
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "chanlab %s: %s\n", cmd, err);
        free(path);
        return NULL;
    }
    free(path);
    if (store_notice(st))
        fprintf(stderr, "chanlab %s: %s\n", cmd, store_notice(st));
    return st;
}

struct bank *views_load_bank(const char *cmd)
{
    struct bank *b = bank_load(NULL);
    size_t n = bank_diag_count(b);
    if (n)
        fprintf(stderr,
                "chanlab %s: the question bank has %zu problem%s; `chanlab check` lists them\n",
                cmd, n, n == 1 ? "" : "s");
    if (bank_question_count(b) == 0) {
        fprintf(stderr, "chanlab %s: no questions found\n", cmd);
        bank_free(b);
        return NULL;
    }
    return b;
}

void views_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

char *views_when(int64_t ms, char *buf, size_t size)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M", &tm))
        snprintf(buf, size, "?");
    return buf;
}

char *views_relative(int64_t t, int64_t now, char *buf, size_t size)
{
    int64_t d = t - now, a = d < 0 ? -d : d;
    const char *unit;
    int64_t n;
    if (a < 60000) {
        snprintf(buf, size, "now");
        return buf;
    }
    if (a < 3600000) {
        n = a / 60000;
        unit = "m";
    } else if (a < 86400000) {
        n = a / 3600000;
        unit = "h";
    } else {
        n = a / 86400000;
        unit = "d";
    }
    if (d > 0)
        snprintf(buf, size, "in %lld%s", (long long)n, unit);
    else
        snprintf(buf, size, "%lld%s ago", (long long)n, unit);
    return buf;
}
