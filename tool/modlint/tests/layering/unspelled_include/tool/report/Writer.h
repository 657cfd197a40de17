#pragma once
// the violation: a header of its own layer, without the layer folder
#include "Writer2.h"
