// GArray, GPtrArray, GByteArray and GString reallocate their storage in
// place: pointers into it (&g_array_index, ->data, ->pdata slots, ->str)
// dangle after a call that may grow it.  Against the real <glib.h>; with
// the GLib model off nothing is found.
// REQUIRES: plugin, glib
// RUN: %sg_verify %glib_cflags %s
// RUN: %sg_verify=off %glib_cflags -fplugin-arg-sliceguard-models=-*,markers %s
// off-no-diagnostics

#include <glib.h>

struct point { int x, y; };

// S2E #47: a pointer from &g_array_index kept across g_array_append_val.
int index_across_append(GArray *a, struct point q) {
  struct point *p = &g_array_index(a, struct point, 0); // expected-note {{'p' points into '*a' from here}}
  g_array_append_val(a, q); // expected-note {{'*a' may be reallocated by this append}}
  return p->x; // expected-warning {{'p' may point into the old backing array of '*a' after an append}}
}

int data_across_growth(GArray *a, const int *more, guint n, int how) {
  int *d = (int *)(void *)a->data; // expected-note {{'d' points into '*a' from here}}
  if (how == 0)
    g_array_prepend_vals(a, more, n); // expected-note {{'*a' may be reallocated by this append}}
  else if (how == 1)
    g_array_insert_vals(a, 1, more, n);
  else
    g_array_set_size(a, 1000);
  return d[0]; // expected-warning {{'d' may point into the old backing array of '*a' after an append}}
}

gpointer slot_across_add(GPtrArray *pa, gpointer x) {
  gpointer *slot = &g_ptr_array_index(pa, 0); // expected-note {{'slot' points into '*pa' from here}}
  g_ptr_array_add(pa, x); // expected-note {{'*pa' may be reallocated by this append}}
  return *slot; // expected-warning {{'slot' may point into the old backing array of '*pa' after an append}}
}

guint8 bytes_across_append(GByteArray *b, const guint8 *more, guint n) {
  guint8 *first = b->data; // expected-note {{'first' points into '*b' from here}}
  g_byte_array_append(b, more, n); // expected-note {{'*b' may be reallocated by this append}}
  return *first; // expected-warning {{'first' may point into the old backing array of '*b' after an append}}
}

char str_across_append(GString *s, int n) {
  char *p = s->str; // expected-note {{'p' points into '*s' from here}}
  g_string_append_printf(s, "%d", n); // expected-note {{'*s' may be reallocated by this append}}
  return *p; // expected-warning {{'p' may point into the old backing array of '*s' after an append}}
}

char str_across_append_c(GString *s) {
  const char *end = s->str + s->len; // expected-note {{'end' points into '*s' from here}}
  g_string_append_c(s, '!'); // expected-note {{'*s' may be reallocated by this append}}
  return end[-1]; // expected-warning {{'end' may point into the old backing array of '*s' after an append}}
}

// Walking the array by pointer while appending to it.
void walk_while_appending(GArray *a) {
  for (int *p = (int *)(void *)a->data; p < (int *)(void *)a->data + a->len; p++) // expected-note {{'p' walks '*a' from here}}
    if (*p > 0) {
      int twice = 2 * *p;
      g_array_append_val(a, twice); // expected-warning {{append to '*a' inside a loop that walks it with pointer 'p'; the pointer stays in the old array}}
    }
}
