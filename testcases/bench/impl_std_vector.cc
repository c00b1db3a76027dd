// impl_std_vector.cc - std::vector::push_back, a familiar reference point
// for append (not one of the targets; the floor is impl_floor.c).
#include "bench.h"

#include <vector>

namespace {

void push_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  std::vector<uint64_t> a;
  for (size_t i = 0; i < n; i++)
    a.push_back(i + 1);
  bench_lap(r, BENCH_INSERT, t);
  uint64_t sum = 0;
  for (uint64_t v : a)
    sum += v;
  r->check[BENCH_INSERT] += sum;
}

} // namespace

extern "C" const bench_impl bench_std_vector = {"std::vector", nullptr, nullptr,
                                                push_round};
