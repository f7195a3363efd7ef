/* cmd_import.c: `chanlab import FILE`: progress written by `chanlab
 * export`, merged into the database. The whole file is checked first (every
 * question and exercise id must be in the bank); then what is new is added
 * in one transaction. Importing the same file again adds nothing. */
#include <string.h>

#include "cli_impl.h"
#include "views.h"

static bool known(enum store_id_kind kind, const char *id, void *ctx)
{
    const struct bank *b = ctx;
    return kind == STORE_ID_QUESTION ? bank_question_find(b, id) != NULL
                                     : bank_exercise_find(b, id) != NULL;
}

static const char *plural(int64_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("import", "unknown option '%s'", argv[i]);
        if (file)
            return cli_usage_error("import", "unexpected argument '%s'", argv[i]);
        file = argv[i];
    }
    if (!file)
        return cli_usage_error("import", "which FILE?");
    struct bank *b = views_load_bank("import");
    if (!b)
        return 1;
    struct store *st = views_open_store(cli, "import");
    if (!st) {
        bank_free(b);
        return 1;
    }
    struct store_import_result r;
    int status = 0;
    if (store_import_file(st, file, known, b, &r) != STORE_OK) {
        fprintf(stderr, "chanlab import: %s\n", store_errmsg(st));
        status = 1;
    } else if (r.reviews + r.runs + r.fixes + r.quiz_sessions + r.settings == 0) {
        printf("Nothing new in %s.\n", file);
    } else {
        printf("Imported from %s: %lld %s, %lld %s, %lld %s, %lld %s, %lld %s.\n", file,
               (long long)r.reviews, plural(r.reviews, "review", "reviews"), (long long)r.runs,
               plural(r.runs, "run", "runs"), (long long)r.fixes,
               plural(r.fixes, "fix attempt", "fix attempts"), (long long)r.quiz_sessions,
               plural(r.quiz_sessions, "quiz", "quizzes"), (long long)r.settings,
               plural(r.settings, "setting", "settings"));
    }
    store_close(st);
    bank_free(b);
    return status;
}
