//===- Subprocess.h - the real clangd and the checks' worker process ------===//
#ifndef SLICEGUARD_CLANGD_SUBPROCESS_H
#define SLICEGUARD_CLANGD_SUBPROCESS_H

#include <string>
#include <sys/types.h>
#include <vector>

namespace sliceguard {
namespace lsp {

/// A child whose stdin and stdout are pipes to us; stderr is shared (the
/// editor shows it as the server's log).
struct Child {
  pid_t Pid = -1;
  int ToChild = -1;   ///< write end of the child's stdin
  int FromChild = -1; ///< read end of the child's stdout
};

/// Starts \p Argv[0] (searched in PATH) with piped stdin/stdout.  Returns a
/// Child with Pid -1 and sets \p Error when it cannot be started.
Child spawnPiped(const std::vector<std::string> &Argv, std::string &Error);

struct WorkerResult {
  bool Ok = false;
  std::string Output; ///< the worker's stdout
  std::string Error;  ///< why it failed: exit status, signal, timeout
};

/// Runs \p Argv with \p Input on stdin and collects stdout, killing it after
/// \p TimeoutSeconds, or as soon as \p CancelFd (if not -1) becomes
/// readable.  A crash in the child is reported, never inherited.
WorkerResult runWorker(const std::vector<std::string> &Argv,
                       const std::string &Input, unsigned TimeoutSeconds,
                       int CancelFd = -1);

/// "exit status 3", "killed by signal 9 (Killed)": a waitpid status as the
/// log says it.
std::string describeStatus(int Status);

/// In a child: asks the kernel to SIGKILL this process when its parent
/// goes away, and makes sure the parent \p ParentPid is still there (it may
/// have died before the request).  Returns false when it is not.  The
/// request survives exec, so it also covers a program exec'd afterwards.
bool dieWithParent(pid_t ParentPid);

/// Path of the running executable (to start ourselves in worker mode).
std::string selfExecutable(const char *Argv0);

} // namespace lsp
} // namespace sliceguard

#endif
