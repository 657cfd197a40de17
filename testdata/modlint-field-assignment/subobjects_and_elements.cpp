// Sub-objects and elements of a member are member state too.
#include <array>
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <vector>

struct Stats { int hits = 0; std::string lastPath; };

class RouterModule : public modrt::Module {
  Stats stats_; // expect-warning@9[modlint-mutable-member]{{'stats_' is mutable state of shared module 'RouterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<int> latencies_ = std::vector<int>(8); // expect-warning@20[modlint-mutable-member]{{'latencies_' is mutable state of shared module 'RouterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::array<int, 4> shards_{}; // expect-warning@22[modlint-mutable-member]{{'shards_' is mutable state of shared module 'RouterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int raw_[16] = {}; // expect-warning@7[modlint-mutable-member]{{'raw_' is mutable state of shared module 'RouterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  std::vector<Stats> perRoute_ = std::vector<Stats>(4); // expect-warning@22[modlint-mutable-member]{{'perRoute_' is mutable state of shared module 'RouterModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void route(const std::string &path, int slot, int latency) {
    stats_.lastPath = path; // expect-warning@5[modlint-field-assignment]{{assignment to 'stats_.lastPath' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    stats_.hits++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'stats_.hits' is a non-atomic read-modify-write; every request to 'RouterModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    latencies_[slot] = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_[slot]' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    latencies_.at(slot) = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_.at(slot)' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    latencies_.back() = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'latencies_.back()' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    shards_[slot % 4] = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'shards_[slot % 4]' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    raw_[slot] = latency; // expect-warning@5[modlint-field-assignment]{{assignment to 'raw_[slot]' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    perRoute_[slot].lastPath = path; // expect-warning@5[modlint-field-assignment]{{assignment to 'perRoute_[slot].lastPath' writes state that every request to 'RouterModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
