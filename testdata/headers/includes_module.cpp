// Findings in a project header are reported once, at the header's lines,
// and out-of-line member functions in this file are checked too.
#include "shared_module.h"

void HeaderModule::record(const std::string &what) {
  last_ += what; // expect-warning@3[modlint-nonatomic-update]{{'+=' on 'last_' is a non-atomic read-modify-write; every request to 'HeaderModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
}
