//===- ApiModel.h - recognises the runtime's types and operations ---------===//
//
// The plugin finds slices, maps and their operations by the markers of
// runtime-headers/sliceguard/markers.h, never by instantiation names:
//
//   types  annotate("sliceguard:type:<kind>") on a record
//   fields annotate("sliceguard:field:<role>") on the iterator's key / val
//   ops    diagnose_if(0, "sliceguard:op:<kind>", "warning") on a function
//
// A user's own container API carrying the same markers gets the same checks.
// Operand roles are found by type, not by position (see operand helpers).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_APIMODEL_H
#define SLICEGUARD_APIMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

namespace sliceguard {

enum class TypeKind { None, Slice, Map, MapIter, Arena, Str };

enum class OpKind {
  None,
#define SLICEGUARD_OP(Enum, Spelling) Enum,
#include "ApiOps.def"
};

enum class FieldRole { None, Key, Val };

/// The marker spelling of an operation ("map_put"), for messages.
llvm::StringRef opSpelling(OpKind Op);

bool isSliceGrowOp(OpKind Op); ///< append, append_n, extend
bool isSliceViewOp(OpKind Op); ///< slice, slice3
bool isMapOp(OpKind Op);

class ApiModel {
public:
  /// Kind of a value of type T.  A map value is a pointer to the marked
  /// table struct; everything else is the marked record itself.  Typedefs
  /// and qualifiers are looked through.
  TypeKind typeKind(clang::QualType T) const;
  bool isTracked(clang::QualType T) const {
    TypeKind K = typeKind(T);
    return K == TypeKind::Slice || K == TypeKind::Map || K == TypeKind::MapIter;
  }

  OpKind opKind(const clang::FunctionDecl *FD) const;
  OpKind opKind(const clang::CallExpr *Call) const;

  FieldRole fieldRole(const clang::FieldDecl *FD) const;

  // Operand roles (null when the call does not have one).
  /// First argument of slice type.
  const clang::Expr *sliceOperand(const clang::CallExpr *Call) const;
  /// The second slice argument of slice_extend / slice_copy.
  const clang::Expr *sourceSliceOperand(const clang::CallExpr *Call) const;
  /// Index of the first argument of map type, or -1.
  int mapOperandIndex(const clang::CallExpr *Call) const;
  const clang::Expr *mapOperand(const clang::CallExpr *Call) const;
  /// The argument after the map for put/get/lookup/ref/del.
  const clang::Expr *keyOperand(const clang::CallExpr *Call) const;
  /// put's value: the argument after the key.
  const clang::Expr *valueOperand(const clang::CallExpr *Call) const;

  /// The operation of kind Op whose first map/slice parameter has the same
  /// type as OperandType (e.g. the map_put of this map type), for fix-its.
  const clang::FunctionDecl *findOp(OpKind Op,
                                    clang::QualType OperandType) const;

  /// Records every marked operation declared in the translation unit so
  /// findOp can answer.
  void indexDecl(const clang::FunctionDecl *FD);

private:
  TypeKind recordKind(const clang::RecordDecl *RD) const;
  TypeKind uncachedTypeKind(const clang::Type *Canonical) const;
  mutable llvm::DenseMap<const clang::RecordDecl *, TypeKind> RecordCache;
  mutable llvm::DenseMap<const clang::Type *, TypeKind> TypeCache;
  mutable llvm::DenseMap<const clang::FunctionDecl *, OpKind> OpCache;
  std::vector<const clang::FunctionDecl *> KnownOps;
};

/// Strips parentheses, implicit casts and no-op explicit casts.
const clang::Expr *ignoreNoise(const clang::Expr *E);

} // namespace sliceguard

#endif // SLICEGUARD_APIMODEL_H
