#include "common.h"
struct parser {
  ints buf;
  int *cursor;
};
void raa_struct_field(sg_arena *a, struct parser *ps, int b) {
  ps->cursor = ints_at(ps->buf, 0);
  ps->buf = ints_append(a, ps->buf, b);
}
