#pragma once
#include "report/Writer.h"
