// Idioms that must stay quiet.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
// expected-no-diagnostics
#include "maps.h"

// The pointer is taken again after the insert.
void retaken(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_put(m, SG_STR("b"), 1);
  p = wordcount_ref(m, SG_STR("a"));
  if (p)
    *p = 2;
}

// Get-or-insert, then the pointer of the new entry.
int *get_or_add(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k);
  if (!p) {
    wordcount_put(m, k, 0);
    p = wordcount_ref(m, k);
  }
  return p;
}

// Deletes never move entries.
void across_delete(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_del(m, SG_STR("b"));
  wordcount_del(m, SG_STR("c"));
  if (p)
    *p = 2;
}

// Inserting into another map.
void other_map(wordcount m, wordcount other) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_put(other, SG_STR("b"), 1);
  if (p)
    *p = 2;
}

// Every use comes before the insert.
void use_first(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  if (p)
    *p += 1;
  wordcount_put(m, SG_STR("b"), 1);
}

// A value copied out before the insert.
int copy_first(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  int v = p ? *p : 0;
  wordcount_put(m, SG_STR("b"), v);
  return v;
}

// Putting the pointer's own key updates its entry in place.
void same_key(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k);
  if (p) {
    wordcount_put(m, k, *p + 1);
    *p += 1;
  }
}

void same_constant_key(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("total"));
  if (p) {
    wordcount_put(m, SG_STR("total"), 0);
    *p += 1;
  }
}

void same_int_key(users u) {
  struct stats *st = users_ref(u, 7);
  if (st) {
    users_put(u, 7, (struct stats){0, 0});
    st->hits = 1;
  }
}

// Only compared against NULL after the insert.
int was_present(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_put(m, SG_STR("b"), 1);
  return p != 0;
}

// The variable is pointed elsewhere before its next use.
void repointed(wordcount m, int *fallback) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_put(m, SG_STR("b"), 1);
  p = fallback;
  *p = 1;
}

// One pointer per iteration.
void per_iteration(wordcount m, strs words) {
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    int *p = wordcount_ref(m, w);
    if (!p) {
      wordcount_put(m, w, 1);
      continue;
    }
    *p += 1;
  }
}

// The insert only happens on a path that leaves before the use.
int insert_or_use(wordcount m, sg_str k, sg_str other) {
  int *p = wordcount_ref(m, k);
  if (!p) {
    wordcount_put(m, other, 1);
    return 0;
  }
  return *p;
}

// The same key again through a get-or-insert helper: no new entry.
static int *slot(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k);
  if (!p) {
    wordcount_put(m, k, 0);
    p = wordcount_ref(m, k);
  }
  return p;
}
void twice(wordcount m, sg_str k) {
  int *p = slot(m, k);
  int *q = slot(m, k);
  *q += 1;
  *p += 1;
}

// Each pointer used before the next helper call.
void one_at_a_time(wordcount m, sg_str a, sg_str b) {
  *slot(m, a) += 1;
  int *q = slot(m, b);
  *q += 1;
}

// A delete after the same-key update does not make the update an insert.
void update_then_delete(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k);
  if (p) {
    wordcount_put(m, k, *p + 1);
    *p += 1;
  }
  wordcount_del(m, k);
}

// Branch refinement on null tests: on the path that inserts, the first
// pointer was NULL (it points nowhere) and is taken again after the put.
// The key is a copy of the looked-up one, so the put is not an update of
// the pointer's own key.
void get_or_insert_copied_key(wordcount m, strs words) {
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    int *p = wordcount_ref(m, w);
    if (!p) {
      wordcount_put(m, sg_str_make(w.ptr, w.len), 0);
      p = wordcount_ref(m, w);
    }
    *p += 1;
  }
}

// The same with `p == NULL`, `NULL == p` and an `||` whose failing edge
// says p is not NULL.
void get_or_insert_eq(wordcount m, sg_str k, sg_str copy) {
  int *p = wordcount_ref(m, k);
  if (p == NULL) {
    wordcount_put(m, copy, 0);
    p = wordcount_ref(m, k);
  }
  *p += 1;
  int *q = wordcount_ref(m, k);
  if (NULL == q || *q < 0) {
    wordcount_put(m, copy, 0);
    q = wordcount_ref(m, k);
  }
  *q += 1;
}

// The test is an assignment in the condition.
void get_or_insert_assign(wordcount m, sg_str k, sg_str copy) {
  int *p;
  if ((p = wordcount_ref(m, k)) == NULL) {
    wordcount_put(m, copy, 1);
    return;
  }
  *p += 1;
}

// The pointer is re-taken on the path that inserts; the other path never
// inserts.
void retaken_on_insert_path(wordcount m, sg_str k, sg_str other, int grow) {
  int *p = wordcount_ref(m, k);
  if (grow) {
    wordcount_put(m, other, 1);
    p = wordcount_ref(m, k);
  }
  if (p)
    *p += 1;
}
