//===- GLib.cpp - the model of GLib's containers --------------------------===//
//
// GHashTable is a map: "the hash table may not be modified while iterating
// over it" (GLib's documentation).  GLib counts structural changes in a
// version that g_hash_table_iter_next compares, so inserting a new key,
// removing, stealing, clearing or destroying the table during a walk is a
// bug; replacing the value of a key that exists is not (it keeps the
// version), and the iterator's own remove / steal / replace are the way to
// change the table during a walk.
//
// GArray, GPtrArray, GByteArray and GString are slices whose handle stays
// put: `g_array_append_vals(a, ...)` reallocates `a->data` in place of the
// Go-style `s = append(s, ...)`.  The model says so as a library effect
// (the call grows `*a`), so pointers into `a->data` (`&g_array_index(a, T,
// i)`, which expands to `&((T *)(void *)(a)->data)[i]`), into `p->pdata`
// and into `s->str` dangle after it.  The elements of a GPtrArray are
// pointers the array stores and never moves: reading one out is not a
// pointer into the array.
//
// Recognised by declaration only: the record or function must be declared
// in one of GLib's own headers (a path under a `glib` directory, e.g.
// /usr/include/glib-2.0/glib/ghash.h), so a user function that happens to
// be called g_array_append_vals is not taken for GLib's.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "models/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace sliceguard {
namespace {

/// True if D is declared in a GLib header: a file under a directory named
/// `glib` (GLib installs its headers as <prefix>/glib-2.0/glib/*.h).
bool inGLibHeader(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation L = SM.getExpansionLoc(D->getLocation());
  if (L.isInvalid())
    return false;
  llvm::StringRef File = SM.getFilename(L);
  return File.contains("/glib/") || compat::startsWith(File, "glib/");
}

/// How GLib's functions change their container (argument 0 always).
enum class Change { None, Grows, ChangesMap };

Change changeOf(llvm::StringRef Name) {
  // GLib 2.76+ routes some GString calls through inline helpers.
  Name.consume_back("_inline");
  return llvm::StringSwitch<Change>(Name)
      // GArray
      .Cases("g_array_append_vals", "g_array_prepend_vals",
             "g_array_insert_vals", "g_array_set_size", Change::Grows)
      // GPtrArray
      .Cases("g_ptr_array_add", "g_ptr_array_extend",
             "g_ptr_array_extend_and_steal", "g_ptr_array_insert",
             "g_ptr_array_set_size", Change::Grows)
      // GByteArray
      .Cases("g_byte_array_append", "g_byte_array_prepend",
             "g_byte_array_set_size", Change::Grows)
      // GString: everything that may lengthen the string
      .Cases("g_string_append", "g_string_append_len", "g_string_append_c",
             "g_string_append_unichar", "g_string_append_printf",
             "g_string_append_vprintf", Change::Grows)
      .Cases("g_string_append_uri_escaped", "g_string_prepend",
             "g_string_prepend_len", "g_string_prepend_c",
             "g_string_prepend_unichar", Change::Grows)
      .Cases("g_string_insert", "g_string_insert_len", "g_string_insert_c",
             "g_string_insert_unichar", "g_string_overwrite", Change::Grows)
      .Cases("g_string_overwrite_len", "g_string_set_size", "g_string_assign",
             "g_string_printf", "g_string_vprintf", Change::Grows)
      .Cases("g_string_replace", "g_string_sprintf", "g_string_sprintfa",
             Change::Grows)
      // GHashTable: structural changes that do not take the key
      // (insert / replace / add are map_put operations, key included).
      .Cases("g_hash_table_remove", "g_hash_table_steal",
             "g_hash_table_steal_extended", "g_hash_table_remove_all",
             "g_hash_table_steal_all", Change::ChangesMap)
      .Case("g_hash_table_destroy", Change::ChangesMap)
      .Default(Change::None);
}

class GLibModel : public Model {
public:
  llvm::StringRef name() const override { return "glib"; }

  TypeKind recordKind(const RecordDecl *RD) const override {
    if (!RD->getIdentifier())
      return TypeKind::None;
    TypeKind K = llvm::StringSwitch<TypeKind>(RD->getName())
                     .Case("_GHashTable", TypeKind::Map)
                     .Case("_GHashTableIter", TypeKind::MapIter)
                     .Cases("_GArray", "_GPtrArray", "_GByteArray", "_GString",
                            TypeKind::Slice)
                     .Default(TypeKind::None);
    return K != TypeKind::None && inGLibHeader(RD) ? K : TypeKind::None;
  }

  OpKind opKind(const FunctionDecl *FD) const override {
    if (!FD->getIdentifier() || !isGLibFunction(FD))
      return OpKind::None;
    return llvm::StringSwitch<OpKind>(FD->getName())
        .Cases("g_hash_table_new", "g_hash_table_new_full", OpKind::MapMake)
        .Cases("g_hash_table_insert", "g_hash_table_replace",
               "g_hash_table_add", OpKind::MapPut)
        .Case("g_hash_table_lookup", OpKind::MapGet)
        .Case("g_hash_table_contains", OpKind::MapLookup)
        .Case("g_hash_table_size", OpKind::MapLen)
        .Case("g_hash_table_iter_init", OpKind::MapRangeBegin)
        .Case("g_hash_table_iter_next", OpKind::MapRangeNext)
        .Default(OpKind::None);
  }

  void effects(const CallExpr *Call,
               llvm::SmallVectorImpl<LibraryEffect> &Out) const override {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || Call->getNumArgs() == 0 ||
        !isGLibFunction(FD))
      return;
    Change C = changeOf(FD->getName());
    if (C == Change::None)
      return;
    LibraryEffect E;
    E.K = C == Change::Grows ? LibraryEffect::Grows : LibraryEffect::ChangesMap;
    E.Arg = 0;
    E.R = LibraryEffect::Pointee;
    Out.push_back(E);
  }

  bool mayChange(const FunctionDecl *FD) const override {
    return FD->getIdentifier() && changeOf(FD->getName()) != Change::None &&
           isGLibFunction(FD);
  }

  std::string opName(const FunctionDecl *FD) const override {
    if (FD->getIdentifier() && isGLibFunction(FD) &&
        compat::startsWith(FD->getName(), "g_"))
      return FD->getName().str();
    return "";
  }

private:
  static bool isGLibFunction(const FunctionDecl *FD) {
    return inGLibHeader(FD->getCanonicalDecl());
  }
};

} // namespace

std::unique_ptr<Model> createGLibModel() {
  return std::make_unique<GLibModel>();
}

} // namespace sliceguard
