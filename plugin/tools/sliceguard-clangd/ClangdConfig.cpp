//===- ClangdConfig.cpp - what clangd's .clangd files do to a command -----===//
#include "ClangdConfig.h"
#include "Baseline.h"
#include "CompileCommands.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

namespace sliceguard {
namespace clangd {

namespace {

/// Reads one .clangd document's worth of keys, collecting what is wrong.
class FragmentReader {
public:
  FragmentReader(llvm::StringRef Dir, std::vector<std::string> &Warnings)
      : Dir(Dir), Warnings(Warnings) {}

  std::optional<ConfigFragment> read(llvm::yaml::Node *Root) {
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      return std::nullopt; // an empty document ("---" at the end)
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
    if (!Map) {
      warn("a fragment must be a mapping of keys (If, CompileFlags, ...)");
      return std::nullopt;
    }
    ConfigFragment F;
    F.Dir = Dir.str();
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::string Key = scalar(KV.getKey()).value_or("");
      if (Key == "If")
        readIf(KV.getValue(), F);
      else if (Key == "CompileFlags")
        readCompileFlags(KV.getValue(), F);
      else if (KV.getValue())
        KV.getValue()->skip(); // Diagnostics, Index, ...: not the command's
    }
    return F;
  }

private:
  void readIf(llvm::yaml::Node *N, ConfigFragment &F) {
    forEachKey(N, "If", [&](llvm::StringRef Key, llvm::yaml::Node *Value) {
      if (Key == "PathMatch")
        F.PathMatch = regexList(Value, Key);
      else if (Key == "PathExclude")
        F.PathExclude = regexList(Value, Key);
      else
        Value->skip();
    });
  }

  void readCompileFlags(llvm::yaml::Node *N, ConfigFragment &F) {
    forEachKey(N, "CompileFlags",
               [&](llvm::StringRef Key, llvm::yaml::Node *Value) {
                 if (Key == "Add")
                   F.Add = stringList(Value, Key);
                 else if (Key == "Remove")
                   F.Remove = stringList(Value, Key);
                 else if (Key == "Compiler")
                   F.Compiler = scalar(Value);
                 else
                   Value->skip(); // CompilationDatabase, BuiltinHeaders
               });
  }

  template <typename Visit>
  void forEachKey(llvm::yaml::Node *N, llvm::StringRef Section, Visit V) {
    auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
    if (!Map) {
      warn(Section + " must be a mapping");
      if (N)
        N->skip();
      return;
    }
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::optional<std::string> Key = scalar(KV.getKey());
      if (Key && KV.getValue())
        V(*Key, KV.getValue());
    }
  }

  std::optional<std::string> scalar(llvm::yaml::Node *N) {
    auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
    if (!S)
      return std::nullopt;
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }

  /// A scalar or a sequence of scalars: `Add: -DX` or `Add: [-DX, -DY]`.
  std::vector<std::string> stringList(llvm::yaml::Node *N,
                                      llvm::StringRef Key) {
    if (std::optional<std::string> One = scalar(N))
      return {*One};
    std::vector<std::string> Out;
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq) {
      warn(Key + " must be a string or a list of strings");
      if (N)
        N->skip();
      return Out;
    }
    for (llvm::yaml::Node &Item : *Seq) {
      if (std::optional<std::string> S = scalar(&Item))
        Out.push_back(*S);
      else
        warn(Key + " must be a list of strings");
    }
    return Out;
  }

  std::vector<std::string> regexList(llvm::yaml::Node *N, llvm::StringRef Key) {
    std::vector<std::string> Out;
    for (std::string &R : stringList(N, Key)) {
      std::string Why;
      if (!llvm::Regex(R).isValid(Why))
        warn("invalid regular expression in " + Key + " '" + R + "': " + Why);
      else
        Out.push_back(std::move(R));
    }
    return Out;
  }

  void warn(const llvm::Twine &Message) {
    Warnings.push_back((Dir + "/.clangd: " + Message).str());
  }

  llvm::StringRef Dir;
  std::vector<std::string> &Warnings;
};

bool anyFullMatch(const std::vector<std::string> &Regexes,
                  llvm::StringRef Text) {
  return llvm::any_of(Regexes, [&](const std::string &R) {
    return llvm::Regex("^(" + R + ")$").match(Text);
  });
}

} // namespace

std::vector<ConfigFragment> parseConfig(llvm::StringRef Text,
                                        llvm::StringRef Dir,
                                        std::vector<std::string> &Warnings) {
  // The YAML parser reports through a SourceMgr; keep its messages, named
  // like the reader's.
  struct ParserMessages {
    llvm::StringRef Dir;
    std::vector<std::string> &Warnings;
  } Messages{Dir, Warnings};
  llvm::SourceMgr SM;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &M = *static_cast<ParserMessages *>(Context);
        M.Warnings.push_back((M.Dir + "/.clangd: line " +
                              llvm::Twine(D.getLineNo()) + ": " +
                              D.getMessage())
                                 .str());
      },
      &Messages);
  std::vector<ConfigFragment> Fragments;
  llvm::yaml::Stream Stream(Text, SM);
  FragmentReader Reader(Dir, Warnings);
  for (llvm::yaml::Document &Doc : Stream) {
    if (std::optional<ConfigFragment> F = Reader.read(Doc.getRoot()))
      Fragments.push_back(std::move(*F));
    if (Stream.failed())
      break;
  }
  return Fragments;
}

bool fragmentApplies(const ConfigFragment &F, llvm::StringRef Path) {
  // Relative to the .clangd's directory, with forward slashes, as clangd
  // matches it.
  std::string Rel =
      llvm::sys::path::convert_to_slash(tools::relativeToRoot(Path, F.Dir));
  if (!F.PathMatch.empty() && !anyFullMatch(F.PathMatch, Rel))
    return false;
  return !anyFullMatch(F.PathExclude, Rel);
}

void applyFragments(const std::vector<ConfigFragment> &Fragments,
                    llvm::StringRef Path, std::vector<std::string> &Args) {
  for (const ConfigFragment &F : Fragments) {
    if (!fragmentApplies(F, Path))
      continue;
    // clangd's order within a fragment: the compiler, then Remove, then
    // Add (so a fragment never removes what it adds).
    if (F.Compiler && !Args.empty())
      Args[0] = *F.Compiler;
    tools::removeFlags(Args, F.Remove);
    // Before a "--" that ends the options, if there is one.
    auto End = std::find(Args.begin(), Args.end(), "--");
    Args.insert(End, F.Add.begin(), F.Add.end());
  }
}

std::vector<ConfigFragment>
ConfigCache::fragmentsFor(llvm::StringRef Path,
                          std::vector<std::string> &Warnings) {
  std::vector<std::string> Dirs;
  for (llvm::StringRef D = llvm::sys::path::parent_path(Path); !D.empty();
       D = llvm::sys::path::parent_path(D))
    Dirs.push_back(D.str());
  std::vector<ConfigFragment> Out;
  for (auto It = Dirs.rbegin(); It != Dirs.rend(); ++It) {
    std::string File = *It + "/.clangd";
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(File, Status) ||
        !llvm::sys::fs::is_regular_file(Status)) {
      Files.erase(File);
      continue;
    }
    CachedFile &Cached = Files[File];
    if (!Cached.Read || Cached.Modified != Status.getLastModificationTime()) {
      auto Buffer = llvm::MemoryBuffer::getFile(File);
      if (!Buffer) {
        Warnings.push_back("cannot read " + File + ": " +
                           Buffer.getError().message());
        continue;
      }
      Cached.Read = true;
      Cached.Modified = Status.getLastModificationTime();
      Cached.Fragments = parseConfig((*Buffer)->getBuffer(), *It, Warnings);
    }
    Out.insert(Out.end(), Cached.Fragments.begin(), Cached.Fragments.end());
  }
  return Out;
}

} // namespace clangd
} // namespace sliceguard
