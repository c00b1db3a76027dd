#include <vector>
struct Track { int id, muted; };
void aisl_pointer_walk(std::vector<Track> &list) {
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (it->muted)
      list.push_back(*it);
  }
}
