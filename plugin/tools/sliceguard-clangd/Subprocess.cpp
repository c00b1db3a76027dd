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
  std::vector<char *> Args = argvOf(Argv);
  pid_t Pid = -1;
  int Status =
      posix_spawnp(&Pid, Args[0], &Actions, nullptr, Args.data(), environ);
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

static std::string describeStatus(int Status) {
  if (WIFSIGNALED(Status))
    return std::string("killed by signal ") + strsignal(WTERMSIG(Status));
  return "exit status " + std::to_string(WEXITSTATUS(Status));
}

WorkerResult runWorker(const std::vector<std::string> &Argv,
                       const std::string &Input, unsigned TimeoutSeconds) {
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
  bool TimedOut = false;
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
    pollfd Fds[2] = {{C.FromChild, POLLIN, 0}, {C.ToChild, POLLOUT, 0}};
    int NFds = C.ToChild >= 0 ? 2 : 1;
    if (poll(Fds, NFds, static_cast<int>(std::min<long long>(Left, INT_MAX))) <
        0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (NFds == 2 && Fds[1].revents) {
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
  if (TimedOut)
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
