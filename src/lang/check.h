/* check.h: the type checker's shared internals (in-layer header of the
 * check*.c, scope.c and const.c files; not for the interpreter).
 *
 * The checker walks each package's declarations, resolves every name through
 * a chain of scopes (universe, package, file, function, blocks), computes the
 * type of every expression, folds constants, allocates frame slots, records
 * captures, and reports errors in the Go compiler's words. */
#ifndef CHANLAB_LANG_CHECK_H
#define CHANLAB_LANG_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "diag.h"
#include "types.h"

/* ---- scopes and objects ---------------------------------------------------- */

enum obj_kind { OBJ_VAR, OBJ_CONST, OBJ_TYPE, OBJ_FUNC, OBJ_BUILTIN, OBJ_PKG, OBJ_NIL };

struct dep;
struct generic;
struct tdecl;

struct object {
    enum obj_kind kind;
    const char *name;
    struct pos pos;
    struct type *type;         /* VAR, CONST, TYPE, FUNC */
    struct ast_var *var;       /* VAR */
    struct const_val *cv;      /* CONST */
    struct ast_func *func;     /* FUNC */
    enum builtin_id builtin;   /* BUILTIN */
    struct ast_package *pkg;   /* PKG: the imported package; else the owner */
    struct ast_decl *decl;     /* package-level: the declaration, for lazy checking */
    int decl_index;            /* package-level: index of the name in decl */
    int state;                 /* package-level: 0 new, 1 checking, 2 done */
    bool used;                 /* PKG: the import was used */
    bool is_iota;              /* the predeclared iota */
    unsigned mark;             /* traversal mark (initialisation order) */
    struct dep *deps;          /* package-level: objects its initialiser or body uses */
    struct object *next;       /* next in the scope's bucket */
    struct object *order_next; /* package objects in declaration order */
    struct generic *generic;   /* TYPE: a generic library type (check_generic.c); its
                                  type is a placeholder, only instances are types */
};

struct dep {
    struct object *o;
    struct dep *next;
};

enum scope_kind { SCOPE_UNIVERSE, SCOPE_PACKAGE, SCOPE_FILE, SCOPE_FUNC, SCOPE_BLOCK };

struct scope {
    enum scope_kind kind;
    struct scope *parent;
    struct object **buckets; /* arena */
    int nbuckets;
    int count;
    struct object *first, *last; /* declaration order */
};

struct scope *scope_new(struct arena *a, enum scope_kind kind, struct scope *parent, int nbuckets);
/* scope_insert adds obj; returns the existing object of that name in this
 * scope (and does not insert) if there is one. */
struct object *scope_insert(struct scope *s, struct object *obj);
struct object *scope_find_local(const struct scope *s, const char *name);
/* scope_lookup searches s and its parents; *where gets the scope found in. */
struct object *scope_lookup(struct scope *s, const char *name, struct scope **where);
/* scope_universe builds the universe: predeclared types, constants,
 * builtins and nil. */
struct scope *scope_universe(struct arena *a, struct types *ts);

/* ---- constants --------------------------------------------------------------- */

struct const_val *const_new_int(struct arena *a, const_int v);
struct const_val *const_new_float(struct arena *a, double v);
struct const_val *const_new_bool(struct arena *a, bool v);
struct const_val *const_new_string(struct arena *a, const char *s, size_t n);

/* const_from_literal parses a literal token's text; *kind gets its untyped
 * kind. Returns NULL (after no error: the lexer reported) if malformed. */
struct const_val *const_from_literal(struct arena *a, int tok, const char *text, size_t len,
                                     enum type_kind *kind, bool *overflow);

/* Arithmetic on constants of the same kind. Returns NULL on division by
 * zero (*err set to "division by zero") or overflow of the 128-bit range
 * (*err "constant overflow"). integer selects integer division. */
struct const_val *const_binary(struct arena *a, enum ast_op op, const struct const_val *x,
                               const struct const_val *y, bool integer, const char **err);
struct const_val *const_unary(struct arena *a, enum ast_op op, const struct const_val *x,
                              const struct type *t, const char **err);
struct const_val *const_shift(struct arena *a, enum ast_op op, const struct const_val *x,
                              unsigned long long s, const char **err);
bool const_compare(enum ast_op op, const struct const_val *x, const struct const_val *y);

/* const_convert converts x to basic type t (typed or untyped). Returns NULL
 * when the value is not representable: *truncated is set for a float
 * with a fraction converted to an integer type, else it overflows. */
struct const_val *const_convert(struct arena *a, const struct const_val *x, const struct type *t,
                                bool *truncated);

/* const_string writes the value as Go prints it in messages. */
char *const_string(const struct const_val *x, char *buf, size_t size);

/* const_int_value: the value as an int64 if it is an integer that fits. */
bool const_int_value(const struct const_val *x, long long *out);

/* ---- the checker ---------------------------------------------------------------- */

/* What an expression is, beyond its type (Go's operand modes). Stored in
 * ast_expr.mode. */
enum mode {
    M_INVALID,
    M_NOVALUE,  /* call of a function without results */
    M_VALUE,    /* a computed value */
    M_VAR,      /* an addressable variable */
    M_MAPINDEX, /* m[k]: assignable, not addressable; comma-ok capable */
    M_COMMAOK,  /* x.(T), <-ch: comma-ok capable value */
    M_CONST,    /* constant: expr->cv */
    M_TYPE,     /* a type */
    M_BUILTIN,  /* a builtin function name */
    M_PKG,      /* an imported package name */
    M_NIL,      /* the predeclared nil */
};

struct label {
    const char *name;
    struct pos pos;
    struct ast_stmt *stmt; /* the labeled statement's inner statement */
    bool used;
    struct label *next;
};

/* Per function being checked (declarations and literals). */
struct fctx {
    struct ast_func *func;
    struct fctx *outer;       /* enclosing function (literals) */
    struct ast_capture *caps; /* malloc'd while checking */
    int ncaps, capcaps;
    struct label *labels;
    struct object *dep_obj; /* init-order dependencies go here */
    int target_floor;       /* break/continue targets below this are outside */
};

/* A statement that break/continue may target, innermost last. */
struct target {
    struct ast_stmt *stmt;
    const char *label; /* label of the statement, or NULL */
    bool loop;         /* for/range: continue allowed */
};

/* How the loader gives the checker an imported package. */
typedef struct ast_package *(*check_import_fn)(void *ud, const char *path, struct pos pos);

struct checker {
    struct arena *a;
    struct diags *d;
    struct types *ts;
    struct scope *universe;
    struct ast_program *prog;
    struct ast_package *pkg; /* package being checked */
    struct scope *scope;     /* innermost scope */
    struct fctx *fn;         /* function being checked, NULL at package level */
    struct object *dep_obj;  /* package-level object whose init deps are collected */
    bool go121;
    int iota; /* value of iota, or -1 outside a const declaration */
    struct target targets[256];
    int ntargets;
    const char *pending_label; /* label for the next loop/switch/select */
    check_import_fn import;
    void *import_ud;
    /* program-wide lists being built (malloc'd, moved to the arena at the end) */
    struct ast_var **globals;
    int nglobals, capglobals;
    struct ast_func **funcs;
    int nfuncs, capfuncs;
    struct ast_init *inits;
    int ninits, capinits;
    struct ast_func **init_funcs;
    int ninit_funcs, capinit_funcs;
    int cappkgs;
    const struct ast_expr *ctx_fun; /* call whose arguments are being assigned */
    bool quiet_undefined;           /* a rejected dot import: names may come from it */
    int funclit_counter;
    int depth;                /* recursion guard */
    struct generic *generics; /* generic library types declared so far */
    bool instantiating;       /* checking the X of X[T]: a generic type may appear */
    struct tdecl *tdecls;     /* by type id: declared named types (check_cycle.c) */
    size_t ntdecls;
};

/* check_package type-checks pkg (its file is parsed) and, recursively
 * through c->import, the packages it imports. */
void check_package(struct checker *c, struct ast_package *pkg);
/* check_finish moves the program-wide lists into prog and frees scratch. */
void check_finish(struct checker *c);

/* In check_expr.c */
enum mode check_expr(struct checker *c, struct ast_expr *e, struct type *hint);
enum mode check_expr_or_type(struct checker *c, struct ast_expr *e, struct type *hint);
/* check_value checks e as a single value (not a type, not no-value, not a
 * tuple); reports and returns M_INVALID otherwise. */
enum mode check_value(struct checker *c, struct ast_expr *e, struct type *hint);
/* check_as_value validates an expression already checked with mode m as a
 * single value, without checking it again. */
enum mode check_as_value(struct checker *c, struct ast_expr *e, enum mode m);
struct type *check_type_expr(struct checker *c, struct ast_expr *e);
/* check_assign_to converts *ep (already checked) to type t for an
 * assignment-like context ("assignment", "return statement"...; NULL means
 * "argument to F" for the call c->ctx_fun), reporting Go's error; wraps
 * implicit conversions. */
bool check_assign_to(struct checker *c, struct ast_expr **ep, struct type *t, const char *context);
/* check_default gives an untyped expression its default type. */
void check_default(struct checker *c, struct ast_expr *e);
void check_use(struct checker *c, struct ast_expr *e); /* mark variables read */
struct ast_expr *check_wrap_convert(struct checker *c, struct ast_expr *x, struct type *t,
                                    bool implicit);
/* check_pos_string writes "file:line:col" of pos in the current package. */
char *check_pos_string(struct checker *c, struct pos pos, char *buf, size_t size);
/* check_redeclared reports obj as a redeclaration of old. */
void check_redeclared(struct checker *c, const struct object *obj, const struct object *old);
char *check_expr_string(const struct ast_expr *e, char *buf, size_t size);
char *check_operand_string(struct checker *c, const struct ast_expr *e, char *buf, size_t size);
char *check_type_string(struct checker *c, const struct type *t, char *buf, size_t size);
struct ast_var *check_new_local(struct checker *c, const char *name, struct pos pos,
                                struct type *t);
void check_declare(struct checker *c, struct object *obj);
struct object *check_new_object(struct checker *c, enum obj_kind kind, const char *name,
                                struct pos pos);
void check_func_body(struct checker *c, struct ast_func *f, struct fctx *outer);
struct type *check_signature(struct checker *c, struct ast_sig *sig, bool *variadic);
void check_resolve_object(struct checker *c, struct object *obj);
void check_const_spec(struct checker *c, struct ast_decl *d, struct object **objs);

/* check_add_func lists f among the program's functions (ast_program.funcs). */
void check_add_func(struct checker *c, struct ast_func *f);

/* In check_generic.c: atomic.Pointer[T], the one generic type. */
/* check_generic_declare marks the type object o (declared with a type
 * parameter) as generic. */
void check_generic_declare(struct checker *c, struct object *o);
/* check_generic_method records f, whose receiver type expression (without
 * the `*`) is recv, as a method of a generic type; returns false when recv
 * does not name a generic type (f is an ordinary method). */
bool check_generic_method(struct checker *c, struct ast_func *f, struct ast_expr *recv, bool ptr);
/* check_generic_of: the generic whose placeholder type is t, or NULL. */
struct generic *check_generic_of(struct checker *c, const struct type *t);
/* check_generic_instance returns the instance of g for type argument arg,
 * making it (type, underlying, methods) the first time. */
struct type *check_generic_instance(struct checker *c, struct generic *g, struct type *arg);
/* check_generic_bare reports a use of generic type object o, named by e,
 * without type arguments (outside X[...]); returns whether it did. */
bool check_generic_bare(struct checker *c, struct ast_expr *e, struct object *o);

/* In check_cycle.c: invalid recursive types. */
/* check_cycle_record notes that named type `named` (called name, declared
 * at pos) was declared as rhs, its declaration's type expression, already
 * checked. */
void check_cycle_record(struct checker *c, struct type *named, struct ast_expr *rhs,
                        const char *name, struct pos pos);
/* check_cycle_validate reports every cycle of value containment reachable
 * from named (once each, in Go's words) and gives its types an invalid
 * underlying type. */
void check_cycle_validate(struct checker *c, struct type *named);
void check_cycle_free(struct checker *c);

/* In check_stmt.c */
void check_block_stmts(struct checker *c, struct ast_stmt **stmts, int n);
void check_stmt(struct checker *c, struct ast_stmt *s);
bool check_terminates(const struct ast_stmt *s, const char *label);
void check_open_scope(struct checker *c, enum scope_kind kind);
void check_close_scope(struct checker *c);

/* set records an expression's mode and type (and the flags they imply) and
 * returns the mode; fail marks it invalid. Shared by check_expr.c and
 * check_call.c. */
static inline enum mode set(struct ast_expr *e, enum mode m, struct type *t)
{
    e->mode = (uint8_t)m;
    e->type = t;
    e->is_type = m == M_TYPE;
    e->addressable = m == M_VAR;
    return m;
}

/* check_broken_type: t is a named type (or a pointer to one) whose
 * declaration was rejected (an invalid recursive type), so its uses are
 * quiet, as in Go. */
static inline bool check_broken_type(const struct type *t)
{
    if (t->kind == T_POINTER)
        t = t->u.array.elem;
    return t->kind == T_NAMED && t->underlying->kind == T_INVALID;
}

/* check_address_taken notes that the address of x is taken, when x names a
 * local variable (ast_var.address_taken). */
static inline void check_address_taken(struct ast_expr *x)
{
    x = ast_unparen(x);
    if (x->kind == EX_IDENT &&
        (x->u.ident.ref.kind == REF_LOCAL || x->u.ident.ref.kind == REF_UPVAL) &&
        x->u.ident.ref.var && !x->u.ident.ref.var->global)
        x->u.ident.ref.var->address_taken = true;
}

static inline enum mode fail(struct checker *c, struct ast_expr *e)
{
    return set(e, M_INVALID, types_basic(c->ts, T_INVALID));
}

#endif
