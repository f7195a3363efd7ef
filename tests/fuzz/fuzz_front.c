/* fuzz_front.c: libFuzzer target over the whole front end: lexer (through
 * lang_tokenize and the parser), parser and checker (lang_load_source, which
 * also runs vet on programs that check). Every input must end in
 * diagnostics or a checked tree, never a crash, a leak or a hang. */
#include <stddef.h>
#include <stdint.h>

#include "lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *ud, const struct lang_token_span *span)
{
    (void)ud, (void)span;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lang_tokenize((const char *)data, size, ignore, NULL);
    struct lang_options opt = {.lang = size > 0 && (data[0] & 1) ? "go1.21" : NULL};
    struct lang_program *p = lang_load_source("fuzz.go", (const char *)data, size, &opt);
    (void)lang_program_tree(p);
    lang_program_free(p);
    return 0;
}
