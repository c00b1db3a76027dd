//===- AppendToRangeCopy.cpp - growing a copy of a map value -------------===//
//
// `for k, v := range m { v = append(v, x) }` and `v := m[k]; v = append(v,
// x)` grow a *copy* of the slice header stored in the map.  Unless the copy
// is stored back (m[k] = v), the map keeps the old length: the element is
// lost, or (spare capacity) written where the map's slice cannot see it
// (linkedin/Burrow #47).
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace sliceguard {
namespace {

class AppendToRangeCopy : public SliceGrowthCheck {
public:
  void checkFunction(const CheckContext &C) override {
    for (const OpEvent &Append : C.Flow.events())
      if (isSliceGrowOp(Append.Op) && Append.HasPlace)
        checkAppend(C, Append);
  }

private:
  /// `P = append(P, ...)`: the assignment, when its target is the operand.
  static const BinaryOperator *selfAssignment(const CheckContext &C,
                                              const OpEvent &Append) {
    const auto *BO =
        dyn_cast_or_null<BinaryOperator>(C.Flow.parentOf(Append.Call));
    if (!BO || BO->getOpcode() != BO_Assign ||
        ignoreNoise(BO->getRHS()) != Append.Call)
      return nullptr;
    Place Target;
    if (!C.Flow.placeOf(BO->getLHS(), BO, Target) ||
        Target != Append.OperandPlace)
      return nullptr;
    return BO;
  }

  /// True if reading P at S hands the value on: stored into a map, into
  /// memory that outlives the function, returned, copied elsewhere, or its
  /// address taken.  Any of these may be the store back, so stay quiet.
  static bool handsOn(const CheckContext &C, const Stmt *S, const Place &P,
                      bool MapIsGlobal) {
    const FunctionFlow &Flow = C.Flow;
    Place Read;
    if (!Flow.placeOf(cast<Expr>(S), S, Read) || !Read.isPrefixOf(P))
      return false; // reading a part (v.len, v.ptr) is not handing on
    const Stmt *Parent = Flow.parentOf(S);
    if (!Parent)
      return false;
    if (isa<ReturnStmt>(Parent) || isa<DeclStmt>(Parent))
      return true;
    if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
      return UO->getOpcode() == UO_AddrOf;
    if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
      return BO->getOpcode() == BO_Assign && ignoreNoise(BO->getRHS()) == S;
    if (isa<InitListExpr>(Parent) || isa<CompoundLiteralExpr>(Parent))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      OpKind Op = C.Api.opKind(Call);
      if (Op == OpKind::MapPut)
        return ignoreNoise(C.Api.valueOperand(Call)) == S;
      if (Op != OpKind::None)
        return false; // len, get, append read it
      // A helper that also receives a map, or any helper when the map is
      // a global it can reach, may store it back.
      return MapIsGlobal || C.Api.mapOperand(Call) != nullptr ||
             llvm::any_of(Call->arguments(), [&](const Expr *A) {
               return C.Api.typeKind(A->getType()) == TypeKind::Map;
             });
    }
    return false;
  }

  /// The helper call receives `&P` itself, so its append replaces P.
  static bool passesAddressOf(const CheckContext &C, const OpEvent &Append) {
    for (const Expr *Arg : Append.Call->arguments()) {
      const auto *UO = dyn_cast<UnaryOperator>(ignoreNoise(Arg));
      Place Target;
      if (UO && UO->getOpcode() == UO_AddrOf &&
          C.Flow.placeOf(UO->getSubExpr(), Append.Call, Target) &&
          Target == Append.OperandPlace)
        return true;
    }
    return false;
  }

  static bool storedBack(const CheckContext &C, const Stmt *GrownAt,
                         const Place &P, bool MapIsGlobal) {
    bool Stored = false;
    C.Flow.walkForward(C.Flow.pointOf(GrownAt), [&](const Stmt *S) {
      // range_next(&it) takes the iterator's address to overwrite it.val,
      // not to store it: test it before the reads.
      if (C.Flow.advancesRange(S, P))
        return FunctionFlow::Walk::Prune;
      if (C.Flow.reads(S, P) && handsOn(C, S, P, MapIsGlobal)) {
        Stored = true;
        return FunctionFlow::Walk::Stop;
      }
      // `v = append(v, y)` again: the grown value lives on in v.
      if (C.Flow.overwrites(S, P) && !growsInPlace(C, S, P))
        return FunctionFlow::Walk::Prune;
      return FunctionFlow::Walk::Continue;
    });
    return Stored;
  }

  /// S is `P = append(P, ...)` (or extend): P keeps what it held, grown.
  static bool growsInPlace(const CheckContext &C, const Stmt *S,
                           const Place &P) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    const auto *Call = BO && BO->getOpcode() == BO_Assign
                           ? dyn_cast<CallExpr>(ignoreNoise(BO->getRHS()))
                           : nullptr;
    if (!Call || !isSliceGrowOp(C.Api.opKind(Call)))
      return false;
    Place Operand;
    return C.Flow.placeOf(C.Api.sliceOperand(Call), Call, Operand) &&
           Operand == P;
  }

  /// The map the copy came from lives in a global (or a place reached from
  /// one): any function may store the value back.
  static bool isGlobalMap(const CheckContext &C, const ValueSet &MapVals) {
    return llvm::any_of(MapVals, [&](ValueId V) {
      const Value &Val = C.Flow.value(V);
      const auto *VD = dyn_cast_or_null<VarDecl>(Val.P.Root);
      return Val.K == Value::Initial && VD && VD->hasGlobalStorage();
    });
  }

  static void checkAppend(const CheckContext &C, const OpEvent &Append) {
    const Place &P = Append.OperandPlace;
    if (!P.isFunctionLocal())
      return; // growing the slice in place inside the map's memory is fine
    ValueSet MapVals;
    const Expr *Origin = nullptr;
    bool IsCopy = llvm::any_of(Append.Operand, [&](ValueId V) {
      return C.Flow.isMapValueCopy(V, &MapVals, &Origin);
    });
    if (!IsCopy)
      return;
    // Grown here (`v = append(v, x)`) or by a same-file helper that
    // appends through a pointer to it (`push(&v, x)`).
    const BinaryOperator *Assign = nullptr;
    const Stmt *GrownAt = nullptr;
    if (Append.Callee) {
      // A helper that also receives the map may store the value back.
      if (C.Api.mapOperandIndex(Append.Call) >= 0)
        return;
      if (passesAddressOf(C, Append))
        GrownAt = Append.Call;
      else // `v = grow(a, v)` with grow returning append(param, ...)
        GrownAt = selfAssignment(C, Append);
    } else {
      Assign = selfAssignment(C, Append);
      GrownAt = Assign;
    }
    if (!GrownAt || storedBack(C, GrownAt, P, isGlobalMap(C, MapVals)))
      return;
    std::string Name = P.str();
    Finding F = C.finding(
        Append.Call->getBeginLoc(),
        (Append.Callee
             ? "call to '" + Append.Callee->getNameAsString() + "' appends to '"
             : std::string("appending to '")) +
            Name +
            "', a copy of a map value that is never stored back; the map "
            "keeps the old slice and the appended elements are lost",
        Append.Call->getSourceRange());
    const auto *OriginCall = dyn_cast_or_null<CallExpr>(Origin);
    if (OriginCall) {
      OpKind Op = C.Api.opKind(OriginCall);
      F.Notes.push_back(
          {OriginCall->getBeginLoc(),
           Op == OpKind::MapRangeBegin
               ? "'" + Name +
                     "' is a copy of the value of the "
                     "range over the map begun here"
               : "'" + Name + "' was copied out of the map here"});
      if (Assign)
        addStoreBackFix(C, F, Assign, P, OriginCall);
    }
    C.report(std::move(F));
  }

  /// Fix-it: store the grown slice back right after the append, when
  /// nothing reads it afterwards (so storing it at once is exactly right)
  /// and the map and key can be spelled.
  static void addStoreBackFix(const CheckContext &C, Finding &F,
                              const BinaryOperator *Assign, const Place &P,
                              const CallExpr *Origin) {
    // Only a statement of a block can take another statement after it
    // (`if (c) v = append(...); else ...` could not).
    if (!isa_and_nonnull<CompoundStmt>(C.Flow.parents().getParent(Assign)))
      return;
    if (C.Flow.nextRead(C.Flow.pointOf(Assign), P))
      return;
    const Expr *Map = C.Api.mapOperand(Origin);
    if (!Map)
      return;
    const FunctionDecl *Put =
        C.Api.findOp(OpKind::MapPut, ignoreNoise(Map)->getType());
    std::string MapText = C.sourceText(Map);
    std::string KeyText;
    if (C.Api.opKind(Origin) == OpKind::MapRangeBegin) {
      auto Ranges = C.Flow.enclosingRanges(Assign);
      for (const auto &R : Ranges)
        if (R.Begin == Origin)
          KeyText = R.Iter->getNameAsString() + "." + keyFieldName(C, R.Iter);
      if (Ranges.empty() || KeyText.empty() || KeyText.back() == '.')
        return;
    } else {
      KeyText = C.sourceText(C.Api.keyOperand(Origin));
    }
    std::string Value = C.sourceText(Assign->getLHS());
    if (!Put || MapText.empty() || KeyText.empty() || Value.empty() ||
        !putTakes(C, Put, Assign->getLHS()->getType()))
      return;
    const SourceManager &SM = C.Ctx.getSourceManager();
    SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        Assign->getEndLoc(), tok::semi, SM, C.Ctx.getLangOpts(),
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid())
      return;
    F.FixIts.push_back(FixItHint::CreateInsertion(
        AfterSemi, " " + Put->getNameAsString() + "(" + MapText + ", " +
                       KeyText + ", " + Value + ");"));
  }

  /// True if Put's value parameter has type T: a slice field of a struct
  /// map value (`e.items`) cannot be stored back on its own.
  static bool putTakes(const CheckContext &C, const FunctionDecl *Put,
                       QualType T) {
    unsigned MapIdx = 0;
    while (MapIdx < Put->getNumParams() &&
           C.Api.typeKind(Put->getParamDecl(MapIdx)->getType()) !=
               TypeKind::Map)
      ++MapIdx;
    if (MapIdx + 2 >= Put->getNumParams())
      return false;
    QualType Want = Put->getParamDecl(MapIdx + 2)->getType();
    return C.Ctx.hasSameUnqualifiedType(Want, T);
  }

  static std::string keyFieldName(const CheckContext &C, const VarDecl *It) {
    if (const RecordDecl *RD = It->getType()->getAsRecordDecl())
      for (const FieldDecl *FD : RD->fields())
        if (C.Api.fieldRole(FD) == FieldRole::Key)
          return FD->getNameAsString();
    return "";
  }
};

} // namespace

std::unique_ptr<Check> createAppendToRangeCopy() {
  return std::make_unique<AppendToRangeCopy>();
}

} // namespace sliceguard
