//===- Subprocess.cpp -----------------------------------------------------===//
#include "Subprocess.h"
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace sliceguard {
namespace lsp {

static std::vector<char *> argvOf(const std::vector<std::string> &Argv) {
  std::vector<char *> Out;
  for (const std::string &A : Argv)
    Out.push_back(const_cast<char *>(A.c_str()));
  Out.push_back(nullptr);
  return Out;
}

/// posix_spawn rather than fork: the companion is multi-threaded, and
/// between fork and exec a child may only make async-signal-safe calls.
static pid_t spawn(const std::vector<std::string> &Argv, int StdinFd,
                   int StdoutFd, const std::vector<int> &CloseInChild,
                   std::string &Error) {
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, StdinFd, 0);
  posix_spawn_file_actions_adddup2(&Actions, StdoutFd, 1);
  for (int Fd : CloseInChild)
    posix_spawn_file_actions_addclose(&Actions, Fd);
  // The proxy blocks its termination signals (a thread of its own waits
  // for them) and ignores SIGPIPE; children start with neither.
  posix_spawnattr_t Attr;
  posix_spawnattr_init(&Attr);
  sigset_t Empty, Defaults;
  sigemptyset(&Empty);
  sigemptyset(&Defaults);
  for (int Sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP})
    sigaddset(&Defaults, Sig);
  posix_spawnattr_setsigmask(&Attr, &Empty);
  posix_spawnattr_setsigdefault(&Attr, &Defaults);
  posix_spawnattr_setflags(&Attr,
                           POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char *> Args = argvOf(Argv);
  pid_t Pid = -1;
  int Status =
      posix_spawnp(&Pid, Args[0], &Actions, &Attr, Args.data(), environ);
  posix_spawnattr_destroy(&Attr);
  posix_spawn_file_actions_destroy(&Actions);
  if (Status != 0) {
    Error = "cannot start " + Argv[0] + ": " + std::strerror(Status);
    return -1;
  }
  return Pid;
}

Child spawnPiped(const std::vector<std::string> &Argv, std::string &Error) {
  int In[2], Out[2];
  if (pipe2(In, O_CLOEXEC) != 0 || pipe2(Out, O_CLOEXEC) != 0) {
    Error = std::string("pipe: ") + std::strerror(errno);
    return {};
  }
  Child C;
  C.Pid = spawn(Argv, In[0], Out[1], {}, Error);
  ::close(In[0]);
  ::close(Out[1]);
  if (C.Pid < 0) {
    ::close(In[1]);
    ::close(Out[0]);
    return {};
  }
  C.ToChild = In[1];
  C.FromChild = Out[0];
  return C;
}

std::string describeStatus(int Status) {
  if (WIFSIGNALED(Status))
    return "killed by signal " + std::to_string(WTERMSIG(Status)) + " (" +
           strsignal(WTERMSIG(Status)) + ")";
  return "exit status " + std::to_string(WEXITSTATUS(Status));
}

bool dieWithParent(pid_t ParentPid) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
    return true; // not Linux-like: the CPU limit is the only backstop
  return getppid() == ParentPid;
}

WorkerResult runWorker(const std::vector<std::string> &Argv,
                       const std::string &Input, unsigned TimeoutSeconds,
                       int CancelFd) {
  WorkerResult R;
  std::string Error;
  Child C = spawnPiped(Argv, Error);
  if (C.Pid < 0) {
    R.Error = Error;
    return R;
  }
  // Feed stdin and drain stdout together: either may fill a pipe buffer.
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(TimeoutSeconds);
  size_t Written = 0;
  bool TimedOut = false, Cancelled = false;
  fcntl(C.ToChild, F_SETFL, O_NONBLOCK);
  signal(SIGPIPE, SIG_IGN);
  while (C.FromChild >= 0) {
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Deadline - std::chrono::steady_clock::now())
                    .count();
    if (Left <= 0) {
      TimedOut = true;
      kill(C.Pid, SIGKILL);
      break;
    }
    // Stdin last: it drops out of the set once the input is written.
    pollfd Fds[3] = {{C.FromChild, POLLIN, 0},
                     {CancelFd, POLLIN, 0},
                     {C.ToChild, POLLOUT, 0}};
    int NFds = C.ToChild >= 0 ? 3 : 2;
    if (poll(Fds, NFds, static_cast<int>(std::min<long long>(Left, INT_MAX))) <
        0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (Fds[1].revents) {
      Cancelled = true;
      kill(C.Pid, SIGKILL);
      break;
    }
    if (NFds == 3 && Fds[2].revents) {
      ssize_t N =
          ::write(C.ToChild, Input.data() + Written, Input.size() - Written);
      if (N > 0)
        Written += N;
      if (N < 0 && errno != EAGAIN && errno != EINTR)
        Written = Input.size(); // the child stopped reading; give up input
      if (Written == Input.size()) {
        ::close(C.ToChild);
        C.ToChild = -1;
      }
    }
    if (Fds[0].revents) {
      char Buf[65536];
      ssize_t N = ::read(C.FromChild, Buf, sizeof Buf);
      if (N > 0)
        R.Output.append(Buf, N);
      else if (N == 0 || (errno != EINTR && errno != EAGAIN)) {
        ::close(C.FromChild);
        C.FromChild = -1;
      }
    }
  }
  if (C.ToChild >= 0)
    ::close(C.ToChild);
  if (C.FromChild >= 0)
    ::close(C.FromChild);
  int Status = 0;
  while (waitpid(C.Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  if (Cancelled)
    R.Error = "cancelled";
  else if (TimedOut)
    R.Error = "timed out after " + std::to_string(TimeoutSeconds) + " s";
  else if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0)
    R.Error = describeStatus(Status);
  else
    R.Ok = true;
  return R;
}

std::string selfExecutable(const char *Argv0) {
  char Buf[PATH_MAX];
  ssize_t N = readlink("/proc/self/exe", Buf, sizeof Buf - 1);
  if (N > 0)
    return std::string(Buf, N);
  return Argv0;
}

} // namespace lsp
} // namespace sliceguard
