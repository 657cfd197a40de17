// The "declare it const" remark is given only where const would compile:
// not for a member filled through a pointer or reference in a constructor,
// written by an init method, or that no constructor initialises, nor for one
// written on an instance that is not shared (a local object, another
// instance handed to a method): no race there, but const would reject it.
// modlint-checks: modlint-mutable-member
// modlint-option: InitMethods=init
#include <modrt/module.hpp>
#include <string>

void fill(int *out);
void load(std::string &out);

class Settings : public modrt::Module {
public:
  Settings() {
    fill(&port_);
    load(name_);
  }
  void init() { mode_ = 3; }
  int total() const { return port_ + mode_ + size_ + retries_; }
  const std::string &name() const { return name_; }
  const std::string &label() const { return label_; }

private:
  int port_ = 0;
  std::string name_;
  int mode_ = 0;
  int size_;
  int retries_ = 1; // expect-remark@7[modlint-mutable-member]{{'retries_' of shared module 'Settings' is never modified}}
  std::string label_; // expect-remark@15[modlint-mutable-member]{{'label_' of shared module 'Settings' is never modified}}
};

class Template : public modrt::Module {
public:
  void copyInto(Template &other) const { other.version_ = version_; }
  int version() const { return version_ + draft_; }

private:
  int version_ = 1;
  int draft_ = 0; // expect-remark@7[modlint-mutable-member]{{'draft_' of shared module 'Template' is never modified}}
};
