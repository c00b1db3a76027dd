#include <vector>
struct Inst { int op, result; };
int raa_direct(std::vector<Inst> &code) {
  Inst *def = &code[0];
  code.push_back(Inst{1, 2});
  def->result = (int)code.size();
  return def->op;
}
