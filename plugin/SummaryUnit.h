//===- SummaryUnit.h - one translation unit's part in whole-program mode --===//
//
// The registry's driver (checks/Registry.cpp) makes one UnitSummaries per
// translation unit when summaries are on (Options::SummariesDir, or an
// in-process front end's ImportedSummaries / ExportSummaries):
//
//   importOthers()  loads the other TUs' summaries (a directory, or the
//                   front end's store) and hands them to the SummaryCache
//                   and the HazardScreen, so a call to a function with no
//                   body here is seen through its summary;
//   exportUnit()    summarises every function defined in the main file and
//                   writes the file (atomically) or hands it over.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_SUMMARYUNIT_H
#define SLICEGUARD_SUMMARYUNIT_H

#include "AliasFlow.h"
#include "Diagnostics.h"
#include "HazardScreen.h"
#include "Summary.h"
#include "clang/AST/ASTContext.h"

namespace sliceguard {

class UnitSummaries {
public:
  UnitSummaries(clang::ASTContext &Ctx, const ApiModel &Api,
                const Options &Opts, SummaryCache &Cache, HazardScreen &Screen,
                Reporter &Out);
  /// True if the options ask for whole-program summaries at all.
  static bool wanted(const Options &Opts);
  void importOthers();
  void exportUnit(llvm::ArrayRef<const clang::FunctionDecl *> Functions);
  /// For a TU that declares no append or insert: its (empty) summary file
  /// still replaces a stale one.
  static void exportEmpty(clang::ASTContext &Ctx, const Options &Opts);

private:
  StoredSummary summarise(const clang::FunctionDecl *FD);
  static void deliver(clang::ASTContext &Ctx, const Options &Opts,
                      SummaryFile F);
  void warn(const std::string &Message);

  clang::ASTContext &Ctx;
  const ApiModel &Api;
  const Options &Opts;
  SummaryCache &Cache;
  HazardScreen &Screen;
  Reporter &Out;
  std::shared_ptr<const SummaryStore> Others;
};

} // namespace sliceguard

#endif // SLICEGUARD_SUMMARYUNIT_H
