//===- FlowLibrary.cpp - library calls whose effects a model gives --------===//
//
// A library function has no body in the translation unit, so the flow
// cannot summarise it.  Its model says what it does instead
// (models/Model.h, LibraryEffect), and the flow applies that as it applies
// a same-file helper's summary: `g_array_append_vals(a, p, n)` is, to the
// flow and the checks, a helper that appends through a pointer to `*a`;
// `g_hash_table_remove(t, k)` one that changes the map `t`.
//
//===----------------------------------------------------------------------===//
#include "AliasFlow.h"

using namespace clang;

namespace sliceguard {

/// The place the effect E of Call lands on, in the caller.
bool FunctionFlow::libraryPlace(const State &S, const CallExpr *Call,
                                const LibraryEffect &E, Place &Out) {
  ParamEffect PE;
  PE.Param = E.Arg;
  if (E.K == LibraryEffect::ChangesMap)
    return callerPlace(S, Call, PE, Out); // the handle is the map value
  if (E.R == LibraryEffect::Pointee) {
    PE.Steps.push_back({PathStep::Deref, nullptr});
    return callerPlace(S, Call, PE, Out);
  }
  // The storage field of a container (`a->d`): the container holds it.
  if (!callerPlace(S, Call, PE, Out) || Out.Steps.empty() ||
      Out.Steps.back().K != PathStep::Field)
    return false;
  Out.Steps.pop_back();
  return true;
}

bool FunctionFlow::applyLibraryEffects(State &S, const CallExpr *Call,
                                       bool Record) {
  llvm::SmallVector<LibraryEffect, 2> Effects = Api.effects(Call);
  if (Effects.empty())
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  for (const LibraryEffect &E : Effects) {
    Place P;
    bool HasPlace = libraryPlace(S, Call, E, P);
    bool Grows = E.K == LibraryEffect::Grows;
    // A map's identity is its handle's value, whether or not the handle
    // is a place (`g_hash_table_remove(get_table(), k)`).
    ValueSet Old = HasPlace ? lookup(S, P)
                   : Grows  ? ValueSet()
                            : eval(S, Call->getArg(E.Arg));
    if (Grows && !HasPlace)
      continue;
    if (Record) {
      OpEvent Ev;
      Ev.Op = Grows ? OpKind::SliceAppend : OpKind::MapPut;
      Ev.Call = Call;
      Ev.Callee = Callee;
      Ev.Operand = Old;
      Ev.HasPlace = HasPlace;
      Ev.OperandPlace = P;
      Ev.ReplacesPlace = Grows;
      if (E.KeyArg >= 0)
        Ev.Key = Call->getArg(E.KeyArg);
      Events.push_back(std::move(Ev));
    }
    if (!Grows)
      continue;
    // The container now holds storage that may have moved: a new value
    // made from the old one, as `*p = append(*p, ...)` makes.
    Value V;
    V.K = Value::Made;
    V.Site = Call;
    V.Op = OpKind::SliceAppend;
    V.Callee = Callee;
    V.P = P;
    V.From = Old;
    assign(S, P, {intern(std::move(V))});
  }
  return true;
}

} // namespace sliceguard
