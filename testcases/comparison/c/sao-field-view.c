#include "common.h"
struct holder {
  ints items, head;
};
void sao_field_view(sg_arena *a, struct holder *h, int x) {
  h->head = ints_slice(h->items, 0, 2);
  h->head = ints_append(a, h->head, x);
}
