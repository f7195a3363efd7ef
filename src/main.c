/* main.c: chanlab's entry point; everything happens in src/cli. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
