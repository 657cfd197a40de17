// Included by both units under bad/: each finding here is reported once.
#pragma once
#include <map>
#include <string>
#include <svc/handler.hpp>

namespace svc {
class SharedCache : public Handler {
  std::map<std::string, std::string> entries_;

public:
  void put(const std::string &k, const std::string &v) { entries_[k] = v; }
};
} // namespace svc
