// A helper defined in one of the user's headers is summarised like one in
// the main file: the finding is at the call, in the main file.  Its note
// inside the header appears only when the header filter selects it.
// RUN: %sg_verify %s -I%S/Inputs
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -I%S/Inputs %s \
// RUN:   '-fplugin-arg-sliceguard-header-filter=count-helper\.h' 2>&1 | FileCheck %s
// REQUIRES: plugin
#include "count-helper.h"

void count_lowered(sg_arena *a, wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    count_word(m, to_lower(a, it.key)); // expected-warning {{call to 'count_word' inserts into map 'm' while ranging over it}}
  }
}
// CHECK: header-helper.c:12:5: warning: call to 'count_word' inserts into map 'm' while ranging over it
// CHECK: header-helper.c:11:3: note: range over map 'm' begins here
// CHECK: count-helper.h:5:3: note: 'count_word' inserts into its map parameter here

void count_current(wordcount m) {
  sg_range(wordcount, m, it) { count_word(m, it.key); }
}
