//===- HazardScreen.h - which functions are worth a flow analysis ---------===//
//
// Building a CFG and running the value flow costs more than parsing the
// function did, so the checks only see functions that could hold a hazard.
// Every check reports a *second reference* to a slice's array or a map's
// table that goes stale (or is overwritten) when something grows: a view,
// a pointer into the array, a range iterator, a copy of the slice header,
// a slice kept in a map.  A function in which every slice and map value
// stays in one variable cannot hold such a hazard, however much it appends
// or inserts.
//
// The screen is one syntactic walk over the body.  It is conservative by
// construction: it lists the few uses of a slice or map value that cannot
// make a second reference (an operand of get / set / len / put / del /
// copy, a `.len` or `.cap` read, `s = append(s, ...)` into the same
// variable, a fresh value from make / clone, `return s`), and anything
// else it meets (a view op, a copy, an address, an unknown call taking the
// value) marks the function for the full analysis.
//
// Three refinements keep the analysis off code that cannot hold a hazard:
//  * A change can only stale a reference to the same array or table.
//    Every event is tied to the variable it concerns, and variables
//    between which a reference can flow (an assignment, a view, a value
//    stored into a container) are one class; events of different classes
//    never meet.  An event on storage the walk cannot name (a field
//    through a pointer, a global grown in place) meets every other.
//  * A same-file callee acts on its caller only through what the flow
//    analysis's summary of it says (what it grows, what it returns), so
//    references it makes and drops inside are not the caller's concern.
//  * Putting the current key of a range over the same map updates the
//    entry in place (Go allows it), unless a delete of the same table may
//    come first in that iteration.
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_HAZARDSCREEN_H
#define SLICEGUARD_HAZARDSCREEN_H

#include "ApiModel.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class CompoundStmt;
class FunctionDecl;
class IfStmt;
class VarDecl;
} // namespace clang

namespace sliceguard {

class SummaryCache;

/// What the screen learnt about one function body.
struct ScreenResult {
  bool MentionsRuntime = false; ///< a slice, map or iterator appears
  bool MayAppend = false;       ///< an append, or a call that might append
  bool MayInsert = false;       ///< an insert, or a call that might insert
  bool MayRemove = false;       ///< a delete or clear, or a call that might
  bool SecondRef = false;       ///< a use that can make a second reference
  /// Some change to an array or table (growth, or a write into the
  /// elements) can run after some second reference was made: later in the
  /// body, or anywhere in a loop that also makes the reference.
  bool ChangeAfterRef = false;
  bool HasErrors = false; ///< the AST has recovery expressions
  /// An sg_arena_reset / sg_arena_free, or a same-file call that may do one.
  bool MayResetArena = false;
  /// The flow analysis can find something here.
  bool needsFlow() const {
    return MentionsRuntime && mayGrow() && SecondRef && ChangeAfterRef &&
           !HasErrors;
  }
  bool mayGrow() const { return MayAppend || MayInsert; }
};

/// Walks function bodies; one per translation unit (it caches which record
/// types hold slices or maps, and what each same-file function does).
class HazardScreen {
public:
  explicit HazardScreen(const ApiModel &Api) : Api(Api) {}
  ScreenResult screen(const clang::FunctionDecl *FD);
  /// Calls to functions with no body here are screened through the
  /// summaries another TU wrote (SummaryCache::imported), when it has one.
  void setSummaries(const SummaryCache *C) { Imported = C; }

private:
  /// Where an expression's value goes.
  struct Use {
    enum Kind {
      Escapes,   ///< anywhere not known to be harmless
      Operand,   ///< the container operand of a harmless op, or a field base
      Discarded, ///< an expression statement: the value is dropped
      Assigned,  ///< `Target = value` or `T Target = value`
      Returned,  ///< `return value`
    } K = Escapes;
    const clang::VarDecl *Target = nullptr;
    /// The variable whose array or table this value may become part of
    /// (an assignment's target, the container it is stored into): a
    /// variable named here joins its class.
    const clang::VarDecl *Sink = nullptr;
  };
  static Use assignedTo(const clang::VarDecl *VD) {
    return Use{Use::Assigned, VD, VD};
  }

  /// Where in the body a reference was made, or an array or table changed.
  struct Event {
    unsigned Statement = 0; ///< position of the enclosing full statement
    unsigned Loop = 0;      ///< the outermost enclosing loop, 0 if none
    unsigned InnerLoop = 0; ///< the innermost enclosing loop, 0 if none
    unsigned Region = 0;    ///< the branch of an if it is in (Regions)
    unsigned Id = 0;        ///< one Id when a call both changes and refers
    bool Grows = false;     ///< a change that grows (append, insert)
    bool Inserts = false;   ///< growth that may insert into a map
    /// A variable of the class whose storage it concerns; null when the
    /// walk cannot tell (then it may concern any).
    const clang::VarDecl *Root = nullptr;
    /// A range's own reference (begin, next): the iterator variable.
    const clang::VarDecl *RangeIterator = nullptr;
    /// A put whose key is this iterator's current key.
    const clang::VarDecl *CurrentKeyOf = nullptr;
  };
  /// A branch of an if: a put in one and a delete in the other never run
  /// in the same pass.
  struct Region {
    unsigned Parent;
    const clang::IfStmt *If;
    bool Else;
  };
  unsigned newEvent() { return ++Events; }
  Event event(unsigned Id, bool Grows, const clang::VarDecl *Root) const;
  void secondRef(unsigned Id, const clang::VarDecl *Root,
                 bool MayWrite = false);
  void rangeRef(unsigned Id, const clang::VarDecl *Root,
                const clang::VarDecl *Iterator);
  /// What a change grows: bits, so a callee's kinds combine.
  enum Growth : unsigned { Append = 1, Insert = 2, Any = Append | Insert };
  void growth(unsigned Id, Growth Kind, const clang::VarDecl *Root,
              const clang::VarDecl *CurrentKeyOf = nullptr);
  void elementWrite(unsigned Id, const clang::VarDecl *Root);
  void removal(const clang::VarDecl *Root);
  /// Growth that may meet a reference made outside the function (a
  /// field's invariant, the caller's copy): decided without looking at
  /// the order.
  void growthOfSharedStorage(unsigned Id, Growth Kind);
  bool changeFollowsRef() const;
  bool mayShare(const clang::VarDecl *A, const clang::VarDecl *B) const;
  bool updatesCurrentKey(const Event &Ref, const Event &Change) const;
  bool removalMayPrecede(const Event &Put) const;
  bool exclusive(unsigned A, unsigned B) const;

  ScreenResult walkBody(const clang::Stmt *Body);
  /// A same-file function's own screen; none for recursion or no body.
  std::optional<ScreenResult> screenOf(const clang::FunctionDecl *FD);
  /// The screen of a function summarised in another TU.
  std::optional<ScreenResult> importedScreen(const clang::FunctionDecl *FD);
  const SummaryCache *Imported = nullptr;
  /// A call to a same-file function.  The flow analysis sees it only
  /// through its summary: it grows or removes from at most what its
  /// arguments reach, and returns at most (a view or an append of) one of
  /// them.  References it makes and drops inside are its own business.
  void summarisedCall(const clang::CallExpr *Call, const ScreenResult &Callee,
                      Use U);
  bool returnsToItsArguments(const clang::CallExpr *Call, Use U);
  void statement(const clang::Stmt *S);
  void compound(const clang::CompoundStmt *CS);
  /// `T v = get(m, k); v = append(v, ...); put(m, k, v);` (or the same
  /// with `it.val` and `it.key` in a range over m), starting at Body[I],
  /// with v named no more after the put: the slice read out of m goes back
  /// where it came from, so neither the read-out nor the put makes a
  /// second reference.
  struct WriteBack {
    const clang::VarDecl *Slice = nullptr;
    const clang::CallExpr *Put = nullptr;
  };
  WriteBack writtenBack(llvm::ArrayRef<clang::Stmt *> Body, unsigned I);
  bool isPlainSelfAppend(const clang::Stmt *S, const clang::VarDecl *V);
  bool isPure(const clang::Expr *E);
  void ifStatement(const clang::IfStmt *If);
  void loop(const clang::Stmt *S);
  void declaration(const clang::VarDecl *VD);
  void expression(const clang::Expr *E, Use U);
  void call(const clang::CallExpr *Call, Use U);
  void runtimeOp(const clang::CallExpr *Call, OpKind Op, Use U);
  /// What a runtime op returns, when it is a slice or map: a reference
  /// the container keeps too.
  void resultReadOut(const clang::CallExpr *Call, Use U, unsigned Id,
                     const clang::VarDecl *Root);
  void member(const clang::MemberExpr *ME, Use U);
  void assignment(const clang::BinaryOperator *BO);
  void arguments(const clang::CallExpr *Call, OpKind Op, Use U,
                 const clang::Expr *Container, const clang::VarDecl *Root);
  const clang::Expr *containerOf(const clang::CallExpr *Call, OpKind Op) const;
  /// The iterator whose current key Key is (`it.key`), or null.
  const clang::VarDecl *currentKeyIterator(const clang::Expr *Key) const;
  bool valueMayStayHere(const clang::Expr *E, Use U) const;
  bool isSelfAppend(const clang::Expr *Source, Use U) const;
  static bool isConstantLiteral(const clang::Expr *E);
  /// True if E names a local variable or parameter (storage that dies
  /// with the function).
  static bool isLocalVariable(const clang::Expr *E);
  /// The variable E names (parentheses and implicit casts aside), or null.
  static const clang::VarDecl *namedVariable(const clang::Expr *E);
  /// The variable whose storage E reaches: `s`, `&s`, `*ps`, `o.items`,
  /// `p->items`, `a[i]`, a runtime op on one of those; null if none.
  const clang::VarDecl *principal(const clang::Expr *E) const;

  /// The classes of variables between which references flow.
  void join(const clang::VarDecl *A, const clang::VarDecl *B);
  const clang::VarDecl *classOf(const clang::VarDecl *V) const;

  /// A slice, map or iterator, a pointer to one, an array of them, or a
  /// record holding one: a value through which a reference can travel.
  bool carriesReference(clang::QualType T);
  bool uncachedCarriesReference(clang::QualType T, const clang::Type *Ty);
  bool recordCarriesReference(const clang::RecordDecl *RD);
  /// A value that may point into an array: a reference carrier, or any
  /// pointer or array but an arena.
  bool mayPointIntoArray(clang::QualType T);

  const ApiModel &Api;
  /// The walk of one body (a callee's walk nests inside its caller's).
  struct WalkState {
    ScreenResult R;
    llvm::SmallVector<Event, 8> Refs, Changes, Removals;
    unsigned Statements = 0, Loops = 0, CurrentLoop = 0, InnerLoop = 0;
    llvm::SmallVector<Region, 4> Regions{Region{0, nullptr, false}};
    unsigned CurrentRegion = 0;
    llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> Classes;
    /// Iterators changed other than by range_next (assigned, address
    /// taken): their key is not the range's current key.
    llvm::SmallPtrSet<const clang::VarDecl *, 4> MovedIterators;
    /// The map variable each iterator was begun on.
    llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> RangedMaps;
    /// The slice variable whose read-out the statement being walked
    /// writes back (writtenBack), and the iterators such write-backs
    /// rely on (moving one later voids them).
    const clang::VarDecl *WrittenBack = nullptr;
    const clang::CallExpr *PutBack = nullptr; ///< the write-back's put
    llvm::SmallVector<const clang::VarDecl *, 2> WriteBackIterators;
    bool UnstructuredJumps = false; ///< goto: the text order is no guide
  };
  WalkState *W = nullptr; ///< the walk in progress
  unsigned Events = 0;
  /// Same-file functions screened so far; none while being screened.
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<ScreenResult>>
      Screened;
  enum class RecordState { InProgress, Carries, Plain };
  llvm::DenseMap<const clang::RecordDecl *, RecordState> RecordCache;
  llvm::DenseMap<const clang::Type *, bool> TypeCache;
  unsigned RecordDepth = 0;
  bool SawCycle = false;
};

} // namespace sliceguard

#endif // SLICEGUARD_HAZARDSCREEN_H
