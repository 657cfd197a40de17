// A header's inline variable: one object for every unit that includes it.
#pragma once
#include <string>
#include <vector>

namespace app {
inline std::vector<std::string> registry; // expect-warning@33[modlint-global-state]{{'app::registry' is a namespace-scope variable written without a lock}}
inline const std::string version = "1";

inline void enroll(const std::string &name) { registry.push_back(name); }
} // namespace app
