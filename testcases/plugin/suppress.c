// Suppression comments: they silence exactly the checks they name.
// RUN: %sg_verify %s -I%S/Inputs
// With show-suppressed every silenced finding comes back as a remark.
// RUN: %sg_verify %s -I%S/Inputs -fplugin-arg-sliceguard-show-suppressed -Xclang -verify=expected,shown
// REQUIRES: plugin
#include "maps.h"

void nolint_named(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // NOLINT(sliceguard-map-insert-in-range) shown-remark {{suppressed by 'NOLINT(sliceguard-map-insert-in-range)': inserting into map 'm' while ranging over it}}
  }
}

void ignore_named(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // sliceguard-ignore: map-insert-in-range shown-remark {{suppressed by 'sliceguard-ignore: map-insert-in-range'}}
  }
}

void nolint_glob(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // NOLINT(sliceguard-map-*) shown-remark {{suppressed by 'NOLINT(sliceguard-map-*)'}}
  }
}

// clang-tidy's NOLINTNEXTLINE, with a list that mixes in a clang-tidy check.
void nolint_next_line(wordcount m) {
  sg_range(wordcount, m, it) {
    // NOLINTNEXTLINE(bugprone-branch-clone, sliceguard-map-insert-in-range)
    wordcount_put(m, rename_key(it.key), 1); // shown-remark {{suppressed by 'NOLINTNEXTLINE(bugprone-branch-clone, sliceguard-map-insert-in-range)'}}
  }
}

// Naming a different check suppresses nothing.
void nolint_other_check(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // NOLINT(sliceguard-append-alias) expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

void ignore_other_check(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // sliceguard-ignore: map-ref-across-insert expected-warning {{inserting into map 'm'}}
  }
}

// A clang-tidy check of the same name without our prefix is not ours.
void nolint_unprefixed(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // NOLINT(map-insert-in-range) expected-warning {{inserting into map 'm'}}
  }
}

// A suppression on the line of the note, not of the finding, does nothing.
void nolint_on_note(wordcount m) {
  sg_range(wordcount, m, it) { // NOLINT(sliceguard-map-insert-in-range) expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // expected-warning {{inserting into map 'm'}}
  }
}

// Bare NOLINT (as in clang-tidy) and bare sliceguard-ignore silence every
// sliceguard check on their line; the remark names what silenced it.
void bare_nolint(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // NOLINT shown-remark {{suppressed by 'NOLINT': inserting into map 'm'}}
  }
}

void bare_ignore(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); /* sliceguard-ignore */ // shown-remark {{suppressed by 'sliceguard-ignore': inserting}}
  }
}

// One suppression per finding: two findings on one line need both names.
int two_on_a_line(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    // expected-warning@+1 {{inserting into map 'm'}}
    wordcount_put(m, rename_key(it.key), *p); // sliceguard-ignore: map-ref-across-insert shown-remark {{suppressed by 'sliceguard-ignore: map-ref-across-insert'}}
  }
  return 0;
}

// Regions opened and closed by NOLINT-BEGIN / NOLINT-END comments (spelt
// without the dash), as in clang-tidy.
// NOLINTBEGIN(sliceguard-map-insert-in-range)
void region_named(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // shown-remark-re {{suppressed by 'NOLIN{{T}}BEGIN(sliceguard-map-insert-in-range)'}}
  }
}
// NOLINTEND(sliceguard-map-insert-in-range)

void after_region(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // expected-warning {{inserting into map 'm'}}
  }
}

// NOLINTBEGIN(sliceguard-append-alias)
void region_other_check(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, rename_key(it.key), 1); // expected-warning {{inserting into map 'm'}}
  }
}
// NOLINTEND(sliceguard-append-alias)

// NOLINTBEGIN
void region_bare(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1); // shown-remark-re {{suppressed by 'NOLIN{{T}}BEGIN': inserting}}
  }
}
// NOLINTEND
