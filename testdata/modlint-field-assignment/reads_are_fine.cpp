// Reading members, assigning to locals, and writing into objects the caller
// owns are not writes to shared state.
// modlint-checks: modlint-field-assignment
#include <modrt/module.hpp>
#include <string>

struct Out { std::string text; int code = 0; };

class ReadOnlyModule : public modrt::Module {
  const std::string prefix_ = "v1/";
  const int limit_ = 10;

public:
  Out render(const std::string &path, Out &out) const {
    std::string full = prefix_ + path;
    int limit = limit_;
    limit = limit_ * 2;
    out.text = full;
    out.code = limit;
    Out copy;
    copy = out;
    return copy;
  }
};
