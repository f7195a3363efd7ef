/* cli.c: the command table, global options and dispatch. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chanlab_config.h"
#include "cli_impl.h"
#include "tui.h"

static const struct cli_command commands[] = {
    {"run", "run a Go program like `go run`, on chanlab's runtime",
     "usage: chanlab run FILE.go [options] [-- ARGS]\n"
     "  --seed N            schedule and map-order seed (default 0)\n"
     "  --procs N           GOMAXPROCS, 1 to 256 (default 1)\n"
     "  --lang go1.21       Go version of the loop-variable semantics\n"
     "  --max-goroutines N, --max-heap BYTES, --max-steps N   limits (exit 2)\n"
     "  --race              report data races as Go's -race does\n"
     "  --leaks             report goroutines blocked forever\n"
     "  --lockorder         report cycles in the lock-acquisition order\n"
     "  --detect            --race --leaks --lockorder\n"
     "  --explore N         run N schedules (the first a plain run, the others PCT),\n"
     "                      print no program output, stop at the first that fails\n"
     "                      and print the line that replays it\n"
     "  --pct-depth D       PCT depth, 1 to 64 (with --explore: default 3)\n"
     "  --pct-steps K       PCT change points among the first K steps\n"
     "  --preempt P         preempt at each statement with probability P in (0, 1]\n"
     "  --trace FILE        write the runtime's event trace (with --explore: of the\n"
     "                      failing schedule)\n"
     "Options may follow FILE.go; other words after it, and all after --, are the\n"
     "program's os.Args.\n"
     "Exit status: the program's (2 for a panic, fatal error or limit); 66 when it\n"
     "would be 0 and a detector found something; 1 when FILE.go does not compile\n"
     "or --explore found a failing schedule; 2 for usage errors.\n",
     cmd_run},
    {"watch", "open the Run screen on any Go program",
     "usage: chanlab watch FILE.go [--seed N] [--procs N]\n", cmd_watch},
    {"vet", "parse and type-check a Go program; report errors and vet warnings",
     "usage: chanlab vet [--lang go1.21] FILE.go\n", cmd_vet},
    {"check", "validate the question bank and verify every exercise's outcome",
     "usage: chanlab check [--bank DIR]\n", cmd_check},
    {"list", "list the questions", "usage: chanlab list [--tier T] [--topic T] [--due] [--json]\n",
     cmd_list},
    {"review", "print the queue of questions due for review, in order", "usage: chanlab review\n",
     cmd_review},
    {"stats", "progress per tier and topic", "usage: chanlab stats [--json]\n", cmd_stats},
    {"export", "write all progress as JSON", "usage: chanlab export [FILE]\n", cmd_export},
    {"import", "read progress exported by `chanlab export`", "usage: chanlab import FILE\n",
     cmd_import},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

const struct cli_command *cli_find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int cli_usage_error(const char *name, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "chanlab %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'chanlab %s --help'.\n", name);
    return 2;
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

static void print_help(FILE *f)
{
    fprintf(f,
            "chanlab %s: train for Go concurrency interviews, offline.\n\n"
            "usage: chanlab [--db PATH]                 start the app (needs a terminal)\n"
            "       chanlab [--db PATH] COMMAND [ARGS]  run one command\n\n"
            "commands:\n",
            CHANLAB_VERSION);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-8s %s%s\n", commands[i].name, commands[i].summary, "");
    fprintf(f, "\noptions:\n"
               "  --db PATH   progress database (default: $CHANLAB_DB, else\n"
               "              $XDG_DATA_HOME/chanlab/progress.db, else\n"
               "              ~/.local/share/chanlab/progress.db)\n"
               "  --version   print the version and exit\n"
               "  -h, --help  print this help and exit\n\n"
               "`chanlab COMMAND --help` describes one command.\n");
}

int cli_main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    struct cli cli = {0};
    int c;

    opterr = 0;
    /* "+": stop at the first non-option, the command. */
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': cli.db_path = optarg; break;
        case 'h': print_help(stdout); return 0;
        case 'V': printf("chanlab %s\n", CHANLAB_VERSION); return 0;
        case ':':
        case '?':
        default:
            if (optopt == 'd')
                fprintf(stderr, "chanlab: --db needs a PATH\n");
            else
                fprintf(stderr, "chanlab: unknown option '%s'\n", argv[optind - 1]);
            fprintf(stderr, "Try 'chanlab --help'.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        struct tui_options topt = {.db_path = cli.db_path, .procs = 1};
        return tui_main(&topt);
    }

    const char *name = argv[optind];
    if (strcmp(name, "help") == 0) {
        if (optind + 1 < argc && cli_find(argv[optind + 1])) {
            fputs(cli_find(argv[optind + 1])->usage, stdout);
            return 0;
        }
        print_help(stdout);
        return 0;
    }
    const struct cli_command *cmd = cli_find(name);
    if (!cmd) {
        fprintf(stderr, "chanlab: unknown command '%s'\nTry 'chanlab --help'.\n", name);
        return 2;
    }
    int cargc = argc - optind;
    char **cargv = argv + optind;
    if (cli_wants_help(cargc, cargv)) {
        fputs(cmd->usage, stdout);
        return 0;
    }
    optind = 0; /* glibc: 0 re-initialises getopt for the command's own argv */
    return cmd->run(&cli, cargc, cargv);
}

int cli_not_built(const char *name)
{
    fprintf(stderr, "chanlab %s: this command is not built yet\n", name);
    return 2;
}
