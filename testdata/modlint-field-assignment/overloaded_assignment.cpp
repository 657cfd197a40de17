// Copy, move and converting assignment operators are writes too.
// modlint-checks: modlint-mutable-member, modlint-field-assignment
#include <modrt/module.hpp>
#include <optional>
#include <string>
#include <vector>

struct Config { std::string name; int limit = 0; };

class ConfigModule : public modrt::Module {
  Config active_; // expect-warning@10[modlint-mutable-member]{{'active_' is mutable state}}
  std::optional<std::string> override_; // expect-warning@30[modlint-mutable-member]{{'override_' is mutable state}}
  std::vector<int> weights_; // expect-warning@20[modlint-mutable-member]{{'weights_' is mutable state}}

public:
  void reload(const Config &next, std::vector<int> w) {
    active_ = next; // expect-warning@5[modlint-field-assignment]={{assignment to 'active_' writes state that every request to 'ConfigModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    override_ = "forced"; // expect-warning@5[modlint-field-assignment]{{assignment to 'override_'}}
    weights_ = std::move(w); // expect-warning@5[modlint-field-assignment]{{assignment to 'weights_'}}
    active_.limit = next.limit; // expect-warning@5[modlint-field-assignment]{{assignment to 'active_.limit'}}
  }
};
