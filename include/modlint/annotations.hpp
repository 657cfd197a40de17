// Annotations that tell modlint about code it cannot infer.
//
// MODLINT_SHARED marks a class whose single instance serves concurrent
// requests although it does not derive from a configured module base
// (`ModuleBases`, default modrt::Module). Classes deriving from it are
// shared too.
//
//   class MODLINT_SHARED RateLimiter { ... };
#pragma once

#if defined(__clang__)
#define MODLINT_SHARED [[clang::annotate("modlint::shared")]]
#else
#define MODLINT_SHARED
#endif
