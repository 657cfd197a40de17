// Derivation through class templates: CRTP bases and mixins.
#include <modrt/module.hpp>

template <typename Derived> class CrtpModule : public modrt::Module {
protected:
  int calls_ = 0; // expect-warning@7[modlint-mutable-member]{{'calls_' is mutable state of shared module 'CrtpModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void call() {
    ++calls_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'calls_' is a non-atomic read-modify-write; every request to 'CrtpModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    static_cast<Derived *>(this)->run();
  }
};

class Job : public CrtpModule<Job> {
  int runs_ = 0; // expect-warning@7[modlint-mutable-member]{{'runs_' is mutable state of shared module 'Job' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void run() { runs_ += 1; } // expect-warning@16[modlint-nonatomic-update]{{'+=' on 'runs_' is a non-atomic read-modify-write; every request to 'Job' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

template <typename Base> class Mixin : public Base {
public:
  int mixed = 0;
  void mix() { ++mixed; }
};

class Mixed : public Mixin<modrt::Module> {
  int own_ = 0; // expect-warning@7[modlint-mutable-member]{{'own_' is mutable state of shared module 'Mixed' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void handle() { own_ = 2; } // expect-warning@19[modlint-field-assignment]{{assignment to 'own_' writes state that every request to 'Mixed' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

template <typename T> class Holder : public T {
  int held_ = 0;

public:
  void hold() { ++held_; }
};
