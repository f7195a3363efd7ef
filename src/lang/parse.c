/* parse.c: hand-written recursive descent over Go's grammar, producing the
 * tree of ast.h with a position on every node.
 *
 * Errors follow the Go compiler's syntax errors ("syntax error: unexpected
 * X, expected Y"); after one the parser skips to the next statement or
 * declaration boundary. Nesting is bounded by PARSE_MAX_DEPTH; beyond it
 * the parser reports one error and stops, so hostile input cannot exhaust
 * the C stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "parse.h"

struct parser {
    struct lexer lx;
    struct token tok;  /* current token */
    struct token prev; /* the token before it */
    struct arena *a;
    struct diags *d;
    uint32_t file;
    int expr_lev; /* < 0: in a control clause, `T{` is not a literal */
    int depth;    /* current nesting */
    bool stopped; /* nesting limit hit: everything is EOF now */
    uint32_t last_err_line;
};

/* ---- growable temporaries, copied into the arena when done -------------- */

#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *v;                                                                                      \
        int n, cap;                                                                                \
    }

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

#define VPUSH(vec, x)                                                                              \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                                             \
            (vec).v = xrealloc((vec).v, (size_t)(vec).cap * sizeof *(vec).v);                      \
        }                                                                                          \
        (vec).v[(vec).n++] = (x);                                                                  \
    } while (0)

/* VDONE copies vec into the arena, frees it, and evaluates to the copy. */
#define VDONE(p, vec) vdone((p), (void **)&(vec).v, (size_t)(vec).n * sizeof *(vec).v)

static void *vdone(struct parser *p, void **v, size_t size)
{
    void *r = size ? arena_dup(p->a, *v, size) : NULL;
    free(*v);
    *v = NULL;
    return r;
}

/* ---- tokens and errors --------------------------------------------------- */

static void next(struct parser *p)
{
    p->prev = p->tok;
    if (p->stopped) {
        p->tok.kind = TK_EOF;
        return;
    }
    lex_next(&p->lx, &p->tok);
}

static bool got(struct parser *p, enum tok k)
{
    if (p->tok.kind == k) {
        next(p);
        return true;
    }
    return false;
}

/* describe writes how Go names the current token in a syntax error. */
static const char *describe(struct parser *p, char *buf, size_t size)
{
    const struct token *t = &p->tok;
    int n = t->len > 60 ? 60 : (int)t->len;
    switch (t->kind) {
    case TK_IDENT: snprintf(buf, size, "name %.*s", n, t->text); break;
    case TK_INT:
    case TK_FLOAT:
    case TK_IMAG:
    case TK_RUNE:
    case TK_STRING: snprintf(buf, size, "literal %.*s", n, t->text); break;
    case TK_SEMICOLON:
        snprintf(buf, size, "%s",
                 !t->auto_semi                 ? "semicolon"
                 : strcmp(t->text, "EOF") == 0 ? "EOF"
                                               : "newline");
        break;
    case TK_COMMA: snprintf(buf, size, "comma"); break;
    case TK_EOF: snprintf(buf, size, "EOF"); break;
    default: snprintf(buf, size, "%s", tok_text(t->kind));
    }
    return buf;
}

static void error_at(struct parser *p, struct pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct parser *p, struct pos pos, const char *fmt, ...)
{
    if (p->last_err_line == pos.line)
        return; /* one syntax error per line, as Go */
    p->last_err_line = pos.line;
    va_list ap;
    va_start(ap, fmt);
    diag_verror(p->d, pos, fmt, ap);
    va_end(ap);
}

/* syntax_error reports at the current token. msg is "expected X", "in X",
 * "at end of statement", "after X", or a whole message. */
static void syntax_error(struct parser *p, const char *msg)
{
    char tb[96];
    struct pos pos = p->tok.pos;
    if (p->tok.kind == TK_EOF && p->tok.pos.line == 0)
        pos = p->prev.pos;
    if (strncmp(msg, "expected ", 9) == 0)
        error_at(p, pos, "syntax error: unexpected %s, %s", describe(p, tb, sizeof tb), msg);
    else if (strncmp(msg, "in ", 3) == 0 || strncmp(msg, "at ", 3) == 0 ||
             strncmp(msg, "after ", 6) == 0)
        error_at(p, pos, "syntax error: unexpected %s %s", describe(p, tb, sizeof tb), msg);
    else
        error_at(p, pos, "syntax error: %s", msg);
}

static const char *tok_expected(enum tok k)
{
    switch (k) {
    case TK_COMMA: return "comma";
    case TK_SEMICOLON: return "semicolon or newline";
    case TK_IDENT: return "name";
    default: return tok_text(k);
    }
}

static struct pos want(struct parser *p, enum tok k)
{
    struct pos pos = p->tok.pos;
    if (!got(p, k)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expected %s", tok_expected(k));
        syntax_error(p, msg);
    }
    return pos;
}

/* advance skips to a statement boundary: past `;`, or before `}`/EOF. */
static void advance_stmt(struct parser *p)
{
    int depth = 0;
    while (p->tok.kind != TK_EOF && (p->tok.kind != TK_RBRACE || depth > 0)) {
        if (p->tok.kind == TK_SEMICOLON && depth == 0) {
            next(p);
            return;
        }
        if (p->tok.kind == TK_LBRACE)
            depth++;
        else if (p->tok.kind == TK_RBRACE)
            depth--;
        next(p);
    }
}

/* enter/leave guard the nesting depth. */
static bool enter(struct parser *p)
{
    if (p->stopped)
        return false;
    if (++p->depth > PARSE_MAX_DEPTH) {
        p->last_err_line = 0;
        error_at(p, p->tok.pos, "nesting deeper than %d levels is not supported by chanlab",
                 PARSE_MAX_DEPTH);
        p->stopped = true;
        p->tok.kind = TK_EOF;
        return false;
    }
    return true;
}

static void leave(struct parser *p)
{
    p->depth--;
}

static const char *ident_text(struct parser *p, const struct token *t)
{
    return arena_strndup(p->a, t->text, t->len);
}

static struct ast_expr *bad_expr(struct parser *p, struct pos pos)
{
    return ast_expr_new(p->a, EX_BAD, pos);
}

/* ---- forward declarations ------------------------------------------------ */

static struct ast_expr *parse_expr(struct parser *p);
static struct ast_expr *parse_type(struct parser *p);
static struct ast_expr *try_type(struct parser *p);
static struct ast_stmt *parse_block(struct parser *p);
static struct ast_stmt *parse_stmt(struct parser *p);
static struct ast_stmt **parse_stmt_list(struct parser *p, int *n);
static struct ast_sig *parse_signature(struct parser *p, struct pos pos);
static struct ast_expr *parse_unary(struct parser *p);

/* ---- names --------------------------------------------------------------- */

static struct ast_expr *parse_name(struct parser *p)
{
    struct ast_expr *e = ast_expr_new(p->a, EX_IDENT, p->tok.pos);
    if (p->tok.kind == TK_IDENT) {
        e->u.ident.name = ident_text(p, &p->tok);
        next(p);
    } else {
        e->u.ident.name = "_";
        syntax_error(p, "expected name");
    }
    return e;
}

/* TypeName -> identifier [ "." identifier ] [ TypeArgs ] */
static struct ast_expr *parse_type_name(struct parser *p)
{
    struct ast_expr *x = parse_name(p);
    if (p->tok.kind == TK_PERIOD) {
        next(p);
        struct ast_expr *s = ast_expr_new(p->a, EX_SELECTOR, x->pos);
        s->u.sel.x = x;
        s->u.sel.name_pos = p->tok.pos;
        struct ast_expr *n = parse_name(p);
        s->u.sel.name = n->u.ident.name;
        x = s;
    }
    if (p->tok.kind == TK_LBRACK) {
        /* a generic instantiation T[A]: the checker decides if it is allowed */
        struct ast_expr *ix = ast_expr_new(p->a, EX_INDEX, x->pos);
        next(p);
        ix->u.index.x = x;
        ix->u.index.index = parse_type(p);
        while (got(p, TK_COMMA))
            if (p->tok.kind != TK_RBRACK)
                parse_type(p);
        want(p, TK_RBRACK);
        x = ix;
    }
    return x;
}

/* ---- types --------------------------------------------------------------- */

/* FieldDecl -> (IdentifierList Type | EmbeddedField) [Tag] */
static void parse_field_decl(struct parser *p, void *vecp)
{
    VEC(struct ast_field) *fields = vecp;
    struct ast_field f = {0};
    f.pos = p->tok.pos;
    if (p->tok.kind == TK_IDENT) {
        struct token first = p->tok;
        next(p);
        if (p->tok.kind == TK_PERIOD || p->tok.kind == TK_SEMICOLON || p->tok.kind == TK_RBRACE ||
            p->tok.kind == TK_STRING) {
            /* embedded T or pkg.T */
            struct ast_expr *x = ast_expr_new(p->a, EX_IDENT, first.pos);
            x->u.ident.name = ident_text(p, &first);
            if (got(p, TK_PERIOD)) {
                struct ast_expr *s = ast_expr_new(p->a, EX_SELECTOR, x->pos);
                s->u.sel.x = x;
                s->u.sel.name_pos = p->tok.pos;
                s->u.sel.name = parse_name(p)->u.ident.name;
                x = s;
            }
            f.type = x;
        } else {
            VEC(const char *) names = {0};
            VEC(struct pos) poss = {0};
            VPUSH(names, ident_text(p, &first));
            VPUSH(poss, first.pos);
            while (got(p, TK_COMMA)) {
                VPUSH(poss, p->tok.pos);
                VPUSH(names, parse_name(p)->u.ident.name);
            }
            f.nnames = names.n;
            f.names = VDONE(p, names);
            f.name_pos = VDONE(p, poss);
            f.type = parse_type(p);
        }
    } else if (p->tok.kind == TK_MUL) {
        struct ast_expr *s = ast_expr_new(p->a, EX_STAR, p->tok.pos);
        next(p);
        s->u.unary.x = parse_type_name(p);
        f.type = s;
    } else if (p->tok.kind == TK_LPAREN) {
        syntax_error(p, "cannot parenthesize embedded type");
        f.type = parse_type(p);
    } else {
        syntax_error(p, "unexpected field");
        f.type = bad_expr(p, p->tok.pos);
        advance_stmt(p);
        return;
    }
    if (p->tok.kind == TK_STRING)
        next(p); /* tags are accepted and carry no meaning */
    VPUSH(*fields, f);
}

/* StructType -> "struct" "{" { FieldDecl ";" } "}" */
static struct ast_expr *parse_struct_type(struct parser *p)
{
    struct ast_expr *e = ast_expr_new(p->a, EX_STRUCTTYPE, p->tok.pos);
    next(p);
    want(p, TK_LBRACE);
    VEC(struct ast_field) fields = {0};
    while (p->tok.kind != TK_RBRACE && p->tok.kind != TK_EOF) {
        parse_field_decl(p, &fields);
        if (p->tok.kind != TK_RBRACE && !got(p, TK_SEMICOLON)) {
            syntax_error(p, "in struct type; possibly missing semicolon or newline or }");
            advance_stmt(p);
        }
    }
    want(p, TK_RBRACE);
    e->u.structtype.nfields = fields.n;
    e->u.structtype.fields = VDONE(p, fields);
    return e;
}

/* InterfaceType -> "interface" "{" { (MethodName Signature | TypeName) ";" } "}" */
static struct ast_expr *parse_interface_type(struct parser *p)
{
    struct ast_expr *e = ast_expr_new(p->a, EX_INTERFACETYPE, p->tok.pos);
    next(p);
    want(p, TK_LBRACE);
    VEC(struct ast_field) fields = {0};
    while (p->tok.kind != TK_RBRACE && p->tok.kind != TK_EOF) {
        struct ast_field f = {0};
        f.pos = p->tok.pos;
        if (p->tok.kind == TK_IDENT) {
            struct token name = p->tok;
            next(p);
            if (p->tok.kind == TK_LPAREN) {
                f.nnames = 1;
                f.names = arena_alloc(p->a, sizeof(char *));
                f.names[0] = ident_text(p, &name);
                f.name_pos = arena_dup(p->a, &name.pos, sizeof name.pos);
                struct ast_expr *ft = ast_expr_new(p->a, EX_FUNCTYPE, name.pos);
                ft->u.functype = parse_signature(p, name.pos);
                f.type = ft;
            } else {
                struct ast_expr *x = ast_expr_new(p->a, EX_IDENT, name.pos);
                x->u.ident.name = ident_text(p, &name);
                if (got(p, TK_PERIOD)) {
                    struct ast_expr *s = ast_expr_new(p->a, EX_SELECTOR, x->pos);
                    s->u.sel.x = x;
                    s->u.sel.name_pos = p->tok.pos;
                    s->u.sel.name = parse_name(p)->u.ident.name;
                    x = s;
                }
                f.type = x;
            }
        } else {
            /* a type constraint element (~int | string): only in generics */
            f.type = bad_expr(p, p->tok.pos);
            error_at(p, p->tok.pos, "type constraint is not supported by chanlab");
            advance_stmt(p);
            continue;
        }
        if (p->tok.kind == TK_OR) {
            error_at(p, p->tok.pos, "type constraint is not supported by chanlab");
            advance_stmt(p);
            continue;
        }
        VPUSH(fields, f);
        if (p->tok.kind != TK_RBRACE && !got(p, TK_SEMICOLON)) {
            syntax_error(p, "in interface type; possibly missing semicolon or newline or }");
            advance_stmt(p);
        }
    }
    want(p, TK_RBRACE);
    e->u.structtype.nfields = fields.n;
    e->u.structtype.fields = VDONE(p, fields);
    return e;
}

/* ParameterList: see the comment in parse_params. */
struct param_entry {
    struct ast_expr *a; /* a name or a type */
    struct ast_expr *t; /* the type when a is a name */
};

/* Parameters -> "(" [ ParameterList [ "," ] ] ")"
 * Entries are either all types (`int, string`) or all named
 * (`a, b int, c string`); which one is only known at the end. */
static struct ast_field *parse_params(struct parser *p, int *nout, const char *context)
{
    want(p, TK_LPAREN);
    VEC(struct param_entry) es = {0};
    while (p->tok.kind != TK_RPAREN && p->tok.kind != TK_EOF) {
        struct param_entry e = {0};
        if (p->tok.kind == TK_IDENT) {
            /* a name, or a (qualified) type name; `p []byte` is a name
             * followed by a type, not an instantiation */
            struct ast_expr *x = parse_name(p);
            if (p->tok.kind == TK_PERIOD) {
                next(p);
                struct ast_expr *s = ast_expr_new(p->a, EX_SELECTOR, x->pos);
                s->u.sel.x = x;
                s->u.sel.name_pos = p->tok.pos;
                s->u.sel.name = parse_name(p)->u.ident.name;
                x = s;
                if (p->tok.kind == TK_LBRACK) {
                    struct ast_expr *ix = ast_expr_new(p->a, EX_INDEX, x->pos);
                    next(p);
                    ix->u.index.x = x;
                    ix->u.index.index = parse_type(p);
                    want(p, TK_RBRACK);
                    x = ix;
                }
            }
            e.a = x;
            if (p->tok.kind != TK_COMMA && p->tok.kind != TK_RPAREN) {
                if (p->tok.kind == TK_ELLIPSIS) {
                    struct ast_expr *el = ast_expr_new(p->a, EX_ELLIPSIS, p->tok.pos);
                    next(p);
                    el->u.ellipsis.elem = parse_type(p);
                    e.t = el;
                } else {
                    e.t = parse_type(p);
                }
            }
        } else if (p->tok.kind == TK_ELLIPSIS) {
            struct ast_expr *el = ast_expr_new(p->a, EX_ELLIPSIS, p->tok.pos);
            next(p);
            el->u.ellipsis.elem = parse_type(p);
            e.a = el;
        } else {
            e.a = parse_type(p);
        }
        VPUSH(es, e);
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN) {
                char msg[96];
                snprintf(msg, sizeof msg, "in %s; possibly missing comma or )", context);
                syntax_error(p, msg);
                while (p->tok.kind != TK_RPAREN && p->tok.kind != TK_EOF &&
                       p->tok.kind != TK_LBRACE && p->tok.kind != TK_SEMICOLON)
                    next(p);
            }
            break;
        }
    }
    want(p, TK_RPAREN);
    bool named = false;
    for (int i = 0; i < es.n; i++)
        if (es.v[i].t)
            named = true;
    VEC(struct ast_field) fields = {0};
    if (!named) {
        for (int i = 0; i < es.n; i++) {
            struct ast_field f = {0};
            f.pos = es.v[i].a->pos;
            f.type = es.v[i].a;
            VPUSH(fields, f);
        }
    } else {
        VEC(const char *) names = {0};
        VEC(struct pos) poss = {0};
        struct pos first = {0};
        for (int i = 0; i < es.n; i++) {
            struct ast_expr *a = es.v[i].a;
            if (a->kind != EX_IDENT) {
                error_at(p, a->pos, "syntax error: mixed named and unnamed parameters");
                continue;
            }
            if (names.n == 0)
                first = a->pos;
            VPUSH(names, a->u.ident.name);
            VPUSH(poss, a->pos);
            if (es.v[i].t) {
                struct ast_field f = {0};
                f.pos = first;
                f.nnames = names.n;
                f.names = VDONE(p, names);
                f.name_pos = VDONE(p, poss);
                names.n = names.cap = 0;
                poss.n = poss.cap = 0;
                f.type = es.v[i].t;
                VPUSH(fields, f);
            }
        }
        if (names.n) {
            error_at(p, poss.v[names.n - 1], "syntax error: mixed named and unnamed parameters");
            free(names.v);
            free(poss.v);
        }
    }
    free(es.v);
    *nout = fields.n;
    return VDONE(p, fields);
}

/* Signature -> Parameters [ Result ]; Result -> Parameters | Type */
static struct ast_sig *parse_signature(struct parser *p, struct pos pos)
{
    struct ast_sig *s = arena_alloc(p->a, sizeof *s);
    s->pos = pos;
    if (p->tok.kind == TK_LBRACK) {
        error_at(p, p->tok.pos, "generic function is not supported by chanlab");
        while (p->tok.kind != TK_RBRACK && p->tok.kind != TK_EOF)
            next(p);
        next(p);
    }
    s->params = parse_params(p, &s->nparams, "parameter list");
    if (p->tok.kind == TK_LPAREN) {
        s->results = parse_params(p, &s->nresults, "parameter list");
    } else {
        struct ast_expr *t = try_type(p);
        if (t) {
            s->results = arena_alloc(p->a, sizeof *s->results);
            s->results[0].type = t;
            s->results[0].pos = t->pos;
            s->nresults = 1;
        }
    }
    return s;
}

/* try_type parses a type if one starts here, else returns NULL.
 * Type -> TypeName | "[" [Len] "]" Type | "*" Type | "map" ... | "chan" ...
 *       | "func" Signature | "struct" ... | "interface" ... | "(" Type ")" */
static struct ast_expr *try_type(struct parser *p)
{
    if (!enter(p))
        return NULL;
    struct pos pos = p->tok.pos;
    struct ast_expr *e = NULL;
    switch (p->tok.kind) {
    case TK_IDENT: e = parse_type_name(p); break;
    case TK_LBRACK:
        next(p);
        e = ast_expr_new(p->a, EX_ARRAYTYPE, pos);
        if (got(p, TK_RBRACK)) {
            e->u.arraytype.elem = parse_type(p);
        } else {
            if (p->tok.kind == TK_ELLIPSIS) {
                e->u.arraytype.len = ast_expr_new(p->a, EX_ELLIPSIS, p->tok.pos);
                next(p);
            } else {
                p->expr_lev++;
                e->u.arraytype.len = parse_expr(p);
                p->expr_lev--;
            }
            want(p, TK_RBRACK);
            e->u.arraytype.elem = parse_type(p);
        }
        break;
    case TK_MUL:
        next(p);
        e = ast_expr_new(p->a, EX_STAR, pos);
        e->u.unary.x = parse_type(p);
        break;
    case TK_MAP:
        next(p);
        e = ast_expr_new(p->a, EX_MAPTYPE, pos);
        want(p, TK_LBRACK);
        e->u.maptype.key = parse_type(p);
        want(p, TK_RBRACK);
        e->u.maptype.value = parse_type(p);
        break;
    case TK_CHAN:
        next(p);
        e = ast_expr_new(p->a, EX_CHANTYPE, pos);
        e->u.chantype.dir = CHAN_BOTH;
        if (got(p, TK_ARROW))
            e->u.chantype.dir = CHAN_SEND;
        e->u.chantype.elem = parse_type(p);
        break;
    case TK_ARROW:
        next(p);
        e = ast_expr_new(p->a, EX_CHANTYPE, pos);
        want(p, TK_CHAN);
        e->u.chantype.dir = CHAN_RECV;
        e->u.chantype.elem = parse_type(p);
        break;
    case TK_FUNC:
        next(p);
        e = ast_expr_new(p->a, EX_FUNCTYPE, pos);
        e->u.functype = parse_signature(p, pos);
        break;
    case TK_STRUCT: e = parse_struct_type(p); break;
    case TK_INTERFACE: e = parse_interface_type(p); break;
    case TK_LPAREN:
        next(p);
        e = ast_expr_new(p->a, EX_PAREN, pos);
        e->u.unary.x = parse_type(p);
        want(p, TK_RPAREN);
        break;
    default: break;
    }
    leave(p);
    return e;
}

static struct ast_expr *parse_type(struct parser *p)
{
    struct ast_expr *t = try_type(p);
    if (!t) {
        syntax_error(p, "expected type");
        return bad_expr(p, p->tok.pos);
    }
    return t;
}

/* ---- expressions --------------------------------------------------------- */

/* FunctionLit -> "func" Signature Block */
static struct ast_expr *parse_func_lit_or_type(struct parser *p)
{
    struct pos pos = p->tok.pos;
    next(p);
    struct ast_sig *sig = parse_signature(p, pos);
    if (p->tok.kind != TK_LBRACE) {
        struct ast_expr *t = ast_expr_new(p->a, EX_FUNCTYPE, pos);
        t->u.functype = sig;
        return t;
    }
    struct ast_expr *e = ast_expr_new(p->a, EX_FUNCLIT, pos);
    struct ast_func *f = arena_alloc(p->a, sizeof *f);
    f->name = "";
    f->pos = pos;
    f->sig = sig;
    p->expr_lev++;
    f->body = parse_block(p);
    p->expr_lev--;
    f->end = f->body->u.block.end;
    e->u.func = f;
    return e;
}

/* Element -> Expression | LiteralValue; KeyedElement -> [Key ":"] Element */
static struct ast_expr *parse_element(struct parser *p);

/* LiteralValue -> "{" [ ElementList [ "," ] ] "}" */
static struct ast_expr *parse_literal_value(struct parser *p, struct ast_expr *type)
{
    struct ast_expr *e = ast_expr_new(p->a, EX_COMPOSITE, type ? type->pos : p->tok.pos);
    e->u.composite.type_expr = type;
    want(p, TK_LBRACE);
    p->expr_lev++;
    VEC(struct ast_expr *) elts = {0};
    while (p->tok.kind != TK_RBRACE && p->tok.kind != TK_EOF) {
        struct ast_expr *x = parse_element(p);
        if (got(p, TK_COLON)) {
            struct ast_expr *kv = ast_expr_new(p->a, EX_KEYVALUE, x->pos);
            kv->u.kv.key = x;
            kv->u.kv.value = parse_element(p);
            x = kv;
        }
        VPUSH(elts, x);
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RBRACE) {
                syntax_error(p, "in composite literal; possibly missing comma or }");
                while (p->tok.kind != TK_RBRACE && p->tok.kind != TK_EOF)
                    next(p);
            }
            break;
        }
    }
    p->expr_lev--;
    e->u.composite.rbrace = p->tok.pos;
    want(p, TK_RBRACE);
    e->u.composite.nelts = elts.n;
    e->u.composite.elts = VDONE(p, elts);
    return e;
}

static struct ast_expr *parse_element(struct parser *p)
{
    if (p->tok.kind == TK_LBRACE) {
        if (!enter(p))
            return bad_expr(p, p->tok.pos);
        struct ast_expr *e = parse_literal_value(p, NULL);
        leave(p);
        return e;
    }
    return parse_expr(p);
}

/* Operand -> Literal | OperandName | "(" Expression ")" | type for conversions */
static struct ast_expr *parse_operand(struct parser *p)
{
    struct pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TK_IDENT: return parse_name(p);
    case TK_INT:
    case TK_FLOAT:
    case TK_IMAG:
    case TK_RUNE:
    case TK_STRING: {
        struct ast_expr *e = ast_expr_new(p->a, EX_BASICLIT, pos);
        e->u.lit.tok = p->tok.kind;
        e->u.lit.text = p->tok.text;
        e->u.lit.len = p->tok.len;
        next(p);
        return e;
    }
    case TK_LPAREN: {
        next(p);
        struct ast_expr *e = ast_expr_new(p->a, EX_PAREN, pos);
        p->expr_lev++;
        e->u.unary.x = parse_expr(p);
        p->expr_lev--;
        want(p, TK_RPAREN);
        return e;
    }
    case TK_FUNC: return parse_func_lit_or_type(p);
    case TK_LBRACK:
    case TK_CHAN:
    case TK_MAP:
    case TK_STRUCT:
    case TK_INTERFACE: return try_type(p);
    default: syntax_error(p, "expected expression"); return bad_expr(p, pos);
    }
}

/* is_literal_type: may `x {` start a composite literal? Bare names and
 * selectors only outside control clauses (Go's rule). */
static bool is_literal_type(struct parser *p, struct ast_expr *x)
{
    switch (x->kind) {
    case EX_IDENT:
    case EX_SELECTOR: return p->expr_lev >= 0;
    case EX_INDEX: return p->expr_lev >= 0 && x->u.index.x->kind != EX_INDEX;
    case EX_ARRAYTYPE:
    case EX_STRUCTTYPE:
    case EX_MAPTYPE: return true;
    default: return false;
    }
}

/* Arguments -> "(" [ ExpressionList [ "..." ] [ "," ] ] ")" */
static struct ast_expr *parse_call(struct parser *p, struct ast_expr *fun)
{
    struct ast_expr *e = ast_expr_new(p->a, EX_CALL, fun->pos);
    e->u.call.fun = fun;
    next(p);
    p->expr_lev++;
    VEC(struct ast_expr *) args = {0};
    while (p->tok.kind != TK_RPAREN && p->tok.kind != TK_EOF) {
        VPUSH(args, parse_expr(p));
        if (got(p, TK_ELLIPSIS))
            e->u.call.has_dots = true;
        if (!got(p, TK_COMMA)) {
            if (p->tok.kind != TK_RPAREN) {
                syntax_error(p, "in argument list; possibly missing comma or )");
                while (p->tok.kind != TK_RPAREN && p->tok.kind != TK_EOF &&
                       p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_RBRACE)
                    next(p);
            }
            break;
        }
    }
    p->expr_lev--;
    e->u.call.rparen = p->tok.pos;
    want(p, TK_RPAREN);
    e->u.call.nargs = args.n;
    e->u.call.args = VDONE(p, args);
    return e;
}

/* PrimaryExpr -> Operand { Selector | Index | Slice | TypeAssertion | Arguments }
 *              | PrimaryExpr LiteralValue */
static struct ast_expr *parse_primary(struct parser *p)
{
    struct ast_expr *x = parse_operand(p);
    if (!x)
        return bad_expr(p, p->tok.pos);
    for (;;) {
        switch (p->tok.kind) {
        case TK_PERIOD: {
            next(p);
            if (p->tok.kind == TK_IDENT) {
                struct ast_expr *s = ast_expr_new(p->a, EX_SELECTOR, x->pos);
                s->u.sel.x = x;
                s->u.sel.name_pos = p->tok.pos;
                s->u.sel.name = ident_text(p, &p->tok);
                next(p);
                x = s;
            } else if (p->tok.kind == TK_LPAREN) {
                next(p);
                struct ast_expr *s = ast_expr_new(p->a, EX_TYPEASSERT, x->pos);
                s->u.assert.x = x;
                if (!got(p, TK_TYPE))
                    s->u.assert.type_expr = parse_type(p);
                want(p, TK_RPAREN);
                x = s;
            } else {
                syntax_error(p, "expected name or (");
                return x;
            }
            break;
        }
        case TK_LBRACK: {
            struct pos lbrack = p->tok.pos;
            next(p);
            p->expr_lev++;
            struct ast_expr *idx[3] = {NULL, NULL, NULL};
            int ncolons = 0;
            if (p->tok.kind != TK_COLON)
                idx[0] = parse_expr(p);
            while (ncolons < 2 && got(p, TK_COLON)) {
                ncolons++;
                if (p->tok.kind != TK_COLON && p->tok.kind != TK_RBRACK)
                    idx[ncolons] = parse_expr(p);
            }
            if (ncolons == 0 && p->tok.kind == TK_COMMA) {
                /* T[A, B]: a generic instantiation with several arguments */
                while (got(p, TK_COMMA))
                    if (p->tok.kind != TK_RBRACK)
                        parse_type(p);
            }
            p->expr_lev--;
            want(p, TK_RBRACK);
            if (ncolons == 0) {
                struct ast_expr *s = ast_expr_new(p->a, EX_INDEX, x->pos);
                s->u.index.lbrack = lbrack;
                s->u.index.x = x;
                s->u.index.index = idx[0] ? idx[0] : bad_expr(p, p->prev.pos);
                x = s;
            } else {
                struct ast_expr *s = ast_expr_new(p->a, EX_SLICE, x->pos);
                s->u.slice.x = x;
                s->u.slice.lo = idx[0];
                s->u.slice.hi = idx[1];
                s->u.slice.max = idx[2];
                if (ncolons == 2 && (!idx[1] || !idx[2]))
                    error_at(p, s->pos,
                             "syntax error: middle and final index required in 3-index slice");
                x = s;
            }
            break;
        }
        case TK_LPAREN: x = parse_call(p, x); break;
        case TK_LBRACE:
            if (is_literal_type(p, ast_unparen(x)) && x->kind != EX_PAREN) {
                x = parse_literal_value(p, x);
                break;
            }
            return x;
        default: return x;
        }
    }
}

/* UnaryExpr -> PrimaryExpr | unary_op UnaryExpr */
static struct ast_expr *parse_unary(struct parser *p)
{
    if (!enter(p))
        return bad_expr(p, p->tok.pos);
    struct pos pos = p->tok.pos;
    struct ast_expr *e;
    enum ast_op op = OP_NONE;
    switch (p->tok.kind) {
    case TK_ADD: op = OP_POS; break;
    case TK_SUB: op = OP_NEG; break;
    case TK_NOT: op = OP_NOT; break;
    case TK_XOR: op = OP_BITNOT; break;
    case TK_AND: op = OP_ADDR; break;
    case TK_TILDE:
        error_at(p, pos, "type constraint is not supported by chanlab");
        op = OP_BITNOT;
        break;
    case TK_MUL:
        next(p);
        e = ast_expr_new(p->a, EX_STAR, pos);
        e->u.unary.x = parse_unary(p);
        leave(p);
        return e;
    case TK_ARROW:
        next(p);
        if (p->tok.kind == TK_CHAN) {
            /* <-chan T: a type */
            struct ast_expr *t = ast_expr_new(p->a, EX_CHANTYPE, pos);
            next(p);
            t->u.chantype.dir = CHAN_RECV;
            t->u.chantype.elem = parse_type(p);
            e = t;
            /* allow conversion (<-chan T)(x) style primary suffixes */
            leave(p);
            return e;
        }
        e = ast_expr_new(p->a, EX_UNARY, pos);
        e->u.unary.op = OP_ARROW;
        e->u.unary.x = parse_unary(p);
        leave(p);
        return e;
    default:
        e = parse_primary(p);
        leave(p);
        return e;
    }
    next(p);
    e = ast_expr_new(p->a, EX_UNARY, pos);
    e->u.unary.op = op;
    e->u.unary.x = parse_unary(p);
    leave(p);
    return e;
}

static int precedence(enum ast_op op)
{
    switch (op) {
    case OP_LOR: return 1;
    case OP_LAND: return 2;
    case OP_EQL:
    case OP_NEQ:
    case OP_LSS:
    case OP_LEQ:
    case OP_GTR:
    case OP_GEQ: return 3;
    case OP_ADD:
    case OP_SUB:
    case OP_OR:
    case OP_XOR: return 4;
    case OP_MUL:
    case OP_QUO:
    case OP_REM:
    case OP_SHL:
    case OP_SHR:
    case OP_AND:
    case OP_AND_NOT: return 5;
    default: return 0;
    }
}

/* BinaryExpr -> UnaryExpr { binary_op UnaryExpr }, by precedence climbing */
static struct ast_expr *parse_binary(struct parser *p, int prec1)
{
    struct ast_expr *x = parse_unary(p);
    int chain = 0; /* a left-deep chain nests as deep as it is long */
    for (;;) {
        enum ast_op op = tok_binop(p->tok.kind);
        int prec = precedence(op);
        if (prec < prec1 || prec == 0)
            break;
        next(p);
        if (!enter(p))
            break;
        chain++;
        struct ast_expr *e = ast_expr_new(p->a, EX_BINARY, x->pos);
        e->u.binary.op = op;
        e->u.binary.x = x;
        e->u.binary.y = parse_binary(p, prec + 1);
        x = e;
    }
    p->depth -= chain;
    return x;
}

static struct ast_expr *parse_expr(struct parser *p)
{
    return parse_binary(p, 1);
}

static struct ast_expr **parse_expr_list(struct parser *p, int *n)
{
    VEC(struct ast_expr *) v = {0};
    do {
        VPUSH(v, parse_expr(p));
    } while (got(p, TK_COMMA));
    *n = v.n;
    return VDONE(p, v);
}

/* ---- statements ---------------------------------------------------------- */

static bool is_assign_op(enum tok k)
{
    return k >= TK_ADD_ASSIGN && k <= TK_AND_NOT_ASSIGN;
}

/* SimpleStmt -> ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl
 * with range_ok, also the RangeClause of a for statement. */
static struct ast_stmt *parse_simple_stmt(struct parser *p, bool range_ok)
{
    struct pos pos = p->tok.pos;
    if (range_ok && p->tok.kind == TK_RANGE) {
        next(p);
        struct ast_stmt *s = ast_stmt_new(p->a, ST_RANGE, pos);
        s->u.range.x = parse_expr(p);
        return s;
    }
    int nlhs;
    struct ast_expr **lhs = parse_expr_list(p, &nlhs);
    enum tok k = p->tok.kind;
    if (nlhs == 1) {
        switch (k) {
        case TK_ARROW: {
            next(p);
            struct ast_stmt *s = ast_stmt_new(p->a, ST_SEND, pos);
            s->u.send.ch = lhs[0];
            s->u.send.value = parse_expr(p);
            return s;
        }
        case TK_INC:
        case TK_DEC: {
            next(p);
            struct ast_stmt *s = ast_stmt_new(p->a, ST_INCDEC, pos);
            s->u.incdec.x = lhs[0];
            s->u.incdec.inc = k == TK_INC;
            return s;
        }
        default: break;
        }
    }
    if (k == TK_ASSIGN || k == TK_DEFINE || is_assign_op(k)) {
        struct pos oppos = p->tok.pos;
        next(p);
        if (range_ok && p->tok.kind == TK_RANGE && (k == TK_ASSIGN || k == TK_DEFINE)) {
            next(p);
            struct ast_stmt *s = ast_stmt_new(p->a, ST_RANGE, pos);
            s->u.range.define = k == TK_DEFINE;
            if (nlhs > 2)
                error_at(p, lhs[2]->pos, "range clause permits at most two iteration variables");
            s->u.range.key = lhs[0];
            s->u.range.value = nlhs > 1 ? lhs[1] : NULL;
            s->u.range.x = parse_expr(p);
            return s;
        }
        struct ast_stmt *s = ast_stmt_new(p->a, ST_ASSIGN, pos);
        s->u.assign.op_pos = oppos;
        s->u.assign.lhs = lhs;
        s->u.assign.nlhs = nlhs;
        s->u.assign.define = k == TK_DEFINE;
        if (is_assign_op(k)) {
            s->u.assign.op = tok_binop((enum tok)(k - TK_ADD_ASSIGN + TK_ADD));
        }
        s->u.assign.rhs = parse_expr_list(p, &s->u.assign.nrhs);
        (void)oppos;
        return s;
    }
    if (nlhs > 1) {
        syntax_error(p, "expected := or = or comma");
        advance_stmt(p);
    }
    struct ast_stmt *s = ast_stmt_new(p->a, ST_EXPR, pos);
    s->u.expr = lhs[0];
    return s;
}

/* Block -> "{" StatementList "}" */
static struct ast_stmt *parse_block(struct parser *p)
{
    struct ast_stmt *b = ast_stmt_new(p->a, ST_BLOCK, p->tok.pos);
    if (!enter(p)) {
        b->u.block.end = p->tok.pos;
        return b;
    }
    want(p, TK_LBRACE);
    b->u.block.stmts = parse_stmt_list(p, &b->u.block.nstmts);
    b->u.block.end = p->tok.pos;
    want(p, TK_RBRACE);
    leave(p);
    return b;
}

/* header parses the `init; cond` part of if, switch and for. */
static void parse_header(struct parser *p, struct ast_stmt **init, struct ast_stmt **cond,
                         bool for_stmt, struct ast_stmt **post)
{
    int old = p->expr_lev;
    p->expr_lev = -1;
    if (p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_LBRACE)
        *cond = parse_simple_stmt(p, for_stmt);
    if (p->tok.kind == TK_SEMICOLON && !(*cond && (*cond)->kind == ST_RANGE)) {
        bool auto_semi = p->tok.auto_semi;
        struct pos semipos = p->tok.pos;
        next(p);
        *init = *cond;
        *cond = NULL;
        if (for_stmt) {
            if (p->tok.kind != TK_SEMICOLON)
                *cond = parse_simple_stmt(p, false);
            if (p->tok.kind != TK_SEMICOLON) {
                syntax_error(p, "expected semicolon or newline");
            } else {
                next(p);
                if (p->tok.kind != TK_LBRACE)
                    *post = parse_simple_stmt(p, false);
            }
        } else {
            if (auto_semi && p->tok.kind == TK_LBRACE) {
                error_at(p, semipos, "syntax error: unexpected newline, expected { after %s clause",
                         "if");
            }
            if (p->tok.kind != TK_LBRACE)
                *cond = parse_simple_stmt(p, false);
        }
    }
    p->expr_lev = old;
}

static struct ast_expr *cond_expr(struct parser *p, struct ast_stmt *s, const char *what)
{
    if (!s)
        return NULL;
    if (s->kind == ST_EXPR)
        return s->u.expr;
    if (s->kind == ST_ASSIGN && s->u.assign.define && s->u.assign.nlhs == 1 &&
        s->u.assign.nrhs == 1) {
        error_at(p, s->pos, "syntax error: cannot use %s := %s as value",
                 s->u.assign.lhs[0]->kind == EX_IDENT ? s->u.assign.lhs[0]->u.ident.name : "x",
                 "...");
    } else {
        error_at(p, s->pos, "syntax error: cannot use assignment as value in %s", what);
    }
    return bad_expr(p, s->pos);
}

/* IfStmt -> "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] */
static struct ast_stmt *parse_if(struct parser *p)
{
    struct ast_stmt *s = ast_stmt_new(p->a, ST_IF, p->tok.pos);
    if (!enter(p))
        return s;
    next(p);
    struct ast_stmt *init = NULL, *cond = NULL, *post = NULL;
    parse_header(p, &init, &cond, false, &post);
    s->u.ifs.init = init;
    s->u.ifs.cond = cond_expr(p, cond, "if");
    if (!s->u.ifs.cond) {
        error_at(p, p->tok.pos, "syntax error: missing condition in if statement");
        s->u.ifs.cond = bad_expr(p, p->tok.pos);
    }
    s->u.ifs.then = parse_block(p);
    if (got(p, TK_ELSE)) {
        if (p->tok.kind == TK_IF)
            s->u.ifs.els = parse_if(p);
        else if (p->tok.kind == TK_LBRACE)
            s->u.ifs.els = parse_block(p);
        else
            syntax_error(p, "else must be followed by if or statement block");
    }
    leave(p);
    return s;
}

/* CaseClause -> ("case" ExpressionList | "default") ":" StatementList */
static void parse_cases(struct parser *p, struct ast_stmt *s, bool is_select, bool is_type)
{
    want(p, TK_LBRACE);
    VEC(struct ast_case) cases = {0};
    while (p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT) {
        struct ast_case c = {0};
        c.pos = p->tok.pos;
        if (got(p, TK_DEFAULT)) {
            c.is_default = true;
        } else {
            next(p);
            if (is_select) {
                c.comm = parse_simple_stmt(p, false);
                struct ast_stmt *cm = c.comm;
                struct ast_expr *rx = NULL;
                if (cm->kind == ST_EXPR)
                    rx = cm->u.expr;
                else if (cm->kind == ST_ASSIGN && cm->u.assign.nrhs == 1 &&
                         cm->u.assign.nlhs <= 2 && cm->u.assign.op == OP_NONE)
                    rx = cm->u.assign.rhs[0];
                rx = ast_unparen(rx);
                if (cm->kind != ST_SEND &&
                    !(rx && rx->kind == EX_UNARY && rx->u.unary.op == OP_ARROW))
                    error_at(p, cm->pos,
                             "select case must be send or receive (possibly with assignment)");
            } else if (is_type) {
                VEC(struct ast_expr *) v = {0};
                do {
                    VPUSH(v, parse_type(p));
                } while (got(p, TK_COMMA));
                c.nexprs = v.n;
                c.exprs = VDONE(p, v);
            } else {
                c.exprs = parse_expr_list(p, &c.nexprs);
            }
        }
        want(p, TK_COLON);
        c.body = parse_stmt_list(p, &c.nbody);
        VPUSH(cases, c);
    }
    if (p->tok.kind != TK_RBRACE)
        syntax_error(p, "expected case or default or }");
    s->u.sw.end = p->tok.pos;
    while (p->tok.kind != TK_RBRACE && p->tok.kind != TK_EOF)
        next(p);
    want(p, TK_RBRACE);
    s->u.sw.ncases = cases.n;
    s->u.sw.cases = VDONE(p, cases);
}

/* SwitchStmt -> "switch" [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ] "{" ... "}" */
static struct ast_stmt *parse_switch(struct parser *p)
{
    struct ast_stmt *s = ast_stmt_new(p->a, ST_SWITCH, p->tok.pos);
    next(p);
    struct ast_stmt *init = NULL, *tag = NULL, *post = NULL;
    parse_header(p, &init, &tag, false, &post);
    s->u.sw.init = init;
    if (tag && tag->kind == ST_EXPR && tag->u.expr->kind == EX_TYPEASSERT &&
        !tag->u.expr->u.assert.type_expr) {
        s->kind = ST_TYPESWITCH;
        s->u.sw.x = tag->u.expr->u.assert.x;
    } else if (tag && tag->kind == ST_ASSIGN && tag->u.assign.define && tag->u.assign.nlhs == 1 &&
               tag->u.assign.nrhs == 1 && tag->u.assign.rhs[0]->kind == EX_TYPEASSERT &&
               !tag->u.assign.rhs[0]->u.assert.type_expr &&
               tag->u.assign.lhs[0]->kind == EX_IDENT) {
        s->kind = ST_TYPESWITCH;
        s->u.sw.bind = tag->u.assign.lhs[0]->u.ident.name;
        s->u.sw.bind_pos = tag->u.assign.lhs[0]->pos;
        s->u.sw.x = tag->u.assign.rhs[0]->u.assert.x;
    } else if (tag) {
        s->u.sw.tag = cond_expr(p, tag, "switch");
    }
    if (!enter(p))
        return s;
    parse_cases(p, s, false, s->kind == ST_TYPESWITCH);
    leave(p);
    return s;
}

/* SelectStmt -> "select" "{" { CommClause } "}" */
static struct ast_stmt *parse_select(struct parser *p)
{
    struct ast_stmt *s = ast_stmt_new(p->a, ST_SELECT, p->tok.pos);
    next(p);
    if (!enter(p))
        return s;
    parse_cases(p, s, true, false);
    leave(p);
    return s;
}

/* ForStmt -> "for" [ Condition | ForClause | RangeClause ] Block */
static struct ast_stmt *parse_for(struct parser *p)
{
    struct pos pos = p->tok.pos;
    next(p);
    struct ast_stmt *init = NULL, *cond = NULL, *post = NULL;
    struct ast_stmt *s;
    if (p->tok.kind != TK_LBRACE)
        parse_header(p, &init, &cond, true, &post);
    if (cond && cond->kind == ST_RANGE) {
        s = cond;
        s->pos = pos;
    } else {
        s = ast_stmt_new(p->a, ST_FOR, pos);
        s->u.fors.init = init;
        s->u.fors.cond = cond_expr(p, cond, "for");
        s->u.fors.post = post;
        if (post && post->kind == ST_ASSIGN && post->u.assign.define)
            error_at(p, post->pos, "syntax error: cannot declare in post statement of for loop");
    }
    struct ast_stmt *body = parse_block(p);
    if (s->kind == ST_RANGE)
        s->u.range.body = body;
    else
        s->u.fors.body = body;
    return s;
}

static struct ast_stmt *parse_call_stmt(struct parser *p, enum stmt_kind kind, const char *what)
{
    struct ast_stmt *s = ast_stmt_new(p->a, kind, p->tok.pos);
    next(p);
    struct ast_expr *x = parse_expr(p);
    struct ast_expr *u = x;
    if (u->kind == EX_PAREN) {
        u = ast_unparen(u);
        error_at(p, x->pos, "expression in %s must not be parenthesized", what);
    }
    if (u->kind != EX_CALL && u->kind != EX_BAD)
        error_at(p, x->pos, "expression in %s must be function call", what);
    s->u.expr = u;
    return s;
}

/* Declarations inside functions share the top-level parsers. */
static void parse_decl_group(struct parser *p, enum tok kw, void *vecp);

static struct ast_stmt *parse_decl_stmt(struct parser *p)
{
    struct pos pos = p->tok.pos;
    enum tok kw = p->tok.kind;
    VEC(struct ast_decl *) decls = {0};
    parse_decl_group(p, kw, &decls);
    /* One statement per spec; a group becomes an ST_BLOCK marked `group`,
     * which opens no scope. */
    struct ast_stmt *s = ast_stmt_new(p->a, ST_BLOCK, pos);
    VEC(struct ast_stmt *) stmts = {0};
    for (int i = 0; i < decls.n; i++) {
        struct ast_decl *d = decls.v[i];
        enum stmt_kind k = kw == TK_VAR ? ST_VAR : kw == TK_CONST ? ST_CONST : ST_TYPE;
        struct ast_stmt *ds = ast_stmt_new(p->a, k, d->pos);
        /* the ast_var objects are made by the checker; keep the decl */
        ds->u.var.type_expr = d->type_expr;
        ds->u.var.values = d->values;
        ds->u.var.nvalues = d->nvalues;
        ds->u.var.nvars = d->nnames;
        ds->u.var.decl = d;
        ds->u.var.vars = arena_alloc(p->a, sizeof(struct ast_var *) * (size_t)d->nnames);
        for (int j = 0; j < d->nnames; j++) {
            struct ast_var *v = arena_alloc(p->a, sizeof *v);
            v->name = d->names[j];
            v->pos = d->name_pos[j];
            ds->u.var.vars[j] = v;
        }
        VPUSH(stmts, ds);
    }
    free(decls.v);
    if (stmts.n == 1) {
        struct ast_stmt *one = stmts.v[0];
        free(stmts.v);
        return one;
    }
    s->u.block.nstmts = stmts.n;
    s->u.block.stmts = VDONE(p, stmts);
    s->u.block.group = true;
    return s;
}

/* Statement -> Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt | ... */
static struct ast_stmt *parse_stmt(struct parser *p)
{
    struct pos pos = p->tok.pos;
    switch (p->tok.kind) {
    case TK_VAR:
    case TK_CONST:
    case TK_TYPE: return parse_decl_stmt(p);
    case TK_LBRACE: return parse_block(p);
    case TK_IF: return parse_if(p);
    case TK_SWITCH: return parse_switch(p);
    case TK_SELECT: return parse_select(p);
    case TK_FOR: return parse_for(p);
    case TK_GO: return parse_call_stmt(p, ST_GO, "go");
    case TK_DEFER: return parse_call_stmt(p, ST_DEFER, "defer");
    case TK_RETURN: {
        next(p);
        struct ast_stmt *s = ast_stmt_new(p->a, ST_RETURN, pos);
        if (p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_RBRACE)
            s->u.ret.results = parse_expr_list(p, &s->u.ret.nresults);
        return s;
    }
    case TK_BREAK:
    case TK_CONTINUE:
    case TK_FALLTHROUGH: {
        struct ast_stmt *s = ast_stmt_new(p->a, ST_BRANCH, pos);
        s->u.branch.tok = p->tok.kind;
        next(p);
        if (s->u.branch.tok != TK_FALLTHROUGH && p->tok.kind == TK_IDENT) {
            s->u.branch.label_pos = p->tok.pos;
            s->u.branch.label = ident_text(p, &p->tok);
            next(p);
        }
        return s;
    }
    case TK_GOTO: {
        error_at(p, pos, "goto is not supported by chanlab");
        next(p);
        if (p->tok.kind == TK_IDENT)
            next(p);
        return ast_stmt_new(p->a, ST_EMPTY, pos);
    }
    case TK_SEMICOLON:
    case TK_RBRACE: return ast_stmt_new(p->a, ST_EMPTY, pos);
    case TK_FUNC:
        if (p->lx.off < p->lx.len) {
            /* func literal call or a nested declaration attempt */
            struct lexer save = p->lx;
            struct token t2;
            lex_next(&save, &t2);
            if (t2.kind == TK_IDENT) {
                error_at(p, pos, "syntax error: unexpected name %.*s, expected (", (int)t2.len,
                         t2.text);
                next(p);
                advance_stmt(p);
                return ast_stmt_new(p->a, ST_BAD, pos);
            }
        }
        return parse_simple_stmt(p, false);
    default: break;
    }
    if (p->tok.kind == TK_IDENT) {
        /* LabeledStmt -> Label ":" Statement */
        struct lexer save = p->lx;
        struct token t2;
        lex_next(&save, &t2);
        if (t2.kind == TK_COLON) {
            struct ast_stmt *s = ast_stmt_new(p->a, ST_LABELED, pos);
            s->u.labeled.label = ident_text(p, &p->tok);
            next(p);
            next(p);
            if (p->tok.kind == TK_RBRACE) {
                s->u.labeled.stmt = ast_stmt_new(p->a, ST_EMPTY, p->tok.pos);
                return s;
            }
            if (!enter(p))
                return s;
            s->u.labeled.stmt = parse_stmt(p);
            leave(p);
            return s;
        }
    }
    return parse_simple_stmt(p, false);
}

/* StatementList -> { Statement ";" } */
static struct ast_stmt **parse_stmt_list(struct parser *p, int *n)
{
    VEC(struct ast_stmt *) v = {0};
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE && p->tok.kind != TK_CASE &&
           p->tok.kind != TK_DEFAULT) {
        if (got(p, TK_SEMICOLON))
            continue;
        if (p->tok.kind == TK_ELSE || p->tok.kind == TK_RPAREN || p->tok.kind == TK_RBRACK ||
            p->tok.kind == TK_COMMA || p->tok.kind == TK_COLON || p->tok.kind == TK_IMPORT ||
            p->tok.kind == TK_PACKAGE) {
            syntax_error(p, "expected }");
            advance_stmt(p);
            continue;
        }
        struct ast_stmt *s = parse_stmt(p);
        if (s->kind != ST_EMPTY)
            VPUSH(v, s);
        if (p->tok.kind == TK_RBRACE || p->tok.kind == TK_CASE || p->tok.kind == TK_DEFAULT)
            continue;
        if (!got(p, TK_SEMICOLON)) {
            if (p->tok.kind == TK_EOF)
                break;
            syntax_error(p, "at end of statement");
            advance_stmt(p);
        }
    }
    *n = v.n;
    return VDONE(p, v);
}

/* ---- declarations -------------------------------------------------------- */

/* One spec of a const, var or type declaration; iota and the previous const
 * spec (for implicit repetition) are tracked by the caller. */
static struct ast_decl *parse_spec(struct parser *p, enum tok kw, int iota,
                                   struct ast_decl *prev_const)
{
    struct ast_decl *d = arena_alloc(p->a, sizeof *d);
    d->pos = p->tok.pos;
    d->iota = iota;
    if (kw == TK_TYPE) {
        d->kind = DECL_TYPE;
        d->nnames = 1;
        d->names = arena_alloc(p->a, sizeof(char *));
        d->name_pos = arena_alloc(p->a, sizeof(struct pos));
        d->name_pos[0] = p->tok.pos;
        d->names[0] = parse_name(p)->u.ident.name;
        if (p->tok.kind == TK_LBRACK) {
            /* type T[P any] ...: a generic type, unless it is an array type
             * `type T [N]int`; tell them apart by what follows `[`. */
            struct lexer save = p->lx;
            struct token t2, t3;
            lex_next(&save, &t2);
            lex_next(&save, &t3);
            if (t2.kind == TK_IDENT && t3.kind != TK_RBRACK && t3.kind != TK_MUL &&
                t3.kind != TK_ADD && t3.kind != TK_SUB && t3.kind != TK_QUO && t3.kind != TK_SHL &&
                t3.kind != TK_PERIOD && p->file != 0 && t3.kind == TK_IDENT) {
                /* the standard library's one generic type, atomic.Pointer[T any]:
                 * a single type parameter, constraint `any` */
                next(p);
                d->tparam = parse_name(p)->u.ident.name;
                parse_name(p);
                want(p, TK_RBRACK);
            } else if (t2.kind == TK_IDENT && t3.kind != TK_RBRACK && t3.kind != TK_MUL &&
                       t3.kind != TK_ADD && t3.kind != TK_SUB && t3.kind != TK_QUO &&
                       t3.kind != TK_SHL && t3.kind != TK_PERIOD) {
                error_at(p, p->tok.pos, "generic type is not supported by chanlab");
                while (p->tok.kind != TK_RBRACK && p->tok.kind != TK_EOF)
                    next(p);
                next(p);
            }
        }
        if (got(p, TK_ASSIGN))
            d->alias = true;
        d->type_expr = parse_type(p);
        return d;
    }
    d->kind = kw == TK_VAR ? DECL_VAR : DECL_CONST;
    VEC(const char *) names = {0};
    VEC(struct pos) poss = {0};
    do {
        VPUSH(poss, p->tok.pos);
        VPUSH(names, parse_name(p)->u.ident.name);
    } while (got(p, TK_COMMA));
    d->nnames = names.n;
    d->names = VDONE(p, names);
    d->name_pos = VDONE(p, poss);
    if (p->tok.kind != TK_ASSIGN && p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_RPAREN)
        d->type_expr = parse_type(p);
    if (got(p, TK_ASSIGN)) {
        d->values = parse_expr_list(p, &d->nvalues);
    } else if (kw == TK_CONST) {
        if (d->type_expr)
            error_at(p, d->pos, "missing init expr for const declaration");
        else if (prev_const) {
            d->type_expr = prev_const->type_expr;
            d->values = prev_const->values;
            d->nvalues = prev_const->nvalues;
        } else {
            error_at(p, d->pos, "missing init expr for const declaration");
        }
    } else if (!d->type_expr) {
        syntax_error(p, "expected type");
    }
    return d;
}

/* GenDecl -> keyword ( Spec | "(" { Spec ";" } ")" ) */
static void parse_decl_group(struct parser *p, enum tok kw, void *vecp)
{
    VEC(struct ast_decl *) *out = vecp;
    next(p);
    if (got(p, TK_LPAREN)) {
        int iota = 0;
        struct ast_decl *prev = NULL;
        while (p->tok.kind != TK_RPAREN && p->tok.kind != TK_EOF) {
            struct ast_decl *d = parse_spec(p, kw, iota++, prev);
            if (kw == TK_CONST)
                prev = d;
            VPUSH(*out, d);
            if (p->tok.kind != TK_RPAREN && !got(p, TK_SEMICOLON)) {
                char msg[64];
                snprintf(msg, sizeof msg, "after %s declaration",
                         kw == TK_VAR     ? "var"
                         : kw == TK_CONST ? "const"
                                          : "type");
                syntax_error(p, "expected semicolon, newline, or )");
                (void)msg;
                while (p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_RPAREN &&
                       p->tok.kind != TK_EOF)
                    next(p);
                got(p, TK_SEMICOLON);
            }
        }
        want(p, TK_RPAREN);
    } else {
        VPUSH(*out, parse_spec(p, kw, 0, NULL));
    }
}

/* FunctionDecl -> "func" [Receiver] FunctionName Signature [FunctionBody] */
static struct ast_func *parse_func_decl(struct parser *p)
{
    struct ast_func *f = arena_alloc(p->a, sizeof *f);
    f->pos = p->tok.pos;
    next(p);
    if (p->tok.kind == TK_LPAREN) {
        int n;
        struct ast_field *recv = parse_params(p, &n, "parameter list");
        if (n != 1) {
            error_at(p, f->pos,
                     n == 0 ? "method has no receiver" : "method has multiple receivers");
        }
        if (n >= 1)
            f->recv = recv;
    }
    if (p->tok.kind != TK_IDENT) {
        syntax_error(p, "expected name or (");
        f->name = "_";
        while (p->tok.kind != TK_LBRACE && p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_EOF)
            next(p);
    } else {
        f->name_pos = p->tok.pos;
        f->name = ident_text(p, &p->tok);
        next(p);
    }
    f->sig = parse_signature(p, f->pos);
    if (p->tok.kind == TK_LBRACE) {
        p->expr_lev = 0;
        f->body = parse_block(p);
        f->end = f->body->u.block.end;
    } else if (p->tok.kind == TK_SEMICOLON && p->tok.auto_semi) {
        /* `func f()` then `{` on the next line */
        struct lexer save = p->lx;
        struct token t2;
        lex_next(&save, &t2);
        if (t2.kind == TK_LBRACE) {
            error_at(p, t2.pos, "syntax error: unexpected semicolon or newline before {");
            next(p);
            f->body = parse_block(p);
            f->end = f->body->u.block.end;
        }
    }
    return f;
}

/* ImportDecl -> "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) */
static void parse_import_spec(struct parser *p, void *vecp)
{
    VEC(struct ast_decl *) *out = vecp;
    struct ast_decl *d = arena_alloc(p->a, sizeof *d);
    d->kind = DECL_IMPORT;
    d->pos = p->tok.pos;
    if (p->tok.kind == TK_IDENT || p->tok.kind == TK_PERIOD) {
        d->nnames = 1;
        d->names = arena_alloc(p->a, sizeof(char *));
        d->name_pos = arena_alloc(p->a, sizeof(struct pos));
        d->name_pos[0] = p->tok.pos;
        d->names[0] = p->tok.kind == TK_PERIOD ? "." : ident_text(p, &p->tok);
        next(p);
    }
    if (p->tok.kind != TK_STRING) {
        syntax_error(p, "missing import path; require quoted string");
        advance_stmt(p);
        return;
    }
    d->pos = d->nnames ? d->pos : p->tok.pos;
    size_t n;
    d->path = lex_string_value(p->a, p->tok.text, p->tok.len, &n);
    d->type_expr = ast_expr_new(p->a, EX_BASICLIT, p->tok.pos); /* path position */
    next(p);
    VPUSH(*out, d);
}

struct ast_file *parse_file(struct arena *arena, struct diags *diags, uint32_t file,
                            const char *name, const char *src, size_t len)
{
    struct parser p = {0};
    p.a = arena;
    p.d = diags;
    p.file = file;
    lex_init(&p.lx, src, len, file, diags);
    next(&p);

    struct ast_file *f = arena_alloc(arena, sizeof *f);
    f->name = name;
    f->src = src;
    f->len = len;
    {
        static const char tag[] = "//go:build go1.21";
        size_t tl = sizeof tag - 1;
        f->go121 = len >= tl && memcmp(src, tag, tl) == 0 &&
                   (len == tl || src[tl] == '\n' || src[tl] == '\r' || src[tl] == ' ');
    }

    if (p.tok.kind != TK_PACKAGE) {
        syntax_error(&p, "package statement must be first");
        f->pkg_name = "main";
        return f;
    }
    next(&p);
    f->pkg_name = parse_name(&p)->u.ident.name;
    if (p.tok.kind != TK_EOF && !got(&p, TK_SEMICOLON))
        syntax_error(&p, "after package clause");

    VEC(struct ast_decl *) decls = {0};
    while (p.tok.kind == TK_IMPORT) {
        next(&p);
        if (got(&p, TK_LPAREN)) {
            while (p.tok.kind != TK_RPAREN && p.tok.kind != TK_EOF) {
                struct pos before = p.tok.pos;
                parse_import_spec(&p, &decls);
                if (p.tok.kind != TK_RPAREN && !got(&p, TK_SEMICOLON)) {
                    syntax_error(&p, "expected semicolon, newline, or )");
                    advance_stmt(&p);
                }
                /* advance_stmt stops at a stray `}`: step over it, so a
                 * broken import list always makes progress */
                if (p.tok.pos.line == before.line && p.tok.pos.col == before.col &&
                    p.tok.kind != TK_EOF)
                    next(&p);
            }
            want(&p, TK_RPAREN);
        } else {
            parse_import_spec(&p, &decls);
        }
        if (p.tok.kind != TK_EOF && !got(&p, TK_SEMICOLON))
            syntax_error(&p, "after top level declaration");
    }
    while (p.tok.kind != TK_EOF) {
        switch (p.tok.kind) {
        case TK_CONST:
        case TK_VAR:
        case TK_TYPE: parse_decl_group(&p, p.tok.kind, &decls); break;
        case TK_FUNC: {
            struct ast_decl *d = arena_alloc(arena, sizeof *d);
            d->kind = DECL_FUNC;
            d->pos = p.tok.pos;
            d->func = parse_func_decl(&p);
            VPUSH(decls, d);
            break;
        }
        case TK_SEMICOLON: next(&p); continue;
        case TK_IMPORT:
            syntax_error(&p, "imports must appear before other declarations");
            next(&p);
            continue;
        default:
            syntax_error(&p, "non-declaration statement outside function body");
            while (p.tok.kind != TK_EOF && p.tok.kind != TK_FUNC && p.tok.kind != TK_VAR &&
                   p.tok.kind != TK_CONST && p.tok.kind != TK_TYPE)
                next(&p);
            continue;
        }
        if (p.tok.kind != TK_EOF && !got(&p, TK_SEMICOLON)) {
            syntax_error(&p, "after top level declaration");
            while (p.tok.kind != TK_EOF && p.tok.kind != TK_FUNC && p.tok.kind != TK_VAR &&
                   p.tok.kind != TK_CONST && p.tok.kind != TK_TYPE)
                next(&p);
        }
    }
    f->ndecls = decls.n;
    f->decls = VDONE(&p, decls);
    return f;
}
