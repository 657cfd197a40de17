// The runtime's own headers and the pattern catalogue, linted as a user
// would lint them: nothing in the runtime or the good patterns, exactly the
// expected findings (written in bad_modules.hpp) in the anti-patterns.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include "../../include/modrt/examples/bad_modules.hpp"
#include "../../include/modrt/examples/good_modules.hpp"
#include "../../include/modrt/modrt.hpp"
