// modrt::Module: the base class of every module. The dispatcher creates one
// instance of each module and calls its methods from many threads at once,
// so a module's data members are shared by every concurrent request.
// modlint's default `ModuleBases` is this class.
#pragma once

namespace modrt {

class Module {
public:
  Module() = default;
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;
  virtual ~Module() = default;
};

} // namespace modrt
