/* fmtcore.h: text building blocks of the back end: a growable byte buffer,
 * Go's number and string formatting (strconv, lib_strconv.c) and fmt's
 * formatting engine (lib_fmt.c). In-layer header; not for other layers.
 *
 * The engine formats `struct value`s exactly as Go's fmt does. It knows
 * nothing of the interpreter: Error() and String() methods are reached
 * through struct fmt_hooks. */
#ifndef CHANLAB_LANG_FMTCORE_H
#define CHANLAB_LANG_FMTCORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value.h"

/* ---- sbuf: a growable byte buffer (malloc'd; sbuf_free releases) -------- */

struct sbuf {
    char *s; /* NUL-terminated when not NULL */
    size_t len, cap;
};

void sbuf_put(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_putc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_free(struct sbuf *b);

/* ---- strconv (lib_strconv.c) ------------------------------------------------ */

/* sc_format_float appends f formatted like Go's strconv.FormatFloat(f, verb,
 * prec, bits): verb 'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X' (any other
 * gives "%" and the verb, as Go's does); prec -1 for the shortest
 * representation that reads back as the same float of that bit size. */
void sc_format_float(struct sbuf *b, double f, char verb, int prec, int bits);

/* sc_print_float appends f as the builtin print/println writes floats
 * (+1.500000e+000). */
void sc_print_float(struct sbuf *b, double f);

/* sc_quote appends s quoted like strconv.Quote (ascii: QuoteToASCII);
 * sc_quote_rune like strconv.QuoteRune. */
void sc_quote(struct sbuf *b, const char *s, size_t n, bool ascii);
void sc_quote_rune(struct sbuf *b, int32_t r, bool ascii);
bool sc_can_backquote(const char *s, size_t n);

/* UTF-8: sc_decode_rune decodes one rune from s[0..n) (n > 0) and returns
 * its length; invalid input yields 0xFFFD with length 1. sc_encode_rune
 * writes r (invalid: U+FFFD) and returns the byte count (1..4). */
int sc_decode_rune(const char *s, size_t n, int32_t *r);
int sc_encode_rune(char out[4], int32_t r);
size_t sc_rune_count(const char *s, size_t n);
bool sc_is_print(int32_t r);

/* sc_digit_val is the value of c as a digit in bases up to 36 (0-9, a-z,
 * A-Z), 99 for any other character. */
int sc_digit_val(char c);

/* sc_parse_int parses s like strconv.ParseInt(s, base, bits); returns 0 on
 * success, 1 for a syntax error, 2 for out of range (with *out clamped). */
int sc_parse_int(const char *s, size_t n, int base, int bits, int64_t *out);
int sc_parse_uint(const char *s, size_t n, int base, int bits, uint64_t *out);
/* sc_parse_float: like strconv.ParseFloat; same return codes. */
int sc_parse_float(const char *s, size_t n, int bits, double *out);

/* ---- fmt engine (lib_fmt.c) ------------------------------------------------ */

enum fmt_method { FMT_ERROR, FMT_STRING };

struct fmt_hooks {
    /* has_method: does a value of dynamic type t have method which
     * (Error() string / String() string) in its method set? */
    bool (*has_method)(void *ud, const struct type *t, enum fmt_method which);
    /* call_method calls it and returns true with the string result in
     * *out, or, when the method panicked, false with the panic value in
     * *out (the panic is recovered, as fmt's catchPanic does). */
    bool (*call_method)(void *ud, struct value v, enum fmt_method which, struct value *out);
    void *ud;
    /* read, when not NULL, is told of every slot the printer reads out of
     * memory the program may share (slice and array elements, struct
     * fields, a map as a whole): the race detector's view of fmt. */
    void (*read)(void *ud, const void *addr);
};

/* fmt_sprintf appends Sprintf(format, args...) to out. */
void fmt_sprintf(struct sbuf *out, const struct fmt_hooks *hk, const char *format, size_t flen,
                 const struct value *args, size_t nargs);
/* fmt_sprint / fmt_sprintln: Sprint and Sprintln. */
void fmt_sprint(struct sbuf *out, const struct fmt_hooks *hk, const struct value *args,
                size_t nargs);
void fmt_sprintln(struct sbuf *out, const struct fmt_hooks *hk, const struct value *args,
                  size_t nargs);
/* fmt_value appends one value as %v would print it. */
void fmt_value(struct sbuf *out, const struct fmt_hooks *hk, struct value v);

#endif
