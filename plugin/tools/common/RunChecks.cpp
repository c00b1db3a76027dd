//===- RunChecks.cpp ------------------------------------------------------===//
#include "RunChecks.h"
#include "CompileCommands.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
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
  ChecksAction(const Options &Opts, FindingSink &Sink)
      : Opts(Opts), Sink(Sink) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    return createChecksConsumer(CI, Opts, Sink);
  }

private:
  const Options &Opts;
  FindingSink &Sink;
};

class ChecksActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ChecksActionFactory(const Options &Opts, FindingSink &Sink)
      : Opts(Opts), Sink(Sink) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ChecksAction>(Opts, Sink);
  }

private:
  const Options &Opts;
  FindingSink &Sink;
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
  std::vector<std::string> Ignored;
  Command.CommandLine =
      adjustArguments(Command.CommandLine, Request.ResourceDir, &Ignored);
  Result.IgnoredArguments.insert(Ignored.begin(), Ignored.end());
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
  RecordingSink Sink(Command.Directory);
  ChecksActionFactory Factory(Opts, Sink);

  // ClangTool prints driver errors (unknown flags, missing files) to
  // stderr itself; keep them, they name the problem.
  int Status = Tool.run(&Factory);
  Result.Findings = applyWarningPolicy(
      Sink.take(), warningPolicy(Request.Command.CommandLine));
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
