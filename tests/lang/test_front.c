/* test_front.c: the front end's API: highlighting tokens, positions and
 * messages, deep nesting, and what the checked tree resolves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"
#include "lang.h"

static struct lang_program *load(const char *src)
{
    return lang_load_source("t.go", src, strlen(src), NULL);
}

/* first_message returns "L:C: message" of diagnostic i in a static buffer. */
static const char *diag_text(struct lang_program *p, size_t i)
{
    static char buf[1024];
    const struct lang_diag *d = lang_diag_peek(p, i);
    if (!d)
        return "(none)";
    snprintf(buf, sizeof buf, "%d:%d: %s", d->line, d->col, d->message);
    return buf;
}

struct spans {
    struct lang_token_span v[64];
    int n;
};

static void collect(void *ud, const struct lang_token_span *s)
{
    struct spans *sp = ud;
    if (sp->n < 64)
        sp->v[sp->n++] = *s;
}

static void test_tokenize_classes(void **state)
{
    (void)state;
    const char *src = "func f() { x := \"s\" + 'c' // hi\n go len(x) }";
    struct spans sp = {0};
    size_t n = lang_tokenize(src, strlen(src), collect, &sp);
    assert_int_equal(n, (size_t)sp.n);
    /* func f ( ) { x := "s" + 'c' // hi go len ( x ) } */
    assert_int_equal(sp.n, 17);
    assert_int_equal(sp.v[0].cls, LANG_TOK_KEYWORD);
    assert_int_equal(sp.v[0].start, 0);
    assert_int_equal(sp.v[0].end, 4);
    assert_int_equal(sp.v[1].cls, LANG_TOK_IDENT);
    assert_int_equal(sp.v[6].cls, LANG_TOK_OPERATOR); /* := */
    assert_int_equal(sp.v[7].cls, LANG_TOK_STRING);
    assert_int_equal(sp.v[9].cls, LANG_TOK_RUNE);
    assert_int_equal(sp.v[10].cls, LANG_TOK_COMMENT);
    assert_int_equal(sp.v[10].end - sp.v[10].start, 5);
    assert_int_equal(sp.v[11].cls, LANG_TOK_KEYWORD); /* go */
    assert_int_equal(sp.v[12].cls, LANG_TOK_BUILTIN); /* len */
}

static void test_tokenize_never_fails(void **state)
{
    (void)state;
    const char *src = "\"unterminated\n`raw\x01 @ 0x_ '' /* open";
    struct spans sp = {0};
    size_t n = lang_tokenize(src, strlen(src), collect, &sp);
    assert_true(n > 0);
    for (int i = 0; i < sp.n; i++) {
        assert_true(sp.v[i].start < sp.v[i].end);
        assert_true(sp.v[i].end <= strlen(src));
        if (i > 0)
            assert_true(sp.v[i].start >= sp.v[i - 1].end);
    }
}

static void test_deep_nesting_is_an_error(void **state)
{
    (void)state;
    size_t depth = 100000;
    const char *head = "package main\n\nfunc main() {\n\tx := ";
    size_t hl = strlen(head);
    char *src = malloc(hl + 2 * depth + 64);
    memcpy(src, head, hl);
    size_t o = hl;
    for (size_t i = 0; i < depth; i++)
        src[o++] = '(';
    src[o++] = '1';
    for (size_t i = 0; i < depth; i++)
        src[o++] = ')';
    memcpy(src + o, "\n\t_ = x\n}\n", 10);
    o += 10;
    struct lang_program *p = lang_load_source("deep.go", src, o, NULL);
    assert_int_equal(lang_error_count(p), 1);
    assert_string_equal(diag_text(p, 0),
                        "4:1006: nesting deeper than 1000 levels is not supported by chanlab");
    lang_program_free(p);
    free(src);
}

static void test_positions_count_bytes(void **state)
{
    (void)state;
    /* "é" is two bytes: Go counts columns in bytes */
    struct lang_program *p = load("package main\n\nfunc main() {\n\ts := \"é\"; x := 1\n}\n");
    assert_int_equal(lang_diag_count(p), 2);
    assert_string_equal(diag_text(p, 0), "4:2: declared and not used: s");
    assert_string_equal(diag_text(p, 1), "4:13: declared and not used: x");
    lang_program_free(p);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    struct lang_program *p = lang_load_file("/nonexistent/x.go", NULL);
    assert_int_equal(lang_error_count(p), 1);
    assert_false(lang_program_runnable(p));
    assert_null(lang_program_tree(p));
    assert_string_equal(lang_diag_peek(p, 0)->message,
                        "open /nonexistent/x.go: No such file or directory");
    lang_program_free(p);
}

/* find_func returns the function of the program whose qname is name. */
static struct ast_func *find_func(struct ast_program *t, const char *name)
{
    for (int i = 0; i < t->nfuncs; i++)
        if (t->funcs[i]->qname && strcmp(t->funcs[i]->qname, name) == 0)
            return t->funcs[i];
    return NULL;
}

static void test_tree_slots_and_captures(void **state)
{
    (void)state;
    struct lang_program *p = load("package main\n\n"
                                  "var g = 1\n\n"
                                  "func main() {\n"
                                  "\ta, b := 1, 2\n"
                                  "\tf := func() int { return a + g }\n"
                                  "\t_ = f() + b\n"
                                  "}\n");
    assert_true(lang_program_runnable(p));
    struct ast_program *t = lang_program_tree(p);
    assert_non_null(t);
    struct ast_func *m = find_func(t, "main.main");
    assert_non_null(m);
    assert_int_equal(m->nslots, 3); /* a, b, f */
    struct ast_func *lit = find_func(t, "main.main.func1");
    assert_non_null(lit);
    assert_int_equal(lit->ncaptures, 1);
    assert_string_equal(lit->captures[0].var->name, "a");
    assert_false(lit->captures[0].from_upval);
    assert_int_equal(lit->captures[0].index, 0);
    assert_true(lit->captures[0].var->captured);
    /* b is not captured: it stays in its slot */
    struct ast_stmt *def = m->body->u.block.stmts[0];
    assert_int_equal(def->kind, ST_ASSIGN);
    assert_false(def->u.assign.vars[1]->captured);
    assert_int_equal(t->nglobals >= 1, 1);
    lang_program_free(p);
}

static void test_tree_loopvar_semantics(void **state)
{
    (void)state;
    const char *src = "package main\n\nfunc main() {\n"
                      "\tfor i := 0; i < 3; i++ {\n\t\tgo func() { _ = i }()\n\t}\n}\n";
    for (int v = 0; v < 2; v++) {
        struct lang_options opt = {.lang = v ? "go1.21" : NULL};
        struct lang_program *p = lang_load_source("t.go", src, strlen(src), &opt);
        struct ast_program *t = lang_program_tree(p);
        assert_non_null(t);
        struct ast_func *m = find_func(t, "main.main");
        struct ast_stmt *loop = m->body->u.block.stmts[0];
        assert_int_equal(loop->kind, ST_FOR);
        assert_int_equal(loop->u.fors.per_iteration, v == 0);
        assert_int_equal(loop->u.fors.nloopvars, 1);
        assert_true(loop->u.fors.loopvars[0]->captured);
        lang_program_free(p);
    }
}

static void test_tree_implicit_conversions(void **state)
{
    (void)state;
    struct lang_program *p =
        load("package main\n\nfunc f(x any) {}\n\n"
             "func main() {\n\tvar e error\n\tf(3)\n\tf(e)\n\t_ = e == nil\n}\n");
    struct ast_program *t = lang_program_tree(p);
    assert_non_null(t);
    struct ast_func *m = find_func(t, "main.main");
    struct ast_expr *call = m->body->u.block.stmts[1]->u.expr;
    assert_int_equal(call->u.call.kind, CALL_FUNC);
    struct ast_expr *arg = call->u.call.args[0];
    assert_int_equal(arg->kind, EX_CONVERT);
    assert_true(arg->u.convert.implicit);
    assert_int_equal(arg->u.convert.x->type->kind, T_INT); /* 3 defaulted to int */
    assert_non_null(arg->u.convert.x->cv);
    lang_program_free(p);
}

/* A constant conversion to a defined string type keeps a valid folded
 * value, also under an implicit conversion to an interface
 * (docs/lang-interp-needs.md, item 2). */
static void test_tree_constant_conversion(void **state)
{
    (void)state;
    struct lang_program *p = load("package main\n\ntype P string\n\n"
                                  "func main() {\n\tvar e interface{} = P(\"p\")\n\t_ = e\n}\n");
    struct ast_program *t = lang_program_tree(p);
    assert_non_null(t);
    struct ast_func *m = find_func(t, "main.main");
    struct ast_stmt *def = m->body->u.block.stmts[0];
    assert_int_equal(def->kind, ST_VAR);
    struct ast_expr *v = def->u.var.values[0];
    assert_int_equal(v->kind, EX_CONVERT);
    assert_true(v->u.convert.implicit);
    assert_null(v->cv); /* an interface value is not a constant */
    struct ast_expr *conv = v->u.convert.x;
    assert_int_equal(conv->kind, EX_CONVERT);
    assert_false(conv->u.convert.implicit);
    assert_string_equal(conv->type->u.named.name, "P");
    assert_non_null(conv->cv);
    assert_int_equal(conv->cv->kind, CONST_STRING);
    assert_int_equal(conv->cv->slen, 1);
    assert_memory_equal(conv->cv->s, "p", 1);
    assert_int_equal(conv->u.convert.x->kind, EX_BASICLIT);
    assert_int_equal(conv->u.convert.x->cv->kind, CONST_STRING);
    lang_program_free(p);
}

/* Locals whose address is taken are flagged (docs/lang-interp-needs.md,
 * item 1): &x, and a pointer method on x itself; not a plain read. */
static void test_tree_address_taken(void **state)
{
    (void)state;
    struct lang_program *p = load("package main\n\ntype counter struct{ n int }\n\n"
                                  "func (c *counter) inc() { c.n++ }\n\n"
                                  "func main() {\n"
                                  "\tx, y := 1, 2\n"
                                  "\tp := &x\n"
                                  "\tvar c counter\n"
                                  "\tc.inc()\n"
                                  "\tvar d counter\n"
                                  "\tf := d.inc\n"
                                  "\t_, _, _ = p, y, f\n"
                                  "}\n");
    struct ast_program *t = lang_program_tree(p);
    assert_non_null(t);
    struct ast_func *m = find_func(t, "main.main");
    struct ast_stmt **ss = m->body->u.block.stmts;
    assert_true(ss[0]->u.assign.vars[0]->address_taken);  /* x */
    assert_false(ss[0]->u.assign.vars[1]->address_taken); /* y */
    assert_false(ss[1]->u.assign.vars[0]->address_taken); /* p */
    assert_true(ss[2]->u.var.vars[0]->address_taken);     /* c */
    assert_true(ss[4]->u.var.vars[0]->address_taken);     /* d */
    lang_program_free(p);
}

/* Natives have their frame laid out like other functions
 * (docs/lang-interp-needs.md, item 3), instances of atomic.Pointer too. */
static void test_tree_native_frames(void **state)
{
    (void)state;
    struct lang_program *p = load("package main\n\nimport \"sync/atomic\"\n\n"
                                  "func main() {\n\tvar n int32\n\tatomic.AddInt32(&n, 1)\n"
                                  "\tvar q atomic.Pointer[int]\n\tq.Store(nil)\n}\n");
    struct ast_program *t = lang_program_tree(p);
    assert_non_null(t);
    struct ast_func *add = find_func(t, "atomic.AddInt32");
    assert_non_null(add);
    assert_null(add->body);
    assert_int_equal(add->nparams, 2);
    assert_int_equal(add->nresults, 1);
    struct ast_func *store = find_func(t, "atomic.Pointer.Store");
    assert_non_null(store);
    assert_int_equal(store->nparams, 2); /* receiver, val */
    assert_int_equal(store->nresults, 0);
    assert_int_equal(store->params[1]->type->kind, T_POINTER);
    assert_int_equal(store->params[1]->type->u.array.elem->kind, T_INT);
    lang_program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenize_classes),
        cmocka_unit_test(test_tokenize_never_fails),
        cmocka_unit_test(test_deep_nesting_is_an_error),
        cmocka_unit_test(test_positions_count_bytes),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_tree_slots_and_captures),
        cmocka_unit_test(test_tree_loopvar_semantics),
        cmocka_unit_test(test_tree_implicit_conversions),
        cmocka_unit_test(test_tree_constant_conversion),
        cmocka_unit_test(test_tree_address_taken),
        cmocka_unit_test(test_tree_native_frames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
