//===- AliasFlow.h - the flow analysis every check shares -----------------===//
//
// One FunctionFlow per analysed function: its CFG (built once, with every
// sub-expression as an element), and a forward may-dataflow over that CFG
// that says which abstract *values* each storage *place* may hold at every
// element.  Checks never walk the CFG themselves for values; they ask.
//
// Vocabulary
//
//   Place   an lvalue path: a root variable and steps (field, deref, element)
//           e.g. `c->mounts` = c, *, .mounts.  `*p` after `p = &s` resolves
//           to the place `s` itself, so writes through pointers are tracked.
//   Value   an abstract slice / map / pointer value, interned per creation
//           site: Initial(place) (what a place held on entry), Made(call)
//           (the result of a runtime op or of a same-file call that returns
//           a view of its argument; From = the operand's values), Address
//           (&place), Projection(value, steps) (a field of a tracked
//           struct value, e.g. it.val of a range iterator), Fresh(site)
//           (a brand-new value nothing else aliases: {0}, unknown calls).
//           Copies (`t = s`) share the value: two places alias when their
//           value sets intersect.
//
// Typical use from a check:
//
//   for (const OpEvent &E : Flow.events())          // every op, in CFG order
//     if (E.Op == OpKind::MapPut)
//       ValueSet M = Flow.valuesOf(E.MapOperand, E.Call);   // at that call
//   Flow.walkForward(Flow.pointOf(E.Call), [&](const Stmt *S) {...});
//
// Same-file callees are summarised (FunctionSummary): which parameter places
// they insert into / append to, and which parameters their return value is a
// view of.  Their call sites appear in events() as synthetic ops with
// Callee set, so a check that handles map_put also handles `helper(m, k)`.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_ALIASFLOW_H
#define SLICEGUARD_ALIASFLOW_H

#include "ApiModel.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sliceguard {

class SummaryCache;
class SummaryStore;
class FlowQueries;
struct StoredSummary;
struct SummarySite;

struct PathStep {
  enum Kind : unsigned char { Field, Deref, Elem } K;
  const clang::FieldDecl *F = nullptr; ///< for Field
  bool operator==(const PathStep &O) const { return K == O.K && F == O.F; }
  bool operator<(const PathStep &O) const {
    return K != O.K ? K < O.K : F < O.F;
  }
};

/// An lvalue path rooted at a variable (local, parameter or global).
struct Place {
  const clang::ValueDecl *Root = nullptr;
  llvm::SmallVector<PathStep, 3> Steps;

  bool operator==(const Place &O) const {
    return Root == O.Root && Steps == O.Steps;
  }
  bool operator!=(const Place &O) const { return !(*this == O); }
  /// Inline: states are sorted by place, so this is the hottest compare.
  bool operator<(const Place &O) const {
    if (Root != O.Root)
      return Root < O.Root;
    return std::lexicographical_compare(Steps.begin(), Steps.end(),
                                        O.Steps.begin(), O.Steps.end());
  }
  /// True if this place equals O or contains it (`c` contains `c->mounts`).
  bool isPrefixOf(const Place &O) const;
  /// Storage that dies with the function: a local or parameter, reached
  /// without a dereference.
  bool isFunctionLocal() const;
  /// Source-like spelling for messages: "c->mounts", "*p", "it.val".
  std::string str() const;
};

using ValueId = unsigned;

/// A small sorted set of values.  Places rarely hold more than a few, and
/// the flow copies states at every block: a node-based std::set spent more
/// time in malloc than in the analysis.
class ValueSet {
public:
  using value_type = ValueId;
  using const_iterator = const ValueId *;
  using iterator = const_iterator;

  ValueSet() = default;
  ValueSet(std::initializer_list<ValueId> Init) {
    for (ValueId V : Init)
      insert(V);
  }

  std::pair<const_iterator, bool> insert(ValueId V) {
    auto It = std::lower_bound(Items.begin(), Items.end(), V);
    if (It != Items.end() && *It == V)
      return {It, false};
    It = Items.insert(It, V);
    return {It, true};
  }
  template <typename InputIt> void insert(InputIt First, InputIt Last) {
    for (; First != Last; ++First)
      insert(*First);
  }
  const_iterator find(ValueId V) const {
    auto It = std::lower_bound(Items.begin(), Items.end(), V);
    return It != Items.end() && *It == V ? It : end();
  }
  size_t count(ValueId V) const { return find(V) != end(); }
  const_iterator begin() const { return Items.begin(); }
  const_iterator end() const { return Items.end(); }
  bool empty() const { return Items.empty(); }
  size_t size() const { return Items.size(); }
  void clear() { Items.clear(); }
  bool operator==(const ValueSet &O) const { return Items == O.Items; }
  bool operator!=(const ValueSet &O) const { return Items != O.Items; }

private:
  llvm::SmallVector<ValueId, 4> Items; ///< sorted, no duplicates
};

struct Value {
  /// CapFull / CapRoom: markers in a slice's `cap` place, from a branch
  /// guard on its header (FlowCapacity.cpp); never a slice's own value.
  enum Kind { Initial, Made, Address, Projection, Fresh, CapFull, CapRoom } K;
  Place P;                                     ///< Initial / Address
  const clang::Expr *Site = nullptr;           ///< Made (the call) / Fresh
  OpKind Op = OpKind::None;                    ///< Made: the runtime op
  const clang::FunctionDecl *Callee = nullptr; ///< Made via a summary
  ValueSet From;                               ///< Made: operand values
  ValueId Base = 0;                            ///< Projection
  llvm::SmallVector<PathStep, 2> Steps;        ///< Projection
};

/// A position in the CFG: block and element index.
struct ProgramPoint {
  const clang::CFGBlock *Block = nullptr;
  unsigned Index = 0;
  explicit operator bool() const { return Block != nullptr; }
};

/// An operation the flow saw: a marked runtime call, or a call to a
/// same-file function whose summary says it inserts into / appends to a
/// place reachable from an argument (then Callee is set and CalleeSite is
/// the op inside the callee, for notes).
struct OpEvent {
  OpKind Op = OpKind::None;
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  const clang::CallExpr *CalleeSite = nullptr;
  const clang::FunctionDecl *CalleeSiteFn = nullptr; ///< holds CalleeSite
  /// Where the op inside the callee is and the name of the function
  /// holding it: set for every summarised call, also when the callee was
  /// summarised in another translation unit (then CalleeSite and
  /// CalleeSiteFn are null and the location is in a file this TU did not
  /// include, loaded for the note).
  clang::SourceLocation CalleeSiteLoc;
  llvm::StringRef CalleeSiteFnName;
  /// Operand values at the call (map operand for map ops, slice operand
  /// for slice ops; for summaries, the affected place's values).
  ValueSet Operand;
  /// The affected place when known (map / slice operand as a place).
  bool HasPlace = false;
  Place OperandPlace;
  /// Key expression for map ops taking one (null if the summary's key is
  /// not a parameter).
  const clang::Expr *Key = nullptr;
  /// For summaries whose key is a place behind a parameter (`it->key`):
  /// the values of that place in the caller (Key is null then).
  bool HasKeyValues = false;
  ValueSet KeyValues;
  /// A summarised append through a pointer: the call stores its result
  /// back into OperandPlace, as `P = append(P, ...)` does.
  bool ReplacesPlace = false;
};

/// Each statement's parent in one function body, as clang::ParentMap gives
/// it for C (a GNU `a ?: b` included), sized up front: the function's CFG
/// already says how many expressions it has.
class ParentIndex {
public:
  ParentIndex(const clang::Stmt *Body, unsigned ExpectedStatements);
  const clang::Stmt *getParent(const clang::Stmt *S) const {
    auto It = Parents.find(S);
    return It == Parents.end() ? nullptr : It->second;
  }

private:
  void add(const clang::Stmt *Parent, const clang::Stmt *Child, bool Opaque);
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parents;
};

class FunctionFlow {
public:
  /// A value's identity as raw words (kind, place, site, steps): what
  /// interning compares.
  using ValueKey = llvm::SmallVector<uintptr_t, 12>;
  /// What every place holds at one point: a flat map sorted by place.
  /// The fixpoint copies a state at every block visit; a node-based
  /// std::map made that a malloc per place.
  class State {
  public:
    using value_type = std::pair<Place, ValueSet>;
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;

    iterator begin() { return Entries.begin(); }
    iterator end() { return Entries.end(); }
    const_iterator begin() const { return Entries.begin(); }
    const_iterator end() const { return Entries.end(); }
    iterator find(const Place &P) {
      iterator It = lowerBound(P);
      return It != end() && It->first == P ? It : end();
    }
    const_iterator find(const Place &P) const {
      return const_cast<State *>(this)->find(P);
    }
    size_t count(const Place &P) const { return find(P) != end(); }
    ValueSet &operator[](const Place &P) {
      iterator It = lowerBound(P);
      if (It == end() || It->first != P)
        It = Entries.insert(It, value_type(P, ValueSet()));
      return It->second;
    }
    iterator erase(iterator It) { return Entries.erase(It); }

  private:
    iterator lowerBound(const Place &P) {
      return std::lower_bound(
          Entries.begin(), Entries.end(), P,
          [](const value_type &E, const Place &Key) { return E.first < Key; });
    }
    std::vector<value_type> Entries; ///< sorted by place, no duplicates
  };

  FunctionFlow(const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
               const ApiModel &Api, SummaryCache *Summaries);
  ~FunctionFlow();

  bool valid() const { return Cfg != nullptr && Converged; }
  /// True if the CFG has more blocks than the budget allows
  /// (SummaryCache::setMaxCfgBlocks): the function is not analysed.
  bool tooLarge() const { return TooLarge; }
  const clang::FunctionDecl *function() const { return FD; }
  const clang::CFG &cfg() const { return *Cfg; }
  const ParentIndex &parents() const { return *PM; }
  const ApiModel &api() const { return Api; }
  clang::ASTContext &astContext() const { return Ctx; }

  // ---- values --------------------------------------------------------
  const Value &value(ValueId V) const { return Values[V]; }
  /// Values E may evaluate to just before the element At (a statement or
  /// one of its sub-expressions) executes.
  ValueSet valuesOf(const clang::Expr *E, const clang::Stmt *At) const;
  /// The place E denotes at At (pointers resolved through the flow), or
  /// false if E is not a trackable lvalue.
  bool placeOf(const clang::Expr *E, const clang::Stmt *At, Place &Out) const;
  /// The values a place holds just before At.
  ValueSet valuesOfPlace(const Place &P, const clang::Stmt *At) const;
  /// Every place that may hold V just before At (branch refinement
  /// included: a pointer tested NULL on the way holds nothing).
  std::vector<Place> placesHolding(ValueId V, const clang::Stmt *At) const;
  /// True if S (or the `range_next(&it)` call that S, `it` or `&it`, is an
  /// operand of) advances the range iterator P lies in: `it.key` and
  /// `it.val` are new values from there on, as Go's range variables are
  /// in every iteration.  Walks that ask "is P overwritten on the way"
  /// prune there, before `&it` counts as a read of P.
  bool advancesRange(const clang::Stmt *S, const Place &P) const;
  /// If V is one iteration's range variable (`it.key`, `it.val`, or a
  /// part of them): the iterator, whose next range_next makes new ones.
  const clang::VarDecl *rangeIteratorOf(ValueId V) const;
  /// What an append to Slice just before At does with its array: Full,
  /// it allocates (Go guarantees it: the slice has no room); Room, it
  /// writes into the operand's array; Unknown otherwise.
  enum class Capacity { Unknown, Full, Room };
  Capacity capacityAt(const clang::Expr *Slice, const clang::Stmt *At) const;
  /// The value made by a runtime-op call (or summarised call) Call.
  bool madeBy(const clang::CallExpr *Call, ValueId &Out) const;
  /// True if V is, or is derived (through From / Base) from, any of Roots.
  bool derivesFrom(ValueId V, const ValueSet &Roots) const;
  /// True if any value in A derives from any value in B.
  bool anyDerivesFrom(const ValueSet &A, const ValueSet &B) const;
  static bool intersects(const ValueSet &A, const ValueSet &B);

  // ---- events ---------------------------------------------------------
  const std::vector<OpEvent> &events() const { return Events; }

  // ---- positions and paths --------------------------------------------
  /// The CFG element holding S (or the nearest enclosing expression that
  /// is one).
  ProgramPoint pointOf(const clang::Stmt *S) const;
  const clang::Stmt *stmtAt(ProgramPoint P) const;
  enum class Walk { Continue, Prune, Stop };
  /// Visits each element reachable after From (From excluded, loops
  /// followed, each element once).  Prune stops this path, Stop everything.
  void walkForward(ProgramPoint From,
                   llvm::function_ref<Walk(const clang::Stmt *)> Visit) const;
  /// True if S writes the whole of a place that contains P (P dies there):
  /// `P = ...`, a declaration of P's root, `lookup(m, k, &P)`.
  bool overwrites(const clang::Stmt *S, const Place &P) const;
  /// True if S is the outermost lvalue expression of a read of P or of
  /// something inside / containing P (`P`, `P.len`, `f(P)`), not as the
  /// target of an assignment.
  bool reads(const clang::Stmt *S, const Place &P) const;
  /// First read of P reachable after From before P is overwritten, or null.
  const clang::Stmt *nextRead(ProgramPoint From, const Place &P) const;
  /// The enclosing statement-level parent of E skipping parens and casts.
  const clang::Stmt *parentOf(const clang::Stmt *S) const;
  /// Path questions answered from per-block facts (FlowQueries.h), built
  /// on first use and shared by every check of the function.
  FlowQueries &queries() const;
  /// True if To can run after From (From excluded, loops followed).
  bool reaches(const clang::Stmt *From, const clang::Stmt *To) const;
  /// The work the queries did: elements classified or visited, blocks
  /// expanded, elements replayed to answer a state query.
  uint64_t queryWork() const;

  /// Where the range over a map that covers S begins: every enclosing loop
  /// (innermost first) whose condition calls map_range_next(&it), with the
  /// map_range_begin call that initialised `it`.
  struct RangeLoop {
    const clang::Stmt *Loop = nullptr;
    const clang::CallExpr *Begin = nullptr; ///< map_range_begin(m)
    const clang::CallExpr *Next = nullptr;  ///< map_range_next(&it)
    const clang::VarDecl *Iter = nullptr;
  };
  llvm::SmallVector<RangeLoop, 2> enclosingRanges(const clang::Stmt *S) const;
  /// True if Key (evaluated at At) is the current key of the range begun
  /// by Begin: `it.key` or a local copy of it.
  bool isCurrentKey(const clang::Expr *Key, const clang::Stmt *At,
                    const clang::CallExpr *Begin) const;
  /// The same for an event's key (its expression, or a summary's values).
  bool isCurrentKey(const OpEvent &Ev, const clang::CallExpr *Begin) const;
  /// True if V is (a part of) a copy of a map's value: a range iterator's
  /// val, the result of map_get, or map_lookup's out value.  Sets MapVals
  /// to the map values it was read from and Origin to where.
  bool isMapValueCopy(ValueId V, ValueSet *MapVals = nullptr,
                      const clang::Expr **Origin = nullptr) const;

private:
  friend class FlowBuilder;
  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  const ApiModel &Api;
  SummaryCache *Summaries;
  std::unique_ptr<clang::CFG> Cfg;
  std::unique_ptr<ParentIndex> PM;
  bool Converged = false;
  bool TooLarge = false;
  mutable std::unique_ptr<FlowQueries> Queries;

  std::vector<Value> Values;
  /// Values by identity (kind, place, site, base, steps) as raw words:
  /// cheaper to build and compare than a formatted string.
  /// Values by the hash of their key; Keys[Id] is Values[Id]'s key.
  llvm::DenseMap<unsigned, llvm::SmallVector<ValueId, 1>> Interned;
  std::vector<ValueKey> Keys;
  llvm::DenseMap<const clang::Stmt *, ProgramPoint> Points;
  std::vector<State> BlockEntry; ///< by block ID
  std::vector<OpEvent> Events;
  llvm::DenseMap<const clang::CallExpr *, ValueId> MadeValues;

  ValueId intern(Value V);
  ValueId initialOf(const Place &P);
  ValueSet lookup(const State &S, const Place &P) const;
  ValueSet eval(const State &S, const clang::Expr *E);
  bool resolvePlace(const State &S, const clang::Expr *E, Place &Out) const;
  void transfer(State &S, const clang::Stmt *Elem, bool Record);
  void assign(State &S, const Place &P, ValueSet V);
  void applySummary(State &S, const clang::CallExpr *Call, bool Record);
  // ---- library calls a model describes (FlowLibrary.cpp) -------------
  /// Applies what the models say Call does; false if they say nothing.
  bool applyLibraryEffects(State &S, const clang::CallExpr *Call, bool Record);
  bool libraryPlace(const State &S, const clang::CallExpr *Call,
                    const LibraryEffect &E, Place &Out);
  // ---- branch refinement (FlowRefine.cpp) ----------------------------
  /// True if the branch at the end of B can rule values out on an edge.
  bool refinesBranch(const clang::CFGBlock *B) const;
  /// Narrows S, the state at the end of B, to what holds on the edge to
  /// B's successor number SuccIndex (0: the condition holds).
  void refineEdge(State &S, const clang::CFGBlock *B, unsigned SuccIndex);
  void refineCondition(State &S, const clang::Expr *Cond, bool Holds);
  // ---- capacities (FlowCapacity.cpp) --------------------------------
  Capacity capacityAtBirth(ValueId V) const;
  Capacity capacityIn(const State &S, const clang::Expr *Slice);
  ValueId capacityMarker(Capacity Cap);
  /// Records what `s.len < s.cap` (and the like) says on an edge; false
  /// if BO is no such comparison.
  bool refineHeader(State &S, const clang::BinaryOperator *BO, bool Holds);
  /// PtrExpr is NULL here: the place it names points nowhere.
  void pointsNowhere(State &S, const clang::Expr *PtrExpr);
  /// The caller's place a summary effect on a parameter lands on.
  bool callerPlace(const State &S, const clang::CallExpr *Call,
                   const struct ParamEffect &E, Place &Out);
  /// The state just before At.  The reference is valid until the next
  /// query.
  const State &stateBefore(const clang::Stmt *At) const;
  /// Checks query points of one block in order (walkForward): the last
  /// state computed is resumed from instead of replaying the block.
  mutable const clang::CFGBlock *CachedBlock = nullptr;
  mutable unsigned CachedIndex = 0;
  mutable State CachedState;
  /// In a long block, the state before every SnapshotStride-th element,
  /// kept as replays pass it: a query that goes back in the block resumes
  /// from the nearest one instead of the block's start (a 30,000-element
  /// block otherwise made each such query cost the whole block).
  static constexpr unsigned SnapshotStride = 64;
  mutable llvm::DenseMap<const clang::CFGBlock *, std::vector<State>> Snapshots;
  mutable uint64_t ReplaySteps = 0;
  void run();
};

/// What a function does to its parameters.
struct ParamEffect {
  unsigned Param = 0;
  llvm::SmallVector<PathStep, 3> Steps;  ///< from the parameter to the place
  const clang::CallExpr *Site = nullptr; ///< the op inside the callee
  const clang::FunctionDecl *SiteFn = nullptr; ///< the function holding Site
  /// Site's location and SiteFn's name; the only ones set for a summary
  /// read from another translation unit (SummaryStore).
  clang::SourceLocation SiteLoc;
  std::string SiteFnName;
  int KeyParam = -1; ///< map inserts: key is this param
  /// ... or a place reached from it (`it->key` of an iterator pointer).
  llvm::SmallVector<PathStep, 2> KeySteps;
};

struct FunctionSummary {
  std::vector<ParamEffect> MapInserts;   ///< map_put into param-reachable map
  std::vector<ParamEffect> SliceAppends; ///< grows a param-reachable slice
  std::vector<ParamEffect> MapDeletes;
  /// Parameters whose slice/map value the return value may be derived from
  /// (a view, an append result, or the value itself).
  std::vector<unsigned> ReturnsViewOf;
  /// A getter: every return hands back what one place reachable from a
  /// parameter holds (`return r->hdrs;`), so the caller sees that place's
  /// values, not a fresh value.
  bool HasReturnsPlace = false;
  ParamEffect ReturnsPlace;
  /// The return value is a container (a slice of slices, a map of slices)
  /// holding 2-index views whose capacity runs past their end: appending
  /// to one element may overwrite another.  The view op that made one,
  /// and the function holding it (FlowCapacity.cpp).
  const clang::CallExpr *SharedViewSite = nullptr;
  const clang::FunctionDecl *SharedViewFn = nullptr;
  /// Containers reached from a parameter whose elements (a value read
  /// from the map or slice) the function appends to; Site is the append.
  std::vector<ParamEffect> ElementAppends;
  /// Parameters whose slice the function keeps where it outlives the call
  /// (a map, a slice of slices, the caller's memory).
  std::vector<unsigned> KeepsParam;
  bool empty() const {
    return MapInserts.empty() && SliceAppends.empty() &&
           ReturnsViewOf.empty() && MapDeletes.empty() && !HasReturnsPlace &&
           !SharedViewSite && ElementAppends.empty() && KeepsParam.empty();
  }
};

/// If V is a 2-index view `slice(b, lo, hi)` whose capacity extends past
/// its end (neither empty nor reaching `b.len`): the view op.
const clang::CallExpr *uncappedView(const FunctionFlow &Flow, ValueId V);
/// Fills Sum.SharedViewSite and Sum.ElementAppends for Def, whose flow is
/// Flow (FlowCapacity.cpp).
void summariseSharedViews(const FunctionFlow &Flow,
                          const clang::FunctionDecl *Def, FunctionSummary &Sum,
                          SummaryCache &Cache);
/// Fills Sum.KeepsParam (FlowCapacity.cpp).
void summariseKeptParams(const FunctionFlow &Flow,
                         const clang::FunctionDecl *Def, FunctionSummary &Sum,
                         SummaryCache &Cache);
/// If one of Vals was returned by a call to a function whose summary has
/// a SharedViewSite: that summary (and the call in Call).
const FunctionSummary *sharedViewsOf(const FunctionFlow &Flow,
                                     SummaryCache &Cache, const ValueSet &Vals,
                                     const clang::CallExpr **Call = nullptr);
/// If V is an element read from a container (`get(s, i)`, `get(m, k)`, a
/// range value): the container's values at the read and its expression.
bool elementOf(const FunctionFlow &Flow, ValueId V, ValueSet &Containers,
               const clang::Expr *&ContainerExpr);

/// Summaries of functions defined in the translation unit, computed on
/// demand (recursion yields an empty summary for the cycle); for a function
/// without a body here, the summary another TU wrote (setStore), with its
/// parameter paths resolved against this TU's declarations.
class SummaryCache {
public:
  SummaryCache(clang::ASTContext &Ctx, const ApiModel &Api)
      : Ctx(Ctx), Api(Api) {}
  /// Null for functions without effects, and for functions without a body
  /// in this TU that the store does not know.
  const FunctionSummary *get(const clang::FunctionDecl *FD);
  /// Summaries of other translation units (Summary.h); null: none.
  void setStore(const SummaryStore *S) { Store = S; }
  /// The stored summary of FD when FD has no body in this TU.
  const StoredSummary *imported(const clang::FunctionDecl *FD) const;
  /// Called with every file a note from a stored summary points into:
  /// the reporter lets notes (only notes) land there.
  void setForeignFileHook(std::function<void(clang::FileID)> Hook) {
    OnForeignFile = std::move(Hook);
  }
  /// A location for a site in another TU's file (invalid if the file
  /// cannot be read here).
  clang::SourceLocation locationOf(const SummarySite &Site);
  /// Functions whose CFG has more blocks than this are not analysed, as
  /// callers or as callees (0: no limit).
  void setMaxCfgBlocks(unsigned N) { MaxCfgBlocks = N; }
  unsigned maxCfgBlocks() const { return MaxCfgBlocks; }
  /// Limits summaries to the code being checked (the main file and
  /// filtered headers): the runtime's own internals are never summarised.
  void setScope(std::function<bool(const clang::FunctionDecl *)> InScope) {
    Scope = std::move(InScope);
  }

private:
  clang::ASTContext &Ctx;
  const ApiModel &Api;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>> Done;
  std::set<const clang::FunctionDecl *> InProgress;
  std::function<bool(const clang::FunctionDecl *)> Scope;
  unsigned MaxCfgBlocks = 0;
  const SummaryStore *Store = nullptr;
  std::function<void(clang::FileID)> OnForeignFile;
  std::map<std::string, clang::FileID> ForeignFiles;
  const FunctionSummary *fromStore(const clang::FunctionDecl *FD);
};

} // namespace sliceguard

#endif // SLICEGUARD_ALIASFLOW_H
