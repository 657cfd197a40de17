// GlobalStateScope=modules: only the methods of shared modules and the
// functions they call in the unit count. A command-line tool's globals,
// written by code no module reaches, stay silent.
// modlint-checks: modlint-global-state
// modlint-option: GlobalStateScope=modules
#include <modrt/module.hpp>

#include <string>
#include <vector>

namespace app {

int served = 0; // expect-warning@5[modlint-global-state]{{'app::served' is a namespace-scope variable written without a lock}}
std::vector<std::string> seen; // expect-warning@26[modlint-global-state]{{'app::seen' is a namespace-scope variable written without a lock}}
std::string cliFlag;
int cliRuns = 0;

static void remember(const std::string &what) { seen.push_back(what); }

class Greeter : public modrt::Module {
public:
  std::string greet(const std::string &name) {
    ++served;
    remember(name);
    return "hello " + name;
  }
};

// Reached by no module.
void parseFlags(const std::string &flag) {
  cliFlag = flag;
  ++cliRuns;
}

} // namespace app
