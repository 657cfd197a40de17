// Where --help sends a reader: the configured documentation address, the
// installed docs beside the binary, or, in a build tree, the source's.
#pragma once

#include <string>

namespace modlint {

/// The place of the documentation page `Page` (e.g. "cli.md"): a URL
/// when the build was given MODLINT_INFORMATION_URI, else an absolute path
/// that exists, else the page's path in modlint's source.
std::string documentationPlace(const std::string &Page, const char *Argv0);

} // namespace modlint
