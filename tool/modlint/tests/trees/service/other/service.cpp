#include <svc/handler.hpp>
namespace other {
class Service {
public:
  virtual ~Service() = default;
};
} // namespace other

class NotAModuleHere : public svc::Handler {
  int n_ = 0;

public:
  void f() { ++n_; }
};

class Job : public other::Service {
  int runs_ = 0;

public:
  void run() { ++runs_; }
};
