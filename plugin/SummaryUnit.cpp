//===- SummaryUnit.cpp - summarise a TU, load the others ------------------===//
#include "SummaryUnit.h"
#include "Compat.h"
#include "SliceViews.h"
#include "checks/Check.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang;

namespace sliceguard {

UnitSummaries::UnitSummaries(ASTContext &Ctx, const ApiModel &Api,
                             const Options &Opts, SummaryCache &Cache,
                             HazardScreen &Screen, Reporter &Out)
    : Ctx(Ctx), Api(Api), Opts(Opts), Cache(Cache), Screen(Screen), Out(Out) {}

bool UnitSummaries::wanted(const Options &Opts) {
  return !Opts.SummariesDir.empty() || Opts.ImportedSummaries ||
         Opts.ExportSummaries;
}

static std::string mainFileOf(const SourceManager &SM) {
  return absoluteFileName(SM, SM.getLocForStartOfFile(SM.getMainFileID()));
}

void UnitSummaries::warn(const std::string &Message) {
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  // A warning the build shows, which -Werror does not turn into an error
  // (custom diagnostics ignore it): a bad summary file loses findings, it
  // does not break the compile.
  Diags.Report(
      compat::customDiagID(Diags, DiagnosticsEngine::Warning, "sliceguard: %0"))
      << Message;
}

void UnitSummaries::importOthers() {
  if (Opts.ImportedSummaries) {
    Others = Opts.ImportedSummaries;
  } else if (!Opts.SummariesDir.empty()) {
    auto Loaded = std::make_shared<SummaryStore>();
    Loaded->loadDirectory(Opts.SummariesDir, mainFileOf(Ctx.getSourceManager()),
                          [&](const std::string &M) { warn(M); });
    Others = std::move(Loaded);
  }
  if (!Others)
    return;
  Cache.setStore(Others.get());
  Screen.setSummaries(&Cache);
  Cache.setForeignFileHook([this](FileID FID) { Out.allowNotesIn(FID); });
}

/// "*", "[]", ".name" for each step; false for a step no other TU could
/// resolve (an anonymous member).
static bool spell(llvm::ArrayRef<PathStep> Steps,
                  std::vector<std::string> &Out) {
  for (const PathStep &S : Steps) {
    if (S.K == PathStep::Deref)
      Out.push_back("*");
    else if (S.K == PathStep::Elem)
      Out.push_back("[]");
    else if (S.F && !S.F->getName().empty())
      Out.push_back("." + S.F->getName().str());
    else
      return false;
  }
  return true;
}

static SummarySite siteOf(const SourceManager &SM, SourceLocation Loc) {
  SummarySite Site;
  if (Loc.isInvalid())
    return Site;
  Loc = SM.getFileLoc(Loc);
  Site.File = absoluteFileName(SM, Loc);
  Site.Line = SM.getSpellingLineNumber(Loc);
  Site.Column = SM.getSpellingColumnNumber(Loc);
  return Site;
}

static bool storedEffect(const SourceManager &SM, const ParamEffect &E,
                         StoredEffect &Out) {
  Out.Param = E.Param;
  Out.KeyParam = E.KeyParam;
  if (!spell(E.Steps, Out.Steps) || !spell(E.KeySteps, Out.KeySteps))
    return false;
  if (Out.KeyParam < 0)
    Out.KeySteps.clear();
  Out.Site = siteOf(SM, E.SiteLoc.isValid() ? E.SiteLoc
                                            : (E.Site ? E.Site->getBeginLoc()
                                                      : SourceLocation()));
  Out.SiteFn = !E.SiteFnName.empty()
                   ? E.SiteFnName
                   : (E.SiteFn ? E.SiteFn->getNameAsString() : "");
  return true;
}

static void storedEffects(const SourceManager &SM,
                          const std::vector<ParamEffect> &From,
                          std::vector<StoredEffect> &Into) {
  for (const ParamEffect &E : From) {
    StoredEffect S;
    if (storedEffect(SM, E, S))
      Into.push_back(std::move(S));
  }
}

/// The functions without a body here that FD calls: the edges of the
/// cross-file call graph the fixpoint follows.
static void collectCalls(const Stmt *S, const ApiModel &Api,
                         const SourceManager &SM, std::set<std::string> &Out) {
  if (!S)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      const FunctionDecl *Def = nullptr;
      if (!Callee->hasBody(Def) && Api.opKind(Callee) == OpKind::None &&
          !SM.isInSystemHeader(Callee->getLocation()))
        Out.insert(summaryIdOf(Callee, SM));
    }
  for (const Stmt *Child : S->children())
    collectCalls(Child, Api, SM, Out);
}

static int paramOf(const FunctionDecl *FD, const ValueDecl *D) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I) == D)
      return I;
  return -1;
}

StoredSummary UnitSummaries::summarise(const FunctionDecl *FD) {
  const SourceManager &SM = Ctx.getSourceManager();
  StoredSummary S;
  S.Id = summaryIdOf(FD, SM);
  S.Name = FD->getNameAsString();
  S.Definition = siteOf(SM, FD->getLocation());
  ScreenResult R = Screen.screen(FD);
  S.MentionsRuntime = R.MentionsRuntime;
  S.MayAppend = R.MayAppend;
  S.MayInsert = R.MayInsert;
  S.MayRemove = R.MayRemove;
  S.SecondRef = R.SecondRef;
  S.ResetsArena = R.MayResetArena;
  if (const FunctionSummary *Sum = Cache.get(FD)) {
    storedEffects(SM, Sum->MapInserts, S.MapInserts);
    storedEffects(SM, Sum->SliceAppends, S.SliceAppends);
    storedEffects(SM, Sum->MapDeletes, S.MapDeletes);
    S.ReturnsViewOf = Sum->ReturnsViewOf;
    if (Sum->HasReturnsPlace)
      S.HasReturnsPlace = storedEffect(SM, Sum->ReturnsPlace, S.ReturnsPlace);
  }
  std::set<std::string> Calls;
  collectCalls(FD->getBody(), Api, SM, Calls);
  S.Calls.assign(Calls.begin(), Calls.end());
  // What it returns and keeps: the slice views' helper analyses, which
  // need the function's own flow.  Only code that touches the runtime's
  // values can return or keep one (`return &st->ptr[i]` touches no op).
  QualType Ret = FD->getReturnType();
  bool MayReturnOne = Api.isTracked(Ret) || Ret->isPointerType();
  if ((!R.MentionsRuntime && !MayReturnOne) || R.HasErrors)
    return S;
  FunctionFlow Flow(FD, Ctx, Api, &Cache);
  if (!Flow.valid())
    return S;
  CheckContext C{Ctx, Api, Flow, Cache, Out, "", nullptr};
  SliceViews Views(Api, Flow, Cache);
  ReturnShape RS = Views.returnShape(FD);
  if (RS.K != ReturnShape::None) {
    S.ReturnShape = RS.K == ReturnShape::AppendOf ? "append" : "view";
    S.ReturnShapeParam = RS.Param;
  }
  SliceViews::PointerReturn PR = Views.pointerReturn(FD);
  S.ReturnsElementOf = PR.Param;
  S.ReturnsElementThroughPointer = PR.Param >= 0 && PR.ThroughPointer;
  S.ReturnsFresh = (Api.isTracked(Ret) || Ret->isPointerType()) &&
                   S.ReturnsViewOf.empty() && !S.HasReturnsPlace &&
                   S.ReturnShape.empty() && S.ReturnsElementOf < 0;
  std::set<std::pair<unsigned, std::vector<std::string>>> Kept;
  for (const Store &St : Views.stores())
    for (ValueId V : Views.storedValues(St)) {
      const Value &Val = Flow.value(V);
      int Param = Val.K == Value::Initial ? paramOf(FD, Val.P.Root) : -1;
      StoredEffect E;
      if (Param < 0 || !spell(Val.P.Steps, E.Steps))
        continue;
      E.Param = Param;
      if (!Kept.insert({E.Param, E.Steps}).second)
        continue;
      E.Site = siteOf(SM, St.Where->getBeginLoc());
      S.Stores.push_back(std::move(E));
    }
  return S;
}

void UnitSummaries::deliver(ASTContext &Ctx, const Options &Opts,
                            SummaryFile F) {
  if (!Opts.SummariesDir.empty() && !Opts.SummariesReadOnly)
    if (llvm::Error E = writeSummaryFileAtomically(Opts.SummariesDir, F)) {
      DiagnosticsEngine &Diags = Ctx.getDiagnostics();
      Diags.Report(compat::customDiagID(Diags, DiagnosticsEngine::Error,
                                        "sliceguard: %0"))
          << llvm::toString(std::move(E));
    }
  if (Opts.ExportSummaries)
    Opts.ExportSummaries(std::move(F));
}

void UnitSummaries::exportUnit(llvm::ArrayRef<const FunctionDecl *> Functions) {
  if (Opts.SummariesDir.empty() && !Opts.ExportSummaries)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SummaryFile F;
  F.MainFile = mainFileOf(SM);
  for (const FunctionDecl *FD : Functions) {
    // Each TU summarises what it defines; a header's inline helpers are
    // summarised by each TU that includes them, and needed by none other.
    if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) ||
        Api.opKind(FD) != OpKind::None || FD->getName().empty())
      continue;
    StoredSummary S = summarise(FD);
    // Also the effect-free ones that use the runtime: a definition the
    // store knows is one a duplicate can be noted against.
    if (!S.empty() || !S.Calls.empty() || S.MentionsRuntime)
      F.Functions.push_back(std::move(S));
  }
  deliver(Ctx, Opts, std::move(F));
}

void UnitSummaries::exportEmpty(ASTContext &Ctx, const Options &Opts) {
  if (Opts.SummariesDir.empty() && !Opts.ExportSummaries)
    return;
  SummaryFile F;
  F.MainFile = mainFileOf(Ctx.getSourceManager());
  deliver(Ctx, Opts, std::move(F));
}

} // namespace sliceguard
