/* srs.c: the FSRS-6 scheduler. */
#include "srs.h"

const char *srs_algorithm(void)
{
    return "FSRS-6";
}
