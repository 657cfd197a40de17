#include <string>
#include <svc/handler.hpp>

class Billing : public svc::Handler {
  const long limit_ = 100;

public:
  bool allowed(long amount) const { return amount <= limit_; }
};
