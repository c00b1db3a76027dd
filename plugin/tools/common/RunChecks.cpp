//===- RunChecks.cpp ------------------------------------------------------===//
#include "RunChecks.h"
#include "CompileCommands.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace sliceguard {
namespace tools {

std::string RunRequest::defaultResourceDirForRuns() {
  return defaultResourceDir();
}

namespace {

/// Hands the ClangTool exactly one, already adjusted, command.
class OneCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(clang::tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  clang::tooling::CompileCommand Command;
};

/// Keeps clang's errors (to say why a file does not parse) and drops every
/// other diagnostic: the build already shows the user's warnings.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  ErrorCollector(std::string WorkingDir, std::string MainFile)
      : WorkingDir(std::move(WorkingDir)), MainFile(std::move(MainFile)) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error)
      return;
    if (Problems.size() >= MaxReported) {
      ++Dropped;
      return;
    }
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid()) {
      // No place in the source: the command itself is the problem (e.g. a
      // missing input file).  The first error says why; the rest
      // ("no input files", ...) follow from it.
      if (!CommandRejected)
        Problems.push_back(
            {MainFile, MainFile + ": cannot be checked: " + Text.str().str()});
      CommandRejected = true;
      return;
    }
    const clang::SourceManager &SM = Info.getSourceManager();
    clang::SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    std::string Where = absolutePath(SM.getFilename(Loc), WorkingDir) + ":" +
                        std::to_string(SM.getSpellingLineNumber(Loc)) + ":" +
                        std::to_string(SM.getSpellingColumnNumber(Loc));
    Problems.push_back({MainFile, "does not parse: " + Where +
                                      ": error: " + Text.str().str()});
  }

  std::vector<Problem> take() {
    if (Dropped)
      Problems.push_back(
          {MainFile,
           "does not parse: " + std::to_string(Dropped) + " more errors"});
    return std::move(Problems);
  }

private:
  static constexpr size_t MaxReported = 3;
  std::string WorkingDir;
  std::string MainFile;
  std::vector<Problem> Problems;
  unsigned Dropped = 0;
  bool CommandRejected = false;
};

class ChecksAction : public clang::ASTFrontendAction {
public:
  ChecksAction(const Options &Opts, RecordingSink &Sink)
      : Opts(Opts), Sink(Sink) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    Sink.setSourceManager(&CI.getSourceManager(), &CI.getLangOpts());
    return createChecksConsumer(CI, Opts, Sink);
  }

private:
  const Options &Opts;
  RecordingSink &Sink;
};

/// LangOptions by reference: CompilerInvocation::getLangOpts() returns a
/// pointer up to LLVM 15 and a reference after.
static const clang::LangOptions &langOpts(const clang::LangOptions *L) {
  return *L;
}
static const clang::LangOptions &langOpts(const clang::LangOptions &L) {
  return L;
}

/// A module cache of this run's own, removed with it: -fmodules still
/// works, but no run writes into the build's (or the user's) cache.
class PrivateModuleCache {
public:
  ~PrivateModuleCache() {
    if (!Path.empty())
      llvm::sys::fs::remove_directories(Path);
  }
  std::string path() {
    if (Path.empty()) {
      llvm::SmallString<128> Dir;
      if (!llvm::sys::fs::createUniqueDirectory("sliceguard-modules", Dir))
        Path = std::string(Dir);
    }
    return Path;
  }

private:
  std::string Path;
};

/// A check reads its input and writes nothing: whatever the compile
/// command asked for (-MD, -MF, -Wp,-MMD,file, --serialize-diagnostics,
/// -fmodules-cache-path=, -diagnostic-log-file, -stats-file=) is cleared
/// here, in the invocation the frontend runs, whatever spelling or route
/// (-Xclang, -Wp,) brought it in.
static void clearFileOutputs(clang::CompilerInvocation &Invocation,
                             PrivateModuleCache &ModuleCache) {
  Invocation.getDependencyOutputOpts() = clang::DependencyOutputOptions();
  clang::DiagnosticOptions &Diags = Invocation.getDiagnosticOpts();
  Diags.DiagnosticSerializationFile.clear();
  Diags.DiagnosticLogFile.clear();
  clang::FrontendOptions &Frontend = Invocation.getFrontendOpts();
  Frontend.OutputFile.clear();
  Frontend.StatsFile.clear();
  clang::HeaderSearchOptions &Search = Invocation.getHeaderSearchOpts();
  if (langOpts(Invocation.getLangOpts()).Modules)
    Search.ModuleCachePath = ModuleCache.path();
  Search.ModulesValidateOncePerBuildSession = false;
}

class ChecksActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ChecksActionFactory(const Options &Opts, RecordingSink &Sink)
      : Opts(Opts), Sink(Sink) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ChecksAction>(Opts, Sink);
  }
  bool
  runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                clang::FileManager *Files,
                std::shared_ptr<clang::PCHContainerOperations> PCHContainerOps,
                clang::DiagnosticConsumer *DiagConsumer) override {
    clearFileOutputs(*Invocation, ModuleCache);
    // The checks read C; -Xclang -x -Xclang c++ gets past adjustArguments'
    // look at the driver's arguments, not past this one.
    const clang::LangOptions &Lang = langOpts(Invocation->getLangOpts());
    if (Lang.CPlusPlus || Lang.ObjC) {
      NotC = Lang.CPlusPlus ? "c++" : "objective-c";
      return true;
    }
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), DiagConsumer);
  }
  /// "c++" or "objective-c" when the frontend's language was not C.
  std::string NotC;

private:
  const Options &Opts;
  RecordingSink &Sink;
  PrivateModuleCache ModuleCache;
};

/// What the plugin's diagnostic sink does with -w and -Werror (read from the
/// original command: adjustArguments drops -Werror so that clang's own
/// warnings never pass for parse errors).
std::vector<FindingRecord> applyWarningPolicy(std::vector<FindingRecord> All,
                                              WarningPolicy Policy) {
  std::vector<FindingRecord> Kept;
  for (FindingRecord &F : All) {
    if (!F.IsError && Policy.Ignore)
      continue;
    F.IsError = F.IsError || Policy.AsErrors;
    Kept.push_back(std::move(F));
  }
  return Kept;
}

} // namespace

Report runChecks(const RunRequest &Request, const Options &CommandLineOpts) {
  Report Result;
  clang::tooling::CompileCommand Command = Request.Command;
  Command.Filename = absolutePath(Command.Filename, Command.Directory);
  // The build's own plugin arguments apply to this file, as they do when
  // the plugin runs in the build; a bad one fails the file, as it fails
  // the build's compile.
  Options Opts = CommandLineOpts;
  for (const std::string &Arg :
       sliceguardPluginArguments(Request.Command.CommandLine))
    if (llvm::Error E = parseArgument(Arg, Opts)) {
      Result.Problems.push_back(
          {Command.Filename, "could not be checked: its compile command "
                             "passes the plugin '" +
                                 Arg + "': " + llvm::toString(std::move(E))});
      Result.FilesChecked = 1;
      return Result;
    }
  if (!llvm::sys::fs::is_directory(Command.Directory)) {
    Result.Problems.push_back(
        {Command.Filename, "cannot be checked: the directory of its compile "
                           "command, '" +
                               Command.Directory + "', does not exist"});
    Result.FilesChecked = 1;
    return Result;
  }
  AdjustedCommand Adjusted = adjustArguments(
      Command.CommandLine, Request.ResourceDir, toolDirectory());
  Result.IgnoredArguments.insert(Adjusted.Unknown.begin(),
                                 Adjusted.Unknown.end());
  Result.UnsafeArguments.insert(Adjusted.Unsafe.begin(), Adjusted.Unsafe.end());
  if (!Adjusted.NonCLanguage.empty()) {
    Result.NotAnalysed[Command.Filename] = Adjusted.NonCLanguage;
    return Result;
  }
  Command.CommandLine = std::move(Adjusted.Args);
  OneCommandDatabase Db(Command);

  // A physical file system of our own: its working directory is private to
  // this call, where the real one would chdir the whole process.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  clang::tooling::ClangTool Tool(
      Db, {Command.Filename}, std::make_shared<clang::PCHContainerOperations>(),
      FS);
  // The adjusted command is final; ClangTool's default adjusters would only
  // re-add what adjustArguments already did.
  Tool.clearArgumentsAdjusters();
  Tool.setPrintErrorMessage(false);
  if (Request.Contents)
    Tool.mapVirtualFile(Command.Filename, *Request.Contents);

  ErrorCollector Errors(Command.Directory, Command.Filename);
  Tool.setDiagnosticConsumer(&Errors);
  RecordingSink Sink(Command.Directory, Request.PresumedLocations);
  ChecksActionFactory Factory(Opts, Sink);

  // ClangTool prints driver errors (unknown flags, missing files) to
  // stderr itself; keep them, they name the problem.
  int Status = Tool.run(&Factory);
  if (!Factory.NotC.empty()) {
    Result.NotAnalysed[Command.Filename] = Factory.NotC;
    return Result;
  }
  Result.Findings = applyWarningPolicy(
      Sink.take(), warningPolicy(Request.Command.CommandLine));
  Result.Remarks = Sink.takeRemarks();
  Result.Problems = Errors.take();
  if (Status != 0 && Result.Problems.empty())
    Result.Problems.push_back({Command.Filename,
                               "could not be checked: the compile command "
                               "failed (see the messages above)"});
  Result.FilesChecked = 1;
  return Result;
}

} // namespace tools
} // namespace sliceguard
