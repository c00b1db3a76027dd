// Operations that arrive through macros (the runtime's own sg_range, SG_STR,
// and a user's header of macros) are reported at the user's line; nothing
// ever points into a runtime header.
// RUN: %sg_verify %s -I%S/Inputs
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -I%S/Inputs %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=sliceguard/ --implicit-check-not=user-macros.h
// REQUIRES: plugin
#include "user-macros.h"

sg_str fold(sg_str s);

void count_folded(wordcount m) {
  EACH_WORD(m, it) { // expected-note {{range over map 'm' begins here}}
    COUNT_WORD(m, fold(it.key)); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}
// CHECK: macros.c:[[@LINE-3]]:5: warning: inserting into map 'm' while ranging over it
// CHECK: macros.c:[[@LINE-5]]:3: note: range over map 'm' begins here

void grow_copy(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range}}
    ints v = it.val;
    GROW(a, v, 1); // expected-warning {{appending to 'v', a copy of a map value}}
  }
}
// CHECK: macros.c:[[@LINE-3]]:5: warning: appending to 'v'

// A whole statement-like macro defined in this file.
#define BUMP_ALL(m)                                                            \
  do {                                                                         \
    sg_range(wordcount, m, it_) wordcount_put(m, SG_STR("all"), it_.val);      \
  } while (0)
void bump_all(wordcount m) {
  BUMP_ALL(m); // expected-warning {{inserting into map 'm' while ranging over it}} expected-note {{range over map 'm' begins here}}
}
// CHECK: macros.c:[[@LINE-2]]:3: warning: inserting into map 'm'
