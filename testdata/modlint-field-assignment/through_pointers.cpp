// Objects reached through a pointer or smart-pointer member are shared by
// every request just the same, even when the pointer itself is const.
// modlint-checks: modlint-nonatomic-update, modlint-field-assignment
#include <memory>
#include <modrt/module.hpp>

struct Session { int count = 0; long bytes = 0; };

class PointerModule : public modrt::Module {
  Session *const raw_;
  std::unique_ptr<Session> const owned_;
  std::shared_ptr<Session> const shared_;
  int *const cell_;

public:
  PointerModule(Session *s, int *cell)
      : raw_(s), owned_(std::make_unique<Session>()),
        shared_(std::make_shared<Session>()), cell_(cell) {}

  void touch() {
    raw_->count = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'raw_->count'}}
    owned_->count = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'owned_->count'}}
    (*owned_).bytes = 3; // expect-warning@5[modlint-field-assignment]{{assignment to '*owned_.bytes'}}
    shared_->bytes = 4; // expect-warning@5[modlint-field-assignment]{{assignment to 'shared_->bytes'}}
    *cell_ = 5; // expect-warning@5[modlint-field-assignment]{{assignment to '*cell_'}}
    cell_[1] = 6; // expect-warning@5[modlint-field-assignment]{{assignment to 'cell_[1]'}}
    raw_->count++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'raw_->count'}}
  }
};
