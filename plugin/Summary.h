//===- Summary.h - function summaries as data, across translation units ---===//
//
// A FunctionSummary (AliasFlow.h) holds AST pointers: it lives and dies
// with one translation unit.  A StoredSummary is the same knowledge as
// plain data (parameter paths as field names, sites as file:line:col), so
// one TU's summaries can be written to a file and read by another TU that
// only sees a prototype of the function.
//
//   StoredSummary  what one function does to its parameters and returns
//   SummaryFile    one TU's summaries: the file format (docs/design.md,
//                  "Whole-program summaries"), versioned
//   SummaryStore   every summary known to a TU, by stable identity; what
//                  SummaryCache consults for a callee with no body here
//
// Identity: external functions are "c:@F@name" (what clang's USR is for a
// C function, so every TU that declares it agrees); static functions are
// "c:<main file>@F@name" and never match another TU's.
//
// Adding a field to the summary is one local change: a member in
// StoredSummary and one line in StoredSummary::fields() (the writer and
// the reader both walk that list; an unknown field in a file is ignored, a
// missing one keeps its default, so older and newer files of the same
// version still read).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_SUMMARY_H
#define SLICEGUARD_SUMMARY_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class SourceManager;
class SourceLocation;
} // namespace clang

namespace sliceguard {

/// The version of the summary file format.  Bump it when a field changes
/// meaning (not when one is added: readers ignore what they do not know).
constexpr int SummaryFormatVersion = 1;
constexpr llvm::StringLiteral SummaryFormatName = "sliceguard-summaries";

/// A source position inside the summarised function's TU.
struct SummarySite {
  std::string File; ///< absolute path
  unsigned Line = 0, Column = 0;
  bool valid() const { return !File.empty() && Line > 0; }
};

/// An effect on (or a read of) a place reached from a parameter.
/// Steps spell the path: "*" (dereference), ".name" (field), "[]" (an
/// element), e.g. {"*", ".items"} for `p->items`.
struct StoredEffect {
  unsigned Param = 0;
  std::vector<std::string> Steps;
  /// Map inserts: the key is this parameter (-1: not a parameter) ...
  int KeyParam = -1;
  /// ... or a place reached from it (`it->key`).
  std::vector<std::string> KeySteps;
  SummarySite Site;   ///< the operation itself, for notes
  std::string SiteFn; ///< the function holding it (helpers call helpers)
};

struct StoredSummary {
  std::string Id;   ///< stable identity (see the file comment)
  std::string Name; ///< the function's name, for messages
  SummarySite Definition;

  // ---- growth and removal (FunctionSummary) --------------------------
  std::vector<StoredEffect> MapInserts;
  std::vector<StoredEffect> SliceAppends;
  std::vector<StoredEffect> MapDeletes;
  /// sg_arena_reset / sg_arena_free here or in a callee (the screen's bit;
  /// which arena parameter is a later field).
  bool ResetsArena = false;

  // ---- what it returns ----------------------------------------------
  /// Parameters the returned slice / map may be derived from.
  std::vector<unsigned> ReturnsViewOf;
  /// A getter: every return yields what this place held on entry.
  bool HasReturnsPlace = false;
  StoredEffect ReturnsPlace;
  /// Every return is `append(param, ...)` ("append") or a 2-index view of
  /// it ("view"), of parameter ReturnShapeParam; "" for neither.
  std::string ReturnShape;
  unsigned ReturnShapeParam = 0;
  /// Every return points into the slice of parameter ReturnsElementOf
  /// (through a pointer to it when ReturnsElementThroughPointer): `return
  /// at(*s, s->len - 1)`.  -1: it does not.
  int ReturnsElementOf = -1;
  bool ReturnsElementThroughPointer = false;
  /// The return type is a slice / map / pointer and it is none of the
  /// above: storage nothing of the caller's aliases.
  bool ReturnsFresh = false;

  // ---- what it keeps --------------------------------------------------
  /// Parameter places whose slice (or pointer) is stored somewhere that
  /// outlives the call (a global, caller memory, a map).
  std::vector<StoredEffect> Stores;

  // ---- the cheap screen's view (HazardScreen.h) ------------------------
  bool MentionsRuntime = false, MayAppend = false, MayInsert = false,
       MayRemove = false, SecondRef = false;

  // ---- the cross-file call graph ---------------------------------------
  /// Identities of the functions without a body in its TU that it calls:
  /// its summary may change when theirs do (the fixpoint follows these).
  std::vector<std::string> Calls;

  /// True if it tells a caller nothing beyond "an opaque call".
  bool empty() const;

  /// The single list of fields the reader and the writer walk.  V is
  /// called as V(json key, member) for every field but Id.
  template <typename Visitor> void fields(Visitor &&V) {
    V("name", Name);
    V("defined_at", Definition);
    V("map_inserts", MapInserts);
    V("slice_appends", SliceAppends);
    V("map_deletes", MapDeletes);
    V("resets_arena", ResetsArena);
    V("returns_view_of", ReturnsViewOf);
    V("has_returns_place", HasReturnsPlace);
    V("returns_place", ReturnsPlace);
    V("return_shape", ReturnShape);
    V("return_shape_param", ReturnShapeParam);
    V("returns_element_of", ReturnsElementOf);
    V("returns_element_through_pointer", ReturnsElementThroughPointer);
    V("returns_fresh", ReturnsFresh);
    V("stores", Stores);
    V("mentions_runtime", MentionsRuntime);
    V("may_append", MayAppend);
    V("may_insert", MayInsert);
    V("may_remove", MayRemove);
    V("second_ref", SecondRef);
    V("calls", Calls);
  }
  bool operator==(const StoredSummary &O) const;
  bool operator!=(const StoredSummary &O) const { return !(*this == O); }
};

/// One translation unit's summaries: what a summary file holds.
struct SummaryFile {
  std::string MainFile; ///< absolute path of the TU's main file
  std::vector<StoredSummary> Functions;
};

/// The file's text (compact JSON, functions in a stable order).
std::string writeSummaryFile(const SummaryFile &F);
/// Parses a summary file; an error says what is wrong (never crashes on
/// hostile input: sizes are bounded, types are checked).
llvm::Expected<SummaryFile> readSummaryFile(llvm::StringRef Text);

/// The file a TU's summaries go to in a summaries directory: derived from
/// the main file's whole path, so two `util.c` in different directories
/// (and parallel compiles) never write the same file.
std::string summaryFileName(llvm::StringRef MainFile);
/// Writes atomically (a unique temporary in Dir, then a rename): a reader
/// in a parallel build sees the old file or the new one, never half.
llvm::Error writeSummaryFileAtomically(llvm::StringRef Dir,
                                       const SummaryFile &F);

/// The absolute, normalised name of the file Loc is in (macro locations
/// count where they are expanded).
std::string absoluteFileName(const clang::SourceManager &SM,
                             clang::SourceLocation Loc);
/// The identity of a function for summaries.
std::string summaryIdOf(const clang::FunctionDecl *FD,
                        const clang::SourceManager &SM);

/// Every summary a TU can consult, by identity.  Thread-safe to read once
/// filled (sliceguard-check shares one between its workers).
class SummaryStore {
public:
  /// Adds a TU's summaries.  A second definition of one external function
  /// (two TUs define the symbol) keeps the one from the TU whose main file
  /// sorts first, whatever the order of loading, and remembers the
  /// duplicate for a note.
  void add(SummaryFile F);
  /// Reads every "*.sgsum.json" file of Dir.  Files that cannot be read or
  /// parsed are reported through Warn (once each, with their path) and
  /// skipped.  SkipMainFile: the caller's own TU (its file is stale).
  void loadDirectory(llvm::StringRef Dir, llvm::StringRef SkipMainFile,
                     const std::function<void(const std::string &)> &Warn);
  const StoredSummary *find(llvm::StringRef Id) const;
  /// "name: defined in a.c and b.c; using a.c" for every duplicate.
  std::vector<std::string> duplicates() const;
  size_t size() const { return ById.size(); }

private:
  struct Entry {
    StoredSummary Summary;
    std::string MainFile;
    std::set<std::string> AlsoIn;
  };
  std::map<std::string, Entry> ById;
};

} // namespace sliceguard

#endif // SLICEGUARD_SUMMARY_H
