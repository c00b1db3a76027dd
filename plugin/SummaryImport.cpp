//===- SummaryImport.cpp - stored summaries as this TU's FunctionSummary --===//
//
// A callee with no body here may have a summary another translation unit
// wrote (SummaryStore).  Its parameter paths name fields; here they become
// this TU's FieldDecls, found by name along the parameter's declared type,
// so the places the flow builds for the call compare equal to the caller's
// own places.  A path that does not resolve (the caller sees another
// struct layout: a different header, an ODR violation) drops that effect:
// the call is then as opaque as it was without summaries, never wrong.
//
//===----------------------------------------------------------------------===//
#include "AliasFlow.h"
#include "Summary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sliceguard {

/// Resolves stored steps against T, the declared type of a parameter.
static bool resolveSteps(QualType T, const std::vector<std::string> &Steps,
                         llvm::SmallVectorImpl<PathStep> &Out) {
  for (const std::string &Step : Steps) {
    T = T.getCanonicalType();
    if (Step == "*") {
      if (!T->isPointerType())
        return false;
      T = T->getPointeeType();
      Out.push_back({PathStep::Deref, nullptr});
      continue;
    }
    if (Step == "[]") {
      if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
        T = AT->getElementType();
      Out.push_back({PathStep::Elem, nullptr});
      continue;
    }
    const auto *RT = T->getAs<RecordType>();
    const RecordDecl *RD = RT ? RT->getDecl()->getDefinition() : nullptr;
    if (!RD)
      return false;
    llvm::StringRef Name = llvm::StringRef(Step).drop_front();
    const FieldDecl *Found = nullptr;
    for (const FieldDecl *F : RD->fields())
      if (F->getName() == Name) {
        Found = F;
        break;
      }
    if (!Found)
      return false;
    Out.push_back({PathStep::Field, Found});
    T = Found->getType();
  }
  return true;
}

const StoredSummary *SummaryCache::imported(const FunctionDecl *FD) const {
  const FunctionDecl *Def = nullptr;
  if (!Store || !FD || FD->hasBody(Def) || Api.opKind(FD) != OpKind::None)
    return nullptr;
  return Store->find(summaryIdOf(FD, Ctx.getSourceManager()));
}

SourceLocation SummaryCache::locationOf(const SummarySite &Site) {
  if (!Site.valid())
    return {};
  SourceManager &SM = Ctx.getSourceManager();
  auto [It, Inserted] = ForeignFiles.try_emplace(Site.File);
  if (Inserted) {
    auto Ref = SM.getFileManager().getFileRef(Site.File);
    if (!Ref) {
      llvm::consumeError(Ref.takeError());
      return {}; // not readable here (another machine): no note
    }
    // A header this TU includes too is already there.
    FileID FID = SM.translateFile(*Ref);
    if (FID.isInvalid()) {
      FID = SM.createFileID(*Ref, SourceLocation(), SrcMgr::C_User);
      if (OnForeignFile && FID.isValid())
        OnForeignFile(FID);
    }
    It->second = FID;
  }
  if (It->second.isInvalid())
    return {};
  return SM.translateLineCol(It->second, Site.Line, std::max(1u, Site.Column));
}

const FunctionSummary *SummaryCache::fromStore(const FunctionDecl *FD) {
  const FunctionDecl *Key = FD->getCanonicalDecl();
  auto It = Done.find(Key);
  if (It != Done.end())
    return It->second.get();
  const StoredSummary *S = imported(FD);
  auto Sum = std::make_unique<FunctionSummary>();
  unsigned NumParams = FD->getNumParams();
  auto Resolve = [&](const StoredEffect &E, ParamEffect &Out) {
    if (E.Param >= NumParams ||
        !resolveSteps(FD->getParamDecl(E.Param)->getType(), E.Steps, Out.Steps))
      return false;
    Out.Param = E.Param;
    if (E.KeyParam >= 0 && static_cast<unsigned>(E.KeyParam) < NumParams) {
      llvm::SmallVector<PathStep, 3> KeySteps;
      if (resolveSteps(FD->getParamDecl(E.KeyParam)->getType(), E.KeySteps,
                       KeySteps)) {
        Out.KeyParam = E.KeyParam;
        Out.KeySteps.assign(KeySteps.begin(), KeySteps.end());
      }
    }
    Out.SiteLoc = locationOf(E.Site);
    Out.SiteFnName = E.SiteFn.empty() ? S->Name : E.SiteFn;
    return true;
  };
  auto ResolveAll = [&](const std::vector<StoredEffect> &From,
                        std::vector<ParamEffect> &Into) {
    for (const StoredEffect &E : From) {
      ParamEffect P;
      if (Resolve(E, P))
        Into.push_back(std::move(P));
    }
  };
  if (S) {
    ResolveAll(S->MapInserts, Sum->MapInserts);
    ResolveAll(S->SliceAppends, Sum->SliceAppends);
    ResolveAll(S->MapDeletes, Sum->MapDeletes);
    for (unsigned I : S->ReturnsViewOf)
      if (I < NumParams && Api.isTracked(FD->getParamDecl(I)->getType()))
        Sum->ReturnsViewOf.push_back(I);
    if (S->HasReturnsPlace && Api.isTracked(FD->getReturnType()))
      Sum->HasReturnsPlace = Resolve(S->ReturnsPlace, Sum->ReturnsPlace);
  }
  FunctionSummary *Result = Sum->empty() ? nullptr : Sum.get();
  Done[Key] = Result ? std::move(Sum) : nullptr;
  return Result;
}

} // namespace sliceguard
