// A library the project includes with -I, outside the headers whose
// findings are reported (testdata/functions/library_bodies.cpp): its
// functions' bodies are read all the same.
#pragma once

#include <mutex>
#include <vector>

namespace vendor {

class Registry {
public:
  std::mutex mu;

  void add(int value) {
    std::lock_guard<std::mutex> lock(mu);
    values_.push_back(value);
  }

  template <typename Container> void reset(Container &&target) { target.clear(); }

  template <typename Container> std::size_t measure(Container &&target) {
    return target.size();
  }

private:
  std::vector<int> values_;
};

} // namespace vendor
