// Sub-objects and elements of a member are member state too.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment
#include <array>
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

struct Stats { int hits = 0; std::string lastPath; };

class RouterModule : public modrt::Module {
  Stats stats_; // expect-warning@9[modlint-mutable-member]{{'stats_' is mutable state}}
  std::vector<int> latencies_ = std::vector<int>(8); // expect-warning@20[modlint-mutable-member]{{'latencies_' is mutable state}}
  std::array<int, 4> shards_{}; // expect-warning@22[modlint-mutable-member]{{'shards_' is mutable state}}
  int raw_[16] = {}; // expect-warning@7[modlint-mutable-member]{{'raw_' is mutable state}}
  std::vector<Stats> perRoute_ = std::vector<Stats>(4); // expect-warning@22[modlint-mutable-member]{{'perRoute_' is mutable state}}

public:
  void route(const std::string &path, int slot, int latency) {
    stats_.lastPath = path; // expect-warning@5[modlint-field-assignment]{{assignment to 'stats_.lastPath'}}
    stats_.hits++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'stats_.hits'}}
    latencies_[slot] = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_[slot]'}}
    latencies_.at(slot) = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_.at(slot)'}}
    latencies_.back() = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_.back()'}}
    shards_[slot % 4] = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'shards_[slot % 4]'}}
    raw_[slot] = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'raw_[slot]'}}
    perRoute_[slot].lastPath = path; // expect-warning@5[modlint-field-assignment]{{assignment to 'perRoute_[slot].lastPath'}}
  }
};
