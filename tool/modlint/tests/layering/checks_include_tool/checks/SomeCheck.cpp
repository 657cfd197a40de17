// the violation: a check includes the tool
#include "core/Base.h"
