/* cli.h: chanlab's command line. src/main.c calls cli_main and nothing else.
 *
 * Each command lives in its own file, cmd_<name>.c, and is one entry of the
 * table in cli.c. A command gets argv with its own name at argv[0] and the
 * options that came before the command already parsed into struct cli. */
#ifndef CHANLAB_CLI_H
#define CHANLAB_CLI_H

/* Options that apply to every command. Strings point into argv. */
struct cli {
    const char *db_path; /* --db PATH, else NULL for the default location */
};

/* cli_main parses argv, runs the command and returns the exit status. */
int cli_main(int argc, char **argv);

#endif
