//===- Model.h - what a library's types and operations mean ---------------===//
//
// The analysis core (flow, summaries, screen) and the checks never look at
// a library's names.  They ask ApiModel (ApiModel.h), and ApiModel asks the
// models selected for the translation unit, in order:
//
//   markers    our runtime and any API carrying its markers (Markers.cpp)
//   glib       GHashTable, GArray, GPtrArray, GByteArray, GString (GLib.cpp)
//   <file>     user model files, -fplugin-arg-sliceguard-model=FILE
//              (ModelFile.cpp, format in docs/models.md)
//
// A model answers in the core's vocabulary: a record is a slice, a map, a
// map iterator...; a function is one of the operation kinds of ApiOps.def;
// a library call whose body the flow cannot see may have effects (it grows
// the container an argument points to, it changes a map's structure),
// which the flow applies as it applies a same-file function's summary.
// A model that does not know a declaration answers None / no effect, and
// the next model is asked.
//
// Built-in models recognise their library by its declarations (the header
// that declares a function, its parameter types), never by a user's names:
// they are on whenever the library's headers are included.
//
// Dependencies point one way: models know clang's AST only; the core
// includes this header; the checks include the core.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_MODELS_MODEL_H
#define SLICEGUARD_MODELS_MODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace sliceguard {

enum class TypeKind { None, Slice, Map, MapIter, Arena, Str };

enum class OpKind {
  None,
#define SLICEGUARD_OP(Enum, Spelling) Enum,
#include "ApiOps.def"
};

enum class FieldRole { None, Key, Val };

/// What a library call does that the flow cannot see in its body.  The
/// flow applies it exactly as it applies a same-file helper's summary
/// effect on a parameter (AliasFlow.h, ParamEffect).
struct LibraryEffect {
  enum Kind {
    /// Moves the storage of the container: GArray's append_vals, a
    /// realloc of a container's storage field.  Pointers into the old
    /// storage dangle; the container handle itself stays valid.
    Grows,
    /// Changes the structure of a map: an insert of a possibly new key
    /// (KeyArg says which argument is the key; -1: any key, as for
    /// remove / steal / remove_all / destroy in GLib, which GLib forbids
    /// during iteration whatever the key).
    ChangesMap,
  } K = Grows;
  /// The argument that reaches the container.
  unsigned Arg = 0;
  /// How the container is reached from that argument.
  enum Reach {
    Pointee,      ///< the argument points to it (GArray *a: it is *a)
    StorageOwner, ///< the argument is its storage field (`a->d`): the
                  ///< container is the object holding that field
  } R = Pointee;
  int KeyArg = -1;
};

class Model {
public:
  virtual ~Model();
  /// The name `models=` globs select ("markers", "glib", a file's
  /// `library:`).
  virtual llvm::StringRef name() const = 0;

  /// Kind of the record RD.  A map value is a pointer to the record this
  /// answers Map for; every other kind is the record itself.
  virtual TypeKind recordKind(const clang::RecordDecl *RD) const {
    return TypeKind::None;
  }
  /// Role of a map iterator's field (the key and value it yields).
  virtual FieldRole fieldRole(const clang::FieldDecl *FD) const {
    return FieldRole::None;
  }
  /// The operation FD is.  Operands are found by type (ApiModel.h).
  virtual OpKind opKind(const clang::FunctionDecl *FD) const {
    return OpKind::None;
  }
  /// Appends to Out what Call does beyond its operation kind; the call
  /// is one to a function without a body in the translation unit (a
  /// library function) or inside one of the library's macros.
  virtual void effects(const clang::CallExpr *Call,
                       llvm::SmallVectorImpl<LibraryEffect> &Out) const {}
  /// True if a call to FD may grow a container or change a map's
  /// structure (so the translation unit is worth analysing).
  virtual bool mayChange(const clang::FunctionDecl *FD) const { return false; }
  /// How messages name the operation FD ("g_hash_table_insert"); empty:
  /// the operation kind's spelling.
  virtual std::string opName(const clang::FunctionDecl *FD) const { return ""; }
};

/// A built-in model: its name for `models=` and how to make it.
struct BuiltinModel {
  llvm::StringLiteral Name;
  llvm::StringLiteral Summary;
  std::unique_ptr<Model> (*Create)();
};

/// The built-in models, in the order they are asked (BuiltinModels.def).
llvm::ArrayRef<BuiltinModel> builtinModels();

#define SLICEGUARD_MODEL(Name, Factory, Summary)                               \
  std::unique_ptr<Model> Factory();
#include "BuiltinModels.def"

/// Reads a user model file (docs/models.md).  Errors name the file, the
/// line and column, and the key that is wrong.
llvm::Expected<std::unique_ptr<Model>> loadModelFile(llvm::StringRef Path);

/// True if Globs ("-*,glib", "*") selects the model named Name; the last
/// glob that matches decides, as for checks=.
bool modelSelected(llvm::StringRef Globs, llvm::StringRef Name);

} // namespace sliceguard

#endif // SLICEGUARD_MODELS_MODEL_H
