/* highlight.c: Go syntax colours from src/lang's own lexer: each token
 * class maps to a role, so code looks the same wherever the TUI shows it. */
#include "lang.h"
#include "md.h"

static int class_role(enum lang_token_class c)
{
    switch (c) {
    case LANG_TOK_KEYWORD: return ROLE_SYN_KEYWORD;
    case LANG_TOK_BUILTIN: return ROLE_SYN_TYPE;
    case LANG_TOK_NUMBER: return ROLE_SYN_NUMBER;
    case LANG_TOK_STRING:
    case LANG_TOK_RUNE: return ROLE_SYN_STRING;
    case LANG_TOK_COMMENT: return ROLE_SYN_COMMENT;
    case LANG_TOK_OPERATOR: return ROLE_SYN_OP;
    case LANG_TOK_ERROR: return ROLE_BAD;
    case LANG_TOK_IDENT:
    case LANG_TOK_PLAIN:
    default: return ROLE_CODE;
    }
}

struct hl {
    uint8_t *roles;
    size_t len;
};

static void on_span(void *ud, const struct lang_token_span *sp)
{
    struct hl *h = ud;
    int role = class_role(sp->cls);
    for (size_t i = sp->start; i < sp->end && i < h->len; i++)
        h->roles[i] = (uint8_t)role;
}

int tui_highlight_go(const char *code, size_t len, uint8_t *roles, void *ud)
{
    (void)ud;
    struct hl h = {roles, len};
    lang_tokenize(code, len, on_span, &h);
    return 1;
}
