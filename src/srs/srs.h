/* srs.h: spaced repetition (FSRS-6). Pure functions: no I/O, no clock. */
#ifndef CHANLAB_SRS_H
#define CHANLAB_SRS_H

/* srs_algorithm names the scheduling algorithm; static storage. */
const char *srs_algorithm(void);

#endif
