//===- CompileCommands.cpp ------------------------------------------------===//
#include "CompileCommands.h"
#include "JsonLimits.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"
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
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <set>

namespace sliceguard {
namespace tools {

std::string defaultResourceDir() { return SLICEGUARD_CLANG_RESOURCE_DIR; }

std::string findCompileCommandsDir(llvm::StringRef StartDir) {
  llvm::SmallString<256> Dir(StartDir);
  llvm::sys::fs::make_absolute(Dir);
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, "compile_commands.json");
    if (llvm::sys::fs::exists(Candidate))
      return D.str();
  }
  return {};
}

std::string describeJsonError(llvm::StringRef Message) {
  // llvm::json::ParseError prints "[LINE:COL, byte=N]: what" with a 0-based
  // column; users read "line L, column C" with both counted from 1.
  unsigned Line = 0, Column = 0;
  llvm::StringRef Rest = Message;
  if (!Rest.consume_front("[") || Rest.consumeInteger(10, Line) ||
      !Rest.consume_front(":") || Rest.consumeInteger(10, Column))
    return Message.str();
  size_t Colon = Rest.find("]: ");
  if (Colon == llvm::StringRef::npos)
    return Message.str();
  std::string What = Rest.substr(Colon + 3).str();
  if (!What.empty())
    What[0] = llvm::toLower(What[0]);
  return "line " + std::to_string(Line) + ", column " +
         std::to_string(Column + 1) + ": " + What;
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommands(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "compile_commands.json");
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.c_str(),
                                   Buffer.getError().message().c_str());
  // libTooling's own message for a malformed file is terse ("Expected
  // array."); parse once more to name the line and column of the problem.
  if (auto Parsed = tools::parseLimited((*Buffer)->getBuffer()); !Parsed)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s is not valid JSON: %s",
        Path.c_str(),
        describeJsonError(llvm::toString(Parsed.takeError())).c_str());
  std::string Message;
  auto Db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Path, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is malformed: %s", Path.c_str(),
                                   Message.c_str());
  return std::unique_ptr<clang::tooling::CompilationDatabase>(std::move(Db));
}

/// StringRef::starts_with is spelled startswith before LLVM 16 and the old
/// spelling is gone in 22: a local helper works with 14, 19 and 22.
static bool hasPrefix(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

/// Flags that name an output and take the next argument as their value.
static bool isOutputFlagWithValue(llvm::StringRef A) {
  return A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ" || A == "-MJ" ||
         A == "-dependency-file";
}

/// Flags that only shape a real compile's outputs or side files.
static bool isOutputOnlyFlag(llvm::StringRef A) {
  return A == "-c" || A == "-S" || A == "-E" || A == "-M" || A == "-MM" ||
         A == "-MD" || A == "-MMD" || A == "-MG" || A == "-MP" ||
         A == "-fsyntax-only" || A == "-save-temps" || hasPrefix(A, "-o") ||
         hasPrefix(A, "-MF") || hasPrefix(A, "-MT") || hasPrefix(A, "-MQ") ||
         hasPrefix(A, "-MJ") || hasPrefix(A, "-save-temps=");
}

/// sliceguard's own plugin (or any plugin): the checks run in-process here,
/// and a plugin built for another LLVM would not even load.
static bool isPluginFlag(llvm::StringRef A) {
  return hasPrefix(A, "-fplugin=") || hasPrefix(A, "-fplugin-arg-") ||
         hasPrefix(A, "-fpass-plugin=");
}

static bool isWerror(llvm::StringRef A) {
  return A == "-Werror" || A == "-pedantic-errors" ||
         (hasPrefix(A, "-Werror=") && !hasPrefix(A, "-Werror=sliceguard"));
}

/// argv[1..] of \p Args parsed with the driver's option table; an Arg's
/// index I is Args[I + 1] (the strings stay owned by Args).
static llvm::opt::InputArgList
parseDriverArguments(const std::vector<std::string> &Args) {
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  return driverOptions().ParseArgs(Argv, MissingIndex, MissingCount);
}

/// Positions in \p Args of arguments clang's driver does not know (gcc-only
/// flags such as -fconserve-stack in a gcc build's database).
static std::set<size_t> unknownArguments(const std::vector<std::string> &Args) {
  llvm::opt::InputArgList Parsed = parseDriverArguments(Args);
  std::set<size_t> Unknown;
  // Unknown ones, and the ones the driver knows only to reject (clang 14
  // files every "--name" it lacks under an "unsupported" catch-all).
  for (const llvm::opt::Arg *A : Parsed)
    if (A->getOption().getKind() == llvm::opt::Option::UnknownClass ||
        A->getOption().hasFlag(clang_options::Unsupported))
      Unknown.insert(A->getIndex() + 1);
  return Unknown;
}

std::vector<std::string> adjustArguments(const std::vector<std::string> &Args,
                                         llvm::StringRef ResourceDir,
                                         std::vector<std::string> *Dropped) {
  std::vector<std::string> Out;
  bool HasResourceDir = false;
  std::set<size_t> Unknown = unknownArguments(Args);
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (I == 0) {
      Out.push_back(Args[I]);
      continue;
    }
    if (Unknown.count(I)) {
      if (Dropped)
        Dropped->push_back(Args[I]);
      continue;
    }
    if (isOutputFlagWithValue(A)) {
      ++I;
      continue;
    }
    // -Xclang -load -Xclang lib.so / -Xclang -plugin -Xclang name
    if (A == "-Xclang" && I + 3 < Args.size() &&
        (Args[I + 1] == "-load" || Args[I + 1] == "-plugin" ||
         Args[I + 1] == "-add-plugin" ||
         hasPrefix(Args[I + 1], "-plugin-arg-"))) {
      I += 3;
      continue;
    }
    if (isOutputOnlyFlag(A) || isPluginFlag(A) || isWerror(A))
      continue;
    if (A == "-resource-dir" || hasPrefix(A, "-resource-dir="))
      HasResourceDir = true;
    Out.push_back(Args[I]);
  }
  // Insert right after argv[0] so a trailing "--" + file list stays last.
  std::vector<std::string> Extra = {"-fsyntax-only", "-Wno-error",
                                    "-Qunused-arguments",
                                    "-fno-caret-diagnostics"};
  if (!HasResourceDir && !ResourceDir.empty())
    Extra.push_back(("-resource-dir=" + ResourceDir).str());
  Out.insert(Out.begin() + (Out.empty() ? 0 : 1), Extra.begin(), Extra.end());
  return Out;
}

std::vector<std::string>
sliceguardPluginArguments(const std::vector<std::string> &Args) {
  static constexpr llvm::StringLiteral DriverForm = "-fplugin-arg-sliceguard-";
  std::vector<std::string> Out;
  for (size_t I = 1; I < Args.size() && Args[I] != "--"; ++I) {
    llvm::StringRef A = Args[I];
    if (hasPrefix(A, DriverForm))
      Out.push_back(A.substr(DriverForm.size()).str());
    else if (A == "-Xclang" && I + 3 < Args.size() &&
             Args[I + 1] == "-plugin-arg-sliceguard" &&
             Args[I + 2] == "-Xclang")
      Out.push_back(Args[I += 3]);
  }
  return Out;
}

/// True if the argument spelled \p Spelling, whose first word is \p First,
/// is one \p Pattern names.
static bool flagMatches(llvm::StringRef Pattern, llvm::StringRef Spelling,
                        llvm::StringRef First) {
  if (!Pattern.empty() && Pattern.back() == '*')
    return hasPrefix(First, Pattern.drop_back());
  return Pattern == Spelling || Pattern == First;
}

void removeFlags(std::vector<std::string> &Args,
                 const std::vector<std::string> &Patterns) {
  if (Patterns.empty() || Args.size() < 2)
    return;
  llvm::opt::InputArgList Parsed = parseDriverArguments(Args);
  size_t Count = Args.size() - 1; // arguments after argv[0]
  // Each parsed argument spans argv from its index to the next one's.
  std::vector<std::pair<unsigned, const llvm::opt::Arg *>> Starts;
  for (const llvm::opt::Arg *A : Parsed)
    Starts.emplace_back(A->getIndex(), A);
  std::sort(Starts.begin(), Starts.end(),
            [](const auto &L, const auto &R) { return L.first < R.first; });
  std::vector<bool> Drop(Count, false);
  for (size_t I = 0; I < Starts.size(); ++I) {
    const llvm::opt::Arg *A = Starts[I].second;
    if (A->getOption().getKind() == llvm::opt::Option::InputClass)
      continue; // the file itself
    unsigned Begin = Starts[I].first;
    unsigned End = I + 1 < Starts.size() ? Starts[I + 1].first : Count;
    llvm::StringRef Spelling = A->getSpelling();
    llvm::StringRef First = Args[Begin + 1];
    if (llvm::any_of(Patterns, [&](const std::string &P) {
          return flagMatches(P, Spelling, First);
        }))
      for (unsigned J = Begin; J < End && J < Drop.size(); ++J)
        Drop[J] = true;
  }
  std::vector<std::string> Kept = {Args[0]};
  for (size_t I = 0; I < Count; ++I)
    if (!Drop[I])
      Kept.push_back(Args[I + 1]);
  Args = std::move(Kept);
}

WarningPolicy warningPolicy(const std::vector<std::string> &Args) {
  WarningPolicy P;
  for (size_t I = 1; I < Args.size() && Args[I] != "--"; ++I) {
    if (Args[I] == "-Werror")
      P.AsErrors = true;
    else if (Args[I] == "-Wno-error")
      P.AsErrors = false;
    else if (Args[I] == "-w")
      P.Ignore = true;
  }
  return P;
}

clang::tooling::CompileCommand fallbackCommand(llvm::StringRef File) {
  std::string Dir = llvm::sys::path::parent_path(File).str();
  std::vector<std::string> Args = {"clang", "-std=c11", File.str()};
  return clang::tooling::CompileCommand(Dir, File, std::move(Args), "");
}

} // namespace tools
} // namespace sliceguard
