#include <svc/handler.hpp>
#include <svc/shared_cache.hpp>

class Stats : public svc::Handler {
  long hits_ = 0;

public:
  void hit() {
#ifdef VARIANT
    hits_ += 2;
#else
    ++hits_;
#endif
  }
};
