//===- ModelFile.cpp - user model files (docs/models.md) ------------------===//
//
// A model file says, in YAML, which of a library's types are slices or
// maps and what its functions do, in the same vocabulary as the markers
// (docs/annotations.md).  It is read with llvm::yaml's node parser so that
// every error can name the file, the line and column, and the key.
//
//   library: utarray
//   header: utarray.h          # optional: declarations must come from it
//   types:
//     - name: UT_array
//       kind: slice            # slice | map | map_iter
//       storage: d             # slices: the field holding the elements
//   functions:
//     - name: realloc
//       effect: grows          # grows | changes-map
//       arg: 0
//       reach: storage         # pointee (default) | storage
//     - name: ut_put
//       op: map_put            # any operation kind of ApiOps.def
//
//===----------------------------------------------------------------------===//
#include "models/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace clang;

namespace sliceguard {
namespace {

struct TypeEntry {
  TypeKind Kind = TypeKind::None;
  std::string Storage; ///< slices: the element array's field
  std::string KeyField, ValField;
};

struct FunctionEntry {
  OpKind Op = OpKind::None;
  std::optional<LibraryEffect> Effect;
};

class FileModel : public Model {
public:
  std::string Library, Header;
  llvm::StringMap<TypeEntry> Types;
  llvm::StringMap<FunctionEntry> Functions;

  llvm::StringRef name() const override { return Library; }

  TypeKind recordKind(const RecordDecl *RD) const override {
    const TypeEntry *T = typeOf(RD);
    return T ? T->Kind : TypeKind::None;
  }

  FieldRole fieldRole(const FieldDecl *FD) const override {
    const TypeEntry *T = typeOf(FD->getParent());
    if (!T || T->Kind != TypeKind::MapIter || !FD->getIdentifier())
      return FieldRole::None;
    if (FD->getName() == T->KeyField)
      return FieldRole::Key;
    if (FD->getName() == T->ValField)
      return FieldRole::Val;
    return FieldRole::None;
  }

  OpKind opKind(const FunctionDecl *FD) const override {
    const FunctionEntry *F = functionOf(FD);
    return F ? F->Op : OpKind::None;
  }

  void effects(const CallExpr *Call,
               llvm::SmallVectorImpl<LibraryEffect> &Out) const override {
    const FunctionEntry *F = functionOf(Call->getDirectCallee());
    if (!F || !F->Effect || F->Effect->Arg >= Call->getNumArgs())
      return;
    // realloc(a->d, n) moves a container only when a->d is the storage
    // field of one of this file's slice types; any other realloc is not
    // this library's business.
    if (F->Effect->R == LibraryEffect::StorageOwner &&
        !isStorageField(Call->getArg(F->Effect->Arg)))
      return;
    Out.push_back(*F->Effect);
  }

  bool mayChange(const FunctionDecl *FD) const override {
    const FunctionEntry *F = functionOf(FD);
    return F && F->Effect.has_value();
  }

private:
  bool fromHeader(const Decl *D) const {
    if (Header.empty())
      return true;
    const SourceManager &SM = D->getASTContext().getSourceManager();
    SourceLocation L = SM.getExpansionLoc(D->getLocation());
    llvm::StringRef File = L.isValid() ? SM.getFilename(L) : "";
    std::string Tail = "/" + Header;
    return File == Header || (File.size() > Tail.size() &&
                              File.substr(File.size() - Tail.size()) == Tail);
  }

  /// A record is named by its tag or by a typedef of it
  /// (`typedef struct {...} UT_array;`).
  const TypeEntry *typeOf(const RecordDecl *RD) const {
    if (!RD)
      return nullptr;
    llvm::StringRef Name;
    if (RD->getIdentifier())
      Name = RD->getName();
    else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Name = TD->getName();
    auto It = Types.find(Name);
    if (Name.empty() || It == Types.end() || !fromHeader(RD))
      return nullptr;
    return &It->second;
  }

  const FunctionEntry *functionOf(const FunctionDecl *FD) const {
    if (!FD || !FD->getIdentifier())
      return nullptr;
    auto It = Functions.find(FD->getName());
    if (It == Functions.end())
      return nullptr;
    // Only the header's own functions, except for the C library's
    // allocators a header's macros call (realloc is declared elsewhere).
    if (!It->second.Effect ||
        It->second.Effect->R != LibraryEffect::StorageOwner)
      if (!fromHeader(FD->getCanonicalDecl()))
        return nullptr;
    return &It->second;
  }

  bool isStorageField(const Expr *E) const {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!FD || !FD->getIdentifier())
      return false;
    const TypeEntry *T = typeOf(FD->getParent());
    return T && T->Kind == TypeKind::Slice && FD->getName() == T->Storage;
  }
};

//===--- reading ----------------------------------------------------------===//

class Reader {
public:
  Reader(llvm::SourceMgr &SM, std::string &Errors) : SM(SM), Errors(Errors) {}

  /// Reports at N; always false, so callers can `return fail(...)`.
  bool fail(llvm::yaml::Node *N, const llvm::Twine &Msg) {
    llvm::raw_string_ostream OS(Errors);
    SM.PrintMessage(OS, N->getSourceRange().Start, llvm::SourceMgr::DK_Error,
                    Msg);
    return false;
  }

  bool scalar(llvm::yaml::Node *N, llvm::StringRef Key, std::string &Out) {
    auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
    if (!S)
      return fail(N, "'" + Key + "' needs a plain value");
    llvm::SmallString<32> Storage;
    Out = S->getValue(Storage).str();
    if (Out.empty())
      return fail(N, "'" + Key + "' is empty");
    return true;
  }

  bool readFile(llvm::yaml::Node *Root, FileModel &M) {
    auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Root);
    if (!Map)
      return fail(Root, "a model file is a mapping with the keys library, "
                        "header, types, functions");
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key;
      if (!scalar(KV.getKey(), "key", Key))
        return false;
      llvm::yaml::Node *V = KV.getValue();
      if (Key == "library") {
        if (!scalar(V, Key, M.Library))
          return false;
      } else if (Key == "header") {
        if (!scalar(V, Key, M.Header))
          return false;
      } else if (Key == "types" || Key == "functions") {
        auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(V);
        if (!Seq)
          return fail(V, "'" + Key + "' needs a list ('- name: ...')");
        for (llvm::yaml::Node &Item : *Seq)
          if (!(Key == "types" ? readType(&Item, M) : readFunction(&Item, M)))
            return false;
      } else {
        return fail(KV.getKey(), "unknown key '" + Key +
                                     "' (valid keys: library, header, "
                                     "types, functions)");
      }
    }
    if (M.Library.empty())
      return fail(Root, "missing key 'library' (the name models= selects)");
    return true;
  }

private:
  llvm::SourceMgr &SM;
  std::string &Errors;

  /// Reads Item's keys into Values, refusing any key not in Valid.
  bool
  fields(llvm::yaml::Node *Item, llvm::StringRef What,
         llvm::ArrayRef<llvm::StringRef> Valid,
         llvm::StringMap<std::pair<std::string, llvm::yaml::Node *>> &Values) {
    auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Item);
    if (!Map)
      return fail(Item, "each of the " + What + " is a mapping ('name: ...')");
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key, Value;
      if (!scalar(KV.getKey(), "key", Key))
        return false;
      if (llvm::find(Valid, Key) == Valid.end()) {
        std::string List;
        for (llvm::StringRef V : Valid)
          List += (List.empty() ? "" : ", ") + V.str();
        return fail(KV.getKey(), "unknown key '" + Key + "' in " + What +
                                     " (valid keys: " + List + ")");
      }
      if (!scalar(KV.getValue(), Key, Value))
        return false;
      Values[Key] = {Value, KV.getValue()};
    }
    if (!Values.count("name"))
      return fail(Item, "missing key 'name' in " + What);
    return true;
  }

  bool readType(llvm::yaml::Node *Item, FileModel &M) {
    llvm::StringMap<std::pair<std::string, llvm::yaml::Node *>> F;
    if (!fields(Item, "types", {"name", "kind", "storage", "key", "val"}, F))
      return false;
    TypeEntry T;
    auto Kind = F.find("kind");
    if (Kind == F.end())
      return fail(Item, "missing key 'kind' (slice, map or map_iter)");
    T.Kind = llvm::StringSwitch<TypeKind>(Kind->second.first)
                 .Case("slice", TypeKind::Slice)
                 .Case("map", TypeKind::Map)
                 .Case("map_iter", TypeKind::MapIter)
                 .Default(TypeKind::None);
    if (T.Kind == TypeKind::None)
      return fail(Kind->second.second, "unknown kind '" + Kind->second.first +
                                           "' (slice, map or map_iter)");
    if (auto S = F.find("storage"); S != F.end())
      T.Storage = S->second.first;
    if (T.Kind == TypeKind::Slice && T.Storage.empty())
      return fail(Item, "missing key 'storage' (the field holding a "
                        "slice's elements)");
    if (auto K = F.find("key"); K != F.end())
      T.KeyField = K->second.first;
    if (auto V = F.find("val"); V != F.end())
      T.ValField = V->second.first;
    M.Types[F["name"].first] = std::move(T);
    return true;
  }

  bool readFunction(llvm::yaml::Node *Item, FileModel &M) {
    llvm::StringMap<std::pair<std::string, llvm::yaml::Node *>> F;
    if (!fields(Item, "functions",
                {"name", "op", "effect", "arg", "key-arg", "reach"}, F))
      return false;
    FunctionEntry E;
    if (auto Op = F.find("op"); Op != F.end()) {
      E.Op = opFromSpelling(Op->second.first);
      if (E.Op == OpKind::None)
        return fail(Op->second.second,
                    "unknown op '" + Op->second.first +
                        "' (the operation kinds of docs/annotations.md, "
                        "e.g. slice_append, map_put, map_range_begin)");
    }
    if (auto Eff = F.find("effect"); Eff != F.end()) {
      LibraryEffect L;
      llvm::StringRef K = Eff->second.first;
      if (K == "grows")
        L.K = LibraryEffect::Grows;
      else if (K == "changes-map")
        L.K = LibraryEffect::ChangesMap;
      else
        return fail(Eff->second.second,
                    "unknown effect '" + K + "' (grows or changes-map)");
      if (!number(F, "arg", L.Arg, /*Required=*/true, Item) || !keyArg(F, L))
        return false;
      if (auto R = F.find("reach"); R != F.end()) {
        if (R->second.first == "storage")
          L.R = LibraryEffect::StorageOwner;
        else if (R->second.first != "pointee")
          return fail(R->second.second, "unknown reach '" + R->second.first +
                                            "' (pointee or storage)");
      }
      E.Effect = L;
    } else {
      for (llvm::StringRef K : {"arg", "key-arg", "reach"})
        if (auto It = F.find(K); It != F.end())
          return fail(It->second.second,
                      "'" + K +
                          "' belongs to an 'effect'; this function has "
                          "none");
    }
    if (E.Op == OpKind::None && !E.Effect)
      return fail(Item, "function '" + F["name"].first +
                            "' needs an 'op' or an 'effect'");
    M.Functions[F["name"].first] = std::move(E);
    return true;
  }

  bool number(llvm::StringMap<std::pair<std::string, llvm::yaml::Node *>> &F,
              llvm::StringRef Key, unsigned &Out, bool Required,
              llvm::yaml::Node *Item) {
    auto It = F.find(Key);
    if (It == F.end())
      return Required ? fail(Item, "missing key '" + Key +
                                       "' (the argument's position, from 0)")
                      : true;
    if (llvm::StringRef(It->second.first).getAsInteger(10, Out) || Out > 64)
      return fail(It->second.second,
                  "'" + Key +
                      "' needs an argument position (0, 1, ...), not '" +
                      It->second.first + "'");
    return true;
  }

  bool keyArg(llvm::StringMap<std::pair<std::string, llvm::yaml::Node *>> &F,
              LibraryEffect &L) {
    if (!F.count("key-arg"))
      return true;
    unsigned K = 0;
    if (!number(F, "key-arg", K, false, nullptr))
      return false;
    L.KeyArg = static_cast<int>(K);
    return true;
  }

  static OpKind opFromSpelling(llvm::StringRef S) {
#define SLICEGUARD_OP(Enum, Spelling)                                          \
  if (S == Spelling)                                                           \
    return OpKind::Enum;
#include "ApiOps.def"
    return OpKind::None;
  }
};

} // namespace

llvm::Expected<std::unique_ptr<Model>> loadModelFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), "cannot read model file '%s': %s",
        Path.str().c_str(), Buffer.getError().message().c_str());
  llvm::SourceMgr SM;
  std::string Errors;
  // YAML syntax errors come through the handler, with file and line.
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        llvm::raw_string_ostream OS(*static_cast<std::string *>(Ctx));
        D.print(nullptr, OS, /*ShowColors=*/false);
      },
      &Errors);
  unsigned Id = SM.AddNewSourceBuffer(std::move(*Buffer), llvm::SMLoc());
  llvm::yaml::Stream Stream(SM.getMemoryBuffer(Id)->getMemBufferRef(), SM);
  auto M = std::make_unique<FileModel>();
  Reader R(SM, Errors);
  llvm::yaml::document_iterator Doc = Stream.begin();
  bool Ok = Doc != Stream.end() && Doc->getRoot();
  if (Ok && Errors.empty())
    Ok = R.readFile(Doc->getRoot(), *M);
  if (!Ok && Errors.empty())
    Errors = (Path + ": error: empty model file\n").str();
  if (!Errors.empty() || Stream.failed()) {
    llvm::StringRef E = llvm::StringRef(Errors).rtrim();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   E.str().c_str());
  }
  return std::unique_ptr<Model>(std::move(M));
}

} // namespace sliceguard
