// impl_boost.cc - boost::unordered_flat_map (Boost 1.81), an open-addressing
// table with SIMD groups. Default hasher, as a user would write it; string keys
// are string_views into the driver's storage, like sliceguard's sg_str.
#include "bench.h"

#include <boost/unordered/unordered_flat_map.hpp>
#include <string_view>

namespace {

template <typename Map, typename KeyOf>
void map_round(const bench_input *in, bench_round *r, KeyOf key_of) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  Map m;
  for (size_t i = 0; i < n; i++)
    m.insert_or_assign(key_of(in, 0, i), uint64_t(i + 1));
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += m.size();

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    auto it = m.find(key_of(in, 1, i));
    if (it != m.end())
      sum += it->second;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++)
    found += m.find(key_of(in, 2, i)) != m.end();
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    for (const auto &kv : m)
      sum += kv.second;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += m.erase(key_of(in, 1, i));
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
}

// which: 0 insertion order, 1 shuffled hits, 2 misses.
uint64_t u64_key(const bench_input *in, int which, size_t i) {
  return which == 0 ? in->keys[i] : which == 1 ? in->hit_order[i] : in->miss[i];
}

std::string_view str_key(const bench_input *in, int which, size_t i) {
  const bench_str &s = which == 0   ? in->skeys[i]
                       : which == 1 ? in->shit_order[i]
                                    : in->smiss[i];
  return std::string_view(s.ptr, s.len);
}

void u64_round(const bench_input *in, bench_round *r) {
  map_round<boost::unordered_flat_map<uint64_t, uint64_t>>(in, r, u64_key);
}

void str_round(const bench_input *in, bench_round *r) {
  map_round<boost::unordered_flat_map<std::string_view, uint64_t>>(in, r,
                                                                   str_key);
}

} // namespace

extern "C" const bench_impl bench_boost = {"boost", u64_round, str_round,
                                           nullptr};
