#include <vector>
struct Parser { std::vector<int> buf; int *cursor; };
void raa_struct_field(Parser *ps, int b) {
  ps->cursor = &ps->buf[0];
  ps->buf.push_back(b);
}
