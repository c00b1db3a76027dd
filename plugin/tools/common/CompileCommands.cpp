//===- CompileCommands.cpp ------------------------------------------------===//
#include "CompileCommands.h"
#include "FindingRecord.h"
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
#include "clang/Driver/Types.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <set>

namespace sliceguard {
namespace tools {

std::string defaultResourceDir() { return SLICEGUARD_CLANG_RESOURCE_DIR; }

std::string toolDirectory() {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable("sliceguard", &Anchor);
  return llvm::sys::path::parent_path(Exe).str();
}

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

namespace {
/// A relative "directory" is relative to the database's own folder, as
/// clang-tidy and clangd read it, never to wherever the tool was started.
class ResolvedDirectoryDatabase : public clang::tooling::CompilationDatabase {
public:
  ResolvedDirectoryDatabase(
      std::unique_ptr<clang::tooling::CompilationDatabase> Base,
      std::string DatabaseDir)
      : Base(std::move(Base)), DatabaseDir(std::move(DatabaseDir)) {}

  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override {
    std::vector<clang::tooling::CompileCommand> All =
        Base->getAllCompileCommands();
    for (clang::tooling::CompileCommand &C : All)
      C.Directory = absolutePath(C.Directory, DatabaseDir);
    return All;
  }
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    std::string Wanted = absolutePath(File, DatabaseDir);
    std::vector<clang::tooling::CompileCommand> Matching;
    for (clang::tooling::CompileCommand &C : getAllCompileCommands())
      if (absolutePath(C.Filename, C.Directory) == Wanted)
        Matching.push_back(std::move(C));
    return Matching;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Files;
    for (const clang::tooling::CompileCommand &C : getAllCompileCommands())
      Files.push_back(absolutePath(C.Filename, C.Directory));
    return Files;
  }

private:
  std::unique_ptr<clang::tooling::CompilationDatabase> Base;
  std::string DatabaseDir;
};
} // namespace

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommandsText(llvm::StringRef Text, llvm::StringRef Path) {
  // libTooling's own message for a malformed file is terse ("Expected
  // array."); scan first to name the line and column of the problem.  The
  // scan streams (a tree of a large database would take gigabytes) and
  // limits the nesting that libTooling's parser then recurses into.
  if (llvm::Error E = scanJson(
          Text, [](const JsonEvent &) { return llvm::Error::success(); }))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s is not valid JSON: %s",
        Path.str().c_str(),
        describeJsonError(llvm::toString(std::move(E))).c_str());
  std::string Message;
  auto Db = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is malformed: %s", Path.str().c_str(),
                                   Message.c_str());
  llvm::SmallString<256> DatabaseDir(llvm::sys::path::parent_path(Path));
  llvm::sys::fs::make_absolute(DatabaseDir);
  return std::unique_ptr<clang::tooling::CompilationDatabase>(
      std::make_unique<ResolvedDirectoryDatabase>(std::move(Db),
                                                  std::string(DatabaseDir)));
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
  return loadCompileCommandsText((*Buffer)->getBuffer(), Path);
}

/// StringRef::starts_with is spelled startswith before LLVM 16 and the old
/// spelling is gone in 22: a local helper works with 14, 19 and 22.
static bool hasPrefix(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

static bool hasSuffix(llvm::StringRef S, llvm::StringRef Suffix) {
  return S.size() >= Suffix.size() &&
         S.substr(S.size() - Suffix.size()) == Suffix;
}

/// The option's name as the option table spells it ("-o", "--config=").
static std::string optionName(const llvm::opt::Arg &A) {
  return std::string(A.getOption().getPrefixedName());
}

static llvm::StringRef firstValue(const llvm::opt::Arg &A) {
  return A.getNumValues() ? llvm::StringRef(A.getValue(0)) : "";
}

/// Options that only shape a real compile's outputs or side files.  The
/// driver itself writes some of them while it builds the job (-MJ's
/// compilation database, -gen-cdb-fragment-path); the rest are cleared in
/// the CompilerInvocation too (RunChecks.cpp), which also catches the
/// spellings that reach it some other way (-Wp,-MD,file).
static bool isOutputOption(llvm::StringRef Name) {
  static const char *const Names[] = {"-o",
                                      "-c",
                                      "-S",
                                      "-E",
                                      "-M",
                                      "-MM",
                                      "-MD",
                                      "-MMD",
                                      "-MG",
                                      "-MP",
                                      "-MV",
                                      "-MF",
                                      "-MT",
                                      "-MQ",
                                      "-MJ",
                                      "-fsyntax-only",
                                      "-save-temps",
                                      "-save-temps=",
                                      "-gen-cdb-fragment-path",
                                      "-dependency-file",
                                      "-dependency-dot",
                                      "--serialize-diagnostics",
                                      "-serialize-diagnostic-file",
                                      "-header-include-file",
                                      "-diagnostic-log-file",
                                      "-ftime-trace",
                                      "-ftime-trace=",
                                      "-save-stats",
                                      "-save-stats=",
                                      "-stats-file="};
  return llvm::is_contained(Names, Name);
}

/// Plugins (ours or any): the checks run in-process here, a plugin built
/// for another LLVM would not even load, and loading one runs its code.
static bool isPluginOption(llvm::StringRef Name) {
  return Name == "-fplugin=" || Name == "-fplugin-arg-" ||
         Name == "-fpass-plugin=" || Name == "-load" || Name == "-plugin" ||
         Name == "-add-plugin" || Name == "-plugin-arg-";
}

/// Options through which a compile command could make the driver run a
/// program or read a file that changes the command: configuration files,
/// the GPU-probing tools of offload compiles (--offload-arch=native runs
/// amdgpu-arch or nvptx-arch, and --*-arch-tool= names the program), and
/// the driver's internal -ccc- options (-ccc-install-dir moves where it
/// looks for configuration files).
static bool isUnsafeOption(const llvm::opt::Arg &A) {
  std::string Name = optionName(A);
  llvm::StringRef N = Name;
  if (N == "--config" || N == "--config=" || N == "--config-system-dir=" ||
      N == "--config-user-dir=" || hasPrefix(N, "-ccc-"))
    return true;
  if (hasPrefix(N, "--") && hasSuffix(N, "-arch-tool="))
    return true;
  // Offloading is meaningless for the C the checks read, and its target
  // options are what make the driver probe GPUs.
  return N == "--offload-arch=" || N == "-offload-arch" ||
         N == "--cuda-gpu-arch=" || N == "-fopenmp-targets=" ||
         N == "--offload=" || N == "-Xopenmp-target" ||
         N == "-Xopenmp-target=" || N == "-fsycl-targets=";
}

/// -Werror and its kin (an error must mean "does not parse"), but not
/// -Werror=sliceguard-*: the plugin reads those itself.  The option table
/// reads -Werror as -W with the value "error".
static bool isWerror(const llvm::opt::Arg &A) {
  std::string Name = optionName(A);
  if (Name == "-pedantic-errors")
    return true;
  if (Name != "-W")
    return false;
  llvm::StringRef V = firstValue(A);
  return V == "error" ||
         (hasPrefix(V, "error=") && !hasPrefix(V, "error=sliceguard"));
}

static bool isResourceDir(llvm::StringRef Name) {
  return Name == "-resource-dir" || Name == "-resource-dir=";
}

/// Parses \p Argv with the option table, as the driver (or, with \p CC1,
/// the frontend behind -Xclang) sees it.
static llvm::opt::InputArgList parseOptions(llvm::ArrayRef<const char *> Argv,
                                            bool CC1) {
  unsigned MissingIndex = 0, MissingCount = 0;
  if (!CC1)
    return driverOptions().ParseArgs(Argv, MissingIndex, MissingCount);
#if LLVM_VERSION_MAJOR >= 17
  return driverOptions().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang_options::CC1Option));
#else
  return driverOptions().ParseArgs(Argv, MissingIndex, MissingCount,
                                   clang_options::CC1Option);
#endif
}

/// argv[1..] of \p Args parsed with the driver's option table; an Arg's
/// index I is Args[I + 1] (the strings stay owned by Args).
static llvm::opt::InputArgList
parseDriverArguments(const std::vector<std::string> &Args) {
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  return parseOptions(Argv, /*CC1=*/false);
}

namespace {
/// One parsed argument and the argv positions [Begin, End) it came from.
struct ParsedArgument {
  const llvm::opt::Arg *A;
  unsigned Begin, End;
};
} // namespace

/// The parsed arguments of \p Parsed in command-line order, each with the
/// span of argv (\p Count entries) it was read from.
static std::vector<ParsedArgument> spans(const llvm::opt::InputArgList &Parsed,
                                         unsigned Count) {
  std::vector<ParsedArgument> Out;
  for (const llvm::opt::Arg *A : Parsed)
    Out.push_back({A, A->getIndex(), 0});
  std::sort(Out.begin(), Out.end(),
            [](const ParsedArgument &L, const ParsedArgument &R) {
              return L.Begin < R.Begin;
            });
  for (size_t I = 0; I < Out.size(); ++I)
    Out[I].End = I + 1 < Out.size() ? Out[I + 1].Begin : Count;
  return Out;
}

/// The language clang gives the input file: the last -x before it, or its
/// extension.
static clang::driver::types::ID inputType(const char *LastX,
                                          llvm::StringRef File) {
  namespace types = clang::driver::types;
  if (LastX && llvm::StringRef(LastX) != "none")
    return types::lookupTypeForTypeSpecifier(LastX);
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return types::lookupTypeForExtension(Ext.empty() ? Ext : Ext.drop_front());
}

/// "c++", "cuda", ... for an input the checks cannot read (they check C),
/// empty for C and for anything clang will reject on its own.
static std::string nonCLanguage(clang::driver::types::ID Type) {
  namespace types = clang::driver::types;
  if (Type == types::TY_INVALID)
    return {};
  if (types::isCXX(Type) || types::isCuda(Type) || types::isHIP(Type) ||
      types::isObjC(Type))
    return types::getTypeName(Type);
  return {};
}

enum class Verdict { Keep, Drop, DropUnknown, DropUnsafe };

/// What to do with one argument of a compile command (or of its -Xclang
/// list, where \p CC1 is set).
static Verdict judge(const llvm::opt::Arg &A, bool CC1) {
  const llvm::opt::Option &O = A.getOption();
  if (O.getKind() == llvm::opt::Option::InputClass)
    return Verdict::Keep;
  // Unknown ones, and the ones the driver knows only to reject (clang 14
  // files every "--name" it lacks under an "unsupported" catch-all).  In
  // the -Xclang list an unknown argument is left to the frontend to judge.
  if (O.getKind() == llvm::opt::Option::UnknownClass ||
      O.hasFlag(clang_options::Unsupported))
    return CC1 ? Verdict::Keep : Verdict::DropUnknown;
  std::string Name = optionName(A);
  if (isUnsafeOption(A))
    return Verdict::DropUnsafe;
  if (isOutputOption(Name) || isPluginOption(Name) || isWerror(A))
    return Verdict::Drop;
  return Verdict::Keep;
}

/// Decides each argument of a run of -Xclang options (\p Run, in order) by
/// parsing their values as the frontend will: "-Xclang -MT -Xclang x" is
/// one option with its value, "-Xclang -Werror" one flag.
static void judgeXclangRun(const std::vector<ParsedArgument> &Run,
                           std::vector<Verdict> &ArgVerdict, size_t RunStart) {
  std::vector<const char *> Values;
  for (const ParsedArgument &P : Run)
    Values.push_back(P.A->getValue());
  llvm::opt::InputArgList Parsed = parseOptions(Values, /*CC1=*/true);
  for (const ParsedArgument &Inner : spans(Parsed, Values.size())) {
    Verdict V = judge(*Inner.A, /*CC1=*/true);
    for (unsigned J = Inner.Begin; J < Inner.End; ++J)
      ArgVerdict[RunStart + J] = V;
  }
}

AdjustedCommand adjustArguments(const std::vector<std::string> &Args,
                                llvm::StringRef ResourceDir,
                                llvm::StringRef ToolDir) {
  AdjustedCommand Result;
  if (Args.empty())
    return Result;
  llvm::opt::InputArgList Parsed = parseDriverArguments(Args);
  std::vector<ParsedArgument> Order = spans(Parsed, Args.size() - 1);
  std::vector<Verdict> ArgVerdict(Order.size(), Verdict::Keep);
  const char *LastX = nullptr;
  bool HasResourceDir = false;
  for (size_t I = 0; I < Order.size(); ++I) {
    const llvm::opt::Arg &A = *Order[I].A;
    std::string Name = optionName(A);
    if (Name == "-Xclang") {
      size_t RunEnd = I;
      while (RunEnd < Order.size() && optionName(*Order[RunEnd].A) == "-Xclang")
        ++RunEnd;
      std::vector<ParsedArgument> Run(Order.begin() + I,
                                      Order.begin() + RunEnd);
      judgeXclangRun(Run, ArgVerdict, I);
      I = RunEnd - 1;
      continue;
    }
    ArgVerdict[I] = judge(A, /*CC1=*/false);
    if (Name == "-x")
      LastX = A.getValue();
    if (isResourceDir(Name))
      HasResourceDir = true;
    if (A.getOption().getKind() == llvm::opt::Option::InputClass &&
        Result.NonCLanguage.empty())
      Result.NonCLanguage = nonCLanguage(inputType(LastX, A.getValue()));
  }

  // argv[0] names the driver mode and target (clang, x86_64-w64-mingw32-gcc)
  // but its directory is where clang looks for configuration files
  // (bin/clang.cfg): keep the name, move it next to our own binary.
  llvm::SmallString<256> Driver(ToolDir);
  llvm::sys::path::append(Driver, llvm::sys::path::filename(Args[0]));
  Result.Args.push_back(ToolDir.empty() ? Args[0] : std::string(Driver));
  // Right after argv[0] so that a trailing "--" + file list stays last.
  Result.Args.insert(Result.Args.end(),
                     {"-fsyntax-only", "-Wno-error", "-Qunused-arguments",
                      "-fno-caret-diagnostics"});
#if LLVM_VERSION_MAJOR >= 16
  Result.Args.push_back("--no-default-config");
#endif
  if (!HasResourceDir && !ResourceDir.empty())
    Result.Args.push_back(("-resource-dir=" + ResourceDir).str());
  for (size_t I = 0; I < Order.size(); ++I) {
    std::string Spelled;
    for (unsigned J = Order[I].Begin; J < Order[I].End; ++J)
      Spelled += (Spelled.empty() ? "" : " ") + Args[J + 1];
    switch (ArgVerdict[I]) {
    case Verdict::Keep:
      for (unsigned J = Order[I].Begin; J < Order[I].End; ++J)
        Result.Args.push_back(Args[J + 1]);
      break;
    case Verdict::Drop:
      break;
    case Verdict::DropUnknown:
      Result.Unknown.push_back(Spelled);
      break;
    case Verdict::DropUnsafe:
      Result.Unsafe.push_back(Spelled);
      break;
    }
  }
  return Result;
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
