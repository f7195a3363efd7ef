/* vet.h: the vet checks of chanlab (in-layer header): copylocks,
 * lostcancel and loopclosure, reported as warnings in go vet's words. */
#ifndef CHANLAB_LANG_VET_H
#define CHANLAB_LANG_VET_H

#include "ast.h"
#include "diag.h"

/* vet_program inspects the user's package of a checked program. */
void vet_program(struct ast_program *prog, struct diags *d, struct types *ts);

#endif
