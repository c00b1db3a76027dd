// A user's own container carrying the runtime's markers gets the same
// checks as the runtime (recognised by marker, not by name), with the
// operand roles found by type, not position.
// RUN: %sg_verify %s -I%S/Inputs
// The markers cost nothing: the header compiles cleanly with gcc-style
// warnings on, and without clang's extensions.
// RUN: %clang -fsyntax-only %sg_inc -I%S/Inputs %sg_cflags -Wgcc-compat %s -Xclang -verify=plain
// REQUIRES: plugin
#include "mylib.h"
// plain-no-diagnostics

void add_new_keys(void *ctx, dict d) {
  dict_range(d, it) { // expected-note {{range over map 'd' begins here}}
    dict_set(ctx, d, "new", it.val); // expected-warning {{inserting into map 'd' while ranging over it; a new key may or may not be produced by this range [sliceguard-map-insert-in-range]}}
  }
}

void update_current(void *ctx, dict d) {
  dict_range(d, it) {
    dict_set(ctx, d, it.key, it.val); // quiet: the current key
    dict_remove(d, it.key);           // quiet: deleting
  }
}

void lost_push(struct pool *p, dict d) {
  dict_range(d, it) { // expected-note {{'v' is a copy of the value of the range over the map begun here}}
    vec_int v = it.val;
    v = vec_push(v, 1, p); // expected-warning {{appending to 'v', a copy of a map value that is never stored back; the map keeps the old slice and the appended elements are lost [sliceguard-append-to-range-copy]}}
  }
}

void stored_push(void *ctx, struct pool *p, dict d, const char *k) {
  vec_int v = dict_get(d, k);
  v = vec_push(v, 1, p);
  dict_set(ctx, d, k, v);
}

int stale_slot(void *ctx, dict d, const char *k) {
  vec_int *slot = dict_slot(d, k); // expected-note {{pointer taken here}}
  dict_set(ctx, d, "other", (vec_int){0, 0, 0}); // expected-note {{insert into map 'd' here}}
  return slot ? (int)slot->len : 0; // expected-warning {{'slot' points into map 'd' from before an insert that may have grown it and moved its entries; the pointer is stale [sliceguard-map-ref-across-insert]}}
}
