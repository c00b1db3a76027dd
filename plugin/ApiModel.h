//===- ApiModel.h - what the analysis asks about types and operations ----===//
//
// The facade the flow, the screen and the checks ask "what does this type
// / call mean".  The answers come from the models selected for the
// translation unit (models/Model.h): sliceguard's markers, the built-in
// library models (GLib, ...) and user model files.  The first model that
// knows a declaration answers for it.
//
// Operand roles are found by type, not by position (see operand helpers).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_APIMODEL_H
#define SLICEGUARD_APIMODEL_H

#include "models/Model.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <vector>

namespace sliceguard {

/// The marker spelling of an operation ("map_put"), for messages.
llvm::StringRef opSpelling(OpKind Op);

bool isSliceGrowOp(OpKind Op); ///< append, append_n, extend
bool isSliceViewOp(OpKind Op); ///< slice, slice3
bool isMapOp(OpKind Op);

class ApiModel {
public:
  /// Every built-in model (markers first).
  ApiModel();
  /// The built-in models Globs selects (`models=`, e.g. "-*,glib"), then
  /// the user's model files, in the order given.
  ApiModel(llvm::StringRef Globs,
           std::vector<std::shared_ptr<const Model>> UserModels);

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

  /// What a call to a library function does that its operation kind
  /// does not say (models/Model.h, LibraryEffect).  Empty for most calls.
  llvm::SmallVector<LibraryEffect, 2>
  effects(const clang::CallExpr *Call) const;
  /// True if calling FD may grow a container or change a map (an op of
  /// those kinds, or a library function with such effects).
  bool mayChange(const clang::FunctionDecl *FD) const;
  /// For a map_range_begin that fills an iterator through its address
  /// (`g_hash_table_iter_init(&it, t)`): the `&it` argument.
  const clang::Expr *iteratorOutOperand(const clang::CallExpr *Call) const;
  /// The library's own name for the function called, when a library
  /// model knows it ("g_hash_table_remove"); empty otherwise.
  std::string opName(const clang::CallExpr *Call) const;
  /// The models asked, in order.
  const std::vector<std::shared_ptr<const Model>> &models() const {
    return Models;
  }

  /// Records every marked operation declared in the translation unit so
  /// findOp can answer.
  void indexDecl(const clang::FunctionDecl *FD);

private:
  std::vector<std::shared_ptr<const Model>> Models;
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
