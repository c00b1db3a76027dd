#include <sliceguard/arena.h>

int fine(void) { return 1; }

struct half_written {
  int x
  void (*f)(int;
} oops = {

int also_fine(void) { return 2; }
