// GLib hash-table idioms that are allowed during a walk: the iterator's
// own remove / steal / replace, changing another table, collecting the
// changes and applying them after the walk, reading.
// REQUIRES: plugin, glib
// RUN: %sg_verify %glib_cflags %s
// expected-no-diagnostics

#include <glib.h>

void iterator_remove(GHashTable *t) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    if (v == NULL)
      g_hash_table_iter_remove(&it);
    else if (k == v)
      g_hash_table_iter_steal(&it);
    else
      g_hash_table_iter_replace(&it, NULL);
  }
}

void other_table(GHashTable *t, GHashTable *copy) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    g_hash_table_insert(copy, k, v);
    g_hash_table_remove(copy, "stale");
  }
}

void collect_then_insert(GHashTable *t) {
  GPtrArray *later = g_ptr_array_new();
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t);
  while (g_hash_table_iter_next(&it, &k, &v))
    if (v == NULL)
      g_ptr_array_add(later, k);
  for (guint i = 0; i < later->len; i++)
    g_hash_table_insert(t, g_strconcat(g_ptr_array_index(later, i), "~", NULL),
                        NULL);
  g_ptr_array_free(later, TRUE);
}

guint read_only(GHashTable *t) {
  guint n = 0;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t);
  while (g_hash_table_iter_next(&it, &k, &v))
    n += g_hash_table_lookup(t, k) != NULL && g_hash_table_contains(t, v);
  return n;
}

// A new walk after the change: the old iterator is never advanced again.
void change_then_break(GHashTable *t) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    if (v == NULL) {
      g_hash_table_remove(t, k);
      break;
    }
  }
}
