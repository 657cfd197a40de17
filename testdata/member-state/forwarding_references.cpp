// Passing member state to a forwarding reference (a generated protobuf
// setter, std::make_pair) or to a const reference is a read, unless the
// visible callee writes through it.
// modlint-checks: modlint-mutable-member
#include <modrt/module.hpp>
#include <string>
#include <utility>

struct HostField {
  void Set(std::string &&value);
  void Set(const std::string &value);
};
struct Request {
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_host(ArgT0 &&arg0, ArgT... args) {
    host_.Set(static_cast<ArgT0 &&>(arg0), args...);
  }
  HostField host_;
};
template <class T> void keep(T &&value) {
  T copy = std::forward<T>(value);
  (void)copy;
}
template <class T> void reset(T &&value) { value = {}; }
template <class T> void resetLater(T &&value) { reset(std::forward<T>(value)); }
void show(const std::string &text);

class Proxy : public modrt::Module {
public:
  void forward(Request &request) {
    request.set_host(host_);
    keep(name_);
    show(label_);
    auto pair = std::make_pair(host_, name_);
    (void)pair;
    reset(target_);
    resetLater(other_);
  }

private:
  std::string host_ = "a"; // expect-remark@15[modlint-mutable-member]{{'host_' of shared module 'Proxy' is never modified}}
  std::string name_ = "b"; // expect-remark@15[modlint-mutable-member]{{'name_' of shared module 'Proxy' is never modified}}
  std::string label_ = "c"; // expect-remark@15[modlint-mutable-member]{{'label_' of shared module 'Proxy' is never modified}}
  std::string target_ = "d"; // expect-warning@15[modlint-mutable-member]{{'target_' is mutable state}}
  std::string other_ = "e"; // expect-warning@15[modlint-mutable-member]{{'other_' is mutable state}}
};
