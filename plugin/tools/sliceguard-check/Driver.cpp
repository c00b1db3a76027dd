//===- Driver.cpp - sliceguard-check, the CI lint stage -------------------===//
//
// Runs the check library over a compile_commands.json the way run-clang-tidy
// does: every entry (or the files named), in parallel, with the entry's own
// compile command.  Exit status: 0 clean, 1 findings, 2 usage or input
// errors (those win: a run that could not check everything is not clean).
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "CompileCommands.h"
#include "ProjectSummaries.h"
#include "Reports.h"
#include "RunChecks.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

using namespace sliceguard;
using namespace sliceguard::tools;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2 };

enum class Format { Text, Json, Sarif, CodeClimate };

struct DriverOptions {
  Options Checks;
  std::string CompileCommandsDir;
  std::vector<std::string> Files;
  unsigned Jobs = 0;
  Format OutputFormat = Format::Text;
  std::string OutputFile;
  std::string BaselineFile;
  std::string WriteBaselineFile;
  std::string Root;
  std::string ResourceDir = defaultResourceDir();
  /// Seconds one file may take; 0 for no limit.
  unsigned TimeoutSeconds = 300;
  bool ListChecks = false;
  bool Quiet = false;
  bool NoSummaries = false; ///< skip phase 1 (cross-file summaries)
  bool Verbose = false;
};

const char Usage[] = R"(USAGE: sliceguard-check [options] [files...]

Runs sliceguard's checks on the files of a compilation database
(compile_commands.json), with each file's own compile command.

OPTIONS:
  -p DIR                 directory holding compile_commands.json, or the
                         file itself (default: the nearest one in . and
                         its parents)
  -j N                   check N files at once (default: all cores; never
                         more than there are files)
  --format=FMT           text (default), json, sarif, codeclimate
  -o FILE, --output=FILE write the report to FILE instead of stdout
  --checks=GLOBS         select checks, e.g. "-*,map-*" (later globs win)
  --models=GLOBS         select built-in library models, e.g. "-*,glib"
  --model=FILE           load a library model file (docs/models.md)
  --werror               report findings as errors
  --header-filter=REGEX  also check headers whose path matches REGEX
  --max-cfg-blocks=N     skip functions whose CFG has more than N blocks,
                         with a remark in the report (default 10000, 0 for
                         no limit)
  --baseline=FILE        report only findings FILE does not know
  --write-baseline=FILE  record the current findings in FILE
  --root=DIR             project root: paths in reports and fingerprints are
                         relative to it (default: the current directory)
  --resource-dir=DIR     clang resource directory (builtin headers)
  --timeout=SECONDS      give up on a file after SECONDS (default 300, 0 for
                         no limit); it is reported as a problem (exit 2)
  --list-checks          print the checks and exit
  -q, --quiet            no progress line and no summary
  --no-summaries         check each file on its own: no cross-file
                         summaries (functions of other files are opaque)
  -v, --verbose          also say how many files are checked by how many
                         workers
  --version              print the version and exit
  -h, --help             print this help and exit

EXIT STATUS: 0 no findings, 1 findings, 2 usage or input errors.
)";

[[noreturn]] void usageError(const llvm::Twine &Message) {
  llvm::errs() << "sliceguard-check: error: " << Message << "\n"
               << "run 'sliceguard-check --help' for usage\n";
  std::exit(ExitUsage);
}

/// A failure of the run itself (an output that cannot be written): exit 2,
/// without the usage hint.
[[noreturn]] void runError(const llvm::Twine &Message) {
  llvm::errs() << "sliceguard-check: error: " << Message << "\n";
  std::exit(ExitUsage);
}

/// Accepts "--name=value", "--name value", and for short options "-p DIR"
/// and "-pDIR".  Returns true and fills Value when Arg is that option.
bool takeValue(llvm::StringRef Name, int &I, int Argc, char **Argv,
               std::string &Value) {
  llvm::StringRef Arg = Argv[I];
  if (Arg == Name) {
    if (I + 1 >= Argc)
      usageError("option '" + Name + "' needs a value");
    Value = Argv[++I];
    return true;
  }
  bool Short = Name.size() == 2;
  if (Arg.substr(0, Name.size()) == Name &&
      (Short || Arg.substr(Name.size(), 1) == "=")) {
    Value = Arg.substr(Name.size() + (Short ? 0 : 1)).str();
    if (!Short || Value.substr(0, 1) == "=")
      Value = llvm::StringRef(Value).ltrim('=').str();
    return true;
  }
  return false;
}

void applyLibraryArgument(const std::string &Arg, DriverOptions &O) {
  if (llvm::Error E = parseArgument(Arg, O.Checks))
    usageError(llvm::toString(std::move(E)));
}

Format parseFormat(llvm::StringRef Name) {
  if (Name == "text")
    return Format::Text;
  if (Name == "json")
    return Format::Json;
  if (Name == "sarif")
    return Format::Sarif;
  if (Name == "codeclimate")
    return Format::CodeClimate;
  usageError("unknown format '" + Name +
             "' (expected text, json, sarif or codeclimate)");
}

unsigned parseJobs(llvm::StringRef Text) {
  unsigned N = 0;
  if (Text.getAsInteger(10, N) || N == 0)
    usageError("-j needs a positive number, got '" + Text + "'");
  return N;
}

DriverOptions parseCommandLine(int Argc, char **Argv) {
  DriverOptions O;
  std::string V;
  bool OnlyFiles = false;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (OnlyFiles || Arg.empty() || Arg[0] != '-' || Arg == "-") {
      O.Files.push_back(Arg.str());
    } else if (Arg == "--") {
      OnlyFiles = true;
    } else if (Arg == "-h" || Arg == "--help") {
      llvm::outs() << Usage;
      std::exit(ExitClean);
    } else if (Arg == "--version") {
      llvm::outs() << "sliceguard-check " << SLICEGUARD_VERSION << "\n";
      std::exit(ExitClean);
    } else if (Arg == "--list-checks") {
      O.ListChecks = true;
    } else if (Arg == "-q" || Arg == "--quiet") {
      O.Quiet = true;
    } else if (Arg == "--no-summaries") {
      O.NoSummaries = true;
    } else if (Arg == "-v" || Arg == "--verbose") {
      O.Verbose = true;
    } else if (Arg == "--werror") {
      applyLibraryArgument("werror", O);
    } else if (takeValue("--checks", I, Argc, Argv, V)) {
      applyLibraryArgument("checks=" + V, O);
    } else if (takeValue("--max-cfg-blocks", I, Argc, Argv, V)) {
      applyLibraryArgument("max-cfg-blocks=" + V, O);
    } else if (takeValue("--header-filter", I, Argc, Argv, V)) {
      applyLibraryArgument("header-filter=" + V, O);
    } else if (takeValue("--models", I, Argc, Argv, V)) {
      applyLibraryArgument("models=" + V, O);
    } else if (takeValue("--model", I, Argc, Argv, V)) {
      applyLibraryArgument("model=" + V, O);
    } else if (takeValue("-p", I, Argc, Argv, V) ||
               takeValue("--compile-commands-dir", I, Argc, Argv, V)) {
      O.CompileCommandsDir = V;
    } else if (takeValue("-j", I, Argc, Argv, V) ||
               takeValue("--jobs", I, Argc, Argv, V)) {
      O.Jobs = parseJobs(V);
    } else if (takeValue("--format", I, Argc, Argv, V)) {
      O.OutputFormat = parseFormat(V);
    } else if (takeValue("-o", I, Argc, Argv, V) ||
               takeValue("--output", I, Argc, Argv, V)) {
      O.OutputFile = V;
    } else if (takeValue("--baseline", I, Argc, Argv, V)) {
      O.BaselineFile = V;
    } else if (takeValue("--write-baseline", I, Argc, Argv, V)) {
      O.WriteBaselineFile = V;
    } else if (takeValue("--root", I, Argc, Argv, V)) {
      O.Root = V;
    } else if (takeValue("--timeout", I, Argc, Argv, V)) {
      if (llvm::StringRef(V).getAsInteger(10, O.TimeoutSeconds))
        usageError("--timeout needs a number of seconds, got '" + V + "'");
    } else if (takeValue("--resource-dir", I, Argc, Argv, V)) {
      O.ResourceDir = V;
    } else {
      usageError("unknown option '" + Arg + "'");
    }
  }
  return O;
}

std::string currentDir() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

void listChecks() {
  for (const CheckInfo &C : allChecks())
    llvm::outs() << llvm::formatv("{0,-28} {1}\n", C.Name, C.Summary);
}

/// What to check: the entries named on the command line, or all of them.
/// Files that are not in the database become problems, not silence.
std::vector<clang::tooling::CompileCommand>
selectCommands(const clang::tooling::CompilationDatabase &Db,
               const std::vector<std::string> &Files, Report &Problems) {
  std::vector<clang::tooling::CompileCommand> All = Db.getAllCompileCommands();
  std::map<std::string, clang::tooling::CompileCommand> ByFile;
  std::vector<std::string> Order;
  for (clang::tooling::CompileCommand &C : All) {
    std::string Abs = absolutePath(C.Filename, C.Directory);
    if (ByFile.emplace(Abs, C).second) // one entry per file: the first
      Order.push_back(Abs);
  }
  if (Files.empty()) {
    std::vector<clang::tooling::CompileCommand> Selected;
    for (const std::string &F : Order)
      Selected.push_back(ByFile[F]);
    return Selected;
  }
  std::vector<clang::tooling::CompileCommand> Selected;
  std::string Cwd = currentDir();
  for (const std::string &F : Files) {
    std::string Abs = absolutePath(F, Cwd);
    auto It = ByFile.find(Abs);
    if (It != ByFile.end()) {
      Selected.push_back(It->second);
      continue;
    }
    if (!llvm::sys::fs::exists(Abs))
      Problems.Problems.push_back({Abs, "no such file"});
    else
      Problems.Problems.push_back(
          {Abs, "not in compile_commands.json (no compile command to "
                "check it with)"});
  }
  return Selected;
}

/// One line, rewritten in place, on a terminal; nothing otherwise (CI logs
/// should not fill with carriage returns).
class Progress {
public:
  Progress(size_t Total, bool Enabled) : Total(Total), Enabled(Enabled) {}
  void fileDone(llvm::StringRef File) {
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    if (!Enabled)
      return;
    std::string Name = printable(llvm::sys::path::filename(File));
    llvm::errs() << llvm::formatv("\r\x1b[K[{0}/{1}] {2}", Done, Total, Name);
    llvm::errs().flush();
  }
  void finish() {
    if (Enabled && Done)
      llvm::errs() << "\r\x1b[K";
  }

private:
  std::mutex Mutex;
  size_t Total;
  size_t Done = 0;
  bool Enabled;
};

/// Checks one file; a crash in the checks becomes a problem for that file
/// (clang's crash recovery) instead of losing the others.
Report checkOne(const clang::tooling::CompileCommand &Command,
                const DriverOptions &O) {
  RunRequest Request;
  Request.Command = Command;
  Request.ResourceDir = O.ResourceDir;
  Request.PresumedLocations = true; // what the build's plugin reports
  Report Result;
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Result = runChecks(Request, O.Checks); })) {
    Result = Report();
    Result.Problems.push_back(
        {absolutePath(Command.Filename, Command.Directory),
         "the checks crashed on this file; please report it with the file "
         "and its compile command"});
  }
  return Result;
}

/// Runs the files on a pool of worker threads and enforces the per-file
/// time limit.  A thread cannot be stopped, so a file over the limit is
/// given up: it becomes a problem, its thread is abandoned (its result, if
/// it ever comes, is dropped) and a fresh thread takes over the remaining
/// files.  Abandoned threads end with the process (see main).
class CheckPool {
public:
  CheckPool(const std::vector<clang::tooling::CompileCommand> &Commands,
            const DriverOptions &O, Progress &Bar)
      : Commands(Commands), O(O), Bar(Bar), Results(Commands.size()) {}

  Report run(unsigned Jobs) {
    std::unique_lock<std::mutex> Lock(Mutex);
    for (unsigned T = 0; T < Jobs; ++T)
      startWorker();
    while (Finished < Commands.size()) {
      if (O.TimeoutSeconds == 0) {
        Changed.wait(Lock);
        continue;
      }
      // Polling is only the watchdog's clock; results never depend on it.
      Changed.wait_for(Lock, std::chrono::milliseconds(200));
      abandonOverdue();
    }
    // A worker may not have taken the lock even once yet (the others did
    // all the files first): it must get it to see there is nothing left, so
    // the joins happen without it.
    Lock.unlock();
    for (auto &W : Workers)
      if (!W->Abandoned)
        W->Thread.join();
      else
        W->Thread.detach();
    Report All;
    for (Report &R : Results)
      All.append(std::move(R));
    return All;
  }

  size_t abandoned() const { return Abandoned; }

private:
  struct Worker {
    std::thread Thread;
    size_t File = SIZE_MAX; ///< the file it checks, SIZE_MAX when idle
    std::chrono::steady_clock::time_point Started;
    bool Abandoned = false;
  };

  void startWorker() {
    Workers.push_back(std::make_unique<Worker>());
    Worker *W = Workers.back().get();
    W->Thread = std::thread([this, W] { work(*W); });
  }

  void work(Worker &W) {
    std::unique_lock<std::mutex> Lock(Mutex);
    while (!W.Abandoned && Next < Commands.size()) {
      size_t I = Next++;
      W.File = I;
      W.Started = std::chrono::steady_clock::now();
      Lock.unlock();
      Report R = checkOne(Commands[I], O);
      Bar.fileDone(Commands[I].Filename);
      Lock.lock();
      if (W.Abandoned)
        return; // the file was reported as over the limit already
      W.File = SIZE_MAX;
      Results[I] = std::move(R);
      ++Finished;
      Changed.notify_all();
    }
  }

  void abandonOverdue() {
    auto Now = std::chrono::steady_clock::now();
    auto Limit = std::chrono::seconds(O.TimeoutSeconds);
    size_t Count = Workers.size();
    for (size_t K = 0; K < Count; ++K) {
      Worker &W = *Workers[K];
      if (W.Abandoned || W.File == SIZE_MAX || Now - W.Started < Limit)
        continue;
      const clang::tooling::CompileCommand &C = Commands[W.File];
      Results[W.File] = Report();
      Results[W.File].FilesChecked = 1;
      Results[W.File].Problems.push_back(
          {absolutePath(C.Filename, C.Directory),
           "not checked: over the time limit of " +
               std::to_string(O.TimeoutSeconds) + " s per file (--timeout)"});
      W.Abandoned = true;
      ++Abandoned;
      ++Finished;
      if (Next < Commands.size())
        startWorker();
    }
  }

  const std::vector<clang::tooling::CompileCommand> &Commands;
  const DriverOptions &O;
  Progress &Bar;
  std::mutex Mutex;
  std::condition_variable Changed;
  std::vector<std::unique_ptr<Worker>> Workers;
  std::vector<Report> Results;
  size_t Next = 0, Finished = 0, Abandoned = 0;
};

Report checkAll(const std::vector<clang::tooling::CompileCommand> &Commands,
                const DriverOptions &O, bool ShowProgress,
                size_t &AbandonedThreads) {
  // Never more threads than files: -j 10000 on three files starts three.
  unsigned Jobs = O.Jobs ? O.Jobs : std::thread::hardware_concurrency();
  Jobs = std::max(1u, std::min<unsigned>(Jobs, Commands.size()));
  if (O.Verbose)
    llvm::errs() << "sliceguard-check: checking " << Commands.size() << " file"
                 << (Commands.size() == 1 ? "" : "s") << " with " << Jobs
                 << " worker" << (Jobs == 1 ? "" : "s") << "\n";
  auto Bar = std::make_unique<Progress>(Commands.size(), ShowProgress);
  auto Pool = std::make_unique<CheckPool>(Commands, O, *Bar);
  Report All = Pool->run(Jobs);
  Bar->finish();
  AbandonedThreads = Pool->abandoned();
  if (AbandonedThreads) {
    // An abandoned thread may still come back to the pool and the progress
    // line (to find its result unwanted): they must outlive it, until the
    // process ends.
    Pool.release();
    Bar.release();
  }
  return All;
}

void writeReport(const Report &R, const DriverOptions &O,
                 const OutputContext &Ctx, llvm::raw_ostream &OS) {
  switch (O.OutputFormat) {
  case Format::Text:
    writeText(R, Ctx, OS);
    return;
  case Format::Json:
    OS << llvm::formatv("{0:2}", toJson(R, Ctx)) << "\n";
    return;
  case Format::Sarif:
    OS << llvm::formatv("{0:2}", toSarif(R, Ctx)) << "\n";
    return;
  case Format::CodeClimate:
    OS << llvm::formatv("{0:2}", toCodeClimate(R, Ctx)) << "\n";
    return;
  }
}

/// The report to -o's file (atomically) or to standard output.
llvm::Error emitReport(const Report &R, const DriverOptions &O,
                       const OutputContext &Ctx) {
  if (!O.OutputFile.empty())
    return writeFileAtomically(
        O.OutputFile, "the report to",
        [&](llvm::raw_ostream &OS) { writeReport(R, O, Ctx, OS); });
  writeReport(R, O, Ctx, llvm::outs());
  llvm::outs().flush();
  if (std::error_code EC = llvm::outs().error()) {
    // Cleared, or llvm::outs()' destructor aborts with "IO failure".
    llvm::outs().clear_error();
    return llvm::createStringError(
        EC, "cannot write the report to standard output: %s",
        EC.message().c_str());
  }
  return llvm::Error::success();
}

/// Loads the database named by -p, or the nearest one above the current
/// directory.  Failing to find or read it is a problem for the whole run.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabase(const DriverOptions &O, Report &R) {
  std::string Dir = O.CompileCommandsDir;
  if (Dir.empty()) {
    Dir = findCompileCommandsDir(currentDir());
    if (Dir.empty()) {
      R.Problems.push_back(
          {"", "no compile_commands.json in the current directory or its "
               "parents; pass -p <build dir> (CMake writes one with "
               "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)"});
      return nullptr;
    }
  } else if (llvm::sys::path::filename(Dir) == "compile_commands.json" &&
             llvm::sys::fs::is_regular_file(Dir)) {
    Dir = llvm::sys::path::parent_path(Dir).str(); // -p build/compile_...json
    if (Dir.empty())
      Dir = ".";
  } else if (!llvm::sys::fs::is_directory(Dir)) {
    R.Problems.push_back({"", "-p " + Dir + ": no such directory"});
    return nullptr;
  }
  auto Db = loadCompileCommands(Dir);
  if (!Db) {
    R.Problems.push_back({"", llvm::toString(Db.takeError())});
    return nullptr;
  }
  return std::move(*Db);
}

void printProblems(const Report &R) {
  for (const Problem &P : R.Problems) {
    llvm::errs() << "sliceguard-check: error: ";
    if (!P.File.empty() &&
        llvm::StringRef(P.Message).find(P.File) == llvm::StringRef::npos)
      llvm::errs() << printable(P.File) << ": ";
    llvm::errs() << printable(P.Message) << "\n";
  }
}

/// gcc-only flags in a gcc build's database are left out, said once.
void printIgnoredArguments(const Report &R) {
  if (R.IgnoredArguments.empty())
    return;
  llvm::errs() << "sliceguard-check: note: ignored compile command arguments "
                  "clang does not know:";
  for (const std::string &A : R.IgnoredArguments)
    llvm::errs() << " " << printable(A);
  llvm::errs() << "\n";
}

/// Arguments that could have run a program or read a configuration file,
/// and files that are not C, each said once.
void printLeftOut(const Report &R, llvm::StringRef Root) {
  if (!R.UnsafeArguments.empty()) {
    llvm::errs() << "sliceguard-check: note: ignored compile command "
                    "arguments that could run programs or read "
                    "configuration files:";
    for (const std::string &A : R.UnsafeArguments)
      llvm::errs() << " " << printable(A);
    llvm::errs() << "\n";
  }
  if (R.NotAnalysed.empty())
    return;
  llvm::errs() << "sliceguard-check: note: " << R.NotAnalysed.size()
               << (R.NotAnalysed.size() == 1 ? " file is" : " files are")
               << " not C and not analysed (sliceguard checks C only):";
  for (const auto &Entry : R.NotAnalysed)
    llvm::errs() << " " << printable(relativeToRoot(Entry.first, Root)) << " ("
                 << Entry.second << ")";
  llvm::errs() << "\n";
}

/// Duplicate definitions and a fixpoint cut short, each said once.
void printSummaryNotes(const ProjectSummaryStats &S, bool Quiet) {
  for (const std::string &D : S.Duplicates)
    llvm::errs() << "sliceguard-check: note: " << printable(D) << "\n";
  if (S.CapReached)
    llvm::errs() << "sliceguard-check: note: cross-file summaries did not "
                    "settle in "
                 << S.Rounds << " rounds; the last round's are used\n";
}

void printSummary(const Report &R) {
  unsigned Active = R.countActive();
  llvm::errs() << llvm::formatv(
      "sliceguard-check: {0} finding{1} in {2} file{3} ({4} suppressed, {5} "
      "in baseline, {6} problem{7})\n",
      Active, Active == 1 ? "" : "s", R.FilesChecked,
      R.FilesChecked == 1 ? "" : "s", R.Findings.size() - Active, R.Baselined,
      R.Problems.size(), R.Problems.size() == 1 ? "" : "s");
}

/// Functions over max-cfg-blocks are in the report as remarks; say so on
/// stderr too, since a JSON or SARIF report is not read by a person.
void printSkipped(const Report &R) {
  if (R.Remarks.empty())
    return;
  llvm::errs() << "sliceguard-check: " << R.Remarks.size() << " function"
               << (R.Remarks.size() == 1 ? "" : "s")
               << " not analysed: too large (max-cfg-blocks)\n";
}

} // namespace

int main(int Argc, char **Argv) {
  DriverOptions O = parseCommandLine(Argc, Argv);
  llvm::CrashRecoveryContext::Enable();
  if (O.ListChecks) {
    listChecks();
    return ExitClean;
  }
  std::set<std::string> Known;
  if (!O.BaselineFile.empty()) {
    auto Loaded = readBaseline(O.BaselineFile);
    if (!Loaded)
      usageError(llvm::toString(Loaded.takeError()));
    Known = std::move(*Loaded);
  }
  OutputContext Ctx;
  // Paths are reported relative to the current directory, as clang reports
  // them when run from there; CI jobs run from the checkout's root, which
  // is what code scanning and GitLab expect paths to be relative to.
  Ctx.Root = absolutePath(O.Root.empty() ? currentDir() : O.Root, currentDir());

  Report R;
  size_t AbandonedThreads = 0;
  if (auto Db = loadDatabase(O, R)) {
    auto Commands = selectCommands(*Db, O.Files, R);
    if (Commands.empty() && O.Files.empty())
      R.Problems.push_back({"", "compile_commands.json has no entries"});
    bool Terminal = llvm::sys::Process::StandardErrIsDisplayed();
    // Phase 1: whole-program summaries (ProjectSummaries.h); its problems
    // are phase 2's too, so only phase 2's report counts.
    ProjectSummaryStats Whole;
    size_t Phase1Stuck = 0;
    if (!O.NoSummaries)
      O.Checks.ImportedSummaries = summariseProject(
          Commands, O.Checks,
          [&](const auto &Batch, const Options &Phase1) {
            DriverOptions P = O;
            P.Checks = Phase1;
            size_t Stuck = 0;
            checkAll(Batch, P, /*ShowProgress=*/false, Stuck);
            Phase1Stuck += Stuck;
          },
          Whole);
    printSummaryNotes(Whole, O.Quiet);
    R.append(checkAll(Commands, O, Terminal && !O.Quiet, AbandonedThreads));
    AbandonedThreads += Phase1Stuck;
  }
  if (O.Checks.WarningsAsErrors)
    for (FindingRecord &F : R.Findings)
      F.IsError = true;
  R.sort();
  R.removeDuplicates(); // before fingerprints: their index counts repeats
  assignFingerprints(R, Ctx.Root);
  if (!O.WriteBaselineFile.empty())
    if (llvm::Error E = writeBaseline(R, Ctx.Root, O.WriteBaselineFile))
      runError(llvm::toString(std::move(E)));
  applyBaseline(R, Known);

  // A report that did not reach its reader is a failed run, never
  // "findings" (exit 1) and never half a file.
  if (llvm::Error E = emitReport(R, O, Ctx))
    runError(llvm::toString(std::move(E)));
  printProblems(R);
  printLeftOut(R, Ctx.Root);
  if (!O.Quiet) {
    printIgnoredArguments(R);
    printSkipped(R);
    printSummary(R);
  }
  if (AbandonedThreads) {
    // Threads still stuck in files over the time limit cannot be joined,
    // and static destructors must not run under them: leave now.
    llvm::outs().flush();
    llvm::errs().flush();
    std::_Exit(ExitUsage);
  }
  if (!R.Problems.empty())
    return ExitUsage;
  if (!O.WriteBaselineFile.empty())
    return ExitClean; // adopting a baseline is not a failed lint
  return R.countActive() ? ExitFindings : ExitClean;
}
