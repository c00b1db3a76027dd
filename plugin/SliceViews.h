//===- SliceViews.h - what the four aliasing checks share -----------------===//
//
// AliasFlow says which values each place may hold.  The aliasing checks
// (subslice-append-overwrite, append-alias, ref-across-append,
// append-in-slice-loop) ask the same handful of questions on top of it:
//
//   * which calls append (runtime grow ops, and same-file helpers that
//     return `append(param, ...)`), and where does the result go;
//   * is a value a 2-index view, of which base, with which bounds;
//   * where does a slice get kept beyond a local (map put, slice of
//     slices, memory that outlives the function);
//   * which pointer was taken into which slice, and is it still in use;
//   * is a place still used after a point (a read, or the function ends
//     while the place lives on in the caller's memory).
//
// One SliceViews per function and check run; it caches nothing across
// translation units.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_SLICEVIEWS_H
#define SLICEGUARD_SLICEVIEWS_H

#include "AliasFlow.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace sliceguard {

/// What a same-file function's return statements all return.
struct ReturnShape {
  enum Kind { None, AppendOf, ViewOf } K = None;
  unsigned Param = 0; ///< the parameter appended to / viewed
};

/// A call that appends: a runtime grow op, or a same-file helper whose
/// every return is `append(param, ...)`.
struct AppendCall {
  const clang::CallExpr *Call = nullptr;
  const clang::Expr *Source = nullptr; ///< the slice appended to
  bool HasSourcePlace = false;
  Place SourcePlace;
  const clang::FunctionDecl *Helper = nullptr;
};

/// A 2-index view value: `slice(base, lo, hi)` or a helper returning one.
struct ViewInfo {
  const clang::CallExpr *Site = nullptr; ///< where the view was made
  const clang::Expr *Base = nullptr;     ///< the base operand there
  const clang::Expr *Lo = nullptr;       ///< null through helpers
  const clang::Expr *Hi = nullptr;
  bool DirectOp = false; ///< Site is the runtime's slice op itself
  ValueSet BaseValues;   ///< what the base held at Site
};

/// A slice kept somewhere that outlives a local variable.
struct Store {
  const clang::Stmt *Where = nullptr;  ///< the put / append / assignment
  const clang::Expr *Stored = nullptr; ///< the slice (or struct) kept
  /// When a struct is kept: the slice field of it this store is about.
  bool HasField = false;
  Place Field;
};

/// A pointer kept where it outlives a local: a map value, an element of a
/// slice of pointers, an array element.
struct PointerStore {
  const clang::Stmt *Where = nullptr;     ///< the put / append / assignment
  const clang::Expr *Stored = nullptr;    ///< the pointer expression kept
  const clang::Expr *Container = nullptr; ///< the map / slice / array
};

class SliceViews {
public:
  /// What the views are computed from.  Not the checks' CheckContext:
  /// the analysis core does not depend on the checks built on it.
  struct Inputs {
    const ApiModel &Api;
    const FunctionFlow &Flow;
    SummaryCache &Summaries; ///< same-file and imported callee summaries
  };
  SliceViews(const ApiModel &Api, const FunctionFlow &Flow,
             SummaryCache &Summaries);

  const Inputs C;
  const FunctionFlow &Flow;

  // ---- places --------------------------------------------------------
  /// The place E denotes (E evaluated where it stands in the function).
  bool placeOf(const clang::Expr *E, Place &Out) const;
  /// Every place of slice type (Pointers=false) or pointer type mentioned.
  const std::vector<Place> &places(bool Pointers) const;
  /// True if P's storage outlives the function (caller memory, globals).
  static bool outlivesFunction(const Place &P);

  // ---- calls ---------------------------------------------------------
  const std::vector<AppendCall> &appendCalls() const { return Appends; }
  /// Whether the append A surely allocates (its operand is full), surely
  /// writes in place (it has room), or either; Unknown through helpers.
  FunctionFlow::Capacity roomOf(const AppendCall &A) const;
  /// Where the result of Call is assigned: `D = call` or `T D = call`.
  bool resultPlace(const clang::CallExpr *Call, Place &Out) const;
  /// The shape of a same-file function's returns.
  ReturnShape returnShape(const clang::FunctionDecl *FD) const;
  /// Same, as seen from a helper Depth calls deep (bounds the recursion).
  ReturnShape returnShapeAt(const clang::FunctionDecl *FD,
                            unsigned Depth) const;
  /// The call whose argument list directly holds E (skipping parens and
  /// casts), or null.
  const clang::CallExpr *consumingCall(const clang::Expr *E) const;

  // ---- values --------------------------------------------------------
  /// If V is a 2-index view (a slice op or a helper returning one).
  bool viewInfo(ValueId V, ViewInfo &Out) const;
  /// Site, base and bounds of a direct `slice(base, lo, hi)` call (no
  /// BaseValues).
  bool directView(const clang::CallExpr *Call, ViewInfo &Out) const;
  /// The value Call makes (a runtime op or a summarised helper).
  bool resultValue(const clang::CallExpr *Call, ValueId &Out) const;
  const std::vector<Store> &stores() const { return Stores; }
  /// True if St is an assignment `P = ...`: it keeps its slice in P itself
  /// (caller memory such as `*buf`).  An append that grows P in place
  /// (`P = append(P, ...)`) replaces that copy rather than sharing with it,
  /// as it would for a local.
  bool keepsIn(const Store &St, const Place &P) const;
  /// The place an assignment store `P = ...` writes, if St is one.
  bool assignedPlace(const Store &St, Place &Out) const;
  const std::vector<PointerStore> &pointerStores() const { return PtrStores; }
  /// Flow.valuesOfPlace(P, At), remembered: the flow replays a block to
  /// answer, and the checks ask the same questions many times.
  const ValueSet &valuesAt(const Place &P, const clang::Stmt *At) const;
  /// Values the stored expression of St held when it was stored.
  const ValueSet &storedValues(const Store &St) const;

  // ---- order and liveness -------------------------------------------
  /// True if To can execute after From (From excluded, loops followed).
  bool reaches(const clang::Stmt *From, const clang::Stmt *To) const;
  /// Same, on a path where Unchanged is never overwritten.
  bool reachesWithout(const clang::Stmt *From, const clang::Stmt *To,
                      const Place &Unchanged) const;
  /// True if S reads P, or dereferences the pointer P.
  bool uses(const clang::Stmt *S, const Place &P) const;
  /// The first read of P after At before P is overwritten.  If there is
  /// none but P outlives the function and can reach the function's end
  /// unchanged, returns At and sets AtExit.
  /// Reads inside IgnoreWithin (a loop, say) do not count.
  const clang::Stmt *liveUse(const clang::Stmt *At, const Place &P,
                             bool *AtExit = nullptr,
                             const clang::Stmt *IgnoreWithin = nullptr) const;
  /// True if S is inside (or is) Outer.
  bool within(const clang::Stmt *S, const clang::Stmt *Outer) const;

  // ---- pointers into slices -----------------------------------------
  /// True if the pointer expression E points into the array of slice
  /// place S: at(S, i), &S.ptr[i], S.ptr + i, S.ptr.
  bool pointsInto(const clang::Expr *E, const Place &S) const;
  /// A same-file function whose returns all point into the slice of one
  /// parameter (`return at(s, 0);`); ThroughPointer when the parameter is
  /// a pointer to the slice.
  struct PointerReturn {
    int Param = -1;
    bool ThroughPointer = false;
  };
  PointerReturn pointerReturn(const clang::FunctionDecl *FD) const;
  /// True if Call is such a helper, called on S.
  bool helperPointsInto(const clang::CallExpr *Call, const Place &S) const;
  /// True if E is `S.ptr` (or `X->ptr` with *X the slice S).
  bool isPtrFieldOf(const clang::Expr *E, const Place &S) const;
  /// The assignment or declaration that last set pointer place P before
  /// At, if it made P point into S's array and S's array at At may still
  /// be (or have grown from) the one P was taken from.
  /// Every definition of pointer place P in the function: the statement
  /// and the value it stores.
  const std::vector<std::pair<const clang::Stmt *, const clang::Expr *>> &
  pointerDefinitions(const Place &P) const;
  const clang::Stmt *pointerInto(const Place &P, const Place &S,
                                 const clang::Stmt *At) const;
  /// The definitions of pointer place P (in pointerDefinitions' order)
  /// that reach At with P not overwritten on the way.
  std::vector<std::pair<const clang::Stmt *, const clang::Expr *>>
  reachingDefinitions(const Place &P, const clang::Stmt *At) const;
  /// Loops (for / while / do) whose body contains S, innermost first.
  llvm::SmallVector<const clang::Stmt *, 2>
  enclosingLoops(const clang::Stmt *S) const;
  /// Pointer places named in a loop's condition and increment (increment
  /// first: that is the pointer that walks).
  std::vector<Place> loopPointers(const clang::Stmt *Loop) const;

  /// Events that may move the array of a slice place: `S = append(S...)`
  /// (or append of an alias of S), and same-file helpers that append
  /// through a pointer to S.
  struct Move {
    const clang::CallExpr *Call = nullptr;
    Place Slice;
    ValueSet Before; ///< what the slice held before the call
  };
  const std::vector<Move> &moves() const { return Moves; }

private:
  void collect();
  void collectStores(const clang::Stmt *S);
  /// Records that E (a slice, or a struct holding slices) is kept at Where.
  void keep(const clang::Stmt *Where, const clang::Expr *E);
  void expandStructStores();
  void collectAppend(const clang::CallExpr *Call);
  ReturnShape computeReturnShape(const clang::FunctionDecl *FD,
                                 unsigned Depth) const;

  std::vector<const clang::Stmt *> Elements;
  std::vector<AppendCall> Appends;
  std::vector<Store> Stores;
  std::vector<std::pair<const clang::Stmt *, const clang::Expr *>> KeptStructs;
  std::vector<PointerStore> PtrStores;
  std::vector<Move> Moves;
  std::vector<Place> SlicePlaces, PointerPlaces;
  mutable llvm::DenseMap<const clang::FunctionDecl *, ReturnShape> Shapes;
  mutable unsigned CopyDepth = 0; ///< pointsInto through pointer copies
  mutable std::map<std::pair<Place, const clang::Stmt *>, ValueSet> ValuesMemo;
  mutable std::map<const Store *, ValueSet> StoredMemo;
  mutable bool DefsIndexed = false;
  mutable std::map<
      Place, std::vector<std::pair<const clang::Stmt *, const clang::Expr *>>>
      PointerDefs;
  mutable std::map<std::tuple<Place, Place, const clang::Stmt *>,
                   const clang::Stmt *>
      PointerIntoMemo;
  /// Per pointer place: each definition's position in pointerDefinitions,
  /// and the definitions that do not overwrite the place as a whole (the
  /// reaching-kill search cannot find those).
  struct DefinitionIndex {
    llvm::DenseMap<const clang::Stmt *, unsigned> Position;
    std::vector<unsigned> NotKills;
  };
  mutable std::map<Place, DefinitionIndex> DefIndex;
};

/// The slice a pointer expression points into, syntactically: `at(X, i)`,
/// `X.ptr`, `X.ptr + i`, `&X.ptr[i]`, `&at(X, i)->f`; for `P->ptr...` sets
/// Arrow and returns P (the slice is *P).  Null for anything else.
const clang::Expr *sliceOfPointer(const ApiModel &Api, const clang::Expr *E,
                                  bool &Arrow);

/// Source-like name of a place for messages.
std::string nameOf(const Place &P);

/// Every assignment to a struct field (`x.f = ...`, `p->f = ...`) in the
/// bodies of the main file's own functions (never the runtime's marked
/// operations): what the checks scan to learn how the file sets struct
/// fields elsewhere.  Use CheckContext::fieldAssignmentsInFile(), which
/// scans once per translation unit.
std::vector<const clang::BinaryOperator *>
fieldAssignmentsInFile(const clang::ASTContext &Ctx, const ApiModel &Api);

} // namespace sliceguard

#endif // SLICEGUARD_SLICEVIEWS_H
