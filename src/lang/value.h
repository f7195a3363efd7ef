/* value.h: run-time values of the Go subset and the garbage-collected heap
 * they live in. In-layer header of src/lang's back end (value.c, gc.c,
 * interp*.c, lib_*.c); not for other layers.
 *
 * Representation. Every Go value is a `struct value` of 16 bytes: one word of
 * payload and the value's type (a `struct type *` of types.h, hash-consed, so
 * type identity is pointer identity). The type travels with the value
 * everywhere, which makes three things cheap: an interface value is the
 * dynamic value itself (a nil interface has t == NULL), a type switch compares
 * pointers, and the collector finds pointers without any stack map.
 *
 *   kind (underlying)      payload
 *   bool, integers         i / u, always normalised to the type's width
 *                          (int8 sign-extended, uint16 zero-extended, ...)
 *   float32, float64       f (float32 values are rounded to float precision)
 *   string                 p -> struct vstr, NULL for ""
 *   struct, array          p -> struct vbox holding the fields/elements; a
 *                          struct or array value always has its own box,
 *                          never NULL, and the box is the value's identity
 *   pointer                p -> the pointee's location, NULL for nil: a vbox
 *                          (for a pointer to struct or array: the box itself;
 *                          else a one-slot cell), or a vref (element i of a
 *                          box, for &s.f and &a[i])
 *   slice                  p -> struct vslice, NULL for nil
 *   map                    p -> struct vmap, NULL for nil
 *   chan                   p -> struct vchan, NULL for nil
 *   func                   p -> struct vclosure, NULL for nil
 *
 * Copy semantics. Structs and arrays are values in Go; here they are boxes,
 * so every store copies: value_store() into an existing location copies the
 * fields into the location's own box (so pointers to it stay valid), and
 * value_copy() makes a fresh deep copy for new locations (parameters, new
 * variables, slice and map elements, channel buffers, interface boxing).
 *
 * Heap. Every object starts with struct gc_obj and is on the heap's list.
 * Collection (gc.c) is precise mark and sweep; it runs only at safe points
 * (heap_safepoint, called by the interpreter between statements), when every
 * live value is reachable from a root: the goroutines' value stacks, the
 * globals, the channels' buffers and the host's pinned objects. Code that
 * holds a value in a C local across a Go call must push it on the value
 * stack first. */
#ifndef CHANLAB_LANG_VALUE_H
#define CHANLAB_LANG_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

/* ---- values ------------------------------------------------------------ */

struct value {
    union {
        int64_t i;
        uint64_t u;
        double f;
        void *p;
    };
    const struct type *t; /* dynamic type; NULL only for a nil interface */
};

/* The underlying kind of a value's type (T_INVALID for a nil interface). */
static inline enum type_kind value_kind(struct value v)
{
    return v.t ? v.t->underlying->kind : T_INVALID;
}

static inline enum type_kind type_ukind(const struct type *t)
{
    return t->underlying->kind;
}

/* lv_malloc and friends abort with a message when memory runs out (the
 * one out-of-memory policy of the back end; Go heap limits are separate). */
void *lv_malloc(size_t n);
void *lv_calloc(size_t n, size_t size);
void *lv_realloc(void *p, size_t n);
char *lv_strdup(const char *s);

/* ---- heap objects -------------------------------------------------------- */

enum gc_kind {
    GC_STR,     /* struct vstr */
    GC_BOX,     /* struct vbox: struct fields, array or slice elements, a cell */
    GC_REF,     /* struct vref */
    GC_SLICE,   /* struct vslice */
    GC_MAP,     /* struct vmap */
    GC_CLOSURE, /* struct vclosure */
    GC_CHAN,    /* struct vchan */
    GC_BLOB,    /* struct vblob: raw bytes (runtime sync objects) */
};

struct gc_obj {
    struct gc_obj *next; /* the heap's list of every object */
    uint32_t size;       /* bytes, header included */
    uint8_t kind;        /* enum gc_kind */
    uint8_t mark;        /* reached in the current mark phase */
    uint16_t pinned;     /* > 0: a root until unpinned (constants, host handles) */
};

struct vstr {
    struct gc_obj h;
    size_t len;
    char s[]; /* len bytes and a NUL, for the C library's convenience */
};

struct vbox {
    struct gc_obj h;
    uint32_t n;
    struct value v[];
};

struct vref {
    struct gc_obj h;
    struct vbox *base;
    uint32_t idx; /* element of base */
};

struct vslice {
    struct gc_obj h;
    struct vbox *arr; /* backing array, arr->n >= off + cap */
    uint32_t off, len, cap;
};

struct mapent {
    struct value k, v;
    uint64_t hash;
    bool live; /* false once deleted (a tombstone until the next rebuild) */
};

struct vmap {
    struct gc_obj h;
    const struct type *t; /* the map type */
    size_t count;         /* live entries */
    struct mapent *ent;   /* malloc'd, in insertion order, tombstones included */
    size_t nent, capent;
    int32_t *index; /* malloc'd open-addressing table of entry numbers, -1 empty */
    size_t nindex;  /* power of two, > 2 * nent */
};

struct vclosure {
    struct gc_obj h;
    const void *fn; /* the interpreter's function (struct ifunc) */
    uint32_t n;
    struct value caps[]; /* captured cells, or a bound method's receiver */
};

struct vchan {
    struct gc_obj h;
    void *rc; /* the runtime's channel; released when the object is swept */
    const struct type *elem;
    bool timer; /* a timer's channel: owned by the runtime's timer */
};

struct vblob {
    struct gc_obj h;
    size_t size;
    uint32_t flags; /* the host's marks (BLOB_LABELLED: lock named); in padding */
    _Alignas(16) unsigned char data[];
};
enum { BLOB_LABELLED = 1 };

/* ---- the heap ------------------------------------------------------------ */

struct heap;

/* Callbacks the owner gives the heap: mark_roots calls heap_mark_value /
 * heap_mark_obj on every root; finalize releases what an object holds
 * outside the heap (the runtime channel of a vchan) just before it is freed. */
struct heap_hooks {
    void (*mark_roots)(struct heap *h, void *ud);
    void (*mark_chan)(struct heap *h, struct vchan *c, void *ud); /* buffered elements */
    void (*finalize)(struct gc_obj *o, void *ud);
    void *ud;
};

/* heap_new makes an empty heap whose live size may not exceed max_bytes
 * (0: no limit). Caller owns it; heap_free releases every object. */
struct heap *heap_new(const struct heap_hooks *hooks, size_t max_bytes);
void heap_free(struct heap *h);

/* heap_alloc returns a zeroed object of size bytes (header included) of the
 * given kind. It never collects (see heap_safepoint). Returns NULL when the
 * allocation would pass the heap's limit even after the caller collects; the
 * caller turns that into Go's out-of-memory fatal error. */
void *heap_alloc(struct heap *h, enum gc_kind kind, size_t size);

/* heap_safepoint collects when enough has been allocated since the last
 * collection. Call only where every live value is reachable from the roots. */
void heap_safepoint(struct heap *h);
void heap_collect(struct heap *h);

/* During mark_roots / mark_chan: mark a value or an object as reachable. */
void heap_mark_value(struct heap *h, struct value v);
void heap_mark_obj(struct heap *h, struct gc_obj *o);

/* During mark_roots, for hosts that mark in phases (the leak detector):
 * heap_drain marks everything reachable from what is marked so far, so
 * gc_obj.mark then says whether an object is reachable from those roots;
 * heap_each_obj calls fn for every object on the heap (marked or not). */
void heap_drain(struct heap *h);
void heap_each_obj(struct heap *h, void (*fn)(struct gc_obj *o, void *ud), void *ud);

/* Pinned objects are roots until unpinned (pins nest). */
void heap_pin(struct gc_obj *o);
void heap_unpin(struct gc_obj *o);

/* Figures for limits, tests and the TUI. */
struct heap_stats {
    size_t live_bytes;  /* allocated and not yet swept */
    size_t objects;     /* objects on the list */
    size_t collections; /* completed collections */
    size_t peak_bytes;  /* highest live_bytes seen */
    size_t limit_bytes; /* 0: none */
};
struct heap_stats heap_stats(const struct heap *h);

/* heap_would_exceed reports whether allocating extra bytes would pass the
 * limit, collecting first if that could help. */
bool heap_would_exceed(struct heap *h, size_t extra);

/* ---- constructors and operations (value.c) ------------------------------- */

/* Results of operations that Go turns into run-time panics. */
enum value_err {
    VE_OK,
    VE_OOM,          /* over the heap limit */
    VE_UNCOMPARABLE, /* comparing uncomparable type T (interface operands) */
    VE_UNHASHABLE,   /* hash of unhashable type T */
};

struct value value_int(const struct type *t, int64_t i);
struct value value_float(const struct type *t, double f);
struct value value_bool(const struct type *t, bool b);

/* value_norm wraps v.i to the width of its integer type (Go's overflow). */
struct value value_norm(struct value v);
int64_t value_wrap(enum type_kind k, int64_t i);

/* Strings: NULL payload is "". str_new copies len bytes. */
struct vstr *str_new(struct heap *h, const char *s, size_t len);
struct value value_str(struct heap *h, const struct type *t, const char *s, size_t len);
static inline const char *str_ptr(struct value v)
{
    return v.p ? ((struct vstr *)v.p)->s : "";
}
static inline size_t str_len(struct value v)
{
    return v.p ? ((struct vstr *)v.p)->len : 0;
}

/* box_new returns a box of n zero values of the given element types: for a
 * struct type, its fields' zero values; for an array, n copies of the
 * element's zero value. */
struct vbox *box_new_raw(struct heap *h, uint32_t n);
struct vbox *cell_new(struct heap *h, struct value v);

/* value_zero returns the zero value of t (allocating a box for structs and
 * arrays). NULL payload for everything else. */
struct value value_zero(struct heap *h, const struct type *t);

/* value_copy returns v, with a fresh deep copy of the box when v is a struct
 * or an array (interfaces included: the dynamic value is copied). */
struct value value_copy(struct heap *h, struct value v);

/* value_store writes v into *dst with Go's assignment semantics: a struct or
 * array is copied into the box *dst already has (when it has one of the same
 * type), anything else replaces *dst. */
void value_store(struct heap *h, struct value *dst, struct value v);

/* value_equal is Go's ==. For interface operands whose dynamic type is not
 * comparable it returns false with *err = VE_UNCOMPARABLE and *bad the type. */
bool value_equal(struct value a, struct value b, enum value_err *err, const struct type **bad);

/* value_hash hashes a map key consistently with value_equal; seed varies
 * per map. *err = VE_UNHASHABLE (and *bad) for an unhashable dynamic type. */
uint64_t value_hash(struct value v, uint64_t seed, enum value_err *err, const struct type **bad);

/* Pointers. ptr_load/ptr_slot give the pointee of a non-nil pointer of
 * pointer type pt. For struct and array pointees, the box itself. */
struct value *ptr_slot(struct value p);
struct value ptr_load(struct value p);

/* Slices: backing boxes of cap elements. */
struct vslice *slice_new(struct heap *h, struct vbox *arr, uint32_t off, uint32_t len,
                         uint32_t cap);
static inline uint32_t slice_len(struct value v)
{
    return v.p ? ((struct vslice *)v.p)->len : 0;
}
static inline uint32_t slice_cap(struct value v)
{
    return v.p ? ((struct vslice *)v.p)->cap : 0;
}
static inline struct value *slice_at(struct value v, uint32_t i)
{
    struct vslice *s = v.p;
    return &s->arr->v[s->off + i];
}

/* Maps. map_find returns the value slot of key or NULL. map_set returns the
 * value slot for key, inserting a zero value when absent; NULL with *err set
 * on failure. The seed randomises iteration (map_keys). */
struct vmap *map_new(struct heap *h, const struct type *t, uint64_t seed);
struct value *map_find(struct vmap *m, struct value key, enum value_err *err,
                       const struct type **bad);
struct value *map_set(struct heap *h, struct vmap *m, struct value key, enum value_err *err,
                      const struct type **bad);
void map_delete(struct vmap *m, struct value key, enum value_err *err, const struct type **bad);
void map_clear(struct vmap *m);
/* map_keys returns a box of the live keys in an order starting at a random
 * position (start chosen by the caller from the run's seeded generator), as
 * Go randomises map iteration. */
struct vbox *map_keys(struct heap *h, struct vmap *m, uint64_t start);

/* Type helpers. */
bool type_has_pointers(const struct type *t);
/* type_name writes t as %T prints it ("int", "main.T", "[]string",
 * "map[string]int", "*main.T", "func(int) string") into buf. */
const char *type_name(const struct type *t, char *buf, size_t size);

#endif
