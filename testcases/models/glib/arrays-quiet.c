// What stays valid across growth: the elements of a GPtrArray (pointers
// the array stores and never moves), a pointer taken again after the
// growth, an index kept instead of a pointer, another array's storage,
// calls that do not grow.
// REQUIRES: plugin, glib
// RUN: %sg_verify %glib_cflags %s
// expected-no-diagnostics

#include <glib.h>

gpointer element_across_add(GPtrArray *pa, gpointer x) {
  gpointer e = g_ptr_array_index(pa, 0);
  g_ptr_array_add(pa, x);
  return e;
}

const char *string_element(GPtrArray *names) {
  const char *first = g_ptr_array_index(names, 0);
  g_ptr_array_add(names, g_strdup("more"));
  return first;
}

int retaken(GArray *a, int v) {
  int *p = &g_array_index(a, int, 0);
  *p = 1;
  g_array_append_val(a, v);
  p = &g_array_index(a, int, 0);
  return *p;
}

int by_index(GArray *a, int v) {
  guint i = a->len - 1;
  g_array_append_val(a, v);
  return g_array_index(a, int, i);
}

char other_array(GString *s, GString *t) {
  char *p = s->str;
  g_string_append(t, "x");
  return *p;
}

char no_growth(GString *s, GArray *a) {
  char *p = s->str;
  int *q = &g_array_index(a, int, 0);
  g_string_truncate(s, 1);
  g_array_remove_index(a, 0);
  return *p + (char)*q;
}

void walk_by_index(GArray *a) {
  for (guint i = 0; i < a->len; i++)
    if (g_array_index(a, int, i) > 0) {
      int twice = 2 * g_array_index(a, int, i);
      g_array_append_val(a, twice);
    }
}
