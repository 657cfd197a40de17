// Module bases of a made-up application framework, for ModuleBases tests.
#pragma once

namespace app {
class Handler {
public:
  virtual ~Handler() = default;
};
class Service {
public:
  virtual ~Service() = default;
};
} // namespace app

namespace other {
// Same simple name as modrt::Module, different class.
class Module {
public:
  virtual ~Module() = default;
};
} // namespace other
