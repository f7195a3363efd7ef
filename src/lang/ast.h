/* ast.h: the syntax tree of a Go program, as the parser builds it and the
 * checker completes it. In-layer header of src/lang (not for other layers).
 *
 * Two phases, one tree. The parser fills the syntactic fields (kinds,
 * children, names, positions). The checker then fills the fields marked
 * [checked]: the type of every expression, folded constants, what every
 * identifier refers to, frame slots, captures, resolved selectors and calls,
 * break/continue targets, and explicit nodes for implicit conversions. After
 * a check without errors the interpreter runs the tree and never looks a
 * name up by string; docs/lang-tree.md is the contract in prose.
 *
 * Memory. Every node, list and string lives in one arena owned by the
 * lang_program; nothing in the tree is freed on its own.
 *
 * Lists are (pointer, count) pairs allocated in the arena.
 */
#ifndef CHANLAB_LANG_AST_H
#define CHANLAB_LANG_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

/* ---- arena -------------------------------------------------------------- */

/* A bump allocator; memory is zeroed; aborts when out of memory. */
struct arena;
struct arena *arena_new(void);
void arena_free(struct arena *a); /* NULL is fine */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void *arena_dup(struct arena *a, const void *p, size_t size);
size_t arena_used(const struct arena *a); /* bytes handed out, for the benchmark */

/* ---- positions ---------------------------------------------------------- */

/* A source position: file index into lang_program's file table (0 is the
 * user's file; embedded standard library files follow), 1-based line, and
 * 1-based column counted in bytes, as Go counts them. line 0 means none. */
struct pos {
    uint32_t file;
    uint32_t line;
    uint32_t col;
};

/* ---- constants ---------------------------------------------------------- */

/* A folded constant. Integers are exact in 128 bits (Go's untyped constants
 * are exact; programs that need more than 127 bits get an overflow error).
 * The value is already converted to the expression's final type: an int8
 * constant fits int8, a float32 constant is rounded to float32. */
__extension__ typedef __int128 const_int;

enum const_kind { CONST_BOOL, CONST_INT, CONST_FLOAT, CONST_STRING };

struct const_val {
    enum const_kind kind;
    bool b;
    const_int i;   /* CONST_INT (also runes) */
    double f;      /* CONST_FLOAT */
    const char *s; /* CONST_STRING: bytes, not NUL-safe: use slen */
    size_t slen;
};

/* ---- references: what an identifier denotes ----------------------------- */

enum ref_kind {
    REF_NONE,    /* unresolved (error) or blank `_` */
    REF_LOCAL,   /* a local variable or parameter: slot in the current frame.
                    If var->captured, the slot holds a cell; go through it. */
    REF_UPVAL,   /* a variable of an enclosing function: index in the current
                    closure's capture list (always a cell) */
    REF_GLOBAL,  /* package-level variable (any package): index in globals */
    REF_FUNC,    /* package-level function: func points to its declaration */
    REF_BUILTIN, /* builtin function: builtin says which */
    REF_TYPE,    /* a type name (in conversions, composite literals) */
    REF_CONST,   /* a constant (incl. iota, true, false): see expr->cv */
    REF_NIL,     /* the predeclared nil */
    REF_PACKAGE, /* an imported package name, only as the left of a selector */
};

enum builtin_id {
    BI_NONE,
    BI_APPEND,
    BI_CAP,
    BI_CLEAR,
    BI_CLOSE,
    BI_COPY,
    BI_DELETE,
    BI_LEN,
    BI_MAKE,
    BI_MAX,
    BI_MIN,
    BI_NEW,
    BI_PANIC,
    BI_PRINT,
    BI_PRINTLN,
    BI_RECOVER,
};

struct ast_var;
struct ast_func;
struct ast_stmt;
struct ast_expr;

struct ast_ref {
    enum ref_kind kind;
    int index;             /* slot (LOCAL), capture index (UPVAL), global index (GLOBAL) */
    struct ast_var *var;   /* LOCAL, UPVAL, GLOBAL: the variable */
    struct ast_func *func; /* FUNC */
    enum builtin_id builtin;
    struct ast_package *pkg; /* PACKAGE */
};

/* A variable: local, parameter, result, or package-level. */
struct ast_var {
    const char *name;
    struct pos pos;
    struct type *type;      /* [checked] */
    bool global;            /* package-level: index is a global index */
    int index;              /* [checked] frame slot, or global index */
    bool captured;          /* [checked] some closure captures it: it lives in a heap
                               cell, and its slot holds the cell */
    bool address_taken;     /* [checked] a local whose address is taken: `&x`, or a
                               pointer method called or taken as a value on x itself
                               (x.M(), x.M); a pointer to it must stay valid after
                               its frame is gone, so it needs a heap cell unless it
                               is a struct or array (whose box is its address) */
    bool used;              /* [checked] read somewhere (for `declared and not used`) */
    bool loopvar;           /* declared by a for clause or range */
    struct ast_func *owner; /* function whose frame holds it (NULL for globals) */
};

/* ---- expressions -------------------------------------------------------- */

enum expr_kind {
    EX_BAD,
    EX_IDENT,      /* name; ref [checked] */
    EX_BASICLIT,   /* int, float, rune, string literal: cv [checked] */
    EX_COMPOSITE,  /* T{...}: type_expr (may be NULL when elided), elts */
    EX_FUNCLIT,    /* func(...) {...}: func */
    EX_PAREN,      /* (x): x. Kept for positions and `(*T)` */
    EX_SELECTOR,   /* x.name: x, name; sel [checked] */
    EX_INDEX,      /* x[index] (array, slice, string, map, pointer to array) */
    EX_SLICE,      /* x[lo:hi:max], each may be NULL */
    EX_TYPEASSERT, /* x.(T); type_expr NULL for x.(type) in a type switch */
    EX_CALL,       /* fun(args...); call [checked] */
    EX_STAR,       /* *x: dereference, or pointer type */
    EX_UNARY,      /* op x: + - ! ^ & <- */
    EX_BINARY,     /* x op y */
    EX_KEYVALUE,   /* key: value, inside a composite literal */
    EX_ELLIPSIS,   /* ...T, only as the last parameter type */
    /* type expressions */
    EX_ARRAYTYPE, /* [len]elem, [...]elem (len is EX_ELLIPSIS), []elem (len NULL) */
    EX_STRUCTTYPE,
    EX_FUNCTYPE,
    EX_INTERFACETYPE,
    EX_MAPTYPE,
    EX_CHANTYPE,
    /* inserted by the checker */
    EX_CONVERT, /* x converted to expr->type: explicit T(x) calls become this,
                   and implicit conversions are wrapped in it (implicit set) */
};

/* Operators, in one list shared with the lexer's tokens (tokens.def). */
enum ast_op {
    OP_NONE,
    OP_ADD,     /* + */
    OP_SUB,     /* - */
    OP_MUL,     /* * */
    OP_QUO,     /* / */
    OP_REM,     /* % */
    OP_AND,     /* & */
    OP_OR,      /* | */
    OP_XOR,     /* ^ */
    OP_SHL,     /* << */
    OP_SHR,     /* >> */
    OP_AND_NOT, /* &^ */
    OP_LAND,    /* && */
    OP_LOR,     /* || */
    OP_EQL,     /* == */
    OP_NEQ,     /* != */
    OP_LSS,     /* < */
    OP_LEQ,     /* <= */
    OP_GTR,     /* > */
    OP_GEQ,     /* >= */
    OP_NOT,     /* ! (unary) */
    OP_ARROW,   /* <- (unary receive) */
    OP_ADDR,    /* & (unary address-of) */
    OP_NEG,     /* - (unary) */
    OP_POS,     /* + (unary) */
    OP_BITNOT,  /* ^ (unary) */
};

/* How a call is made. [checked] */
enum call_kind {
    CALL_NONE,
    CALL_FUNC,    /* static call of a package-level function: call.func */
    CALL_METHOD,  /* static call of a concrete method: receiver is fun's x after
                     fun->sel.path; call.func is the method */
    CALL_IFACE,   /* dynamic call through an interface: method index in the
                     interface's sorted method list is fun->sel.method_index */
    CALL_VALUE,   /* call of a func value (variable, closure, method value) */
    CALL_BUILTIN, /* call.builtin */
};

/* How a selector x.name resolved. [checked] */
enum selx_kind {
    SELX_NONE,
    SELX_FIELD,       /* field; path walks embedded fields then the field */
    SELX_METHOD,      /* concrete method (called, or as a method value) */
    SELX_IFACE,       /* interface method (called, or as a method value) */
    SELX_PKG,         /* pkg.Member: ref says what the member is */
    SELX_METHOD_EXPR, /* T.m or (*T).m: a function taking the receiver first */
};

struct ast_expr {
    enum expr_kind kind;
    struct pos pos;       /* position of the first token, as Go reports it */
    struct type *type;    /* [checked] final type; T_TUPLE for multi-value calls */
    struct const_val *cv; /* [checked] folded value when constant, else NULL */
    bool addressable;     /* [checked] */
    bool is_type;         /* [checked] the expression denotes a type (type is it) */
    uint8_t mode;         /* checker-private (enum mode of check.h) */
    union {
        struct {
            const char *name;
            struct ast_ref ref; /* [checked] */
        } ident;
        struct {
            int tok;          /* token kind of the literal (tokens.def) */
            const char *text; /* source text */
            size_t len;
        } lit;
        struct {
            struct ast_expr *type_expr; /* NULL inside an outer literal */
            struct ast_expr **elts;
            int nelts;
            int64_t *indices;  /* [checked] arrays/slices: element index of each elt;
                                  structs: field index of each elt */
            int64_t length;    /* [checked] arrays/slices: len of the result */
            struct pos rbrace; /* closing brace */
        } composite;
        struct ast_func *func; /* EX_FUNCLIT */
        struct {
            struct ast_expr *x;
            const char *name;
            struct pos name_pos;
            enum selx_kind kind;    /* [checked] */
            struct type_step *path; /* [checked] FIELD/METHOD/IFACE: embedded path */
            int npath;
            struct type_method *method; /* [checked] METHOD/IFACE/METHOD_EXPR */
            int method_index;           /* [checked] IFACE: index in the interface's methods */
            bool recv_addr;             /* [checked] METHOD: pass &final (pointer receiver) */
            bool recv_deref;            /* [checked] METHOD: pass *final (value receiver) */
            struct ast_ref ref;         /* [checked] PKG: the member */
        } sel;
        struct {
            struct ast_expr *x, *index;
            struct pos lbrack;
            bool map_comma_ok; /* [checked] v, ok := m[k] */
        } index;
        struct {
            struct ast_expr *x, *lo, *hi, *max;
        } slice;
        struct {
            struct ast_expr *x, *type_expr;
            bool comma_ok; /* [checked] v, ok := x.(T) */
        } assert;
        struct {
            struct ast_expr *fun;
            struct ast_expr **args;
            int nargs;
            bool has_dots;           /* f(xs...) */
            struct pos rparen;       /* closing parenthesis */
            enum call_kind kind;     /* [checked] */
            struct ast_func *func;   /* [checked] CALL_FUNC, CALL_METHOD */
            enum builtin_id builtin; /* [checked] CALL_BUILTIN */
            int variadic_from;       /* [checked] args from this index are packed into a
                                        new slice of the last parameter's type; -1 when
                                        nothing is packed (not variadic, or has_dots) */
            bool tuple_arg;          /* [checked] f(g()) with g multi-valued: the one
                                        arg's results spread over the parameters */
        } call;
        struct {
            enum ast_op op;
            struct ast_expr *x;
            bool comma_ok; /* [checked] v, ok := <-ch */
        } unary;           /* also EX_STAR (op OP_NONE) and EX_PAREN (x) */
        struct {
            enum ast_op op;
            struct ast_expr *x, *y;
        } binary;
        struct {
            struct ast_expr *key, *value;
        } kv;
        struct {
            struct ast_expr *len; /* NULL for slices */
            struct ast_expr *elem;
        } arraytype;
        struct {
            struct ast_expr *key, *value;
        } maptype;
        struct {
            enum chan_dir dir;
            struct ast_expr *elem;
        } chantype;
        struct {
            struct ast_field *fields;
            int nfields;
        } structtype; /* also interface methods/embeds (EX_INTERFACETYPE) */
        struct ast_sig *functype;
        struct {
            struct ast_expr *elem;
        } ellipsis;
        struct {
            struct ast_expr *x; /* the operand, already checked */
            bool implicit;      /* inserted by the checker (assignment, call, return...) */
        } convert;
    } u;
};

/* A field of a struct type, a parameter group, or an interface element:
 * `a, b int`, an embedded `T`, or an interface method `M(int) error`. */
struct ast_field {
    const char **names; /* NULL for embedded fields / unnamed params */
    struct pos *name_pos;
    int nnames;
    struct ast_expr *type;
    struct pos pos;
};

/* A function signature as written. */
struct ast_sig {
    struct ast_field *params;
    int nparams;
    struct ast_field *results;
    int nresults;
    struct pos pos;
};

/* ---- functions ---------------------------------------------------------- */

/* Where a closure takes one captured variable from, when it is created in
 * its enclosing function. */
struct ast_capture {
    bool from_upval; /* false: enclosing frame slot `index` (which holds a cell);
                        true: enclosing closure's capture `index` */
    int index;
    struct ast_var *var; /* the variable captured */
};

/* A function declaration, method declaration, or function literal. */
struct ast_func {
    const char *name;    /* "main", "String", "func1"... for literals "" */
    struct pos name_pos; /* of the name (declarations) */
    const char *qname;   /* [checked] qualified: "main.f", "time.Duration.String",
                            "main.main.func1"; natives are bound by this */
    struct pos pos;      /* of `func` */
    struct ast_package *pkg;
    struct ast_field *recv; /* method receiver, else NULL */
    struct ast_sig *sig;
    struct ast_stmt *body;  /* NULL: a native, bound by qname (stdlib only) */
    struct type *type;      /* [checked] T_FUNC, without the receiver */
    struct type *recv_type; /* [checked] T or *T for methods */
    struct ast_func *outer; /* enclosing function of a literal */
    /* [checked] the frame */
    struct ast_var **params; /* receiver first (methods), then parameters, in
                                slot order 0..nparams-1 */
    int nparams;
    struct ast_var **results; /* result variables, named or not, slots after params */
    int nresults;
    bool named_results;
    int nslots;                   /* frame size: params + results + every local */
    struct ast_capture *captures; /* closures: what to capture at creation */
    int ncaptures;
    bool has_defer;   /* contains a defer statement */
    bool has_recover; /* calls recover() directly */
    struct pos end;   /* closing brace, for `missing return` */
    bool is_init;     /* func init() */
};

/* ---- statements --------------------------------------------------------- */

enum stmt_kind {
    ST_BAD,
    ST_EMPTY,
    ST_EXPR,   /* expression statement (a call or receive) */
    ST_SEND,   /* ch <- v */
    ST_INCDEC, /* x++ / x-- */
    ST_ASSIGN, /* lhs = rhs, lhs op= rhs, lhs := rhs */
    ST_VAR,    /* var a, b T = ... inside a function */
    ST_CONST,  /* const inside a function: nothing to run */
    ST_TYPE,   /* type inside a function: nothing to run */
    ST_GO,
    ST_DEFER,
    ST_RETURN,
    ST_BRANCH, /* break, continue, fallthrough */
    ST_BLOCK,
    ST_IF,
    ST_SWITCH,
    ST_TYPESWITCH,
    ST_SELECT,
    ST_FOR,
    ST_RANGE,
    ST_LABELED,
};

/* One `case`/`default` of a switch, type switch or select. */
struct ast_case {
    struct pos pos;
    struct ast_expr **exprs; /* NULL/0 for default; types in a type switch */
    int nexprs;
    struct ast_stmt *comm; /* select: ST_SEND, ST_EXPR (<-ch) or ST_ASSIGN; NULL = default */
    struct ast_stmt **body;
    int nbody;
    struct ast_var *tvar; /* [checked] type switch: this clause's `v` (NULL if none) */
    bool is_default;
};

struct ast_stmt {
    enum stmt_kind kind;
    struct pos pos;
    union {
        struct ast_expr *expr; /* ST_EXPR, ST_GO, ST_DEFER (a call) */
        struct {
            struct ast_expr *ch, *value;
        } send;
        struct {
            struct ast_expr *x;
            bool inc;
        } incdec;
        struct {
            struct ast_expr **lhs;
            int nlhs;
            struct ast_expr **rhs;
            int nrhs;
            enum ast_op op;        /* OP_NONE for = and :=, else the op of op= */
            bool define;           /* := */
            struct pos op_pos;     /* of = := op= */
            struct ast_var **vars; /* [checked] define: the variable each lhs declares,
                                      NULL where it assigns an existing one */
        } assign;
        struct {
            struct ast_var **vars;
            int nvars;
            struct ast_expr *type_expr;
            struct ast_expr **values; /* 0, nvars, or 1 multi-valued */
            int nvalues;
            struct ast_decl *decl; /* the spec as parsed (iota, alias, names) */
        } var;                     /* ST_VAR, ST_CONST, ST_TYPE */
        struct {
            struct ast_expr **results;
            int nresults; /* 0 with named results: return them as they are */
        } ret;
        struct {
            int tok;           /* TK_BREAK, TK_CONTINUE, TK_FALLTHROUGH */
            const char *label; /* NULL when none */
            struct pos label_pos;
            struct ast_stmt *target; /* [checked] the for/range/switch/select */
        } branch;
        struct {
            struct ast_stmt **stmts;
            int nstmts;
            struct pos end; /* closing brace */
            bool group;     /* a `var (...)` group: no scope of its own */
        } block;
        struct {
            struct ast_stmt *init;
            struct ast_expr *cond;
            struct ast_stmt *then; /* ST_BLOCK */
            struct ast_stmt *els;  /* NULL, ST_IF or ST_BLOCK */
        } ifs;
        struct {
            struct ast_stmt *init;
            struct ast_expr *tag; /* NULL: switch true */
            struct ast_case *cases;
            int ncases;
            /* type switch only: */
            const char *bind; /* `v` of `switch v := x.(type)` */
            struct pos bind_pos;
            struct ast_expr *x; /* the x of x.(type) */
            struct pos end;
        } sw; /* ST_SWITCH, ST_TYPESWITCH, ST_SELECT (cases) */
        struct {
            struct ast_stmt *init;
            struct ast_expr *cond;
            struct ast_stmt *post;
            struct ast_stmt *body;
            bool per_iteration;        /* [checked] go1.22 semantics: each iteration gets a
                                          fresh copy of the init's captured variables
                                          (copy made before post runs) */
            struct ast_var **loopvars; /* [checked] vars declared by init */
            int nloopvars;
        } fors;
        struct {
            struct ast_expr *key, *value; /* either may be NULL */
            bool define;
            struct ast_expr *x; /* the ranged value */
            struct ast_stmt *body;
            bool per_iteration;          /* [checked] define && go1.22: fresh key/value vars
                                            (fresh cells if captured) every iteration */
            struct ast_var *kvar, *vvar; /* [checked] define: the variables (NULL for _) */
            enum {
                RANGE_INT,
                RANGE_SLICE,
                RANGE_ARRAY,
                RANGE_PTR_ARRAY,
                RANGE_STRING,
                RANGE_MAP,
                RANGE_CHAN
            } what; /* [checked] */
        } range;
        struct {
            const char *label;
            struct ast_stmt *stmt;
        } labeled;
    } u;
};

/* ---- packages and the program ------------------------------------------- */

/* One initialisation step of package-level variables: vars[0..nvars) = values.
 * Either nvalues == nvars, or nvalues == 1 and it is multi-valued. */
struct ast_init {
    struct ast_var **vars; /* NULL entries for `_` */
    int nvars;
    struct ast_expr **values;
    int nvalues;
};

/* A top-level declaration as parsed. */
struct ast_decl {
    enum { DECL_FUNC, DECL_VAR, DECL_CONST, DECL_TYPE, DECL_IMPORT } kind;
    struct pos pos;
    struct ast_func *func; /* DECL_FUNC */
    /* VAR, CONST: one spec; TYPE: one type spec; IMPORT: one import */
    const char **names;
    struct pos *name_pos;
    int nnames;
    struct ast_expr *type_expr; /* VAR, CONST (optional), TYPE */
    struct ast_expr **values;   /* VAR, CONST */
    int nvalues;
    int iota;              /* CONST: index of the spec in its group */
    bool alias;            /* TYPE: `type A = B` */
    const char *tparam;    /* TYPE: the type parameter of a generic library type
                              (`type Pointer[T any]` in sync/atomic, the only one the
                              parser accepts, only outside the user's file); else NULL */
    const char *path;      /* IMPORT: "sync/atomic" */
    struct ast_var **vars; /* [checked] VAR: the globals */
};

struct ast_file {
    const char *name; /* file name as given ("x.go", "lib/fmt.go") */
    const char *src;
    size_t len;
    const char *pkg_name;
    struct ast_decl **decls;
    int ndecls;
    bool go121; /* first line `//go:build go1.21` */
};

struct ast_package {
    const char *path; /* "main", "fmt", "sync/atomic", "golang.org/x/sync/errgroup" */
    const char *name; /* "main", "fmt", "atomic", "errgroup" */
    struct ast_file *file;
    struct ast_package **imports; /* packages this one imports */
    int nimports;
    struct ast_func **funcs; /* functions and methods declared at top level */
    int nfuncs;
    struct ast_func **inits; /* func init()s in source order */
    int ninits;
    bool checked;
    void *scope; /* checker's package scope (opaque here) */
};

/* The checked program: everything the interpreter needs. */
struct ast_program {
    struct ast_package **pkgs; /* in initialisation order: dependencies first, main last */
    int npkgs;
    struct ast_package *main_pkg;
    struct ast_func *main_func; /* main.main */
    struct ast_var **globals;   /* every package-level variable of every package */
    int nglobals;
    struct ast_init *inits; /* variable initialisation, in Go's order, all packages */
    int ninits;
    struct ast_func **init_funcs; /* every func init(), in order */
    int ninit_funcs;
    struct ast_func **funcs; /* every function, method and literal (for tools) */
    int nfuncs;
    struct types *types;
    bool go121; /* loop variables are shared (go1.21 semantics) */
};

/* ast_expr_new etc. allocate zeroed nodes in the arena. */
struct ast_expr *ast_expr_new(struct arena *a, enum expr_kind kind, struct pos pos);
struct ast_stmt *ast_stmt_new(struct arena *a, enum stmt_kind kind, struct pos pos);

/* ast_unparen strips EX_PAREN wrappers. */
struct ast_expr *ast_unparen(struct ast_expr *e);

#endif
