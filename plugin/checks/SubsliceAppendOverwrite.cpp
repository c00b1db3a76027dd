//===- SubsliceAppendOverwrite.cpp - append into a view's spare capacity --===//
//
// `t := s[lo:hi]` keeps s's capacity past hi, so `append(t, x)` writes x
// into s[hi] in place.  That is a bug when anything still reads that
// region afterwards: s itself, another view of s's tail, or a copy of s
// kept in a map, a slice of slices or the caller's memory (the
// truncate-and-reuse buffer `buf = buf[:0]` whose earlier contents were
// kept).  It is the classic insert-in-the-middle bug too:
// `append(append(s[:1], x), s[1:]...)` (golang/go#14352).
//
// Quiet on the idioms that rely on the overwrite: filter in place
// (`b := a[:0]`), delete (`a = append(a[:i], a[i+1:]...)`), a view spanning
// the whole length, and any base that is dead after the append.
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "SliceViews.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <functional>
#include <map>

using namespace clang;

namespace sliceguard {
namespace {

/// Integer value of E if it is a constant.
static std::optional<llvm::APSInt> constantOf(const ASTContext &Ctx,
                                              const Expr *E) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

/// Same expression, token for token (ignoring parens and casts).
static bool sameExpr(const ASTContext &Ctx, const Expr *A, const Expr *B) {
  if (!A || !B)
    return false;
  A = ignoreNoise(A);
  B = ignoreNoise(B);
  auto CA = constantOf(Ctx, A), CB = constantOf(Ctx, B);
  if (CA && CB)
    return llvm::APSInt::isSameValue(*CA, *CB);
  llvm::FoldingSetNodeID IA, IB;
  A->Profile(IA, Ctx, /*Canonical=*/true);
  B->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

class SubsliceAppendOverwrite : public SliceGrowthCheck {
public:
  void checkFunction(const CheckContext &C) override {
    const SliceViews &Views = C.views();
    for (const OpEvent &Ev : C.Flow.events()) {
      if (!isSliceGrowOp(Ev.Op))
        continue;
      bool Reported = false;
      for (ValueId V : Ev.Operand) {
        ViewInfo View;
        if (Views.viewInfo(V, View) && checkAppend(C, Views, Ev, V, View)) {
          Reported = true;
          break;
        }
      }
      if (!Reported)
        Reported = checkLenTruncation(C, Views, Ev);
      if (!Reported)
        Reported = checkSharedElement(C, Views, Ev);
      if (!Reported)
        Reported = checkGrownElementKept(C, Views, Ev);
      if (!Reported)
        checkFieldView(C, Views, Ev);
    }
    checkElementAppendHelpers(C, Views);
  }

  /// The append grows an element read from a container that a helper
  /// filled with uncapped views of one array (its summary's
  /// SharedViewSite), and the container is used afterwards: the append
  /// writes over the next element, or the array the views were cut from.
  bool checkSharedElement(const CheckContext &C, const SliceViews &Views,
                          const OpEvent &Ev) {
    if (Ev.Callee)
      return false;
    for (ValueId V : Ev.Operand) {
      ValueSet Containers;
      const Expr *ContainerExpr = nullptr;
      if (!elementOf(C.Flow, V, Containers, ContainerExpr))
        continue;
      const CallExpr *Maker = nullptr;
      const FunctionSummary *Sum =
          sharedViewsOf(C.Flow, C.Summaries, Containers, &Maker);
      Place Holder;
      if (!Sum || !Views.placeOf(ContainerExpr, Holder) ||
          !Views.liveUse(Ev.Call, Holder))
        continue;
      Finding F = C.finding(
          Ev.Call->getBeginLoc(),
          "append to an element of '" + Holder.str() +
              "' may overwrite another element or the array it was cut "
              "from: '" +
              calleeName(Maker) +
              "' keeps 2-index views of one array in it, whose capacity "
              "extends past their length",
          Ev.Call->getSourceRange());
      addSharedViewNotes(F, Maker, Sum);
      C.report(std::move(F));
      return true;
    }
    return false;
  }

  /// `out = append(out, append(get(out, i), x))` where the same indices
  /// are visited again (the index starts over inside an enclosing loop):
  /// while the element has room, the grown copy kept in `out` shares its
  /// array, and the next append to the element overwrites the copy's last
  /// value (the subsets / combination-sum bug, which Go code avoids with
  /// p[:len(p):len(p)]).
  bool checkGrownElementKept(const CheckContext &C, const SliceViews &Views,
                             const OpEvent &Ev) {
    const Expr *Operand = C.Api.sliceOperand(Ev.Call);
    ValueId Result;
    if (Ev.Callee || !Operand || !Views.resultValue(Ev.Call, Result) ||
        C.Flow.capacityAt(Operand, Ev.Call) == FunctionFlow::Capacity::Full)
      return false;
    for (ValueId V : Ev.Operand) {
      const CallExpr *Get = elementRead(C, V);
      const Expr *Index = Get ? indexOf(C, Get) : nullptr;
      Place Container;
      if (!Index || !Views.placeOf(C.Api.sliceOperand(Get), Container) ||
          !indexStartsOver(Views, Ev.Call, Index))
        continue;
      for (const Store &St : Views.stores()) {
        const auto *Keep = dyn_cast<CallExpr>(St.Where);
        Place Into;
        if (!Keep || C.Api.opKind(Keep) != OpKind::SliceAppend ||
            !Views.placeOf(C.Api.sliceOperand(Keep), Into) ||
            Into != Container || !Views.storedValues(St).count(Result))
          continue;
        Finding F = C.finding(
            Ev.Call->getBeginLoc(),
            "append to an element of '" + Container.str() + "' is kept in '" +
                Container.str() +
                "' next to it: the two may share the element's array, and "
                "the next append to that element overwrites the kept one",
            Ev.Call->getSourceRange());
        F.Notes.push_back({St.Where->getBeginLoc(), "kept here"});
        C.report(std::move(F));
        return true;
      }
    }
    return false;
  }

  /// The `get(s, i)` call V was read by, directly or through a view of it.
  static const CallExpr *elementRead(const CheckContext &C, ValueId V) {
    const Value &Val = C.Flow.value(V);
    if (Val.K != Value::Made || Val.Callee || !Val.Site)
      return nullptr;
    if (Val.Op == OpKind::SliceGet)
      return dyn_cast<CallExpr>(Val.Site);
    if (Val.Op == OpKind::SliceSlice && Val.From.size() == 1)
      return elementRead(C, *Val.From.begin());
    return nullptr;
  }

  static const Expr *indexOf(const CheckContext &C, const CallExpr *Get) {
    for (const Expr *Arg : Get->arguments())
      if (Arg->getType()->isIntegerType())
        return Arg;
    return nullptr;
  }

  /// True if the index variable is (re)initialised inside the body of a
  /// loop around At: that loop visits the same indices again.
  static bool indexStartsOver(const SliceViews &Views, const Stmt *At,
                              const Expr *Index) {
    const auto *DRE = dyn_cast<DeclRefExpr>(ignoreNoise(Index));
    const auto *IV = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!IV)
      return false;
    std::function<bool(const Stmt *)> Inits = [&](const Stmt *S) -> bool {
      if (!S)
        return false;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == IV)
            return true;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->getOpcode() == BO_Assign)
        if (const auto *L = dyn_cast<DeclRefExpr>(ignoreNoise(BO->getLHS()));
            L && L->getDecl() == IV)
          return true;
      return llvm::any_of(S->children(), Inits);
    };
    for (const Stmt *Loop : Views.enclosingLoops(At)) {
      const Stmt *Body = nullptr;
      if (const auto *For = dyn_cast<ForStmt>(Loop))
        Body = For->getBody();
      else if (const auto *While = dyn_cast<WhileStmt>(Loop))
        Body = While->getBody();
      else if (const auto *Do = dyn_cast<DoStmt>(Loop))
        Body = Do->getBody();
      if (Inits(Body))
        return true;
    }
    return false;
  }

  /// Calls of same-file helpers that append to an element of a container
  /// argument (summary ElementAppends) holding such shared views.
  void checkElementAppendHelpers(const CheckContext &C,
                                 const SliceViews &Views) {
    for (const CFGBlock *B : C.Flow.cfg())
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        const auto *Call = CS ? dyn_cast<CallExpr>(CS->getStmt()) : nullptr;
        const FunctionSummary *Sum =
            Call && C.Api.opKind(Call) == OpKind::None
                ? C.Summaries.get(Call->getDirectCallee())
                : nullptr;
        if (!Sum)
          continue;
        for (const ParamEffect &Eff : Sum->ElementAppends) {
          if (!Eff.Steps.empty() || Eff.Param >= Call->getNumArgs())
            continue;
          const Expr *Arg = Call->getArg(Eff.Param);
          const CallExpr *Maker = nullptr;
          const FunctionSummary *Shared = sharedViewsOf(
              C.Flow, C.Summaries, C.Flow.valuesOf(Arg, Call), &Maker);
          Place Holder;
          if (!Shared || !Views.placeOf(Arg, Holder) ||
              !Views.liveUse(Call, Holder))
            continue;
          Finding F = C.finding(
              Call->getBeginLoc(),
              "'" + calleeName(Call) + "' appends to an element of '" +
                  Holder.str() +
                  "', which may overwrite another element or the array it "
                  "was cut from: '" +
                  calleeName(Maker) +
                  "' keeps 2-index views of one array in it, whose "
                  "capacity extends past their length",
              Call->getSourceRange());
          F.Notes.push_back(
              {Eff.Site->getBeginLoc(), "the append to an element is here"});
          addSharedViewNotes(F, Maker, Shared);
          C.report(std::move(F));
          break;
        }
      }
  }

  static std::string calleeName(const CallExpr *Call) {
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    return FD ? FD->getNameAsString() : std::string("the helper");
  }

  static void addSharedViewNotes(Finding &F, const CallExpr *Maker,
                                 const FunctionSummary *Sum) {
    F.Notes.push_back({Sum->SharedViewSite->getBeginLoc(),
                       "this 2-index view, kept in what '" + calleeName(Maker) +
                           "' returns, keeps the capacity past its length; "
                           "a 3-index slice caps it"});
  }

  /// `buf.len = 0` truncates like `buf = slice(buf, 0, 0)`: the next
  /// append reuses the array.  True if this append writes into an array a
  /// copy of which was kept (a map, a slice of slices, the caller's memory)
  /// before the truncation.
  bool checkLenTruncation(const CheckContext &C, const SliceViews &Views,
                          const OpEvent &Ev) {
    if (!Ev.HasPlace || Ev.Callee)
      return false;
    const Place &Buf = Ev.OperandPlace;
    for (const Stmt *T : truncations(C, Views, Buf)) {
      if (!Views.reachesWithout(T, Ev.Call, Buf))
        continue;
      ValueSet AtTrunc = Views.valuesAt(Buf, T);
      for (const Store &St : Views.stores()) {
        if (Views.within(St.Where, Ev.Call) ||
            !C.Flow.anyDerivesFrom(Views.storedValues(St), AtTrunc) ||
            !Views.reachesWithout(St.Where, T, Buf))
          continue;
        Finding F = C.finding(
            Ev.Call->getBeginLoc(),
            "append to '" + Buf.str() +
                "' may overwrite an earlier view of its backing array that "
                "is still kept; the truncated slice reuses the same array",
            Ev.Call->getSourceRange());
        F.Notes.push_back({St.Where->getBeginLoc(),
                           "a view of '" + Buf.str() + "' is kept here"});
        F.Notes.push_back(
            {T->getBeginLoc(), "'" + Buf.str() + "' is truncated here"});
        C.report(std::move(F));
        return true;
      }
    }
    return false;
  }

  /// Assignments `Buf.len = ...` in the function.  The CFG is scanned once
  /// per function for every slice's: scanned per append, a function of n
  /// appends cost n times its length.
  const std::vector<const Stmt *> &truncations(const CheckContext &C,
                                               const SliceViews &Views,
                                               const Place &Buf) {
    static const std::vector<const Stmt *> None;
    if (LenScannedFor != C.Flow.function()) {
      LenScannedFor = C.Flow.function();
      LenAssignments.clear();
      for (const CFGBlock *B : C.Flow.cfg())
        for (const CFGElement &E : *B) {
          auto CS = E.getAs<CFGStmt>();
          const auto *BO =
              CS ? dyn_cast<BinaryOperator>(CS->getStmt()) : nullptr;
          if (!BO || BO->getOpcode() != BO_Assign)
            continue;
          const auto *ME = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
          if (!ME || ME->getMemberDecl()->getName() != "len" ||
              C.Api.typeKind(ME->getBase()->getType()) != TypeKind::Slice)
            continue;
          Place P;
          if (Views.placeOf(ME->getBase(), P))
            LenAssignments[P].push_back(BO);
        }
    }
    auto It = LenAssignments.find(Buf);
    return It == LenAssignments.end() ? None : It->second;
  }

private:
  const FunctionDecl *LenScannedFor = nullptr;
  std::map<Place, std::vector<const Stmt *>> LenAssignments;
  /// Slice fields that the file sets to a 2-index view of a sibling field
  /// of the same object (`h->head = slice(h->items, 0, 2)`): view field ->
  /// the slice calls that do it.  One Check object lives per translation
  /// unit; Scanned says which one the table is for.
  const ASTContext *Scanned = nullptr;
  std::map<const FieldDecl *, std::vector<const CallExpr *>> FieldViews;

  void scanFieldViews(const CheckContext &C, const SliceViews &Views) {
    if (Scanned == &C.Ctx)
      return;
    Scanned = &C.Ctx;
    FieldViews.clear();
    for (const BinaryOperator *BO : C.fieldAssignmentsInFile())
      noteFieldView(C, Views, BO);
  }

  /// `X.F = slice(X.G, lo, hi)` with spare capacity past hi: remember F.
  void noteFieldView(const CheckContext &C, const SliceViews &Views,
                     const BinaryOperator *BO) {
    const auto *Lhs = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
    const auto *Call = dyn_cast<CallExpr>(ignoreNoise(BO->getRHS()));
    ViewInfo View;
    if (!Lhs || !Call || !Views.directView(Call, View) ||
        isEmptyView(C.Ctx, View))
      return;
    const auto *Base = dyn_cast<MemberExpr>(ignoreNoise(View.Base));
    // Fields of anonymous members are IndirectFieldDecls: not tracked.
    if (!Base || Base->isArrow() != Lhs->isArrow() ||
        Base->getMemberDecl() == Lhs->getMemberDecl() ||
        !isa<FieldDecl>(Base->getMemberDecl()))
      return;
    // s[lo:len(s)] leaves nothing of s past its end.
    if (const auto *Hi = dyn_cast<MemberExpr>(ignoreNoise(View.Hi));
        Hi && Hi->getMemberDecl()->getName() == "len" &&
        sameExpr(C.Ctx, Hi->getBase(), View.Base))
      return;
    if (!sameExpr(C.Ctx, Lhs->getBase(), Base->getBase()))
      return;
    if (const auto *F = dyn_cast<FieldDecl>(Lhs->getMemberDecl()))
      FieldViews[F].push_back(Call);
  }

  /// The append grows field F of an object that this function did not set
  /// (its value comes from the caller), and the file elsewhere makes F a
  /// 2-index view of a sibling field G: G's elements past the view are
  /// overwritten while the object, which outlives the call, still has G.
  void checkFieldView(const CheckContext &C, const SliceViews &Views,
                      const OpEvent &Ev) {
    if (!Ev.HasPlace || Ev.OperandPlace.Steps.empty() ||
        Ev.OperandPlace.Steps.back().K != PathStep::Field || Ev.Callee)
      return;
    // The file is scanned only once an append to a field asks.
    scanFieldViews(C, Views);
    auto It = FieldViews.find(Ev.OperandPlace.Steps.back().F);
    if (It == FieldViews.end() || Ev.Operand.empty() ||
        !llvm::all_of(Ev.Operand, [&](ValueId V) {
          return C.Flow.value(V).K == Value::Initial;
        }))
      return;
    for (const CallExpr *Site : It->second) {
      ViewInfo View;
      if (!Views.directView(Site, View))
        continue;
      const auto *BaseField = cast<MemberExpr>(ignoreNoise(View.Base));
      Place Sibling = Ev.OperandPlace;
      Sibling.Steps.back().F = cast<FieldDecl>(BaseField->getMemberDecl());
      bool AtExit = false;
      if (!Views.liveUse(Ev.Call, Sibling, &AtExit))
        continue;
      std::string Target = Ev.OperandPlace.str(), BaseName = Sibling.str();
      Finding F =
          C.finding(Ev.Call->getBeginLoc(),
                    "append to '" + Target + "' may overwrite elements of '" +
                        BaseName + "' past the end of the slice, and '" +
                        BaseName + "' is still used",
                    Ev.Call->getSourceRange());
      F.Notes.push_back({Site->getBeginLoc(),
                         "'" + Lhs(Site) + "' is made a 2-index slice of '" +
                             BaseField->getMemberDecl()->getName().str() +
                             "' here; its capacity extends past its length; "
                             "a 3-index slice caps it"});
      addSlice3Fix(C, View, F);
      C.report(std::move(F));
      return;
    }
  }

  /// The field name a view site assigns to.
  std::string Lhs(const CallExpr *Site) const {
    for (const auto &[F, Sites] : FieldViews)
      if (llvm::is_contained(Sites, Site))
        return F->getName().str();
    return "?";
  }

  /// An empty view (`s[:0]`, `s[i:i]`) is a request to reuse the storage.
  static bool isEmptyView(const ASTContext &Ctx, const ViewInfo &View) {
    return View.Lo && View.Hi && sameExpr(Ctx, View.Lo, View.Hi);
  }

  /// `s[lo:len(s)]`: appending writes past len(s), which s cannot see.
  static bool spansWholeLength(const SliceViews &Views, const ViewInfo &View,
                               const Place &Base) {
    const auto *ME = dyn_cast_or_null<MemberExpr>(ignoreNoise(View.Hi));
    if (!ME || ME->getMemberDecl()->getName() != "len")
      return reachesKnownLength(Views, View, Base);
    Place Of;
    return Views.placeOf(ME->getBase(), Of) && Of == Base;
  }

  /// `s[0:3]` of `s = make(a, 3, 10)`: a constant bound equal to the
  /// length every value of the base was made with, and no write to the
  /// base's `len` anywhere in the function.
  static bool reachesKnownLength(const SliceViews &Views, const ViewInfo &View,
                                 const Place &Base) {
    const FunctionFlow &Flow = Views.Flow;
    auto Hi = constantOf(Flow.astContext(), View.Hi);
    if (!Hi || View.BaseValues.empty())
      return false;
    for (ValueId V : View.BaseValues) {
      auto Len = madeLength(Flow, V);
      if (!Len || !llvm::APSInt::isSameValue(*Len, *Hi))
        return false;
    }
    for (const CFGBlock *B : Flow.cfg())
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        const auto *BO = CS ? dyn_cast<BinaryOperator>(CS->getStmt()) : nullptr;
        const auto *ME = BO && BO->isAssignmentOp()
                             ? dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()))
                             : nullptr;
        Place P;
        if (ME && ME->getMemberDecl()->getName() == "len" &&
            (!Views.placeOf(ME->getBase(), P) || P == Base))
          return false;
      }
    return true;
  }

  /// The constant length a `make(a, n, cap)` value was made with.
  static std::optional<llvm::APSInt> madeLength(const FunctionFlow &Flow,
                                                ValueId V) {
    const Value &Val = Flow.value(V);
    const auto *Call =
        Val.K == Value::Made && !Val.Callee && Val.Op == OpKind::SliceMake
            ? dyn_cast_or_null<CallExpr>(Val.Site)
            : nullptr;
    if (!Call)
      return std::nullopt;
    for (const Expr *Arg : Call->arguments())
      if (Arg->getType()->isIntegerType())
        return constantOf(Flow.astContext(), Arg);
    return std::nullopt;
  }

  /// True if another view W of the same base covers the part past the end
  /// of View (W starts where View ends, or ends later).
  static bool coversTail(const CheckContext &C, const SliceViews &Views,
                         const ViewInfo &W, const ViewInfo &View) {
    if (!View.Hi || !W.Hi)
      return false;
    if (sameExpr(C.Ctx, W.Lo, View.Hi))
      return true;
    auto WHi = constantOf(C.Ctx, W.Hi), VHi = constantOf(C.Ctx, View.Hi);
    if (WHi && VHi)
      return *WHi > *VHi;
    Place WBase;
    return Views.placeOf(W.Base, WBase) && spansWholeLength(Views, W, WBase);
  }

  struct Hazard {
    enum Kind { BaseUsed, OtherView, Kept } K;
    std::string Holder;           ///< who still reads the elements
    const Stmt *KeptAt = nullptr; ///< for Kept
    const Expr *KeptExpr = nullptr;
  };

  static bool checkAppend(const CheckContext &C, const SliceViews &Views,
                          const OpEvent &Ev, ValueId V, const ViewInfo &View) {
    Place Base;
    bool HasBase = Views.placeOf(View.Base, Base);
    bool Empty = isEmptyView(C.Ctx, View);
    std::optional<Hazard> H;
    if (!Empty && HasBase)
      H = baseStillUsed(C, Views, Ev, View, Base);
    if (!H)
      H = otherHolder(C, Views, Ev, V, View, HasBase ? &Base : nullptr, Empty);
    if (!H)
      H = keptCopy(Views, Ev, View);
    if (!H)
      return false;
    report(C, Views, Ev, View, HasBase ? Base.str() : "", Empty, *H);
    return true;
  }

  /// The base itself, unchanged since the view was made, is read after
  /// the append (or by the call that consumes the append's result).
  static std::optional<Hazard>
  baseStillUsed(const CheckContext &C, const SliceViews &Views,
                const OpEvent &Ev, const ViewInfo &View, const Place &Base) {
    if (Ev.HasPlace && Ev.OperandPlace == Base)
      return std::nullopt;
    if (spansWholeLength(Views, View, Base))
      return std::nullopt;
    // The base still holds the array the view was cut from.
    bool Unchanged = Views.within(View.Site, Ev.Call) ||
                     Views.reachesWithout(View.Site, Ev.Call, Base);
    if (!Unchanged)
      return std::nullopt;
    Hazard H{Hazard::BaseUsed, Base.str()};
    if (readByConsumer(C, Views, Ev.Call, Base))
      return H;
    bool AtExit = false;
    if (Views.liveUse(Ev.Call, Base, &AtExit,
                      compactingLoop(C, Views, View, Ev.Call, Base)))
      return H;
    return std::nullopt;
  }

  /// Compacting in place (SliceTricks' dedupe and filter): a prefix view
  /// made before a loop that walks the base, appended to inside it,
  /// `out = s[:1]; for (i = 1; i < s.len; i++) out = append(out, s[i])`.
  /// The append only writes slots the loop has already read, so reads of
  /// the base inside the loop are fine; the loop is returned so only uses
  /// after it count.
  static const Stmt *compactingLoop(const CheckContext &C,
                                    const SliceViews &Views,
                                    const ViewInfo &View, const Stmt *Append,
                                    const Place &Base) {
    auto Lo = constantOf(C.Ctx, View.Lo);
    if (!View.DirectOp || !Lo || *Lo != 0)
      return nullptr;
    for (const Stmt *Loop : Views.enclosingLoops(Append)) {
      if (Views.within(View.Site, Loop))
        return nullptr; // the view is cut anew inside the loop
      const Stmt *Cond = nullptr;
      if (const auto *For = dyn_cast<ForStmt>(Loop))
        Cond = For->getCond();
      else if (const auto *While = dyn_cast<WhileStmt>(Loop))
        Cond = While->getCond();
      else if (const auto *Do = dyn_cast<DoStmt>(Loop))
        Cond = Do->getCond();
      if (Cond && mentions(Views, Cond, Base))
        return Loop;
    }
    return nullptr;
  }

  /// `f(append(s[:1], x), s[1:])`: f reads its other arguments after the
  /// append wrote into them, whatever the evaluation order.
  static bool readByConsumer(const CheckContext &C, const SliceViews &Views,
                             const CallExpr *Append, const Place &Base) {
    const Expr *Cur = Append;
    while (const CallExpr *Outer = Views.consumingCall(Cur)) {
      for (const Expr *Arg : Outer->arguments()) {
        if (Views.within(Append, Arg))
          continue;
        if (mentions(Views, Arg, Base))
          return true;
      }
      Cur = Outer;
    }
    return false;
  }

  static bool mentions(const SliceViews &Views, const Stmt *S, const Place &P) {
    if (const auto *E = dyn_cast<Expr>(S)) {
      Place Q;
      if ((isa<DeclRefExpr>(ignoreNoise(E)) ||
           isa<MemberExpr>(ignoreNoise(E))) &&
          Views.placeOf(E, Q) && (P.isPrefixOf(Q) || Q.isPrefixOf(P)))
        return true;
    }
    for (const Stmt *Child : S->children())
      if (Child && mentions(Views, Child, P))
        return true;
    return false;
  }

  /// Another local slice holds a copy of the base, or a view of its tail,
  /// and is read after the append.
  static std::optional<Hazard>
  otherHolder(const CheckContext &C, const SliceViews &Views, const OpEvent &Ev,
              ValueId V, const ViewInfo &View, const Place *Base, bool Empty) {
    // Ask for every place's values at the append first, then for uses:
    // the flow answers queries at one point cheaply in a row.
    for (const Place &Q : Views.places(/*Pointers=*/false))
      Views.valuesAt(Q, Ev.Call);
    for (const Place &Q : Views.places(/*Pointers=*/false)) {
      if ((Base && Q == *Base) || (Ev.HasPlace && Q == Ev.OperandPlace))
        continue;
      const ValueSet &Held = Views.valuesAt(Q, Ev.Call);
      bool Shares = false;
      for (ValueId W : Held) {
        if (W == V)
          continue;
        if (View.BaseValues.count(W)) {
          // A copy of the base sees everything the base sees.
          Shares = Empty || !Base || !spansWholeLength(Views, View, *Base);
        } else {
          ViewInfo Other;
          Shares =
              !Empty && Views.viewInfo(W, Other) &&
              FunctionFlow::intersects(Other.BaseValues, View.BaseValues) &&
              coversTail(C, Views, Other, View);
        }
        if (Shares)
          break;
      }
      if (Shares && Views.liveUse(Ev.Call, Q))
        return Hazard{Hazard::OtherView, Q.str()};
    }
    return std::nullopt;
  }

  /// The base's array was kept somewhere (a map, a slice of slices, the
  /// caller's memory) before the append: the keeper sees the overwrite.
  static std::optional<Hazard>
  keptCopy(const SliceViews &Views, const OpEvent &Ev, const ViewInfo &View) {
    Place Grown;
    bool InPlace =
        Ev.ReplacesPlace || (Ev.HasPlace && Views.resultPlace(Ev.Call, Grown) &&
                             Grown == Ev.OperandPlace);
    for (const Store &St : Views.stores()) {
      if (Views.within(St.Where, Ev.Call))
        continue;
      // `keep(append(s[:len(s)], x))` keeps this append's own result; on
      // the next iteration the same append from the same base overwrites
      // it, unless the base changes in the loop.
      if (Views.within(Ev.Call, St.Where) &&
          !baseInvariantInLoop(Views, View, Ev.Call))
        continue;
      // What was kept may be a view of the base made by a runtime op or a
      // helper (`slice(buf, 0, buf.len)`, `view(buf)`), not only the base.
      if (!Views.Flow.anyDerivesFrom(Views.storedValues(St), View.BaseValues))
        continue;
      if (!Views.reaches(St.Where, Ev.Call) ||
          !sameIteration(Views, View.BaseValues, St.Where, Ev.Call))
        continue;
      // `*buf = slice(*buf, 0, 0)` then `*buf = append(*buf, c)`: the copy
      // kept in *buf is the appended slice itself, replaced by the result.
      if (InPlace && Views.keepsIn(St, Ev.OperandPlace))
        continue;
      // A copy kept by assignment (`hs->kvs = make(...)`) that is
      // overwritten after the append before anything reads it (`hs->kvs =
      // kvs`) never shows the overwritten elements to anyone.
      if (Place Target;
          Views.assignedPlace(St, Target) && !Views.liveUse(Ev.Call, Target))
        continue;
      Place Kept;
      std::string Name = St.HasField                      ? St.Field.str()
                         : Views.placeOf(St.Stored, Kept) ? Kept.str()
                                                          : std::string();
      return Hazard{Hazard::Kept, Name, St.Where, St.Stored};
    }
    return std::nullopt;
  }

  /// True if the append is in a loop and nothing in the innermost one
  /// assigns the view's base (a plain local or parameter) or takes its
  /// address.
  static bool baseInvariantInLoop(const SliceViews &Views, const ViewInfo &View,
                                  const Stmt *At) {
    auto Loops = Views.enclosingLoops(At);
    Place Base;
    if (Loops.empty() || !Views.placeOf(View.Base, Base) || !Base.Steps.empty())
      return false;
    std::function<bool(const Stmt *)> Changes = [&](const Stmt *S) -> bool {
      if (!S)
        return false;
      const Expr *Target = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp())
        Target = BO->getLHS();
      else if (const auto *UO = dyn_cast<UnaryOperator>(S);
               UO && UO->getOpcode() == UO_AddrOf)
        Target = UO->getSubExpr();
      Place P;
      if (Target && Views.placeOf(Target, P) && P.Root == Base.Root)
        return true;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == Base.Root)
            return true;
      return llvm::any_of(S->children(), Changes);
    };
    return !Changes(Loops.front());
  }

  /// A base that is one iteration's range value is another array in the
  /// next iteration: what was kept from it meets the append only if
  /// From reaches To without the range advancing.
  static bool sameIteration(const SliceViews &Views, const ValueSet &Base,
                            const Stmt *From, const Stmt *To) {
    const VarDecl *Iter = nullptr;
    for (ValueId V : Base) {
      const VarDecl *I = Views.Flow.rangeIteratorOf(V);
      if (!I || (Iter && I != Iter))
        return true;
      Iter = I;
    }
    if (!Iter)
      return true;
    Place It;
    It.Root = Iter;
    return Views.reachesWithout(From, To, It);
  }

  static void report(const CheckContext &C, const SliceViews &Views,
                     const OpEvent &Ev, const ViewInfo &View,
                     const std::string &BaseName, bool Empty, const Hazard &H) {
    std::string Target = Ev.HasPlace ? "'" + Ev.OperandPlace.str() + "'"
                                     : "a slice of '" + BaseName + "'";
    if (Empty && H.K == Hazard::Kept) {
      Finding F = C.finding(
          Ev.Call->getBeginLoc(),
          "append to " + Target +
              " may overwrite an earlier view of its backing array that is "
              "still kept; the truncated slice reuses the same array",
          Ev.Call->getSourceRange());
      F.Notes.push_back({H.KeptAt->getBeginLoc(),
                         H.Holder.empty()
                             ? std::string("a view of its backing array is "
                                           "kept here")
                             : "a view of '" + H.Holder + "' is kept here"});
      C.report(std::move(F));
      return;
    }
    std::string Tail;
    switch (H.K) {
    case Hazard::BaseUsed:
      Tail = ", and '" + H.Holder + "' is still used";
      break;
    case Hazard::OtherView:
      Tail = ", and '" + H.Holder + "' still reads them";
      break;
    case Hazard::Kept:
      Tail = ", which are also kept elsewhere";
      break;
    }
    std::string BaseText = BaseName.empty() ? "its base" : "'" + BaseName + "'";
    Finding F =
        C.finding(Ev.Call->getBeginLoc(),
                  "append to " + Target + " may overwrite elements of " +
                      BaseText + " past the end of the slice" + Tail,
                  Ev.Call->getSourceRange());
    std::string Note =
        Ev.HasPlace
            ? "'" + Ev.OperandPlace.str() + "' is a 2-index slice of " +
                  BaseText + " made here; its capacity extends past its length"
            : "this 2-index slice of " + BaseText +
                  " keeps the capacity past its length";
    if (View.DirectOp)
      Note += "; a 3-index slice caps it";
    F.Notes.push_back({View.Site->getBeginLoc(), Note});
    if (H.K == Hazard::Kept && H.KeptAt)
      F.Notes.push_back(
          {H.KeptAt->getBeginLoc(), "'" + BaseName + "' is kept here"});
    addSlice3Fix(C, View, F);
    C.report(std::move(F));
  }

  /// `X_slice(s, lo, hi)` -> `X_slice3(s, lo, hi, hi)`.
  static void addSlice3Fix(const CheckContext &C, const ViewInfo &View,
                           Finding &F) {
    if (!View.DirectOp || !View.Hi || View.Hi->HasSideEffects(C.Ctx))
      return;
    const FunctionDecl *Slice3 =
        C.Api.findOp(OpKind::SliceSlice3, ignoreNoise(View.Base)->getType());
    std::string HiText = C.sourceText(View.Hi);
    const Expr *Callee = View.Site->getCallee();
    if (!Slice3 || HiText.empty() || !Callee ||
        Callee->getBeginLoc().isMacroID() || View.Hi->getEndLoc().isMacroID())
      return;
    const SourceManager &SM = C.Ctx.getSourceManager();
    SourceLocation AfterHi = Lexer::getLocForEndOfToken(
        View.Hi->getEndLoc(), 0, SM, C.Ctx.getLangOpts());
    if (AfterHi.isInvalid())
      return;
    F.FixIts.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Callee->getSourceRange()),
        Slice3->getName()));
    F.FixIts.push_back(FixItHint::CreateInsertion(AfterHi, ", " + HiText));
  }
};

} // namespace

std::unique_ptr<Check> createSubsliceAppendOverwrite() {
  return std::make_unique<SubsliceAppendOverwrite>();
}

} // namespace sliceguard
