// A ref of a key that is known absent returns NULL; a put of that key
// afterwards makes a new entry but does not make the pointer point to it.
// Bugs and the idioms that must stay quiet.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
#include "maps.h"

typedef struct task {
  long prio;
} task;

// The get-or-insert idiom with the pointer taken again before the insert
// instead of after it: on the inserting path the second ref is still NULL.
void count_words(wordcount m, strs words) {
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    int *c = wordcount_ref(m, w);
    if (c == NULL) {
      c = wordcount_ref(m, w); // expected-note {{pointer taken here, while the key is absent}}
      wordcount_put(m, w, 0); // expected-note {{insert into map 'm' here}}
    }
    (*c)++; // expected-warning {{'c' was taken from map 'm' while its key was absent, before the insert of that key; it is NULL}}
  }
}

// The same with a key read from a struct field, and `!p`.
void count_prio(users u, task t) {
  int k = (int)t.prio;
  struct stats *s = users_ref(u, k);
  if (!s) {
    s = users_ref(u, k); // expected-note {{pointer taken here, while the key is absent}}
    users_put(u, k, (struct stats){0}); // expected-note {{insert into map 'u' here}}
  }
  s->hits++; // expected-warning {{'s' was taken from map 'u' while its key was absent, before the insert of that key; it is NULL}}
}

// Quiet: the idiom itself, the pointer taken again after the insert.
void count_words_ok(wordcount m, strs words) {
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    int *c = wordcount_ref(m, w);
    if (c == NULL) {
      wordcount_put(m, w, 0);
      c = wordcount_ref(m, w);
    }
    (*c)++;
  }
}

// Quiet: the key was inserted between the test and the second ref, so
// that ref finds it.
void inserted_first(wordcount m, sg_str w) {
  int *c = wordcount_ref(m, w);
  if (c == NULL) {
    wordcount_put(m, w, 0);
    c = wordcount_ref(m, w);
    wordcount_put(m, w, 1);
  }
  (*c)++;
}

// Quiet: a ref taken while the key is absent, tested again before use.
void tested_again(wordcount m, sg_str w) {
  int *c = wordcount_ref(m, w);
  if (c == NULL) {
    c = wordcount_ref(m, w);
    wordcount_put(m, w, 0);
    if (c == NULL)
      return;
  }
  (*c)++;
}

// Not the same key: the put of w may grow the map, and the pointer to v,
// tested non-NULL only after that, is stale.
void other_key(wordcount m, sg_str w, sg_str v) {
  int *c = wordcount_ref(m, w);
  if (c == NULL) {
    c = wordcount_ref(m, v); // expected-note {{pointer taken here}}
    wordcount_put(m, w, 0); // expected-note {{insert into map 'm' here}}
    if (!c)
      return;
  }
  (*c)++; // expected-warning {{'c' points into map 'm' from before an insert that may have grown it}}
}

// Quiet: the pointer known non-NULL; the key exists and its put updates
// the entry in place.
void present(wordcount m, sg_str w) {
  int *c = wordcount_ref(m, w);
  if (c != NULL) {
    int *d = wordcount_ref(m, w);
    wordcount_put(m, w, 5);
    (*d)++;
  }
}
