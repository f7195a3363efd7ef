/* harness.h: helpers the test programs share: running a program as a child
 * with its output captured, temporary directories, whole-file reads. */
#ifndef CHANLAB_TEST_HARNESS_H
#define CHANLAB_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

/* What a child run produced. Free with th_result_free. */
struct th_result {
    char *out; /* stdout, NUL-terminated */
    size_t out_len;
    char *err; /* stderr, NUL-terminated */
    size_t err_len;
    int status;     /* exit status, or 128 + signal number */
    bool timed_out; /* killed after the time limit */
};

/* th_run runs argv[0] (a path) with argv, feeding stdin_text (NULL for
 * /dev/null) and capturing stdout and stderr; the child is killed after
 * timeout_s seconds. env_extra, if not NULL, is a NULL-terminated list of
 * "NAME=VALUE" strings set in the child on top of the parent's environment.
 * Aborts the test (cmocka fail) if the child cannot be started. */
struct th_result th_run(char *const argv[], const char *stdin_text, int timeout_s,
                        char *const env_extra[]);

void th_result_free(struct th_result *r);

/* th_tmpdir makes a fresh private directory and returns its path (caller
 * frees). th_rmtree removes it with everything in it. */
char *th_tmpdir(void);
void th_rmtree(const char *path);

/* th_read_file returns the whole file, NUL-terminated (caller frees), or NULL
 * when it cannot be read; *len gets the size when len is not NULL. */
char *th_read_file(const char *path, size_t *len);

/* th_write_file writes text to path, aborting the test on failure. */
void th_write_file(const char *path, const char *text);

/* th_env returns getenv(name), failing the test when it is unset: the meson
 * test definitions pass the paths the programs need this way. */
const char *th_env(const char *name);

/* One exercise file of a test bank: its name in exercises/TOPIC/ and text. */
struct th_file {
    const char *name, *text;
};

/* th_check_bank writes a bank of one topic (questions/TOPIC.json holding
 * json, and files under exercises/TOPIC/) into a fresh temporary directory,
 * runs `$CHANLAB check` on it with no user configuration, removes the
 * directory and returns check's stdout with the directory's path written
 * as $DIR (caller frees); *status gets check's exit status. */
char *th_check_bank(const char *topic, const char *json, const struct th_file *files, size_t n,
                    int *status);

#endif
