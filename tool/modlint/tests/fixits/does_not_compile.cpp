#include <modrt/module.hpp>

class Broken : public modrt::Module {
  int n_ = undeclared_name;
};
