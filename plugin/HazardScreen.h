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
// else it meets (a view op, a same-file call whose summary may do
// anything, a copy, an address, an unknown call taking the value) marks
// the function for the full analysis.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_HAZARDSCREEN_H
#define SLICEGUARD_HAZARDSCREEN_H

#include "ApiModel.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class VarDecl;
} // namespace clang

namespace sliceguard {

/// What the screen learnt about one function body.
struct ScreenResult {
  bool MentionsRuntime = false; ///< a slice, map or iterator appears
  bool MayAppend = false;       ///< an append, or a call that might append
  bool MayInsert = false;       ///< an insert, or a call that might insert
  bool SecondRef = false;       ///< a use that can make a second reference
  /// Some change to an array or table (growth, or a write into the
  /// elements) can run after some second reference was made: later in the
  /// body, or anywhere in a loop that also makes the reference.
  bool ChangeAfterRef = false;
  bool HasErrors = false; ///< the AST has recovery expressions
  /// The flow analysis can find something here.
  bool needsFlow() const {
    return MentionsRuntime && mayGrow() && SecondRef && ChangeAfterRef &&
           !HasErrors;
  }
  bool mayGrow() const { return MayAppend || MayInsert; }
};

/// Walks function bodies; one per translation unit (it caches which record
/// types hold slices or maps).
class HazardScreen {
public:
  explicit HazardScreen(const ApiModel &Api) : Api(Api) {}
  ScreenResult screen(const clang::Stmt *Body);

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
  };

  /// Where in the body a reference was made, or an array or table changed.
  struct Event {
    unsigned Statement; ///< position of the enclosing full statement
    unsigned Loop;      ///< the outermost enclosing loop, 0 if none
    unsigned Id;        ///< one Id when a call both changes and refers
    bool Grows;         ///< a change that grows (append, insert)
  };
  unsigned newEvent() { return ++Events; }
  void secondRef(unsigned Id, bool MayWrite = false);
  /// What a change grows: bits, so a callee's kinds combine.
  enum Growth : unsigned { Append = 1, Insert = 2, Any = Append | Insert };
  void growth(unsigned Id, Growth Kind);
  void elementWrite(unsigned Id);
  /// Growth that may meet a reference made outside the function (a
  /// field's invariant, the caller's copy): decided without looking at
  /// the order.
  void growthOfSharedStorage(unsigned Id, Growth Kind);
  bool changeFollowsRef() const;

  ScreenResult walkBody(const clang::Stmt *Body);
  /// A same-file callee's own screen; none for recursion or no body.
  std::optional<ScreenResult> screenOfCallee(const clang::FunctionDecl *FD);
  /// A call to a same-file function that makes no second reference: it
  /// grows or writes at most what its arguments reach, and returns at
  /// most (an append of) one of them.
  void quietCall(const clang::CallExpr *Call, const ScreenResult &Callee,
                 Use U);
  bool returnsToItsArguments(const clang::CallExpr *Call, Use U);
  void statement(const clang::Stmt *S);
  void loop(const clang::Stmt *S);
  void declaration(const clang::VarDecl *VD);
  void expression(const clang::Expr *E, Use U);
  void call(const clang::CallExpr *Call, Use U);
  void runtimeOp(const clang::CallExpr *Call, OpKind Op, Use U);
  /// What a runtime op returns, when it is a slice or map: a reference
  /// the container keeps too.
  void resultReadOut(const clang::CallExpr *Call, Use U, unsigned Id);
  void member(const clang::MemberExpr *ME);
  void assignment(const clang::BinaryOperator *BO);
  void arguments(const clang::CallExpr *Call, OpKind Op);
  bool valueMayStayHere(const clang::Expr *E, Use U) const;
  bool isSelfAppend(const clang::CallExpr *Call, Use U) const;
  static bool isConstantLiteral(const clang::Expr *E);
  /// True if E names a local variable or parameter (storage that dies
  /// with the function).
  static bool isLocalVariable(const clang::Expr *E);
  /// The variable E names (parentheses and implicit casts aside), or null.
  static const clang::VarDecl *namedVariable(const clang::Expr *E);

  /// A slice, map or iterator, a pointer to one, an array of them, or a
  /// record holding one: a value through which a reference can travel.
  bool carriesReference(clang::QualType T);
  bool uncachedCarriesReference(clang::QualType T, const clang::Type *Ty);
  bool recordCarriesReference(const clang::RecordDecl *RD);

  const ApiModel &Api;
  /// The walk of one body (a callee's walk nests inside its caller's).
  struct WalkState {
    ScreenResult R;
    llvm::SmallVector<Event, 8> Refs, Changes;
    unsigned Statements = 0, Loops = 0, CurrentLoop = 0;
    bool UnstructuredJumps = false; ///< goto: the text order is no guide
  };
  WalkState W;
  unsigned Events = 0;
  /// Same-file callees screened so far; none while being screened.
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<ScreenResult>>
      Callees;
  enum class RecordState { InProgress, Carries, Plain };
  llvm::DenseMap<const clang::RecordDecl *, RecordState> RecordCache;
  llvm::DenseMap<const clang::Type *, bool> TypeCache;
  unsigned RecordDepth = 0;
  bool SawCycle = false;
};

} // namespace sliceguard

#endif // SLICEGUARD_HAZARDSCREEN_H
