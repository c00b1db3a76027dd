#include <vector>
static bool keep(int v) { return v % 2 == 0; }
void q_filter_in_place(std::vector<int> &a) {
  std::size_t n = 0;
  for (int x : a)
    if (keep(x))
      a[n++] = x;
  a.resize(n);
}
