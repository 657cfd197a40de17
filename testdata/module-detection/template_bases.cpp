// Derivation through class templates: CRTP bases and mixins. A mixin whose
// base is a template argument (`template <typename Base> class Mixin : public
// Base`) is a shared module when it is instantiated with one, and is
// reported once, at the template; one only ever instantiated with a plain
// class is not.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

template <typename Derived> class CrtpModule : public modrt::Module {
protected:
  int calls_ = 0; // expect-warning@7[modlint-mutable-member]{{'calls_' is mutable state}}

public:
  void call() {
    ++calls_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'calls_'}}
    static_cast<Derived *>(this)->run();
  }
};

class Job : public CrtpModule<Job> {
  int runs_ = 0; // expect-warning@7[modlint-mutable-member]{{'runs_' is mutable state}}

public:
  void run() { runs_ += 1; } // expect-warning@16[modlint-nonatomic-update]{{'+=' on 'runs_'}}
};

template <typename Base> class Mixin : public Base {
public:
  int mixed = 0; // expect-warning@7[modlint-mutable-member]{{'mixed' is mutable state}}
  void mix() { ++mixed; } // expect-warning@16[modlint-nonatomic-update]{{'++' on 'mixed'}}
};

class Mixed : public Mixin<modrt::Module> {
  int own_ = 0; // expect-warning@7[modlint-mutable-member]{{'own_' is mutable state}}

public:
  void handle() { own_ = 2; } // expect-warning@19[modlint-field-assignment]{{assignment to 'own_'}}
};

template <typename T> class Holder : public T {
  int held_ = 0;

public:
  void hold() { ++held_; }
};

struct Plain {};
Holder<Plain> plainHolder;
