// The progress line (`[37/412] src/net/server.cpp`) shown on a terminal
// while units are linted, erased when done.
#pragma once

#include <cstddef>
#include <string>

namespace modlint {

class Progress {
public:
  /// Shows nothing unless `Enabled` and standard error is a terminal.
  explicit Progress(bool Enabled);
  ~Progress();
  void update(size_t Done, size_t Total, const std::string &File);
  /// Erases the line, so that other output starts at a clean line; the next
  /// update draws it again.
  void clear();

private:
  bool Active;
  bool Shown = false;
};

} // namespace modlint
