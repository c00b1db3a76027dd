#include <vector>
struct Inst { int op, result; };
static void push(std::vector<Inst> *v, Inst x) { v->push_back(x); }
void raa_helper(std::vector<Inst> &code) {
  Inst *first = &code[0];
  push(&code, Inst{3, 4});
  first->op = 9;
}
