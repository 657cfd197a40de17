// Findings in a project header are reported once, at the header's lines,
// and out-of-line member functions in this file are checked too.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include "shared_module.h"

void HeaderModule::record(const std::string &what) {
  last_ += what; // expect-warning@3[modlint-nonatomic-update]{{'+=' on 'last_'}}
}
