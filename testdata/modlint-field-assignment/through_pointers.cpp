// Objects reached through a pointer or smart-pointer member are shared by
// every request just the same, even when the pointer itself is const.
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
    raw_->count = 1; // expect-warning@5[modlint-field-assignment]{{assignment to 'raw_->count' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    owned_->count = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'owned_->count' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    (*owned_).bytes = 3; // expect-warning@5[modlint-field-assignment]{{assignment to '*owned_.bytes' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    shared_->bytes = 4; // expect-warning@5[modlint-field-assignment]{{assignment to 'shared_->bytes' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    *cell_ = 5; // expect-warning@5[modlint-field-assignment]{{assignment to '*cell_' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    cell_[1] = 6; // expect-warning@5[modlint-field-assignment]{{assignment to 'cell_[1]' writes state that every request to 'PointerModule' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    raw_->count++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'raw_->count' is a non-atomic read-modify-write; every request to 'PointerModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
};
