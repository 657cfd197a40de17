#pragma once
#include <string>

namespace chat {
struct Message {
  std::string id;
  std::string author;
  std::string text;
};
} // namespace chat
