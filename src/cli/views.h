/* views.h: what the scriptable views (list, review, stats, export, import)
 * share: the time, the store and the bank as a command opens them, and JSON
 * strings. Not for other layers. */
#ifndef CHANLAB_CLI_VIEWS_H
#define CHANLAB_CLI_VIEWS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "bank.h"
#include "cli.h"
#include "store.h"

/* views_now is the time in ms since the epoch: $CHANLAB_NOW when it is set
 * (a number of ms, for tests and for looking ahead), else the clock. */
int64_t views_now(void);

/* views_tz_offset is the local offset from UTC, in seconds, at now. */
int views_tz_offset(int64_t now);

/* views_open_store opens the progress database by the location rules for
 * command cmd. On failure it prints "chanlab CMD: message" on stderr and
 * returns NULL; a read-only store's notice is printed too. */
struct store *views_open_store(const struct cli *cli, const char *cmd);

/* views_load_bank loads the question bank. Problems in it are summed up on
 * stderr (details: `chanlab check`); NULL, with a message, when it holds no
 * question at all. */
struct bank *views_load_bank(const char *cmd);

/* views_json_string writes s as a JSON string. */
void views_json_string(FILE *f, const char *s);

/* views_when writes into buf (size >= 32) the local date and time of ms as
 * "2026-03-02 14:05". Returns buf. */
char *views_when(int64_t ms, char *buf, size_t size);

/* views_relative writes into buf how far t is from now: "now", "in 5m",
 * "in 3h", "in 2d", "5m ago", "3h ago", "2d ago". Returns buf. */
char *views_relative(int64_t t, int64_t now, char *buf, size_t size);

#endif
