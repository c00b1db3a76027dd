//===- Summary.cpp - summary files: write, read, store --------------------===//
#include "Summary.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace sliceguard {

namespace json = llvm::json;

//===--- limits: what a summary file may hold -----------------------------===//
//
// A summary file comes from another compile, possibly from another machine
// (distcc, remote execution) or from an attacker's repository.  Nothing in
// it is trusted: every size is bounded before anything is built from it.

static constexpr size_t MaxFileBytes = 64u << 20;
static constexpr size_t MaxFunctions = 200000;
static constexpr size_t MaxListLength = 4096;
static constexpr size_t MaxStringLength = 4096;
static constexpr unsigned MaxParam = 1024;
/// The format nests five deep; more is not a summary file.
static constexpr unsigned MaxDepth = 16;

static bool tooDeep(llvm::StringRef Text) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return true;
    } else if ((C == ']' || C == '}') && Depth > 0)
      --Depth;
  }
  return false;
}

//===--- one value each way --------------------------------------------===//
//
// toJSON / fromJSON overloads for every member type StoredSummary::fields()
// lists.  A new field of an existing type needs nothing here.

namespace {
struct ReadError {
  std::string Message;
};
} // namespace

static json::Value toJSON(bool B) { return B; }
static json::Value toJSON(unsigned N) { return static_cast<int64_t>(N); }
static json::Value toJSON(int N) { return static_cast<int64_t>(N); }
static json::Value toJSON(const std::string &S) { return S; }
static json::Value toJSON(const SummarySite &S) {
  return json::Array{S.File, static_cast<int64_t>(S.Line),
                     static_cast<int64_t>(S.Column)};
}
static json::Value toJSON(const StoredEffect &E);
template <typename T> static json::Value toJSON(const std::vector<T> &V) {
  json::Array A;
  for (const T &Item : V)
    A.push_back(toJSON(Item));
  return A;
}
static json::Value toJSON(const StoredEffect &E) {
  json::Object O{{"param", static_cast<int64_t>(E.Param)}};
  if (!E.Steps.empty())
    O["steps"] = toJSON(E.Steps);
  if (E.KeyParam >= 0)
    O["key_param"] = static_cast<int64_t>(E.KeyParam);
  if (!E.KeySteps.empty())
    O["key_steps"] = toJSON(E.KeySteps);
  if (E.Site.valid())
    O["site"] = toJSON(E.Site);
  if (!E.SiteFn.empty())
    O["site_fn"] = E.SiteFn;
  return O;
}

/// Defaults are left out of the file: most fields of most functions are.
static bool isDefault(bool B) { return !B; }
static bool isDefault(unsigned N) { return N == 0; }
static bool isDefault(int N) { return N == -1; }
static bool isDefault(const std::string &S) { return S.empty(); }
static bool isDefault(const SummarySite &S) { return !S.valid(); }
static bool isDefault(const StoredEffect &E) {
  return E.Param == 0 && E.Steps.empty() && E.KeyParam < 0 &&
         E.KeySteps.empty() && !E.Site.valid() && E.SiteFn.empty();
}
template <typename T> static bool isDefault(const std::vector<T> &V) {
  return V.empty();
}

static bool fromJSON(const json::Value &J, bool &Out, ReadError &Err) {
  if (auto B = J.getAsBoolean()) {
    Out = *B;
    return true;
  }
  Err.Message = "expected true or false";
  return false;
}
static bool readInteger(const json::Value &J, int64_t Min, int64_t Max,
                        int64_t &Out, ReadError &Err) {
  auto N = J.getAsInteger();
  if (!N || *N < Min || *N > Max) {
    Err.Message = "expected a whole number from " + std::to_string(Min) +
                  " to " + std::to_string(Max);
    return false;
  }
  Out = *N;
  return true;
}
static bool fromJSON(const json::Value &J, unsigned &Out, ReadError &Err) {
  int64_t N;
  if (!readInteger(J, 0, MaxParam, N, Err))
    return false;
  Out = static_cast<unsigned>(N);
  return true;
}
static bool fromJSON(const json::Value &J, int &Out, ReadError &Err) {
  int64_t N;
  if (!readInteger(J, -1, MaxParam, N, Err))
    return false;
  Out = static_cast<int>(N);
  return true;
}
static bool fromJSON(const json::Value &J, std::string &Out, ReadError &Err) {
  auto S = J.getAsString();
  if (!S || S->size() > MaxStringLength) {
    Err.Message = S ? "string too long" : "expected a string";
    return false;
  }
  Out = S->str();
  return true;
}
static bool fromJSON(const json::Value &J, SummarySite &Out, ReadError &Err) {
  const json::Array *A = J.getAsArray();
  int64_t Line, Col;
  if (!A || A->size() != 3 || !fromJSON((*A)[0], Out.File, Err) ||
      !readInteger((*A)[1], 1, 1 << 30, Line, Err) ||
      !readInteger((*A)[2], 0, 1 << 30, Col, Err)) {
    Err.Message = "expected a site [\"file\", line, column]";
    return false;
  }
  Out.Line = static_cast<unsigned>(Line);
  Out.Column = static_cast<unsigned>(Col);
  return true;
}
static bool fromJSON(const json::Value &J, StoredEffect &Out, ReadError &Err);
template <typename T>
static bool fromJSON(const json::Value &J, std::vector<T> &Out,
                     ReadError &Err) {
  const json::Array *A = J.getAsArray();
  if (!A || A->size() > MaxListLength) {
    Err.Message = A ? "list too long" : "expected a list";
    return false;
  }
  Out.clear();
  for (const json::Value &Item : *A) {
    Out.emplace_back();
    if (!fromJSON(Item, Out.back(), Err))
      return false;
  }
  return true;
}
/// A path step: "*", "[]" or ".field".
static bool validSteps(const std::vector<std::string> &Steps) {
  return llvm::all_of(Steps, [](const std::string &S) {
    return S == "*" || S == "[]" || (S.size() > 1 && S[0] == '.');
  });
}
static bool fromJSON(const json::Value &J, StoredEffect &Out, ReadError &Err) {
  const json::Object *O = J.getAsObject();
  if (!O) {
    Err.Message = "expected an effect object";
    return false;
  }
  auto Field = [&](llvm::StringRef Key, auto &Member) {
    const json::Value *V = O->get(Key);
    if (!V)
      return true;
    if (fromJSON(*V, Member, Err))
      return true;
    Err.Message = "'" + Key.str() + "': " + Err.Message;
    return false;
  };
  if (!Field("param", Out.Param) || !Field("steps", Out.Steps) ||
      !Field("key_param", Out.KeyParam) || !Field("key_steps", Out.KeySteps) ||
      !Field("site", Out.Site) || !Field("site_fn", Out.SiteFn))
    return false;
  if (!validSteps(Out.Steps) || !validSteps(Out.KeySteps)) {
    Err.Message = "a path step is not \"*\", \"[]\" or \".field\"";
    return false;
  }
  return true;
}

//===--- StoredSummary ---------------------------------------------------===//

bool StoredSummary::empty() const {
  return MapInserts.empty() && SliceAppends.empty() && MapDeletes.empty() &&
         !ResetsArena && ReturnsViewOf.empty() && !HasReturnsPlace &&
         ReturnShape.empty() && ReturnsElementOf < 0 && !MayAppend &&
         !MayInsert && !MayRemove;
}

bool StoredSummary::operator==(const StoredSummary &O) const {
  // Compared through the writer: one definition of equality, which covers
  // every field fields() lists.
  SummaryFile A{"", {*this}}, B{"", {O}};
  return Id == O.Id && writeSummaryFile(A) == writeSummaryFile(B);
}

static json::Object toJSON(StoredSummary S) {
  json::Object O{{"id", S.Id}};
  S.fields([&](llvm::StringRef Key, const auto &Member) {
    if (!isDefault(Member))
      O[Key] = toJSON(Member);
  });
  return O;
}

static bool fromJSON(const json::Value &J, StoredSummary &Out, ReadError &Err) {
  const json::Object *O = J.getAsObject();
  if (!O) {
    Err.Message = "expected a function object";
    return false;
  }
  const json::Value *Id = O->get("id");
  if (!Id || !fromJSON(*Id, Out.Id, Err) || Out.Id.empty()) {
    Err.Message = "a function without an \"id\"";
    return false;
  }
  bool Ok = true;
  Out.fields([&](llvm::StringRef Key, auto &Member) {
    const json::Value *V = Ok ? O->get(Key) : nullptr;
    if (!V)
      return;
    if (!fromJSON(*V, Member, Err)) {
      Err.Message = "'" + Out.Id + "': '" + Key.str() + "': " + Err.Message;
      Ok = false;
    }
  });
  if (Ok && (Out.ReturnShape != "" && Out.ReturnShape != "append" &&
             Out.ReturnShape != "view")) {
    Err.Message =
        "'" + Out.Id + "': unknown return_shape '" + Out.ReturnShape + "'";
    Ok = false;
  }
  return Ok;
}

//===--- SummaryFile
//-------------------------------------------------------===//

std::string writeSummaryFile(const SummaryFile &F) {
  std::vector<const StoredSummary *> Sorted;
  for (const StoredSummary &S : F.Functions)
    Sorted.push_back(&S);
  llvm::sort(Sorted, [](const StoredSummary *A, const StoredSummary *B) {
    return A->Id < B->Id;
  });
  json::Array Functions;
  for (const StoredSummary *S : Sorted)
    Functions.push_back(toJSON(*S));
  json::Object Doc{{"format", SummaryFormatName},
                   {"version", SummaryFormatVersion},
                   {"tu", F.MainFile},
                   {"functions", std::move(Functions)}};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << json::Value(std::move(Doc)) << "\n";
  OS.flush();
  return Text;
}

static llvm::Error readError(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

llvm::Expected<SummaryFile> readSummaryFile(llvm::StringRef Text) {
  if (Text.size() > MaxFileBytes)
    return readError("larger than " + llvm::Twine(MaxFileBytes >> 20) + " MiB");
  if (tooDeep(Text))
    return readError("nested deeper than a summary file is");
  llvm::Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return readError("not JSON: " + llvm::toString(Doc.takeError()));
  const json::Object *O = Doc->getAsObject();
  auto Format = O ? O->getString("format") : decltype(O->getString("")){};
  if (!Format || *Format != SummaryFormatName)
    return readError("not a sliceguard summary file (no \"format\": \"" +
                     SummaryFormatName + "\")");
  auto Version = O->getInteger("version");
  if (!Version || *Version != SummaryFormatVersion)
    return readError("summary format version " +
                     (Version ? std::to_string(*Version) : "missing") +
                     ", this sliceguard reads version " +
                     llvm::Twine(SummaryFormatVersion));
  SummaryFile F;
  ReadError Err;
  const json::Value *TU = O->get("tu");
  if (!TU || !fromJSON(*TU, F.MainFile, Err) || F.MainFile.empty())
    return readError("no \"tu\" (the main file it summarises)");
  const json::Array *Functions = O->getArray("functions");
  if (!Functions)
    return readError("no \"functions\" list");
  if (Functions->size() > MaxFunctions)
    return readError("more than " + llvm::Twine(MaxFunctions) + " functions");
  for (const json::Value &J : *Functions) {
    StoredSummary S;
    if (!fromJSON(J, S, Err))
      return readError("function " + llvm::Twine(F.Functions.size() + 1) +
                       ": " + Err.Message);
    F.Functions.push_back(std::move(S));
  }
  return F;
}

std::string summaryFileName(llvm::StringRef MainFile) {
  // The base name keeps the directory readable; the hash of the whole
  // path keeps src/a/util.c and src/b/util.c apart.
  llvm::SHA1 Hash;
  Hash.update(MainFile);
  auto Digest = Hash.final();
  std::string Hex;
  for (unsigned I = 0; I < 8; ++I) {
    static const char Digits[] = "0123456789abcdef";
    uint8_t Byte = static_cast<uint8_t>(Digest[I]);
    Hex += Digits[Byte >> 4];
    Hex += Digits[Byte & 15];
  }
  std::string Base = llvm::sys::path::filename(MainFile).str();
  for (char &C : Base)
    if (!llvm::isAlnum(C) && C != '.' && C != '_' && C != '-')
      C = '_';
  return Base + "." + Hex + ".sgsum.json";
}

llvm::Error writeSummaryFileAtomically(llvm::StringRef Dir,
                                       const SummaryFile &F) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return readError("cannot create summaries directory '" + Dir +
                     "': " + EC.message());
  llvm::SmallString<256> Final(Dir);
  llvm::sys::path::append(Final, summaryFileName(F.MainFile));
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Final + ".tmp-%%%%%%%%", FD, Temp))
    return readError("cannot write in summaries directory '" + Dir +
                     "': " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << writeSummaryFile(F);
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return readError("cannot write summary file '" + Temp + "'");
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Final)) {
    llvm::sys::fs::remove(Temp);
    return readError("cannot rename '" + Temp + "' to '" + Final +
                     "': " + EC.message());
  }
  return llvm::Error::success();
}

//===--- identity
//----------------------------------------------------------===//

std::string absoluteFileName(const clang::SourceManager &SM,
                             clang::SourceLocation Loc) {
  Loc = SM.getFileLoc(Loc);
  llvm::SmallString<256> File(SM.getFilename(Loc));
  if (File.empty())
    return "";
  // The compile's working directory, not this process's: sliceguard-check
  // runs each command in its own.
  SM.getFileManager().makeAbsolutePath(File);
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  return std::string(File);
}

std::string summaryIdOf(const clang::FunctionDecl *FD,
                        const clang::SourceManager &SM) {
  std::string Name = FD->getNameAsString();
  if (FD->isExternallyVisible())
    return "c:@F@" + Name;
  // A static function is only ever called from its own TU: its identity
  // names the TU's main file.
  return "c:" +
         absoluteFileName(SM, SM.getLocForStartOfFile(SM.getMainFileID())) +
         "@F@" + Name;
}

//===--- SummaryStore
//------------------------------------------------------===//

void SummaryStore::add(SummaryFile F) {
  for (StoredSummary &S : F.Functions) {
    auto [It, Inserted] = ById.try_emplace(S.Id);
    Entry &E = It->second;
    if (Inserted) {
      E.Summary = std::move(S);
      E.MainFile = F.MainFile;
      continue;
    }
    if (E.MainFile == F.MainFile) { // the same TU again: newer wins
      E.Summary = std::move(S);
      continue;
    }
    // Two definitions: the TU that sorts first wins, so the result does
    // not depend on the order the files were found in.
    if (F.MainFile < E.MainFile) {
      E.AlsoIn.insert(E.MainFile);
      E.Summary = std::move(S);
      E.MainFile = F.MainFile;
    } else {
      E.AlsoIn.insert(F.MainFile);
    }
  }
}

void SummaryStore::loadDirectory(
    llvm::StringRef Dir, llvm::StringRef SkipMainFile,
    const std::function<void(const std::string &)> &Warn) {
  std::error_code EC;
  std::vector<std::string> Paths;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).take_back(11) == ".sgsum.json")
      Paths.push_back(It->path());
  if (EC && EC != std::errc::no_such_file_or_directory)
    Warn("cannot list summaries directory '" + Dir.str() +
         "': " + EC.message());
  llvm::sort(Paths);
  std::string Skip = summaryFileName(SkipMainFile);
  for (const std::string &Path : Paths) {
    if (llvm::sys::path::filename(Path) == Skip)
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Warn("cannot read summary file '" + Path +
           "': " + Buffer.getError().message() + "; ignored");
      continue;
    }
    llvm::Expected<SummaryFile> F = readSummaryFile((*Buffer)->getBuffer());
    if (!F) {
      Warn("summary file '" + Path +
           "' ignored: " + llvm::toString(F.takeError()));
      continue;
    }
    add(std::move(*F));
  }
}

const StoredSummary *SummaryStore::find(llvm::StringRef Id) const {
  auto It = ById.find(Id.str());
  return It == ById.end() ? nullptr : &It->second.Summary;
}

std::vector<std::string> SummaryStore::duplicates() const {
  std::vector<std::string> Out;
  for (const auto &[Id, E] : ById) {
    if (E.AlsoIn.empty())
      continue;
    std::string Line = "'" + E.Summary.Name + "' is defined in " + E.MainFile;
    for (const std::string &Other : E.AlsoIn)
      Line += " and " + Other;
    Line += "; the summary from " + E.MainFile + " is used";
    Out.push_back(std::move(Line));
  }
  return Out;
}

} // namespace sliceguard
