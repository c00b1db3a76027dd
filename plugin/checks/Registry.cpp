//===- Registry.cpp - the check registry and the driver of all checks ----===//
#include "Check.h"
#include "HazardScreen.h"
#include "SliceViews.h"
#include "SummaryUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace clang;

namespace sliceguard {

Check::~Check() = default;

namespace {
struct RegisteredCheck {
  CheckInfo Info;
  std::unique_ptr<Check> (*Create)();
};

const RegisteredCheck Registry[] = {
#define SLICEGUARD_CHECK(Class, Name, Summary) {{Name, Summary}, create##Class},
#include "CheckList.def"
};
} // namespace

llvm::ArrayRef<CheckInfo> allChecks() {
  static const std::vector<CheckInfo> Infos = [] {
    std::vector<CheckInfo> Out;
    for (const RegisteredCheck &R : Registry)
      Out.push_back(R.Info);
    return Out;
  }();
  return Infos;
}

std::string docsUrl(llvm::StringRef CheckName) {
  return (llvm::Twine(SLICEGUARD_DOCS_BASE) + CheckName + ".md").str();
}

std::string CheckContext::sourceText(const Expr *E) const {
  if (!E)
    return "";
  // Macro arguments (`m` in sg_range(T, m, it)) map back to the file.
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (R.isInvalid())
    return "";
  return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

/// What the checks of one translation unit share.
struct UnitAnalyses {
  std::optional<std::vector<const BinaryOperator *>> FieldAssignments;
};

/// What the checks of one function share: the slice views are the same
/// for every aliasing check, so they are collected once per function.
struct SharedAnalyses {
  CheckContext Base;
  std::unique_ptr<SliceViews> Views;
  UnitAnalyses *Unit = nullptr;
};

const SliceViews &CheckContext::views() const {
  assert(Shared && "views() outside the registry's driver");
  if (!Shared->Views)
    Shared->Views = std::make_unique<SliceViews>(
        Shared->Base.Api, Shared->Base.Flow, Shared->Base.Summaries);
  return *Shared->Views;
}

llvm::ArrayRef<const BinaryOperator *>
CheckContext::fieldAssignmentsInFile() const {
  assert(Shared && Shared->Unit && "outside the registry's driver");
  std::optional<std::vector<const BinaryOperator *>> &Cached =
      Shared->Unit->FieldAssignments;
  if (!Cached)
    Cached = sliceguard::fieldAssignmentsInFile(Ctx, Api);
  return *Cached;
}

namespace {

/// Keeps the header filter away from the runtime: every header that
/// declares a marked operation or type is an implementation, not a use.
void excludeApiHeaders(ASTContext &Ctx, const ApiModel &Api, Reporter &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Exclude = [&](const Decl *D) {
    SourceLocation L = SM.getExpansionLoc(D->getLocation());
    if (L.isValid() && !SM.isInMainFile(L))
      Out.excludeFile(SM.getFileID(L));
  };
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (Api.opKind(FD) != OpKind::None)
        Exclude(FD);
    } else if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
      if (Api.typeKind(TD->getUnderlyingType()) != TypeKind::None)
        Exclude(TD);
    }
  }
}

class ChecksConsumer : public ASTConsumer {
public:
  ChecksConsumer(const Options &Opts, FindingSink &Sink)
      : Opts(Opts), Sink(Sink) {
    for (const RegisteredCheck &R : Registry)
      if (Opts.isEnabled(R.Info.Name))
        Enabled.emplace_back(R.Info.Name, R.Create());
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Enabled.empty() && !UnitSummaries::wanted(Opts))
      return;
    ApiModel Api(Opts.Models, Opts.UserModels);
    std::vector<const FunctionDecl *> Functions;
    bool CanGrow = false; // an append or an insert operation is declared
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        Api.indexDecl(FD);
        CanGrow |= Api.mayChange(FD);
        if (FD->doesThisDeclarationHaveABody() && !FD->isInvalidDecl())
          Functions.push_back(FD);
      }
    // Every check reports a hazard made by an append or an insert: a
    // translation unit that declares neither (most C code) is not walked.
    if (!CanGrow) {
      UnitSummaries::exportEmpty(Ctx, Opts);
      if (Opts.Stats)
        llvm::errs() << "sliceguard: no append or insert operation declared; "
                        "nothing to analyse\n";
      return;
    }
    Reporter Out(Ctx.getSourceManager(), Ctx.getLangOpts(), Opts, Sink);
    excludeApiHeaders(Ctx, Api, Out);
    SummaryCache Summaries(Ctx, Api);
    // Helpers in any of the user's files are summarised (a helper in the
    // user's own header still inserts into its parameter); the runtime's
    // and other marked APIs' internals and system headers never are.
    Summaries.setScope([&Out](const FunctionDecl *FD) {
      return Out.isUserLocation(FD->getLocation()) ||
             Out.isUserHeader(FD->getLocation());
    });
    Summaries.setMaxCfgBlocks(Opts.MaxCfgBlocks);
    HazardScreen Screen(Api);
    // Whole-program mode (SummaryUnit.h): callees defined in other TUs.
    UnitSummaries Whole(Ctx, Api, Opts, Summaries, Screen, Out);
    if (UnitSummaries::wanted(Opts))
      Whole.importOthers();
    UnitAnalyses Unit;
    unsigned UsingRuntime = 0, Analysed = 0, Skipped = 0;
    uint64_t QueryWork = 0;
    for (const FunctionDecl *FD : Functions) {
      if (Opts.SummariesOnly)
        break;
      // Only the user's code: never the runtime's own bodies.
      if (!Out.isUserLocation(FD->getLocation()) ||
          Api.opKind(FD) != OpKind::None)
        continue;
      ScreenResult Screened = Screen.screen(FD);
      UsingRuntime += Screened.MentionsRuntime;
      if (!worthAnalysing(Screened))
        continue;
      ++Analysed;
      FunctionFlow Flow(FD, Ctx, Api, &Summaries);
      if (Flow.tooLarge()) {
        ++Skipped;
        reportTooLarge(FD, Flow);
        continue;
      }
      if (!Flow.valid())
        continue;
      SharedAnalyses Shared{
          {Ctx, Api, Flow, Summaries, Out, ""}, nullptr, &Unit};
      for (auto &[Name, C] : Enabled) {
        if (!Opts.AnalyzeAll &&
            (!C->mayApply(Screened) || !C->needsFlow(Screened)))
          continue;
        CheckContext Context{Ctx, Api, Flow, Summaries, Out, Name, &Shared};
        C->checkFunction(Context);
      }
      QueryWork += Flow.queryWork();
    }
    Whole.exportUnit(Functions);
    if (Opts.Stats)
      llvm::errs() << "sliceguard: " << UsingRuntime
                   << " functions use the runtime, " << Analysed
                   << " needed the flow analysis, " << Out.numReported()
                   << " findings\n";
    if (Opts.Stats) {
      if (Skipped)
        llvm::errs() << "sliceguard: " << Skipped
                     << " functions skipped as too large\n";
      // The flow queries' work (FlowQueries.h): a test compares it
      // across input sizes to catch superlinear growth without timing.
      llvm::errs() << "sliceguard: flow queries took " << QueryWork
                   << " steps\n";
    }
  }

private:
  /// One remark per function over the budget: visible, but not a warning,
  /// so -Werror builds and -verify tests do not change.
  void reportTooLarge(const FunctionDecl *FD, const FunctionFlow &Flow) {
    std::string Message;
    llvm::raw_string_ostream OS(Message);
    OS << "'" << FD->getNameAsString() << "': analysis skipped: too large ("
       << Flow.cfg().getNumBlockIDs()
       << " CFG blocks, over max-cfg-blocks=" << Opts.MaxCfgBlocks << ")";
    Sink.remark(FD->getLocation(), OS.str());
  }

  /// Every check reports a hazard made by an append or an insert (here or
  /// in a same-file callee) to something with a second reference, so
  /// other functions need no CFG.  `analyze-all` keeps only the refusals
  /// that protect the analysis (no runtime at all, an AST with errors), so
  /// tests can show the screen loses nothing.
  bool worthAnalysing(const ScreenResult &S) const {
    if (Opts.AnalyzeAll)
      return S.MentionsRuntime && !S.HasErrors;
    return llvm::any_of(Enabled,
                        [&](const auto &C) { return C.second->needsFlow(S); });
  }

  Options Opts;
  FindingSink &Sink;
  std::vector<std::pair<llvm::StringRef, std::unique_ptr<Check>>> Enabled;
};

} // namespace

std::unique_ptr<ASTConsumer> createChecksConsumer(CompilerInstance &CI,
                                                  const Options &Opts,
                                                  FindingSink &Sink) {
  (void)CI;
  return std::make_unique<ChecksConsumer>(Opts, Sink);
}

} // namespace sliceguard
