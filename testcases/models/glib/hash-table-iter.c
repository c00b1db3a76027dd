// GLib: "the hash table may not be modified while iterating over it".
// Structural changes to the table a GHashTableIter walks, against the real
// <glib.h>; with the GLib model off (models=-*,markers) nothing is found.
// REQUIRES: plugin, glib
// RUN: %sg_verify %glib_cflags %s
// RUN: %sg_verify=off %glib_cflags -fplugin-arg-sliceguard-models=-*,markers %s
// off-no-diagnostics

#include <glib.h>

void insert_new_key(GHashTable *t) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note {{iteration over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v))
    g_hash_table_insert(t, g_strdup("copy"), v); // expected-warning {{'g_hash_table_insert' changes map 't' while iterating over it; the iteration is invalid after a structural change}}
}

void replace_and_add(GHashTable *t, const char *name) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note 2 {{iteration over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v)) {
    if (v == NULL)
      g_hash_table_replace(t, g_strdup(name), v); // expected-warning {{'g_hash_table_replace' changes map 't'}}
    else
      g_hash_table_add(t, g_strdup(name)); // expected-warning {{'g_hash_table_add' changes map 't'}}
  }
}

// pacemaker #23 / caja #792: removing through the table, not the iterator.
void remove_through_table(GHashTable *t) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note {{iteration over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v))
    if (v == NULL)
      g_hash_table_remove(t, k); // expected-warning {{'g_hash_table_remove' changes map 't' while iterating over it}}
}

void steal_clear_destroy(GHashTable *t, int how) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note 4 {{iteration over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v)) {
    if (how == 0)
      g_hash_table_steal(t, k); // expected-warning {{'g_hash_table_steal' changes map 't'}}
    else if (how == 1)
      g_hash_table_remove_all(t); // expected-warning {{'g_hash_table_remove_all' changes map 't'}}
    else if (how == 2)
      g_hash_table_steal_all(t); // expected-warning {{'g_hash_table_steal_all' changes map 't'}}
    else
      g_hash_table_destroy(t); // expected-warning {{'g_hash_table_destroy' changes map 't'}}
  }
}

// Through an alias of the table.
void through_alias(GHashTable *t) {
  GHashTable *same = t;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note {{iteration over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v))
    g_hash_table_insert(same, g_strdup("x"), v); // expected-warning {{'g_hash_table_insert' changes map 'same' while iterating over it}}
}

// In a same-file helper: the summary says it inserts into its parameter.
static void add_default(GHashTable *h) {
  g_hash_table_insert(h, g_strdup("default"), NULL); // expected-note {{'add_default' inserts into its map parameter here}}
}
void through_helper(GHashTable *t) {
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, t); // expected-note {{range over map 't' begins here}}
  while (g_hash_table_iter_next(&it, &k, &v))
    add_default(t); // expected-warning {{call to 'add_default' inserts into map 't' while ranging over it}}
}
