// The whole runtime: modules, request context, sessions, authentication and
// the concurrent dispatcher. Link libsodium (CMake target modrt).
#pragma once

#include "auth.hpp"
#include "context.hpp"
#include "module.hpp"
#include "server.hpp"
#include "session.hpp"
#include "stream.hpp"
#include "thread_pool.hpp"
