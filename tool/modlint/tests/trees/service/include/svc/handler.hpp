#pragma once
namespace svc {
class Handler {
public:
  virtual ~Handler() = default;
};
} // namespace svc
