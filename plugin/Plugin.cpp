//===- Plugin.cpp - the -fplugin entry point ------------------------------===//
//
// `clang -fplugin=libsliceguard.so x.c` runs every check during a normal
// compile: the action is AddBeforeMainAction, so -c, -fsyntax-only and -O2
// all work and code generation is untouched.  Arguments come as
// -fplugin-arg-sliceguard-<arg>.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "Sliceguard.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace sliceguard {
namespace {

/// Clang writes diagnostics to an unbuffered stderr, so a warning with its
/// notes, source lines and carets takes some sixty write calls; into a
/// pipe (a build system, an editor) that costs more than finding it.
/// While it lives, stderr is buffered and each diagnostic is written at
/// once (the printer flushes after each one).
class BufferedStderr {
public:
  BufferedStderr() : WasUnbuffered(llvm::errs().GetBufferSize() == 0) {
    if (WasUnbuffered)
      llvm::errs().SetBuffered();
  }
  ~BufferedStderr() {
    if (WasUnbuffered)
      llvm::errs().SetUnbuffered(); // flushes first
  }
  BufferedStderr(const BufferedStderr &) = delete;
  BufferedStderr &operator=(const BufferedStderr &) = delete;

private:
  bool WasUnbuffered;
};

/// Turns findings into clang diagnostics.  Custom diagnostic IDs ignore
/// -Werror, -w and -Wno-error, so the sink applies them itself.
class ClangDiagnosticSink : public FindingSink {
public:
  ClangDiagnosticSink(DiagnosticsEngine &Diags, const Options &Opts)
      : Diags(Diags), Opts(Opts) {
    using L = DiagnosticsEngine;
    WarningID = compat::customDiagID(Diags, L::Warning, "%0 [sliceguard-%1]");
    ErrorID = compat::customDiagID(Diags, L::Error, "%0 [sliceguard-%1]");
    NoteID = compat::customDiagID(Diags, L::Note, "%0");
    RemarkID = compat::customDiagID(Diags, L::Remark,
                                    "suppressed by '%2': %0 [sliceguard-%1]");
    SkippedID = compat::customDiagID(Diags, L::Remark, "%0 [sliceguard]");
  }

  void remark(SourceLocation Loc, llvm::StringRef Message) override {
    BufferedStderr OneWrite;
    Diags.Report(Loc, SkippedID) << Message;
  }

  void report(const Finding &F, const SourceManager &,
              const LangOptions &) override {
    if (F.Suppressed) {
      if (Opts.ShowSuppressed)
        Diags.Report(F.Loc, RemarkID) << F.Message << F.Check << F.SuppressedBy;
      return;
    }
    // -w silences us as it silences clang's own warnings, even under
    // -Werror; only the plugin's own werror switch outranks it.
    if (!F.IsError && Diags.getIgnoreAllWarnings())
      return;
    bool AsError = F.IsError || Diags.getWarningsAsErrors();
    BufferedStderr OneWriteEach;
    {
      DiagnosticBuilder B = Diags.Report(F.Loc, AsError ? ErrorID : WarningID);
      B << F.Message << F.Check;
      if (F.Range.isValid())
        B << CharSourceRange::getTokenRange(F.Range);
      for (const FixItHint &H : F.FixIts)
        B << H;
    }
    for (const Note &N : F.Notes)
      Diags.Report(N.Loc, NoteID) << N.Message;
  }

private:
  DiagnosticsEngine &Diags;
  const Options &Opts;
  unsigned WarningID, ErrorID, NoteID, RemarkID, SkippedID;
};

/// Clang destroys a plugin action right after taking its consumer, so the
/// consumer owns the options and the sink it reports to.
class OwningConsumer : public ASTConsumer {
public:
  OwningConsumer(CompilerInstance &CI, const Options &O)
      : Opts(std::make_unique<Options>(O)),
        Sink(std::make_unique<ClangDiagnosticSink>(CI.getDiagnostics(), *Opts)),
        Inner(createChecksConsumer(CI, *Opts, *Sink)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Inner->HandleTranslationUnit(Ctx);
  }

private:
  std::unique_ptr<Options> Opts;
  std::unique_ptr<ClangDiagnosticSink> Sink;
  std::unique_ptr<ASTConsumer> Inner;
};

class SliceguardAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<OwningConsumer>(CI, Opts);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    for (const std::string &Arg : Args) {
      if (llvm::Error E = parseArgument(Arg, Opts)) {
        unsigned ID = compat::customDiagID(
            Diags, DiagnosticsEngine::Error,
            "invalid argument for plugin 'sliceguard': %0");
        Diags.Report(ID) << llvm::toString(std::move(E));
      }
    }
    if (Opts.Help)
      llvm::outs() << argumentHelp();
    if (Opts.ListChecks)
      for (const CheckInfo &C : allChecks())
        llvm::outs() << C.Name << "\n";
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace sliceguard

static clang::FrontendPluginRegistry::Add<sliceguard::SliceguardAction>
    X("sliceguard", "sliceguard: Go-style slice and map misuse checks");
