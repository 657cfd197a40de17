// the violation: the core includes a layer above it
#include "engine/Runner.h"
