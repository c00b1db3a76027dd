// Idioms that must stay quiet.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
// expected-no-diagnostics
#include "maps.h"

// Deleting during range is allowed (Go spec, and the runtime).
void prune(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val == 0)
      wordcount_del(m, it.key);
  }
}

// Updating the current key in place.
void bump(wordcount m) {
  sg_range(wordcount, m, it) { wordcount_put(m, it.key, it.val + 1); }
}

// ... also through a local copy of the key.
void bump_copy(wordcount m) {
  sg_range(wordcount, m, it) {
    sg_str k = it.key;
    wordcount_put(m, k, it.val * 2);
  }
}

// Inserting into a different map.
void invert(wordcount from, idset to) {
  sg_range(wordcount, from, it) { idset_put(to, it.val, true); }
}

void copy_lowered(sg_arena *a, wordcount from, wordcount to) {
  sg_range(wordcount, from, it) {
    wordcount_put(to, to_lower(a, it.key), it.val);
  }
}

// Inserting after the loop is over.
void add_after(wordcount m) {
  int total = 0;
  sg_range(wordcount, m, it) { total += it.val; }
  wordcount_put(m, SG_STR("total"), total);
}

// Nested ranges over different maps, each updating its own current key.
void nested(wordcount outer, idset inner) {
  sg_range(wordcount, outer, o) {
    sg_range(idset, inner, i) {
      idset_put(inner, i.key, !i.val);
      wordcount_put(outer, o.key, o.val + 1);
    }
  }
}

// The map variable is replaced by a fresh map before the insert.
void rebuild(sg_arena *a, wordcount m) {
  wordcount fresh = wordcount_make(a, 0);
  sg_range(wordcount, m, it) {
    wordcount_put(fresh, to_lower(a, it.key), it.val);
  }
  m = fresh;
  wordcount_put(m, SG_STR("x"), 1);
}

// Collect the new keys, insert after the range: the documented fix.
void normalize_keys_fixed(sg_arena *a, wordcount headers) {
  strs pending = {0};
  sg_range(wordcount, headers, it) {
    pending = strs_append(a, pending, it.key);
  }
  for (ptrdiff_t i = 0; i < pending.len; i++) {
    sg_str k = strs_get(pending, i);
    int v = wordcount_get(headers, k);
    wordcount_del(headers, k);
    wordcount_put(headers, to_lower(a, k), v);
  }
}
