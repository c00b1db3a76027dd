//===- Reports.cpp --------------------------------------------------------===//
#include "Reports.h"
#include "Baseline.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Unicode.h"
#include <algorithm>
#include <map>

namespace sliceguard {
namespace tools {

namespace json = llvm::json;

//===-- text --------------------------------------------------------------===//

/// Length of the UTF-8 sequence at the start of \p S and its code point, or
/// 0 when the bytes there are not valid UTF-8 (then the byte is shown as
/// "<XX>", as clang does).
static unsigned decodeUtf8(llvm::StringRef S, uint32_t &CodePoint) {
  unsigned char Lead = S[0];
  unsigned Length = Lead < 0x80           ? 1
                    : (Lead >> 5) == 0x6  ? 2
                    : (Lead >> 4) == 0xE  ? 3
                    : (Lead >> 3) == 0x1E ? 4
                                          : 0;
  if (Length == 0 || Length > S.size())
    return 0;
  CodePoint = Length == 1 ? Lead : Lead & (0x7F >> Length);
  for (unsigned I = 1; I < Length; ++I) {
    unsigned char C = S[I];
    if ((C & 0xC0) != 0x80)
      return 0;
    CodePoint = (CodePoint << 6) | (C & 0x3F);
  }
  static const uint32_t Smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (CodePoint < Smallest[Length] || CodePoint > 0x10FFFF ||
      (CodePoint >= 0xD800 && CodePoint <= 0xDFFF))
    return 0; // overlong, out of range, or a surrogate
  return Length;
}

/// How clang's text diagnostics show a character a terminal would act on:
/// "<U+001B>" for ESC, "<U+202E>" for a bidi override.  Empty for a
/// character that prints as itself.
static std::string escapeCodePoint(uint32_t CodePoint) {
  if (CodePoint == '\t' || llvm::sys::unicode::isPrintable(CodePoint))
    return {};
  return llvm::formatv("<U+{0}>", llvm::format_hex_no_prefix(CodePoint, 4,
                                                             /*Upper=*/true))
      .str();
}

std::string printable(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size();) {
    uint32_t CodePoint = 0;
    unsigned Length = decodeUtf8(Text.substr(I), CodePoint);
    if (Length == 0) {
      Out += llvm::formatv("<{0}>", llvm::format_hex_no_prefix(
                                        (unsigned char)Text[I], 2, true))
                 .str();
      ++I;
      continue;
    }
    std::string Escaped = escapeCodePoint(CodePoint);
    Out += Escaped.empty() ? Text.substr(I, Length).str() : Escaped;
    I += Length;
  }
  return Out;
}

/// The source line as clang shows it: tabs expanded to 8-column stops,
/// control characters and invalid bytes escaped ("<U+001B>", "<FF>").
/// \p DisplayColumn maps each 1-based byte column to its 0-based screen
/// column (a multi-byte character takes one, an escape its width).
static std::string expandLine(llvm::StringRef Line,
                              std::vector<unsigned> &DisplayColumn) {
  std::string Out;
  unsigned Screen = 0;
  DisplayColumn.assign(Line.size() + 2, 0);
  for (size_t I = 0; I < Line.size();) {
    DisplayColumn[I + 1] = Screen;
    uint32_t CodePoint = 0;
    unsigned Length = decodeUtf8(Line.substr(I), CodePoint);
    std::string Shown;
    if (Length == 0) {
      Length = 1;
      Shown = printable(Line.substr(I, 1));
    } else if (CodePoint == '\t') {
      Shown.assign(8 - Screen % 8, ' ');
    } else {
      Shown = escapeCodePoint(CodePoint);
    }
    // Continuation bytes share their lead byte's column.
    for (unsigned K = 1; K < Length; ++K)
      DisplayColumn[I + 1 + K] = Screen;
    if (Shown.empty()) {
      Out += Line.substr(I, Length);
      ++Screen;
    } else {
      Out += Shown;
      Screen += Shown.size();
    }
    I += Length;
  }
  DisplayColumn[Line.size() + 1] = Screen;
  return Out;
}

static unsigned screenColumn(const std::vector<unsigned> &DisplayColumn,
                             unsigned ByteColumn) {
  if (ByteColumn == 0)
    return 0;
  if (ByteColumn < DisplayColumn.size())
    return DisplayColumn[ByteColumn];
  return DisplayColumn.back() + (ByteColumn - (DisplayColumn.size() - 1));
}

/// Fix-its that insert or replace text on \p Line, placed at their columns
/// the way clang prints them under the caret line.
static std::string fixItLine(const std::vector<FixRecord> &Fixes, unsigned Line,
                             const std::vector<unsigned> &DisplayColumn) {
  std::string Out;
  for (const FixRecord &X : Fixes) {
    if (X.Removed.Begin.Line != Line || X.Replacement.empty() ||
        X.Replacement.find_first_of("\r\n") != std::string::npos)
      continue;
    size_t At = screenColumn(DisplayColumn, X.Removed.Begin.Column);
    if (At < Out.size()) // overlapping hints: keep them apart
      At = Out.size() + 1;
    Out.resize(At, ' ');
    Out += printable(X.Replacement);
  }
  return Out;
}

/// The margin clang puts before snippet lines: since clang 17 a line number
/// gutter ("    7 | "), before that nothing.
static std::string snippetMargin(unsigned Line, bool SourceLine) {
#if LLVM_VERSION_MAJOR >= 17
  std::string Number = std::to_string(Line);
  size_t Width = std::max<size_t>(Number.size(), 4) + 1;
  if (!SourceLine)
    return std::string(Width, ' ') + " | ";
  return std::string(Width - Number.size(), ' ') + Number + " | ";
#else
  return {};
#endif
}

/// One source line with a caret under \p Where.Begin and tildes along the
/// highlighted range on that line (from \p HighlightBegin to Where.End),
/// then any fix-it text, as clang prints it.
static void writeSnippet(llvm::StringRef LineText, const Span &Where,
                         const Position &HighlightBegin,
                         const std::vector<FixRecord> &Fixes,
                         llvm::raw_ostream &OS) {
  if (LineText.empty() || !Where.Begin.Line)
    return;
  std::vector<unsigned> DisplayColumn;
  std::string Shown = expandLine(LineText, DisplayColumn);
  OS << snippetMargin(Where.Begin.Line, true) << Shown << "\n";
  unsigned Caret = screenColumn(DisplayColumn, Where.Begin.Column);
  unsigned Begin =
      HighlightBegin.Line == Where.Begin.Line
          ? std::min(Caret, screenColumn(DisplayColumn, HighlightBegin.Column))
          : Caret;
  unsigned End = Where.End.Line > Where.Begin.Line
                     ? DisplayColumn.back()
                     : screenColumn(DisplayColumn, Where.End.Column);
  std::string Marks(std::max(End, Caret + 1), '~');
  std::fill(Marks.begin(), Marks.begin() + Begin, ' ');
  Marks[Caret] = '^';
  std::string FixIts = fixItLine(Fixes, Where.Begin.Line, DisplayColumn);
  OS << snippetMargin(Where.Begin.Line, false) << Marks << "\n";
  if (!FixIts.empty())
    OS << snippetMargin(Where.Begin.Line, false) << FixIts << "\n";
}

static void writeLocation(const Span &Where, const OutputContext &Ctx,
                          llvm::raw_ostream &OS) {
  OS << printable(relativeToRoot(Where.File, Ctx.Root)) << ":"
     << Where.Begin.Line << ":" << Where.Begin.Column << ": ";
}

void writeText(const Report &R, const OutputContext &Ctx,
               llvm::raw_ostream &OS) {
  for (const FindingRecord &F : R.Findings) {
    if (F.Suppressed)
      continue;
    writeLocation(F.Where, Ctx, OS);
    OS << (F.IsError ? "error" : "warning") << ": " << printable(F.Message)
       << " [sliceguard-" << F.Check << "]\n";
    writeSnippet(F.LineText, F.Where, F.HighlightBegin, F.Fixes, OS);
    for (const NoteRecord &N : F.Notes) {
      writeLocation(N.Where, Ctx, OS);
      OS << "note: " << printable(N.Message) << "\n";
      // A note has a position, no range: clang draws a lone caret.
      Span At = N.Where;
      At.End = At.Begin;
      writeSnippet(N.LineText, At, At.Begin, {}, OS);
    }
  }
  // As the plugin prints them: a remark is neither a warning nor an error.
  for (const RemarkRecord &M : R.Remarks) {
    writeLocation(M.Where, Ctx, OS);
    OS << "remark: " << printable(M.Message) << " [sliceguard]\n";
  }
}

//===-- sliceguard JSON ---------------------------------------------------===//

static json::Value positionJson(const Position &P) {
  return json::Object{
      {"line", P.Line}, {"column", P.Column}, {"utf16Column", P.Utf16Column}};
}

static json::Value spanJson(const Span &S) {
  return json::Object{{"file", S.File},
                      {"begin", positionJson(S.Begin)},
                      {"end", positionJson(S.End)}};
}

json::Value toJson(const Report &R, const OutputContext &Ctx) {
  json::Array Findings;
  for (const FindingRecord &F : R.Findings) {
    json::Array Notes, Fixes;
    for (const NoteRecord &N : F.Notes)
      Notes.push_back(json::Object{{"location", spanJson(N.Where)},
                                   {"message", N.Message},
                                   {"lineText", N.LineText}});
    for (const FixRecord &X : F.Fixes)
      Fixes.push_back(json::Object{{"remove", spanJson(X.Removed)},
                                   {"insert", X.Replacement}});
    json::Object O{{"check", F.Check},
                   {"message", F.Message},
                   {"severity", F.IsError ? "error" : "warning"},
                   {"location", spanJson(F.Where)},
                   {"path", relativeToRoot(F.Where.File, Ctx.Root)},
                   {"lineText", F.LineText},
                   {"notes", std::move(Notes)},
                   {"fixes", std::move(Fixes)},
                   {"suppressed", F.Suppressed},
                   {"fingerprint", F.Fingerprint}};
    if (F.Suppressed)
      O["suppressedBy"] = F.SuppressedBy;
    Findings.push_back(std::move(O));
  }
  json::Array Problems;
  for (const Problem &P : R.Problems)
    Problems.push_back(json::Object{{"file", P.File}, {"message", P.Message}});
  json::Array Remarks;
  for (const RemarkRecord &M : R.Remarks)
    Remarks.push_back(
        json::Object{{"location", spanJson(M.Where)},
                     {"path", relativeToRoot(M.Where.File, Ctx.Root)},
                     {"message", M.Message}});
  return json::Object{
      {"tool", "sliceguard"},
      {"version", Ctx.ToolVersion},
      {"findings", std::move(Findings)},
      {"problems", std::move(Problems)},
      {"remarks", std::move(Remarks)},
      {"summary",
       json::Object{{"files", R.FilesChecked},
                    {"findings", R.countActive()},
                    {"suppressed", R.Findings.size() - R.countActive()},
                    {"baselined", R.Baselined},
                    {"problems", R.Problems.size()}}}};
}

static bool readPosition(const json::Value *V, Position &P) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  auto Line = O->getInteger("line");
  auto Column = O->getInteger("column");
  auto Utf16 = O->getInteger("utf16Column");
  if (!Line || !Column || !Utf16)
    return false;
  P.Line = *Line;
  P.Column = *Column;
  P.Utf16Column = *Utf16;
  return true;
}

static bool readSpan(const json::Value *V, Span &S) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  auto File = O->getString("file");
  if (!File)
    return false;
  S.File = File->str();
  return readPosition(O->get("begin"), S.Begin) &&
         readPosition(O->get("end"), S.End);
}

static std::string stringOr(const json::Object &O, llvm::StringRef Key) {
  auto S = O.getString(Key);
  return S ? S->str() : std::string();
}

static llvm::Error malformed(llvm::StringRef What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed sliceguard JSON: %s",
                                 What.str().c_str());
}

static llvm::Expected<FindingRecord> findingFromJson(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a finding is not an object");
  FindingRecord F;
  F.Check = stringOr(*O, "check");
  F.Message = stringOr(*O, "message");
  F.IsError = stringOr(*O, "severity") == "error";
  F.LineText = stringOr(*O, "lineText");
  F.Fingerprint = stringOr(*O, "fingerprint");
  F.SuppressedBy = stringOr(*O, "suppressedBy");
  auto Suppressed = O->getBoolean("suppressed"); // llvm::Optional in 14
  F.Suppressed = Suppressed && *Suppressed;
  if (F.Check.empty() || !readSpan(O->get("location"), F.Where))
    return malformed("a finding lacks its check or location");
  if (const json::Array *Notes = O->getArray("notes"))
    for (const json::Value &N : *Notes) {
      const json::Object *NO = N.getAsObject();
      NoteRecord Rec;
      if (!NO || !readSpan(NO->get("location"), Rec.Where))
        return malformed("a note lacks its location");
      Rec.Message = stringOr(*NO, "message");
      Rec.LineText = stringOr(*NO, "lineText");
      F.Notes.push_back(std::move(Rec));
    }
  if (const json::Array *Fixes = O->getArray("fixes"))
    for (const json::Value &X : *Fixes) {
      const json::Object *XO = X.getAsObject();
      FixRecord Rec;
      if (!XO || !readSpan(XO->get("remove"), Rec.Removed))
        return malformed("a fix lacks its range");
      Rec.Replacement = stringOr(*XO, "insert");
      F.Fixes.push_back(std::move(Rec));
    }
  return F;
}

llvm::Expected<Report> reportFromJson(const json::Value &V) {
  const json::Object *Top = V.getAsObject();
  const json::Array *Findings = Top ? Top->getArray("findings") : nullptr;
  if (!Findings)
    return malformed("no \"findings\" array");
  Report R;
  for (const json::Value &F : *Findings) {
    auto Rec = findingFromJson(F);
    if (!Rec)
      return Rec.takeError();
    R.Findings.push_back(std::move(*Rec));
  }
  if (const json::Array *Problems = Top->getArray("problems"))
    for (const json::Value &P : *Problems)
      if (const json::Object *PO = P.getAsObject())
        R.Problems.push_back({stringOr(*PO, "file"), stringOr(*PO, "message")});
  if (const json::Array *Remarks = Top->getArray("remarks"))
    for (const json::Value &M : *Remarks) {
      const json::Object *MO = M.getAsObject();
      RemarkRecord Rec;
      if (!MO || !readSpan(MO->get("location"), Rec.Where))
        return malformed("a remark lacks its location");
      Rec.Message = stringOr(*MO, "message");
      R.Remarks.push_back(std::move(Rec));
    }
  return R;
}

//===-- SARIF 2.1.0 -------------------------------------------------------===//

std::string pascalCase(llvm::StringRef CheckName) {
  std::string Out;
  bool Upper = true;
  for (char C : CheckName) {
    if (C == '-' || C == '_') {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

std::string uriEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += C;
    } else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
      Out += llvm::hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Out;
}

static json::Value artifactLocation(llvm::StringRef File,
                                    const OutputContext &Ctx) {
  std::string Rel = relativeToRoot(File, Ctx.Root);
  if (Rel != File)
    return json::Object{{"uri", uriEncodePath(Rel)},
                        {"uriBaseId", "%SRCROOT%"}};
  return json::Object{{"uri", "file://" + uriEncodePath(File)}};
}

/// SARIF regions use 1-based lines and (by columnKind below) UTF-16 columns;
/// endColumn is exclusive, as in our spans.
static json::Value region(const Span &S) {
  json::Object R{{"startLine", S.Begin.Line},
                 {"startColumn", S.Begin.Utf16Column}};
  if (S.End.Line >= S.Begin.Line && S.End.Utf16Column) {
    R["endLine"] = S.End.Line;
    R["endColumn"] = S.End.Line == S.Begin.Line
                         ? std::max(S.End.Utf16Column, S.Begin.Utf16Column)
                         : S.End.Utf16Column;
  }
  return R;
}

/// The region with its text as snippet, plus the whole line as context
/// region (SARIF: a snippet is exactly the region's text).
static void addSnippets(json::Object &Location, const Span &S,
                        llvm::StringRef LineText) {
  if (LineText.empty())
    return;
  if (S.End.Line == S.Begin.Line && S.End.Column > S.Begin.Column)
    if (json::Object *R = Location.getObject("region"))
      (*R)["snippet"] = json::Object{
          {"text", LineText.slice(S.Begin.Column - 1, S.End.Column - 1)}};
  Location["contextRegion"] =
      json::Object{{"startLine", S.Begin.Line},
                   {"endLine", S.Begin.Line},
                   {"snippet", json::Object{{"text", LineText}}}};
}

static json::Value physicalLocation(const Span &S, const OutputContext &Ctx,
                                    llvm::StringRef LineText = {}) {
  json::Object Location{{"artifactLocation", artifactLocation(S.File, Ctx)},
                        {"region", region(S)}};
  addSnippets(Location, S, LineText);
  return Location;
}

static json::Value sarifRule(const CheckInfo &C) {
  std::string Url = docsUrl(C.Name);
  // Rule texts are sentences (SARIF2001); summaries start lower case.
  std::string Summary = C.Summary.str();
  if (!Summary.empty())
    Summary[0] = llvm::toUpper(Summary[0]);
  std::string Full = Summary + ". The check runs on the Go-style slices and "
                               "maps of the sliceguard runtime; its page "
                               "explains the hazard, the fix and how to "
                               "suppress a finding.";
  std::string HelpText = Summary + ". Documentation: " + Url;
  std::string HelpMarkdown = "**" + C.Name.str() + "**: " + Summary +
                             ".\n\nSee [the check's documentation](" + Url +
                             ") for examples and the fix. Suppress one line "
                             "with `// sliceguard-ignore: " +
                             C.Name.str() + "`.";
  return json::Object{
      {"id", "sliceguard-" + C.Name.str()},
      {"name", pascalCase(C.Name)},
      {"shortDescription", json::Object{{"text", Summary + "."}}},
      {"fullDescription", json::Object{{"text", Full}}},
      {"help", json::Object{{"text", HelpText}, {"markdown", HelpMarkdown}}},
      {"helpUri", Url},
      {"defaultConfiguration", json::Object{{"level", "warning"}}},
      {"properties",
       json::Object{{"tags", json::Array{"correctness", "memory", "c"}},
                    {"precision", "high"},
                    {"problem.severity", "warning"}}}};
}

static json::Value sarifFix(const FindingRecord &F, const OutputContext &Ctx) {
  std::map<std::string, json::Array> ByFile;
  for (const FixRecord &X : F.Fixes) {
    json::Object Deleted{{"startLine", X.Removed.Begin.Line},
                         {"startColumn", X.Removed.Begin.Utf16Column},
                         {"endLine", X.Removed.End.Line},
                         {"endColumn", X.Removed.End.Utf16Column}};
    ByFile[X.Removed.File].push_back(json::Object{
        {"deletedRegion", std::move(Deleted)},
        {"insertedContent", json::Object{{"text", X.Replacement}}}});
  }
  json::Array Changes;
  for (auto &Entry : ByFile)
    Changes.push_back(
        json::Object{{"artifactLocation", artifactLocation(Entry.first, Ctx)},
                     {"replacements", std::move(Entry.second)}});
  return json::Object{
      {"description", json::Object{{"text", "Apply sliceguard's fix-it."}}},
      {"artifactChanges", std::move(Changes)}};
}

/// SARIF messages should end with a period (SARIF2001).
static std::string sentence(llvm::StringRef Text) {
  std::string S = Text.str();
  if (!S.empty() && S.back() != '.' && S.back() != '!' && S.back() != '?')
    S += '.';
  return S;
}

static json::Value sarifResult(const FindingRecord &F, size_t RuleIndex,
                               const OutputContext &Ctx) {
  json::Object Result{
      {"ruleId", "sliceguard-" + F.Check},
      {"ruleIndex", static_cast<int64_t>(RuleIndex)},
      {"level", F.IsError ? "error" : "warning"},
      {"message", json::Object{{"text", sentence(F.Message)}}},
      {"locations",
       json::Array{json::Object{
           {"physicalLocation", physicalLocation(F.Where, Ctx, F.LineText)}}}},
      {"partialFingerprints",
       json::Object{{"sliceguardFingerprint/v1", F.Fingerprint}}}};
  if (!F.Notes.empty()) {
    json::Array Related;
    int64_t Id = 1;
    for (const NoteRecord &N : F.Notes)
      Related.push_back(json::Object{
          {"id", Id++},
          {"physicalLocation", physicalLocation(N.Where, Ctx, N.LineText)},
          {"message", json::Object{{"text", sentence(N.Message)}}}});
    Result["relatedLocations"] = std::move(Related);
  }
  if (!F.Fixes.empty())
    Result["fixes"] = json::Array{sarifFix(F, Ctx)};
  if (F.Suppressed)
    Result["suppressions"] = json::Array{json::Object{
        {"kind", "inSource"},
        {"justification",
         F.SuppressedBy.empty() ? "suppressed in source" : F.SuppressedBy}}};
  return Result;
}

static std::string rootUri(llvm::StringRef Root) {
  std::string Uri = "file://" + uriEncodePath(Root);
  if (Uri.back() != '/')
    Uri += '/';
  return Uri;
}

json::Value toSarif(const Report &R, const OutputContext &Ctx) {
  json::Array Rules;
  std::map<std::string, size_t> RuleIndex;
  for (const CheckInfo &C : allChecks()) {
    RuleIndex[C.Name.str()] = Rules.size();
    Rules.push_back(sarifRule(C));
  }
  json::Array Results;
  for (const FindingRecord &F : R.Findings) {
    if (!RuleIndex.count(F.Check)) { // a check the registry does not list
      RuleIndex[F.Check] = Rules.size();
      Rules.push_back(sarifRule({F.Check, "sliceguard check " + F.Check}));
    }
    Results.push_back(sarifResult(F, RuleIndex[F.Check], Ctx));
  }
  json::Array Notifications;
  for (const Problem &P : R.Problems) {
    json::Object N{{"level", "error"},
                   {"message", json::Object{{"text", sentence(P.Message)}}}};
    if (!P.File.empty())
      N["locations"] = json::Array{json::Object{
          {"physicalLocation",
           json::Object{{"artifactLocation", artifactLocation(P.File, Ctx)}}}}};
    Notifications.push_back(std::move(N));
  }
  // A function skipped as too large is a note about the run, not a result:
  // code scanning must not open an alert for it.
  for (const RemarkRecord &M : R.Remarks)
    Notifications.push_back(json::Object{
        {"level", "note"},
        {"descriptor", json::Object{{"id", "analysis-skipped"}}},
        {"message", json::Object{{"text", sentence(M.Message)}}},
        {"locations",
         json::Array{json::Object{
             {"physicalLocation", physicalLocation(M.Where, Ctx)}}}}});
  json::Object Driver{{"name", "sliceguard"},
                      {"version", Ctx.ToolVersion},
                      {"semanticVersion", Ctx.ToolVersion},
                      {"informationUri", SLICEGUARD_HOMEPAGE},
                      {"rules", std::move(Rules)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)},
      {"invocations",
       json::Array{json::Object{
           {"executionSuccessful", R.Problems.empty()},
           {"toolExecutionNotifications", std::move(Notifications)}}}}};
  if (!Ctx.Root.empty())
    Run["originalUriBaseIds"] =
        json::Object{{"%SRCROOT%", json::Object{{"uri", rootUri(Ctx.Root)}}}};
  return json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
}

//===-- writing report files ---------------------------------------------===//

static llvm::Error cannotWrite(llvm::StringRef What, llvm::StringRef Path,
                               std::error_code EC) {
  return llvm::createStringError(EC, "cannot write %s %s: %s",
                                 What.str().c_str(), Path.str().c_str(),
                                 EC.message().c_str());
}

/// Runs \p Write on \p OS and closes it; the stream's error, if any, is
/// taken from it (a raw_fd_ostream destroyed with an error pending aborts
/// the process with "IO failure on output stream").
static std::error_code
writeAndClose(llvm::raw_fd_ostream &OS,
              llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  Write(OS);
  OS.close();
  std::error_code EC = OS.error();
  OS.clear_error();
  return EC;
}

llvm::Error
writeFileAtomically(llvm::StringRef Path, llvm::StringRef What,
                    llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  namespace fs = llvm::sys::fs;
  fs::file_status Status;
  if (!fs::status(Path, Status) && fs::exists(Status) &&
      Status.type() != fs::file_type::regular_file) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (!EC)
      EC = writeAndClose(OS, Write);
    return EC ? cannotWrite(What, Path, EC) : llvm::Error::success();
  }
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC =
          fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp))
    return cannotWrite(What, Path, EC);
  llvm::sys::RemoveFileOnSignal(Temp);
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    EC = writeAndClose(OS, Write);
  }
  if (!EC)
    EC = fs::rename(Temp, Path);
  if (EC)
    fs::remove(Temp);
  llvm::sys::DontRemoveFileOnSignal(Temp);
  return EC ? cannotWrite(What, Path, EC) : llvm::Error::success();
}

//===-- Code Climate (GitLab Code Quality) --------------------------------===//

json::Value toCodeClimate(const Report &R, const OutputContext &Ctx) {
  json::Array Issues;
  for (const FindingRecord &F : R.Findings) {
    if (F.Suppressed)
      continue;
    Issues.push_back(json::Object{
        {"type", "issue"},
        {"check_name", "sliceguard-" + F.Check},
        {"description", F.Message + " [sliceguard-" + F.Check + "]"},
        {"categories", json::Array{"Bug Risk"}},
        {"severity", F.IsError ? "critical" : "major"},
        {"fingerprint", F.Fingerprint},
        {"location",
         json::Object{{"path", relativeToRoot(F.Where.File, Ctx.Root)},
                      {"lines", json::Object{{"begin", F.Where.Begin.Line},
                                             {"end", F.Where.End.Line}}}}}});
  }
  return Issues;
}

} // namespace tools
} // namespace sliceguard
