/* harness.c: child processes with captured output, temp dirs, file reads. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

struct buf {
    char *p;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        assert_non_null(b->p);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct th_result th_run(char *const argv[], const char *stdin_text, int timeout_s,
                        char *const env_extra[])
{
    int out[2], err[2], in[2];
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);
    assert_int_equal(pipe(in), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        for (size_t i = 0; env_extra && env_extra[i]; i++)
            putenv(env_extra[i]);
        execv(argv[0], argv);
        fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(in[0]), close(out[1]), close(err[1]);
    signal(SIGPIPE, SIG_IGN);
    if (stdin_text) {
        /* Small inputs only: fits the pipe buffer. */
        size_t n = strlen(stdin_text);
        ssize_t w = write(in[1], stdin_text, n);
        (void)w;
    }
    close(in[1]);

    struct th_result r = {0};
    struct buf bo = {0}, be = {0};
    buf_add(&bo, "", 0);
    buf_add(&be, "", 0);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    double deadline = now_s() + timeout_s;
    while (open_fds > 0) {
        int left_ms = (int)((deadline - now_s()) * 1000);
        if (left_ms <= 0) {
            r.timed_out = true;
            kill(pid, SIGKILL);
            break;
        }
        int n = poll(fds, 2, left_ms);
        if (n < 0 && errno == EINTR)
            continue;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[8192];
            ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
            if (got <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                buf_add(i == 0 ? &bo : &be, chunk, (size_t)got);
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int st = 0;
    waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r.out = bo.p, r.out_len = bo.len;
    r.err = be.p, r.err_len = be.len;
    return r;
}

void th_result_free(struct th_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

char *th_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path;
    if (asprintf(&path, "%s/chanlab-test-XXXXXX", base ? base : "/tmp") < 0)
        fail_msg("asprintf");
    if (!mkdtemp(path))
        fail_msg("mkdtemp %s: %s", path, strerror(errno));
    return path;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

void th_rmtree(const char *path)
{
    if (path)
        nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *th_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    buf_add(&b, "", 0);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    if (len)
        *len = b.len;
    return b.p;
}

void th_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("write %s: %s", path, strerror(errno));
    fputs(text, f);
    if (fclose(f) != 0)
        fail_msg("close %s: %s", path, strerror(errno));
}

const char *th_env(const char *name)
{
    const char *v = getenv(name);
    if (!v)
        fail_msg("environment variable %s is not set (run through meson test)", name);
    return v;
}

char *th_check_bank(const char *topic, const char *json, const struct th_file *files, size_t n,
                    int *status)
{
    char *tmp = th_tmpdir();
    char path[4096];
    const char *dirs[] = {"questions", "exercises", NULL};
    for (int i = 0; dirs[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp, dirs[i]);
        assert_int_equal(mkdir(path, 0700), 0);
    }
    snprintf(path, sizeof path, "%s/exercises/%s", tmp, topic);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/questions/%s.json", tmp, topic);
    th_write_file(path, json);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/exercises/%s/%s", tmp, topic, files[i].name);
        th_write_file(path, files[i].text);
    }
    char *bank = NULL, *xdg = NULL;
    if (asprintf(&bank, "CHANLAB_BANK_DIR=%s/questions", tmp) < 0 ||
        asprintf(&xdg, "XDG_CONFIG_HOME=%s/no-config", tmp) < 0)
        fail_msg("asprintf");
    char *env[] = {bank, xdg, NULL};
    char *argv[] = {(char *)th_env("CHANLAB"), "check", NULL};
    struct th_result r = th_run(argv, NULL, 300, env);

    char *out = malloc(r.out_len + 1), *w = out;
    assert_non_null(out);
    size_t len = strlen(tmp);
    for (const char *p = r.out; *p;) {
        if (strncmp(p, tmp, len) == 0) {
            memcpy(w, "$DIR", 4);
            w += 4;
            p += len;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    *status = r.status;
    th_result_free(&r);
    free(bank);
    free(xdg);
    th_rmtree(tmp);
    free(tmp);
    return out;
}
