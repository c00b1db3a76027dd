//===- Check.h - what a check is ------------------------------------------===//
//
// A check looks at one function at a time.  The driver (Registry.cpp) has
// already built the function's FunctionFlow (CFG + values, shared by all
// checks) and hands it over in a CheckContext.  A check reports through
// CheckContext::report, which fills in the check's name.
//
// Adding a check: write checks/<Class>.cpp with a class derived from
// SliceGrowthCheck or MapInsertCheck (which growth makes its hazard) and
//   std::unique_ptr<Check> create<Class>();
// and add one SLICEGUARD_CHECK line to checks/CheckList.def.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CHECKS_CHECK_H
#define SLICEGUARD_CHECKS_CHECK_H

#include "AliasFlow.h"
#include "ApiModel.h"
#include "Diagnostics.h"
#include "HazardScreen.h"
#include "Sliceguard.h"
#include "clang/AST/ASTContext.h"
#include <memory>

namespace sliceguard {

class SliceViews;
struct SharedAnalyses;

struct CheckContext {
  clang::ASTContext &Ctx;
  const ApiModel &Api;
  const FunctionFlow &Flow;
  SummaryCache &Summaries;
  Reporter &Out;
  llvm::StringRef CheckName;
  /// Per-function analyses built once and shared by every check
  /// (Registry.cpp); null outside the registry's driver loop.
  SharedAnalyses *Shared = nullptr;

  /// The function's slice views: built on first use, then shared.
  const SliceViews &views() const;
  /// Assignments to struct fields anywhere in the main file: scanned on
  /// first use, once per translation unit (see SliceViews.h).
  llvm::ArrayRef<const clang::BinaryOperator *> fieldAssignmentsInFile() const;

  /// A finding of this check at Loc (macro locations are fine: the
  /// Reporter moves them to the user's line).
  Finding finding(clang::SourceLocation Loc, const llvm::Twine &Message,
                  clang::SourceRange Range = {}) const {
    Finding F;
    F.Check = CheckName.str();
    F.Message = Message.str();
    F.Loc = Loc;
    F.Range = Range;
    return F;
  }
  void report(Finding F) const { Out.report(std::move(F)); }

  /// Source text of E as the user wrote it (empty inside macros).
  std::string sourceText(const clang::Expr *E) const;
};

/// When Put is a call to a same-file helper that inserts into its map
/// parameter, a note on the insert itself, naming the function holding it
/// (the innermost helper when helpers call helpers).
/// (The site may be in another translation unit's file, from a stored
/// summary.)
inline void addHelperInsertNote(Finding &F, const OpEvent &Put) {
  if (!Put.Callee || Put.CalleeSiteLoc.isInvalid())
    return;
  std::string Holder = !Put.CalleeSiteFnName.empty()
                           ? Put.CalleeSiteFnName.str()
                           : Put.Callee->getNameAsString();
  F.Notes.push_back({Put.CalleeSiteLoc,
                     "'" + Holder + "' inserts into its map parameter here"});
}

/// When Call is to a helper summarised in another translation unit: a note
/// on the append inside it, in the helper's own file (nothing in this file
/// shows it).  A same-file helper needs none: its body is in view.
inline void addImportedAppendNote(Finding &F, const CheckContext &C,
                                  const clang::CallExpr *Call) {
  const clang::FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !C.Summaries.imported(Callee))
    return;
  if (const FunctionSummary *Sum = C.Summaries.get(Callee))
    for (const ParamEffect &E : Sum->SliceAppends)
      if (E.SiteLoc.isValid()) {
        F.Notes.push_back(
            {E.SiteLoc, "'" + E.SiteFnName + "' appends to its slice here"});
        return;
      }
}

class Check {
public:
  virtual ~Check();
  /// False when the screen shows the function cannot hold this check's
  /// hazard (a slice check where nothing appends, a map check where
  /// nothing inserts): the check is not run there.
  virtual bool mayApply(const ScreenResult &Screened) const = 0;
  /// True when the screen says the function needs the flow analysis for
  /// this check.  The growth checks need it only where something grows;
  /// a check of other hazards (arena resets) says when it needs it.
  virtual bool needsFlow(const ScreenResult &Screened) const {
    return Screened.needsFlow();
  }
  virtual void checkFunction(const CheckContext &C) = 0;
};

/// The base of the checks whose hazards an append makes.
class SliceGrowthCheck : public Check {
public:
  bool mayApply(const ScreenResult &Screened) const override {
    return Screened.MayAppend;
  }
};

/// The base of the checks whose hazards an insert makes.
class MapInsertCheck : public Check {
public:
  bool mayApply(const ScreenResult &Screened) const override {
    return Screened.MayInsert;
  }
};

#define SLICEGUARD_CHECK(Class, Name, Summary)                                 \
  std::unique_ptr<Check> create##Class();
#include "CheckList.def"

} // namespace sliceguard

#endif // SLICEGUARD_CHECKS_CHECK_H
