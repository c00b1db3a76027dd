#include <vector>
struct Inst { int op, result; };
int q_pointer_retaken(std::vector<Inst> &code) {
  Inst *def = &code[0];
  def->op = 1;
  code.push_back(Inst{1, 2});
  def = &code[0];
  return def->result;
}
