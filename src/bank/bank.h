/* bank.h: the question bank. */
#ifndef CHANLAB_BANK_H
#define CHANLAB_BANK_H

/* bank_schema_version is the version of questions/README.md's schema. */
int bank_schema_version(void);

#endif
