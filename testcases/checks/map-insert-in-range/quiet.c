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

// Insert, then leave the range at once: the range never asks for the new
// key (Go allows this; only SG_CHECKS=3's strict mode rejects it at run time).
void insert_and_break(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val == 0) {
      wordcount_put(m, SG_STR("zero-seen"), 1);
      break;
    }
  }
}

int insert_and_return(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val < 0) {
      wordcount_put(m, SG_STR("negative"), it.val);
      return 1;
    }
  }
  return 0;
}

// A helper that only deletes.
static void drop(wordcount m, sg_str k) { wordcount_del(m, k); }
void prune_helper(wordcount m) {
  sg_range(wordcount, m, it) {
    if (!it.val)
      drop(m, it.key);
  }
}

// Deleting another key, then updating the current one.
void delete_other_update_current(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_del(m, SG_STR("stale"));
    wordcount_put(m, it.key, 0);
  }
}

// The current key kept in a struct field.
void key_in_struct(wordcount m) {
  sg_range(wordcount, m, it) {
    struct {
      sg_str k;
    } t;
    t.k = it.key;
    wordcount_put(m, t.k, 3);
  }
}

// A local map variable pointed at a new map inside the range.
void fresh_inside(sg_arena *a, wordcount m) {
  wordcount out = m;
  sg_range(wordcount, m, it) {
    out = wordcount_make(a, 0);
    wordcount_put(out, SG_STR("x"), it.val);
  }
}

// clear is not an insert.
void clear_inside(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val < 0)
      wordcount_clear(m);
  }
}

// Nested ranges where the inner one inserts into its own map and leaves.
void nested_inner_break(wordcount outer, idset inner) {
  sg_range(wordcount, outer, o) {
    sg_range(idset, inner, i) {
      if (i.key == o.val) {
        idset_put(inner, -i.key, true);
        break;
      }
    }
  }
}

// A getter of another field is another map.
struct request {
  wordcount hdrs;
  wordcount trailers;
};
static wordcount trailers(struct request *r) { return r->trailers; }
void hdrs_to_trailers(struct request *r) {
  sg_range(wordcount, r->hdrs, it) {
    wordcount_put(trailers(r), rename_key(it.key), it.val);
  }
}

// A helper handed the iterator, updating the current entry.
static void flip(idset s, idset_iter *it) { idset_put(s, it->key, !it->val); }
void flip_all(idset s) {
  sg_range(idset, s, it) { flip(s, &it); }
}

static void bump_entry(wordcount m, wordcount_iter it) {
  wordcount_put(m, it.key, it.val + 1);
}
void bump_all(wordcount m) {
  sg_range(wordcount, m, it) { bump_entry(m, it); }
}

// Updating another entry that is known to exist adds no key.
void add_to_existing(wordcount m) {
  sg_range(wordcount, m, it) {
    sg_str k = rename_key(it.key);
    int x;
    if (wordcount_lookup(m, k, &x))
      wordcount_put(m, k, x + it.val);
  }
}

void reset_existing(wordcount m) {
  sg_range(wordcount, m, it) {
    sg_str k = rename_key(it.key);
    int *p = wordcount_ref(m, k);
    if (p != NULL && *p > it.val) {
      wordcount_put(m, k, it.val);
    }
  }
}
