#include <string>
#include <svc/handler.hpp>
#include <svc/shared_cache.hpp>

class Sessions : public svc::Handler {
  std::string currentUser_;

public:
  void login(const std::string &user) { currentUser_ = user; }
};
