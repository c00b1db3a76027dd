#include <vector>
struct Track { int id, muted; };
void q_snapshot_walk(std::vector<Track> &list) {
  const std::vector<Track> old = list;
  for (auto it = old.begin(); it != old.end(); ++it)
    if (it->muted)
      list.push_back(*it);
}
