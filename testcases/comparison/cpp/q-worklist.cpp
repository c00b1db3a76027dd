#include <vector>
void q_worklist(std::vector<int> &work) {
  for (std::size_t i = 0; i < work.size(); i++) {
    int v = work[i];
    if (v > 1)
      work.push_back(v / 2);
  }
}
