#include <map>
#include <vector>
struct Inst { int op, result; };
std::map<int, Inst *> raa_kept_in_map(const std::vector<int> &ids) {
  static std::vector<Inst> items;
  std::map<int, Inst *> index;
  for (int id : ids) {
    items.push_back(Inst{id, 0});
    index[id] = &items.back();
  }
  return index;
}
