//===- Companion.cpp ------------------------------------------------------===//
#include "Companion.h"
#include "CompileCommands.h"
#include "JsonHelpers.h"
#include "JsonLimits.h"
#include "Reports.h"
#include "Subprocess.h"
#include "clang/Driver/Types.h"
// The driver's option table moved to clang/Options in LLVM 22.
#if __has_include("clang/Options/Options.h")
#include "clang/Options/Options.h"
namespace clang_options = clang::options;
static const llvm::opt::OptTable &driverOptions() {
  return clang::getDriverOptTable();
}
#else
#include "clang/Driver/Options.h"
namespace clang_options = clang::driver::options;
static const llvm::opt::OptTable &driverOptions() {
  return clang::driver::getDriverOptTable();
}
#endif
#include "llvm/Option/ArgList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <fcntl.h>
#include <unistd.h>

namespace sliceguard {
namespace lsp {

namespace json = llvm::json;
using tools::getInt;
using tools::getStr;
using tools::intOr;
using tools::strOr;

void logLine(const llvm::Twine &Line) {
  std::string Text = ("sliceguard-clangd: " + Line + "\n").str();
  // One write per line keeps lines whole next to clangd's own log.
  ssize_t Ignored = ::write(2, Text.data(), Text.size());
  (void)Ignored;
}

static bool sameFile(llvm::StringRef A, llvm::StringRef B);

/// Request ids may be numbers or strings; their JSON text is a usable key.
static std::string idKey(const json::Value &Id) {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << Id;
  return OS.str();
}

static std::string serialize(const json::Value &V) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << V;
  return OS.str();
}

Companion::Companion(CompanionConfig Config, MessageWriter &ToEditor,
                     MessageWriter &ToClangd)
    : Config(std::move(Config)), ToEditor(ToEditor), ToClangd(ToClangd) {
  if (pipe2(CancelPipe, O_CLOEXEC) != 0)
    CancelPipe[0] = CancelPipe[1] = -1; // stop() then waits for the run
  if (!this->Config.CpuLimitSeconds)
    this->Config.CpuLimitSeconds = this->Config.TimeoutSeconds + 5;
  Index = std::make_unique<SummaryIndex>(
      [this](const clang::tooling::CompileCommand &C, const std::string &D) {
        return summariseForIndex(C, D);
      },
      [this](const std::string &What) { indexUpdated(What); });
}

//===-- editor -> clangd --------------------------------------------------===//

bool Companion::fromEditor(const std::string &Body) {
  // llvm::json::parse, in clangd as here, recurses once per level: such a
  // message would overflow clangd's stack and end the session.
  if (tools::jsonNestingDepth(Body, tools::MaxJsonDepth) >
      tools::MaxJsonDepth) {
    logLine("dropped a message from the editor nested deeper than " +
            llvm::Twine(tools::MaxJsonDepth) +
            " levels (it would crash clangd's JSON parser)");
    return false;
  }
  bool Exit = false;
  auto Parsed = tools::parseLimited(Body);
  if (!Parsed)
    llvm::consumeError(Parsed.takeError()); // not ours to judge: pass it on
  else if (const json::Object *Msg = Parsed->getAsObject())
    Exit = observeEditorMessage(*Msg);
  ToClangd.write(Body);
  return Exit;
}

static bool isDocumentNotification(llvm::StringRef Method) {
  return Method == "textDocument/didOpen" ||
         Method == "textDocument/didChange" ||
         Method == "textDocument/didSave" || Method == "textDocument/didClose";
}

bool Companion::observeEditorMessage(const json::Object &Msg) {
  auto Method = getStr(&Msg, "method");
  if (!Method)
    return false;
  const json::Object *Params = Msg.getObject("params");
  const json::Value *Id = Msg.get("id");
  if (*Method == "exit")
    return true;
  if (*Method == "initialize" && Id) {
    std::lock_guard<std::mutex> Lock(Mutex);
    InitializeId = idKey(*Id);
    SawInitialize = true;
    return false;
  }
  if (*Method == "shutdown") {
    SawShutdown = true;
    return false;
  }
  if (isDocumentNotification(*Method)) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (!SawInitialize) {
      // clangd drops these ("Notification ... before initialization"); a
      // document clangd does not know must not get diagnostics.
      if (!SaidEarlyIgnored)
        logLine("ignoring " + *Method +
                " before initialize (clangd ignores it too)");
      SaidEarlyIgnored = true;
      return false;
    }
  }
  if (!Params)
    return false;
  if (*Method == "textDocument/didOpen")
    didOpen(*Params);
  else if (*Method == "textDocument/didChange")
    didChange(*Params);
  else if (*Method == "textDocument/didSave")
    didSave(*Params);
  else if (*Method == "textDocument/didClose")
    didClose(*Params);
  else if (*Method == "textDocument/codeAction" && Id)
    rememberCodeAction(*Id, *Params);
  return false;
}

/// The documentKey of the document a notification or request is about.
static std::string documentKeyOf(const json::Object &Params) {
  return documentKey(strOr(Params.getObject("textDocument"), "uri"));
}

enum class Language { C, Cxx, Other };

/// What the editor says a document is; its extension when the editor's
/// language id is not one of clangd's.
static Language languageOf(llvm::StringRef LanguageId, llvm::StringRef Path) {
  if (LanguageId == "c" || LanguageId == "objective-c")
    return Language::C;
  if (LanguageId == "cpp" || LanguageId == "objective-cpp" ||
      LanguageId == "cuda-cpp" || LanguageId == "cuda" || LanguageId == "hip")
    return Language::Cxx;
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  if (Ext == ".c" || Ext == ".h")
    return Language::C;
  if (!Ext.empty() &&
      clang::driver::types::isCXX(
          clang::driver::types::lookupTypeForExtension(Ext.drop_front())))
    return Language::Cxx;
  return Language::Other;
}

/// True when \p Command compiles its file as C++ (or another C++-based
/// language): "-x c++", a C++ driver ("clang++", "--driver-mode=g++"), or a
/// C++ extension.  Read from the parsed driver options, as the driver
/// decides.
static bool compilesAsCxx(const clang::tooling::CompileCommand &Command) {
  const std::vector<std::string> &Line = Command.CommandLine;
  if (Line.empty())
    return false;
  std::vector<const char *> Args;
  for (size_t I = 1; I < Line.size(); ++I)
    Args.push_back(Line[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      driverOptions().ParseArgs(Args, MissingIndex, MissingCount);
  // The language of the file is the last -x before it; one after it
  // applies to later inputs only.
  clang::driver::types::ID Type = clang::driver::types::TY_INVALID;
  for (const llvm::opt::Arg *A : Parsed) {
    if (A->getOption().matches(clang_options::OPT_x)) {
      Type = clang::driver::types::lookupTypeForTypeSpecifier(A->getValue());
    } else if (A->getOption().getKind() == llvm::opt::Option::InputClass) {
      if (llvm::sys::path::filename(A->getValue()) ==
          llvm::sys::path::filename(Command.Filename))
        break;
    }
  }
  if (Type != clang::driver::types::TY_INVALID &&
      Type != clang::driver::types::TY_Nothing)
    return clang::driver::types::isCXX(Type);
  llvm::StringRef Mode;
  for (const llvm::opt::Arg *A :
       Parsed.filtered(clang_options::OPT_driver_mode))
    Mode = A->getValue();
  llvm::StringRef Driver = llvm::sys::path::filename(Line.front());
  if (Mode == "g++" ||
      (Mode.empty() && (Driver.take_back(2) == "++" || Driver.contains("++-"))))
    return true;
  return languageOf("", Command.Filename) == Language::Cxx;
}

void Companion::didOpen(const json::Object &Params) {
  const json::Object *Doc = Params.getObject("textDocument");
  if (!Doc)
    return;
  auto Uri = getStr(Doc, "uri");
  auto Text = getStr(Doc, "text");
  if (!Uri || !Text)
    return;
  Document D;
  D.Uri = *Uri;
  D.Path = uriToPath(*Uri);
  if (D.Path.empty())
    return;
  Language Lang = languageOf(strOr(Doc, "languageId"), D.Path);
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Lang == Language::Cxx)
    sayCxxIsNotAnalysed(D.Path);
  if (Lang != Language::C)
    return;
  D.Text = std::move(*Text);
  D.Version = intOr(Doc, "version", 0);
  std::string Key = documentKey(D.Uri);
  Documents[Key] = std::move(D);
  Ours.erase(Key); // a reopened document starts afresh
  schedule(Key, std::chrono::milliseconds(0));
}

/// Called with Mutex held.  Said once per session: sliceguard's checks are
/// about its C runtime; a C++ file would silently get no findings.
void Companion::sayCxxIsNotAnalysed(const std::string &Path) {
  if (SaidCxx)
    return;
  SaidCxx = true;
  std::string Text = "sliceguard does not analyse C++ (" +
                     llvm::sys::path::filename(Path).str() +
                     " and every other C++ file get clangd's diagnostics "
                     "only); it checks C files";
  // The editor may not be sent messages before it has the initialize
  // answer: then it is said once that has gone out.
  if (!Initialized) {
    SaidCxx = false;
    CxxSeenEarly = Path;
    return;
  }
  logLine(Text);
  ToEditor.write(serialize(
      json::Object{{"jsonrpc", "2.0"},
                   {"method", "window/showMessage"},
                   {"params", json::Object{{"type", 3}, {"message", Text}}}}));
}

void Companion::didChange(const json::Object &Params) {
  std::string Key = documentKeyOf(Params);
  const json::Array *Changes = Params.getArray("contentChanges");
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Key);
  if (It == Documents.end() || !Changes)
    return;
  Document &D = It->second;
  auto Mine = Ours.find(Key);
  bool Carry = Mine != Ours.end() && Mine->second.Version == D.Version;
  for (const json::Value &C : *Changes) {
    const json::Object *Change = C.getAsObject();
    if (!Change || !applyChange(D.Text, *Change, Enc)) {
      // clangd refuses the same change and forgets the document ("Failed
      // to update"): checking our copy would report on text nobody has.
      logLine("dropping " + D.Path +
              ": a change outside the text or malformed (clangd drops the "
              "document too); it is checked again once reopened");
      Documents.erase(It);
      Due.erase(Key);
      Ours.erase(Key);
      return;
    }
    if (Carry) {
      std::optional<LineEdit> Edit = lineEditOf(*Change);
      if (Edit)
        carryThroughEdit(Mine->second.Findings, D.Path, *Edit);
      Carry = Edit.has_value();
    }
  }
  D.Version = intOr(Params.getObject("textDocument"), "version", D.Version);
  // Findings moved along with the edits stay on screen until the checks
  // have run on the new text; without that they would vanish from clangd's
  // next publish and come back a moment later, at every pause in typing.
  if (Carry)
    Mine->second.Version = D.Version;
  schedule(Key, Config.Debounce);
}

/// Moves \p S (if it is in \p Path) along with \p Edit.  Returns false when
/// the edit touched its lines: its text changed, it cannot be placed.
static bool moveSpan(tools::Span &S, const std::string &Path,
                     const LineEdit &Edit) {
  if (S.File != Path && !sameFile(S.File, Path))
    return true;
  unsigned Last = std::max(S.Begin.Line, S.End.Line);
  if (Last < Edit.First)
    return true;
  if (S.Begin.Line <= Edit.Last)
    return false;
  S.Begin.Line += Edit.Delta;
  S.End.Line += Edit.Delta;
  return true;
}

void Companion::carryThroughEdit(std::vector<tools::FindingRecord> &Findings,
                                 const std::string &Path,
                                 const LineEdit &Edit) {
  std::vector<tools::FindingRecord> Kept;
  for (tools::FindingRecord &F : Findings) {
    bool Placed = moveSpan(F.Where, Path, Edit);
    for (tools::NoteRecord &N : F.Notes)
      Placed = Placed && moveSpan(N.Where, Path, Edit);
    for (tools::FixRecord &X : F.Fixes)
      Placed = Placed && moveSpan(X.Removed, Path, Edit);
    if (Placed)
      Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
}

void Companion::didSave(const json::Object &Params) {
  if (const json::Object *Doc = Params.getObject("textDocument"))
    if (auto Uri = getStr(Doc, "uri"))
      Index->refresh(uriToPath(*Uri)); // saved files, open or not
  std::string Key = documentKeyOf(Params);
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Key);
  if (It == Documents.end())
    return;
  if (auto Text = getStr(&Params, "text"))
    It->second.Text = std::move(*Text);
  schedule(Key, std::chrono::milliseconds(0));
}

void Companion::didClose(const json::Object &Params) {
  std::string Key = documentKeyOf(Params);
  std::lock_guard<std::mutex> Lock(Mutex);
  Documents.erase(Key);
  Due.erase(Key);
  Ours.erase(Key);
  Theirs.erase(Key);
}

void Companion::rememberCodeAction(const json::Value &Id,
                                   const json::Object &Params) {
  const json::Object *Range = Params.getObject("range");
  const json::Object *Start = Range ? Range->getObject("start") : nullptr;
  const json::Object *End = Range ? Range->getObject("end") : nullptr;
  if (!Start || !End)
    return;
  PendingCodeAction P;
  P.Key = documentKeyOf(Params);
  P.FirstLine = intOr(Start, "line", 0);
  P.LastLine = intOr(End, "line", P.FirstLine);
  std::lock_guard<std::mutex> Lock(Mutex);
  CodeActions[idKey(Id)] = std::move(P);
}

/// Called with Mutex held.
void Companion::schedule(const std::string &Key,
                         std::chrono::milliseconds Delay) {
  Due[Key] = Clock::now() + Delay;
  Wake.notify_all();
}

//===-- clangd -> editor --------------------------------------------------===//

void Companion::fromClangd(const std::string &Body) {
  auto Parsed = tools::parseLimited(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    ToEditor.write(Body);
    return;
  }
  json::Object *Msg = Parsed->getAsObject();
  // Holding the lock while writing keeps a merged publish from overtaking a
  // newer one written by the checks thread.
  std::lock_guard<std::mutex> Lock(Mutex);
  bool AnswersInitialize = false;
  if (Msg && rewriteClangdMessage(*Msg, AnswersInitialize))
    ToEditor.write(serialize(std::move(*Parsed)));
  else
    ToEditor.write(Body);
  if (AnswersInitialize) {
    // Only now may the checks publish (and C++ files be mentioned).
    Initialized = true;
    Wake.notify_all();
    if (!CxxSeenEarly.empty())
      sayCxxIsNotAnalysed(CxxSeenEarly);
  }
}

/// Returns true when \p Msg was changed and must be re-serialised.
bool Companion::rewriteClangdMessage(json::Object &Msg,
                                     bool &AnswersInitialize) {
  auto Method = getStr(&Msg, "method");
  if (Method && *Method == "textDocument/publishDiagnostics") {
    json::Object *Params = Msg.getObject("params");
    if (!Params)
      return false;
    mergeDiagnostics(*Params);
    return true;
  }
  const json::Value *Id = Msg.get("id");
  if (Method || !Id)
    return false;
  std::string Key = idKey(*Id);
  if (Key == InitializeId && !Initialized) {
    if (const json::Object *Result = Msg.getObject("result"))
      noteInitializeResult(*Result);
    AnswersInitialize = true;
    return false;
  }
  return mergeCodeActions(Key, Msg);
}

void Companion::noteInitializeResult(const json::Object &Result) {
  const json::Object *Caps = Result.getObject("capabilities");
  auto Negotiated = getStr(Caps, "positionEncoding");
  if (!Negotiated)
    Negotiated = getStr(&Result, "offsetEncoding"); // clangd's extension
  Enc = encodingNamed(Negotiated ? *Negotiated : "utf-16");
}

/// Called with Mutex held: remembers clangd's list, appends ours.
void Companion::mergeDiagnostics(json::Object &Params) {
  auto Uri = getStr(&Params, "uri");
  if (!Uri)
    return;
  std::string Key = documentKey(*Uri);
  ClangdDiagnostics &Mine = Theirs[Key];
  if (const json::Array *Diags = Params.getArray("diagnostics"))
    Mine.Diagnostics = *Diags;
  Mine.Version = getInt(&Params, "version");
  json::Array Merged = Mine.Diagnostics;
  for (json::Value &D : ourDiagnostics(Key))
    Merged.push_back(std::move(D));
  Params["diagnostics"] = std::move(Merged);
  // One document, one spelling: the editor's (clangd re-encodes the URI).
  auto Doc = Documents.find(Key);
  if (Doc != Documents.end())
    Params["uri"] = Doc->second.Uri;
}

static bool sameFile(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  llvm::sys::fs::UniqueID IA, IB;
  return !llvm::sys::fs::getUniqueID(A, IA) &&
         !llvm::sys::fs::getUniqueID(B, IB) && IA == IB;
}

json::Array Companion::ourDiagnostics(const std::string &Key) const {
  json::Array Out;
  auto Doc = Documents.find(Key);
  auto It = Ours.find(Key);
  if (Doc == Documents.end() || It == Ours.end() ||
      It->second.Version != Doc->second.Version)
    return Out;
  for (const tools::FindingRecord &F : It->second.Findings)
    if (!F.Suppressed && sameFile(F.Where.File, Doc->second.Path))
      Out.push_back(lspDiagnostic(F, Doc->second));
  for (const tools::RemarkRecord &M : It->second.Remarks)
    if (sameFile(M.Where.File, Doc->second.Path))
      Out.push_back(remarkDiagnostic(M, Doc->second));
  return Out;
}

/// A position in the negotiated encoding.  In the document itself the
/// character is counted on the editor's text (findings carried through
/// edits sit on lines that the edits did not touch); in another file on
/// the file's text on disk.
json::Object Companion::lspPosition(const std::string &File,
                                    const tools::Position &P,
                                    const Document &Doc) const {
  unsigned Line = P.Line ? P.Line - 1 : 0;
  unsigned Character;
  if (File == Doc.Path || sameFile(File, Doc.Path)) {
    Character = characterOf(lineOf(Doc.Text, P.Line), P.Column, Enc);
  } else if (Enc == Encoding::Utf8) {
    Character = P.Column ? P.Column - 1 : 0;
  } else if (Enc == Encoding::Utf16) {
    Character = P.Utf16Column ? P.Utf16Column - 1 : 0;
  } else {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    Character = Buffer ? characterOf(lineOf((*Buffer)->getBuffer(), P.Line),
                                     P.Column, Enc)
                       : (P.Column ? P.Column - 1 : 0);
  }
  return json::Object{{"line", Line}, {"character", Character}};
}

json::Object Companion::lspRange(const tools::Span &S,
                                 const Document &Doc) const {
  tools::Position End = S.End.Line ? S.End : S.Begin;
  return json::Object{{"start", lspPosition(S.File, S.Begin, Doc)},
                      {"end", lspPosition(S.File, End, Doc)}};
}

/// The URI of \p File as the editor spells it when it is the document.
std::string Companion::uriFor(const std::string &File,
                              const Document &Doc) const {
  if (File == Doc.Path || sameFile(File, Doc.Path))
    return Doc.Uri;
  return pathToUri(File);
}

json::Object Companion::lspDiagnostic(const tools::FindingRecord &F,
                                      const Document &Doc) const {
  json::Array Related;
  for (const tools::NoteRecord &N : F.Notes)
    Related.push_back(json::Object{
        {"location", json::Object{{"uri", uriFor(N.Where.File, Doc)},
                                  {"range", lspRange(N.Where, Doc)}}},
        {"message", N.Message}});
  json::Object D{{"range", lspRange(F.Where, Doc)},
                 {"severity", F.IsError ? 1 : 2},
                 {"source", "sliceguard"},
                 {"code", F.Check},
                 {"codeDescription", json::Object{{"href", docsUrl(F.Check)}}},
                 {"message", F.Message}};
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

/// A function the checks skipped as too large: an Information diagnostic on
/// its name, so that the editor shows why none of its lines can carry a
/// warning (a log line alone would go unseen).  Severity 3 is below any
/// finding's, so "problems" views that list warnings and errors skip it.
json::Object Companion::remarkDiagnostic(const tools::RemarkRecord &M,
                                         const Document &Doc) const {
  return json::Object{{"range", lspRange(M.Where, Doc)},
                      {"severity", 3},
                      {"source", "sliceguard"},
                      {"code", "analysis-skipped"},
                      {"message", M.Message}};
}

/// A quick fix's title says what it does, as clangd's own do ("insert
/// 'lists_put(m, it.key, v);'"), naming sliceguard and the check so the
/// user knows where it comes from.
static std::string fixTitle(const tools::FindingRecord &F) {
  std::string What;
  if (F.Fixes.size() == 1) {
    const tools::FixRecord &X = F.Fixes.front();
    bool Removes = X.Removed.Begin.Line != X.Removed.End.Line ||
                   X.Removed.Begin.Column != X.Removed.End.Column;
    llvm::StringRef Text = llvm::StringRef(X.Replacement).trim();
    if (Text.contains('\n') || Text.size() > 60)
      What = Removes ? "replace the code" : "insert the fix";
    else if (Text.empty())
      What = "remove the code";
    else
      What = (Removes ? "replace with '" : "insert '") + Text.str() + "'";
  } else {
    What = "apply " + std::to_string(F.Fixes.size()) + " edits";
  }
  return What + " (sliceguard-" + F.Check + ")";
}

/// Called with Mutex held: turns fix-its of findings on the requested lines
/// into quickfix actions after clangd's own.
bool Companion::mergeCodeActions(const std::string &Key, json::Object &Msg) {
  auto Pending = CodeActions.find(Key);
  if (Pending == CodeActions.end())
    return false;
  PendingCodeAction Request = std::move(Pending->second);
  CodeActions.erase(Pending);
  auto Doc = Documents.find(Request.Key);
  auto It = Ours.find(Request.Key);
  if (Doc == Documents.end() || It == Ours.end() ||
      It->second.Version != Doc->second.Version || Msg.get("error"))
    return false;
  json::Array Actions;
  for (const tools::FindingRecord &F : It->second.Findings) {
    int64_t First = F.Where.Begin.Line - 1;
    int64_t Last = std::max(F.Where.End.Line, F.Where.Begin.Line) - 1;
    if (F.Suppressed || F.Fixes.empty() || Last < Request.FirstLine ||
        First > Request.LastLine)
      continue;
    std::map<std::string, json::Array> Edits;
    for (const tools::FixRecord &X : F.Fixes)
      Edits[uriFor(X.Removed.File, Doc->second)].push_back(
          json::Object{{"range", lspRange(X.Removed, Doc->second)},
                       {"newText", X.Replacement}});
    json::Object Changes;
    for (auto &E : Edits)
      Changes[E.first] = std::move(E.second);
    Actions.push_back(json::Object{
        {"title", fixTitle(F)},
        {"kind", "quickfix"},
        {"isPreferred", true},
        {"diagnostics", json::Array{lspDiagnostic(F, Doc->second)}},
        {"edit", json::Object{{"changes", std::move(Changes)}}}});
  }
  if (Actions.empty())
    return false;
  json::Array Result;
  if (const json::Array *Theirs = Msg.getArray("result"))
    Result = *Theirs;
  for (json::Value &A : Actions)
    Result.push_back(std::move(A));
  Msg["result"] = std::move(Result);
  return true;
}

/// Called with Mutex held: a publish of its own when our findings arrive
/// after clangd's (clangd's last list for the file is repeated).
void Companion::publishMerged(const std::string &Key) {
  auto Doc = Documents.find(Key);
  if (Doc == Documents.end())
    return;
  json::Array Merged;
  auto Mine = Theirs.find(Key);
  if (Mine != Theirs.end())
    Merged = Mine->second.Diagnostics;
  for (json::Value &D : ourDiagnostics(Key))
    Merged.push_back(std::move(D));
  json::Object Params{{"uri", Doc->second.Uri},
                      {"diagnostics", std::move(Merged)}};
  // The version the findings are for lets an editor drop a stale list.
  Params["version"] = Doc->second.Version;
  ToEditor.write(
      serialize(json::Object{{"jsonrpc", "2.0"},
                             {"method", "textDocument/publishDiagnostics"},
                             {"params", std::move(Params)}}));
}

//===-- the checks thread -------------------------------------------------===//

/// Takes no lock: a thread holding Mutex may be stuck writing to an editor
/// that stopped reading, and the way out must not wait for it.
void Companion::stop() {
  Stopping = true;
  if (Index)
    Index->stop();
  if (CancelPipe[1] >= 0) {
    char Byte = 1;
    ssize_t Ignored = ::write(CancelPipe[1], &Byte, 1);
    (void)Ignored;
  }
  Wake.notify_all();
}

void Companion::runChecksLoop() {
  std::unique_lock<std::mutex> Lock(Mutex);
  while (!Stopping) {
    if (Due.empty() || !Initialized) {
      Wake.wait(Lock);
      continue;
    }
    auto Next = std::min_element(
        Due.begin(), Due.end(),
        [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Next->second > Clock::now()) {
      Wake.wait_until(Lock, Next->second);
      continue;
    }
    std::string Key = Next->first;
    Due.erase(Next);
    auto Doc = Documents.find(Key);
    if (Doc == Documents.end())
      continue;
    Document Snapshot = Doc->second;
    Lock.unlock();
    checkDocument(Snapshot);
    Lock.lock();
  }
}

clang::tooling::CompilationDatabase *
Companion::databaseFor(const std::string &Path) {
  // clangd's lookup: --compile-commands-dir, else the nearest directory
  // above the file holding compile_commands.json itself or in build/.
  std::vector<std::string> Candidates;
  if (!Config.CompileCommandsDir.empty()) {
    Candidates.push_back(Config.CompileCommandsDir);
  } else {
    for (llvm::StringRef D = llvm::sys::path::parent_path(Path); !D.empty();
         D = llvm::sys::path::parent_path(D)) {
      Candidates.push_back(D.str());
      Candidates.push_back((D + "/build").str());
    }
  }
  for (const std::string &Dir : Candidates)
    if (auto *Db = loadDatabase(Dir))
      return Db;
  return nullptr;
}

/// The database in \p Dir, reloaded when its file changed since it was read
/// (a re-run of cmake rewrites compile_commands.json; clangd notices too).
clang::tooling::CompilationDatabase *
Companion::loadDatabase(const std::string &Dir) {
  std::string File = Dir + "/compile_commands.json";
  bool Json = llvm::sys::fs::exists(File);
  if (!Json)
    File = Dir + "/compile_flags.txt"; // clangd's other source of flags
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status) ||
      !llvm::sys::fs::is_regular_file(Status)) {
    Databases.erase(Dir);
    return nullptr;
  }
  auto Modified = Status.getLastModificationTime();
  auto Cached = Databases.find(Dir);
  if (Cached != Databases.end() && Cached->second.File == File &&
      Cached->second.Modified == Modified)
    return Cached->second.Db.get();

  std::unique_ptr<clang::tooling::CompilationDatabase> Db;
  if (Json) {
    auto Loaded = tools::loadCompileCommands(Dir);
    if (!Loaded) {
      logLine(llvm::toString(Loaded.takeError()));
      return nullptr;
    }
    // Headers and new files get a command guessed from their neighbours.
    Db = clang::tooling::inferMissingCompileCommands(std::move(*Loaded));
  } else {
    std::string Error;
    Db = clang::tooling::FixedCompilationDatabase::loadFromFile(File, Error);
    if (!Db) {
      logLine("cannot read " + File + ": " + Error);
      return nullptr;
    }
  }
  if (Cached != Databases.end())
    logLine("reloaded " + File);
  CachedDatabase &Slot = Databases[Dir];
  Slot = {std::move(Db), File, Modified};
  return Slot.Db.get();
}

clang::tooling::CompileCommand Companion::commandFor(const std::string &Path) {
  std::vector<clang::tooling::CompileCommand> Commands;
  if (auto *Db = databaseFor(Path))
    Commands = Db->getCompileCommands(Path);
  clang::tooling::CompileCommand Command = Commands.empty()
                                               ? tools::fallbackCommand(Path)
                                               : std::move(Commands.front());
  std::vector<std::string> Warnings;
  std::vector<clangd::ConfigFragment> Fragments =
      ClangdConfigs.fragmentsFor(Path, Warnings);
  for (const std::string &W : Warnings)
    logLine(W);
  clangd::applyFragments(Fragments, Path, Command.CommandLine);
  return Command;
}

void Companion::checkDocument(const Document &Doc) {
  auto Started = Clock::now();
  clang::tooling::CompileCommand Cmd = commandFor(Doc.Path);
  if (compilesAsCxx(Cmd)) {
    std::lock_guard<std::mutex> Lock(Mutex);
    sayCxxIsNotAnalysed(Doc.Path);
    return;
  }
  json::Array Args;
  for (const std::string &A : Cmd.CommandLine)
    Args.push_back(A);
  json::Array LibraryArgs;
  for (const std::string &A : Config.LibraryArgs)
    LibraryArgs.push_back(A);
  startIndexFor(Doc.Path);
  // Whatever the index holds now: the first diagnostics never wait for it.
  if (std::string Dir = Index->dir(); !Dir.empty()) {
    LibraryArgs.push_back("summaries=" + Dir);
    LibraryArgs.push_back("summaries-read-only");
  }
  json::Object Request{
      {"directory", Cmd.Directory},        {"file", Doc.Path},
      {"arguments", std::move(Args)},      {"contents", Doc.Text},
      {"options", std::move(LibraryArgs)}, {"resourceDir", Config.ResourceDir}};
  WorkerResult Run = runWorker(
      {Config.SelfPath, "--sliceguard-worker",
       "--sliceguard-parent=" + std::to_string(getpid()),
       "--sliceguard-cpu-limit=" + std::to_string(Config.CpuLimitSeconds)},
      serialize(std::move(Request)), Config.TimeoutSeconds, CancelPipe[0]);
  std::string Name = llvm::sys::path::filename(Doc.Path).str();
  if (!Run.Ok) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Stopping)
      return; // killed on the way out, not a failure of the checks
    logLine("checks failed on " + Doc.Path + " (" + Run.Error +
            "); clangd's diagnostics are unaffected");
    return;
  }
  auto Parsed = tools::parseLimited(Run.Output);
  if (!Parsed) {
    logLine("unreadable worker output for " + Doc.Path + ": " +
            llvm::toString(Parsed.takeError()));
    return;
  }
  auto Result = tools::reportFromJson(*Parsed);
  if (!Result) {
    logLine(llvm::toString(Result.takeError()));
    return;
  }
  for (const tools::Problem &P : Result->Problems)
    logLine(P.Message);
  for (const tools::RemarkRecord &M : Result->Remarks)
    logLine(Name + ":" + std::to_string(M.Where.Begin.Line) + ": " + M.Message);
  auto Millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Clock::now() - Started)
                    .count();
  logLine(llvm::formatv("checked {0} (version {1}) in {2} ms: {3} finding(s)",
                        Name, Doc.Version, Millis, Result->countActive()));

  std::lock_guard<std::mutex> Lock(Mutex);
  std::string Key = documentKey(Doc.Uri);
  auto Current = Documents.find(Key);
  if (Stopping || Current == Documents.end() ||
      Current->second.Version != Doc.Version ||
      Current->second.Text != Doc.Text)
    return; // edited or dropped meanwhile: a newer run is already scheduled
  OurDiagnostics &Mine = Ours[Key];
  Mine.Version = Doc.Version;
  Mine.Findings = std::move(Result->Findings);
  Mine.Remarks = std::move(Result->Remarks);
  publishMerged(Key);
}

//===-- the project summary index -----------------------------------------===//

void Companion::startIndexFor(const std::string &Path) {
  // Checks thread only (the databases are its own).
  if (auto *Db = databaseFor(Path)) {
    std::vector<clang::tooling::CompileCommand> C;
    for (auto &Cmd : Db->getAllCompileCommands())
      if (!compilesAsCxx(Cmd))
        C.push_back(std::move(Cmd));
    Index->start(std::move(C));
  }
}

bool Companion::summariseForIndex(const clang::tooling::CompileCommand &Cmd,
                                  const std::string &Dir) {
  json::Array Args;
  for (const std::string &A : Cmd.CommandLine)
    Args.push_back(A);
  json::Array LibraryArgs;
  for (const std::string &A : Config.LibraryArgs)
    LibraryArgs.push_back(A);
  LibraryArgs.push_back("summaries=" + Dir);
  LibraryArgs.push_back("summaries-only");
  json::Object Request{{"directory", Cmd.Directory},
                       {"file", Cmd.Filename},
                       {"arguments", std::move(Args)},
                       {"options", std::move(LibraryArgs)},
                       {"resourceDir", Config.ResourceDir}};
  WorkerResult Run = runWorker(
      {Config.SelfPath, "--sliceguard-worker",
       "--sliceguard-parent=" + std::to_string(getpid()),
       "--sliceguard-cpu-limit=" + std::to_string(Config.CpuLimitSeconds)},
      serialize(std::move(Request)), Config.TimeoutSeconds, CancelPipe[0]);
  return Run.Ok;
}

void Companion::indexUpdated(const std::string &What) {
  logLine(What);
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Stopping)
    return;
  // The open documents' diagnostics may change with the index.
  for (const auto &Entry : Documents)
    schedule(Entry.first, std::chrono::milliseconds(0));
}

} // namespace lsp
} // namespace sliceguard
