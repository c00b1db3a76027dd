/* A hand-written container API, not the runtime: its own names, its own
 * argument order (an allocator last, a context first), only the markers of
 * <sliceguard/markers.h> in common. */
#include <stdbool.h>
#include <stddef.h>
#include <sliceguard/markers.h>

typedef struct SG_MARK_TYPE(slice) vec_int {
  int *ptr;
  ptrdiff_t len;
  ptrdiff_t cap;
} vec_int;

typedef struct SG_MARK_TYPE(map) dict_impl dict_impl;
typedef dict_impl *dict;

typedef struct SG_MARK_TYPE(map_iter) dict_iter {
  size_t pos;
  const char *key SG_MARK_FIELD(key);
  vec_int val SG_MARK_FIELD(val);
  dict d;
} dict_iter;

struct pool;

SG_MARKERS_BEGIN
vec_int vec_push(vec_int v, int x, struct pool *p) SG_MARK_OP(slice_append);
int *vec_at(vec_int v, ptrdiff_t i) SG_MARK_OP(slice_at);
void dict_set(void *ctx, dict d, const char *key, vec_int val)
    SG_MARK_OP(map_put);
vec_int dict_get(dict d, const char *key) SG_MARK_OP(map_get);
vec_int *dict_slot(dict d, const char *key) SG_MARK_OP(map_ref);
bool dict_remove(dict d, const char *key) SG_MARK_OP(map_del);
dict_iter dict_begin(dict d) SG_MARK_OP(map_range_begin);
bool dict_next(dict_iter *it) SG_MARK_OP(map_range_next);
SG_MARKERS_END

#define dict_range(d, it) for (dict_iter it = dict_begin(d); dict_next(&it);)
