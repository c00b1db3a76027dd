// The C counterpart of the seed's unsafe.Sizeof check: a slice is three
// words, a map one pointer, a string two words.  (Static assertions in the
// headers enforce the first two at compile time as well.)
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc %s -o %t.gcc && %t.gcc | FileCheck %s
//
// CHECK: slice=24 map=8 str=16 iter-has-key-and-val=1
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

int main(void) {
  wordcount_iter it;
  printf("slice=%zu map=%zu str=%zu iter-has-key-and-val=%d\n", sizeof(ints),
         sizeof(wordcount), sizeof(sg_str),
         sizeof it.key == sizeof(sg_str) && sizeof it.val == sizeof(int));
  return 0;
}
