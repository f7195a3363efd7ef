/* types.h: Go types as the checker builds them and the interpreter reads them.
 *
 * In-layer header of src/lang (not for other layers). Contract between the
 * checker (types.c, check*.c) and the interpreter; docs/lang-tree.md explains
 * how the two use it.
 *
 * Identity. Types are hash-consed: two types are identical in Go's sense if
 * and only if they are the same pointer. Every named type (declared with
 * `type T ...`, and the predeclared ones) is its own unique object; unnamed
 * composite types ([]int, map[string]int, struct{...}, func(...)...) are built
 * through the types_* constructors, which return the one canonical object for
 * that structure. So a type switch or an interface comparison at run time
 * compares pointers, and `t->id` is a dense small integer usable to index
 * per-type tables.
 *
 * Aliases. `byte` is uint8, `rune` is int32, `any` is interface{}: the
 * constructors never see the alias, so they need no special case.
 *
 * Lifetime. All types live in the arena of the lang_program that made them
 * and die with lang_program_free.
 */
#ifndef CHANLAB_LANG_TYPES_H
#define CHANLAB_LANG_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ast_func;
struct ast_package;
struct arena;

/* The kinds, in an order the checker relies on: the basic kinds are
 * contiguous, integers first, then floats. */
enum type_kind {
    T_INVALID, /* the type of an expression that failed to check */
    T_BOOL,
    T_INT,
    T_INT8,
    T_INT16,
    T_INT32,
    T_INT64,
    T_UINT,
    T_UINT8,
    T_UINT16,
    T_UINT32,
    T_UINT64,
    T_UINTPTR,
    T_FLOAT32,
    T_FLOAT64,
    T_STRING,
    /* untyped constant kinds; only ever the type of a constant expression or
     * of nil. After checking, no expression the interpreter evaluates has an
     * untyped type except the operands of a comparison with nil. */
    T_UNTYPED_BOOL,
    T_UNTYPED_INT,
    T_UNTYPED_RUNE,
    T_UNTYPED_FLOAT,
    T_UNTYPED_STRING,
    T_UNTYPED_NIL,
    /* composites */
    T_ARRAY,
    T_SLICE,
    T_STRUCT,
    T_POINTER,
    T_FUNC,
    T_INTERFACE,
    T_MAP,
    T_CHAN,
    T_NAMED, /* a defined type: name, underlying type, declared methods */
    T_TUPLE, /* the result list of a multi-value call; never a value's type */
};

enum chan_dir {
    CHAN_BOTH, /* chan T */
    CHAN_SEND, /* chan<- T */
    CHAN_RECV, /* <-chan T */
};

/* A struct field. Embedded fields have the name of their type (`Mutex` for an
 * embedded sync.Mutex, `T` for *T). */
struct type_field {
    const char *name; /* field name; "_" allowed */
    struct type *type;
    bool embedded;                 /* declared without a name */
    const struct ast_package *pkg; /* package of an unexported name, for access */
    int line, col;                 /* declaration position (file of the struct type) */
};

/* A method: either a declared method of a named type (func set, recv flags)
 * or a method of an interface (func NULL). The signature never includes the
 * receiver. */
struct type_method {
    const char *name;
    int name_id;           /* program-wide id of the method name, see types_name_id */
    struct type *sig;      /* T_FUNC */
    struct ast_func *func; /* the declaration, for methods of named types */
    bool ptr_recv;         /* declared with a pointer receiver (*T) */
};

/* One step of a selector path through embedded fields. */
struct type_step {
    int field;  /* field index in the struct */
    bool deref; /* the value before this step is a pointer: load through it */
};

/* Where `x.name` leads, seen from the static type of x: a field or a method,
 * possibly promoted through embedded fields. Made by types_lookup. */
struct type_selection {
    enum { SEL_NONE, SEL_FIELD, SEL_METHOD, SEL_AMBIGUOUS } kind;
    struct type_step *path; /* embedded fields to walk first, then the field itself
                               (for SEL_FIELD the last step is the field) */
    int npath;
    struct type *type;          /* field type, or method signature */
    struct type_method *method; /* SEL_METHOD: the method (declared or interface) */
    struct type *recv_base;     /* SEL_METHOD: named or interface type that declares it */
    bool iface;                 /* SEL_METHOD on an interface value (dynamic dispatch) */
    bool recv_addr;             /* method has a pointer receiver and the final value
                                   is addressable-not-pointer: take its address */
    bool recv_deref;            /* method has a value receiver and the final value is a
                                   pointer: load through it */
};

/* A method set entry of a concrete type: how to call method name_id on a
 * value of that type stored in an interface. */
struct type_msel {
    int name_id;
    struct ast_func *func;  /* the method's declaration (may be native: no body); NULL
                               for a method promoted from an embedded interface field:
                               path leads to that interface value, and the call is
                               dispatched on its dynamic value */
    struct type_step *path; /* embedded fields from the dynamic value to the receiver */
    int npath;
    bool recv_addr;  /* pass the address of the final value (pointer receiver) */
    bool recv_deref; /* pass the value pointed to by the final value */
};

struct type {
    enum type_kind kind;
    uint32_t id;             /* dense, unique per type: 0, 1, 2 ... */
    struct type *underlying; /* self for everything but T_NAMED */
    union {
        struct {
            struct type *elem;
            int64_t len; /* arrays only */
        } array;         /* T_ARRAY, T_SLICE, T_POINTER (elem only) */
        struct {
            struct type *key, *elem;
        } map;
        struct {
            struct type *elem;
            enum chan_dir dir;
        } chan;
        struct {
            struct type_field *fields;
            int nfields;
        } strct;
        struct {
            struct type **params; /* for variadic, the last is []T */
            int nparams;
            struct type **results;
            int nresults;
            bool variadic;
        } func;
        struct {
            struct type_method *methods; /* full set incl. embedded, sorted by name */
            int nmethods;
        } iface;
        struct {
            const char *name;
            const struct ast_package *pkg; /* NULL for predeclared (error, int...) */
            struct type_method *methods;   /* declared methods, sorted by name */
            int nmethods;
            bool local;        /* declared inside a function */
            struct type *targ; /* an instance of a generic library type (atomic.Pointer[X]):
                                  its type argument X, printed after the name; else NULL */
        } named;
        struct {
            struct type **elems;
            int n;
        } tuple;
    } u;
    struct type_msel *mset; /* value method set of this type (lazily built) */
    int nmset;
    struct type_msel *pmset; /* method set of *this type (lazily built) */
    int npmset;
};

/* The universe of one program: canonical types and method-name ids. */
struct types;

struct types *types_new(struct arena *arena);

/* Predeclared types (owned by ts). */
struct type *types_basic(struct types *ts, enum type_kind kind);
struct type *types_error(struct types *ts); /* the named interface `error` */
struct type *types_any(struct types *ts);   /* interface{} */

/* Canonical constructors: same arguments, same pointer. Arrays passed in
 * are copied. */
struct type *types_array(struct types *ts, struct type *elem, int64_t len);
struct type *types_slice(struct types *ts, struct type *elem);
struct type *types_pointer(struct types *ts, struct type *elem);
struct type *types_map(struct types *ts, struct type *key, struct type *elem);
struct type *types_chan(struct types *ts, struct type *elem, enum chan_dir dir);
struct type *types_struct(struct types *ts, const struct type_field *fields, int n);
struct type *types_func(struct types *ts, struct type *const *params, int np,
                        struct type *const *results, int nr, bool variadic);
struct type *types_interface(struct types *ts, const struct type_method *methods, int n);
struct type *types_tuple(struct types *ts, struct type *const *elems, int n);

/* types_named makes a new, distinct named type; its underlying type and
 * methods are set later with types_set_underlying / types_add_method. */
struct type *types_named(struct types *ts, const char *name, const struct ast_package *pkg);
void types_set_underlying(struct type *named, struct type *underlying);
void types_add_method(struct types *ts, struct type *named, const struct type_method *m);

/* types_name_id interns a method name and returns its program-wide id. */
int types_name_id(struct types *ts, const char *name);
const char *types_name_of(const struct types *ts, int name_id);

/* Predicates on underlying kinds. */
bool types_is_integer(const struct type *t);
bool types_is_unsigned(const struct type *t);
bool types_is_float(const struct type *t);
bool types_is_numeric(const struct type *t);
bool types_is_string(const struct type *t);
bool types_is_boolean(const struct type *t);
bool types_is_untyped(const struct type *t);
bool types_is_interface(const struct type *t);
bool types_comparable(const struct type *t);
bool types_ordered(const struct type *t);
/* types_size_bits is 8..64 for sized integers and floats, 64 for int, uint,
 * uintptr. */
int types_size_bits(const struct type *t);

/* types_default maps an untyped kind to its default type (int, rune=int32,
 * float64, string, bool); other types map to themselves. */
struct type *types_default(struct types *ts, struct type *t);

/* types_lookup finds field or method `name` of a value of type t (or of *t's
 * element when t is a pointer), with Go's depth rule for embedded fields.
 * from_pkg decides access to unexported names. Returns SEL_NONE when absent. */
struct type_selection types_lookup(struct types *ts, struct type *t, const char *name,
                                   const struct ast_package *from_pkg);

/* types_method_set returns the method set of t (T or *T: pass the pointer
 * type for the latter), sorted by name_id; *n gets its length. The array
 * belongs to the type. */
const struct type_msel *types_method_set(struct types *ts, struct type *t, int *n);

/* types_implements reports whether t's method set has every method of the
 * interface iface with identical signatures. On failure, when missing is not
 * NULL, *missing gets the first missing method's name and *wrong_recv is set
 * when the method exists only with a pointer receiver. */
bool types_implements(struct types *ts, struct type *t, struct type *iface, const char **missing,
                      bool *wrong_recv);

/* types_itab returns, for each method of interface iface in its sorted order,
 * the method set entry of concrete type dyn that implements it (NULL entries
 * when dyn does not implement iface). Allocated in the arena. */
const struct type_msel **types_itab(struct types *ts, struct type *iface, struct type *dyn);

/* types_assignable reports Go's assignability of a value of type v to type t
 * (value is untyped nil when v is T_UNTYPED_NIL). */
bool types_assignable(struct types *ts, struct type *v, struct type *t);

/* types_convertible reports whether a non-constant value of type v can be
 * converted to t. */
bool types_convertible(struct types *ts, struct type *v, struct type *t);

/* types_string writes t as Go prints it in messages (`[]int`, `chan<- string`,
 * `func(int) error`, `sync.Mutex`) into buf and returns buf. Named types of
 * package rel are written unqualified (`T`), others with their package name. */
char *types_string(const struct type *t, char *buf, size_t size, const struct ast_package *rel);

#endif
