/* cmd_review.c: `chanlab review`. */
#include "cli_impl.h"

int cmd_review(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("review");
}
