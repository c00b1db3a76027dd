//===- Baseline.cpp -------------------------------------------------------===//
#include "Baseline.h"
#include "CompileCommands.h"
#include "JsonLimits.h"
#include "Reports.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>

namespace sliceguard {
namespace tools {

std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root) {
  if (Root.empty())
    return File.str();
  llvm::SmallString<256> Prefix(Root);
  if (!llvm::sys::path::is_separator(Prefix.back()))
    Prefix += '/';
  if (File.substr(0, Prefix.size()) == Prefix)
    return File.substr(Prefix.size()).str();
  return File.str();
}

static std::string collapseWhitespace(llvm::StringRef Text) {
  std::string Out;
  bool InSpace = false;
  for (char C : Text.trim()) {
    bool Space = C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v';
    if (Space && InSpace)
      continue;
    Out += Space ? ' ' : C;
    InSpace = Space;
  }
  return Out;
}

/// FNV-1a: tiny, stable across LLVM releases (unlike llvm::xxHash64's
/// renames) and plenty for telling findings apart.
static uint64_t fnv1a(llvm::StringRef Data) {
  uint64_t Hash = 0xcbf29ce484222325ULL;
  for (unsigned char C : Data) {
    Hash ^= C;
    Hash *= 0x100000001b3ULL;
  }
  return Hash;
}

void assignFingerprints(Report &R, llvm::StringRef Root) {
  std::map<std::string, unsigned> Occurrences;
  for (FindingRecord &F : R.Findings) {
    std::string Key = F.Check + '\0' + relativeToRoot(F.Where.File, Root) +
                      '\0' + collapseWhitespace(F.LineText);
    unsigned Index = Occurrences[Key]++;
    Key += '\0' + std::to_string(Index);
    F.Fingerprint = llvm::utohexstr(fnv1a(Key), /*LowerCase=*/true, 16);
  }
}

llvm::Error writeBaseline(const Report &R, llvm::StringRef Root,
                          llvm::StringRef Path) {
  llvm::json::Array Entries;
  for (const FindingRecord &F : R.Findings) {
    if (F.Suppressed)
      continue;
    Entries.push_back(llvm::json::Object{
        {"fingerprint", F.Fingerprint},
        {"check", F.Check},
        {"file", relativeToRoot(F.Where.File, Root)},
        {"line", F.Where.Begin.Line},
        {"message", F.Message},
    });
  }
  llvm::json::Value Doc = llvm::json::Object{{"sliceguardBaseline", 1},
                                             {"findings", std::move(Entries)}};
  return writeFileAtomically(Path, "baseline", [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", Doc) << "\n";
  });
}

namespace {
/// Collects findings[*].fingerprint while scanJson reads a baseline, so
/// memory grows with the fingerprints, never with a tree of the file.
class BaselineCollector {
public:
  explicit BaselineCollector(llvm::StringRef Path) : Path(Path) {}

  llvm::Error onEvent(const JsonEvent &E) {
    if (E.Depth == 0) {
      if (E.What != JsonEvent::BeginObject && E.What != JsonEvent::EndObject)
        return noFindings();
      return llvm::Error::success();
    }
    if (E.Depth == 1 && E.Key == "findings") {
      if (E.What == JsonEvent::BeginArray) {
        // A repeated key: the last one counts, as in llvm::json.
        Known.clear();
        SawFindings = true;
        InFindings = true;
      } else if (E.What == JsonEvent::EndArray) {
        InFindings = false;
      } else {
        SawFindings = false; // "findings" that is not an array
      }
      return llvm::Error::success();
    }
    if (!InFindings)
      return llvm::Error::success();
    if (E.Depth == 2) {
      if (E.What == JsonEvent::BeginObject) {
        Fingerprint.reset();
        return llvm::Error::success();
      }
      if (E.What != JsonEvent::EndObject || !Fingerprint)
        return badEntry();
      Known.insert(std::move(*Fingerprint));
      return llvm::Error::success();
    }
    if (E.Depth == 3 && E.Key == "fingerprint") {
      // The last "fingerprint" of an entry counts; a non-string one means
      // the entry has none.
      if (E.What == JsonEvent::String)
        Fingerprint = E.Text.str();
      else if (E.What != JsonEvent::EndObject && E.What != JsonEvent::EndArray)
        Fingerprint.reset();
    }
    return llvm::Error::success();
  }

  llvm::Expected<std::set<std::string>> finish() {
    if (!SawFindings)
      return noFindings();
    return std::move(Known);
  }

private:
  llvm::Error noFindings() const {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "baseline %s has no \"findings\" array (write one with "
        "--write-baseline)",
        Path.str().c_str());
  }
  llvm::Error badEntry() const {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "baseline %s: an entry has no \"fingerprint\" string",
        Path.str().c_str());
  }

  llvm::StringRef Path;
  std::set<std::string> Known;
  std::optional<std::string> Fingerprint;
  bool SawFindings = false;
  bool InFindings = false;
};
} // namespace

llvm::Expected<std::set<std::string>> readBaselineText(llvm::StringRef Text,
                                                       llvm::StringRef Path) {
  BaselineCollector Collector(Path);
  if (llvm::Error E = scanJson(
          Text, [&](const JsonEvent &Ev) { return Collector.onEvent(Ev); })) {
    std::string Message = llvm::toString(std::move(E));
    if (Message.rfind("baseline ", 0) == 0) // our own message
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                     Message.c_str());
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "baseline %s is not valid JSON: %s",
        Path.str().c_str(), describeJsonError(Message).c_str());
  }
  return Collector.finish();
}

llvm::Expected<std::set<std::string>> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), "cannot read baseline %s: %s", Path.str().c_str(),
        Buffer.getError().message().c_str());
  return readBaselineText((*Buffer)->getBuffer(), Path);
}

void applyBaseline(Report &R, const std::set<std::string> &Known) {
  std::vector<FindingRecord> Kept;
  for (FindingRecord &F : R.Findings) {
    if (!F.Suppressed && Known.count(F.Fingerprint)) {
      ++R.Baselined;
      continue;
    }
    Kept.push_back(std::move(F));
  }
  R.Findings = std::move(Kept);
}

} // namespace tools
} // namespace sliceguard
