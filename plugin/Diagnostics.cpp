//===- Diagnostics.cpp - options, findings, suppressions ------------------===//
#include "Diagnostics.h"
#include "Compat.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace clang;

namespace sliceguard {

FindingSink::~FindingSink() = default;

//===--- globs and options ------------------------------------------------===//

bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t Star = Glob.find('*');
  if (Star == llvm::StringRef::npos)
    return Glob == Name;
  if (!compat::startsWith(Name, Glob.take_front(Star)))
    return false;
  Glob = Glob.drop_front(Star + 1);
  Name = Name.drop_front(Star);
  // Try every split point for the rest after the star.
  for (size_t I = 0; I <= Name.size(); ++I)
    if (globMatches(Glob, Name.drop_front(I)))
      return true;
  return false;
}

/// Users may write check globs with or without the "sliceguard-" prefix.
static llvm::StringRef withoutPrefix(llvm::StringRef Glob) {
  Glob = Glob.trim();
  Glob.consume_front("sliceguard-");
  return Glob;
}

bool Options::isEnabled(llvm::StringRef CheckName) const {
  bool Enabled = false;
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  llvm::StringRef(Checks).split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Globs) {
    G = G.trim();
    bool Negative = G.consume_front("-");
    if (globMatches(withoutPrefix(G), CheckName))
      Enabled = !Negative;
  }
  return Enabled;
}

std::string argumentHelp() {
  std::string Out =
      "sliceguard plugin arguments "
      "(-fplugin-arg-sliceguard-<argument>):\n"
      "  checks=<globs>        select checks, clang-tidy style, "
      "e.g. checks=-*,map-*\n"
      "  werror                report findings as errors\n"
      "  header-filter=<regex> also check headers whose path "
      "matches\n"
      "  show-suppressed       show suppressed findings as "
      "remarks\n"
      "  analyze-all           analyse every function, not only those "
      "the screen picks\n"
      "  stats                 print how many functions were analysed\n"
      "  max-cfg-blocks=<n>    skip (with a remark) functions whose CFG "
      "has more than n blocks (default 10000, 0: no limit)\n"
      "  summaries=<dir>       write this file's function summaries to dir "
      "and use the other files' summaries found there\n"
      "  models=<globs>        select built-in models, e.g. "
      "models=-*,glib\n"
      "  model=<file>          load a model file (docs/models.md)\n"
      "  list-checks           print the checks (the compile goes on)\n"
      "  help                  print this text (the compile goes "
      "on)\n"
      "checks:\n";
  for (const CheckInfo &C : allChecks())
    Out += "  " + C.Name.str() + " - " + C.Summary.str() + "\n";
  return Out;
}

static llvm::Error badArgument(const llvm::Twine &Why) {
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      Why + "; valid arguments are checks=<globs>, models=<globs>, "
            "model=<file>, werror, "
            "header-filter=<regex>, show-suppressed, analyze-all, "
            "stats, max-cfg-blocks=<n>, summaries=<dir>, list-checks, help");
}

/// " (did you mean 'map-insert-in-range'?)" for a near miss, else "".
static std::string nearestCheck(llvm::StringRef Name) {
  llvm::StringRef Best;
  unsigned BestDistance = 4; // more edits than this is not a typo
  for (const CheckInfo &C : allChecks()) {
    unsigned D =
        Name.edit_distance(C.Name, /*AllowReplacements=*/true, BestDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C.Name;
    }
  }
  return Best.empty() ? "" : (" (did you mean '" + Best + "'?)").str();
}

static llvm::Error validateChecks(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Value.split(Globs, ',', -1, /*KeepEmpty=*/false);
  if (Globs.empty())
    return badArgument("'checks=' needs a glob list");
  for (llvm::StringRef G : Globs) {
    G = G.trim();
    G.consume_front("-");
    llvm::StringRef Bare = withoutPrefix(G);
    if (Bare.empty())
      return badArgument("empty check glob in 'checks=" + Value + "'");
    // A name without '*' must name a check: a typo would otherwise
    // silently disable checking.
    if (!Bare.contains('*') &&
        llvm::none_of(allChecks(),
                      [&](const CheckInfo &C) { return C.Name == Bare; }))
      return badArgument("unknown check '" + Bare + "' in 'checks='" +
                         nearestCheck(Bare));
  }
  return llvm::Error::success();
}

static llvm::Error validateModels(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Value.split(Globs, ',', -1, /*KeepEmpty=*/false);
  if (Globs.empty())
    return badArgument("'models=' needs a glob list");
  for (llvm::StringRef G : Globs) {
    G = G.trim();
    G.consume_front("-");
    if (G.empty())
      return badArgument("empty model glob in 'models=" + Value + "'");
    // A typo would otherwise silently turn a library's model off.
    if (!G.contains('*') &&
        llvm::none_of(builtinModels(),
                      [&](const BuiltinModel &M) { return M.Name == G; })) {
      std::string Known;
      for (const BuiltinModel &M : builtinModels())
        Known += (Known.empty() ? "" : ", ") + M.Name.str();
      return badArgument("unknown model '" + G + "' in 'models=' (built-in " +
                         "models: " + Known + ")");
    }
  }
  return llvm::Error::success();
}

/// The arguments without a value: each sets one switch of Options.
struct FlagArgument {
  llvm::StringLiteral Name;
  bool Options::*Field;
};
static constexpr FlagArgument FlagArguments[] = {
    {"werror", &Options::WarningsAsErrors},
    {"list-checks", &Options::ListChecks},
    {"help", &Options::Help},
    {"show-suppressed", &Options::ShowSuppressed},
    {"analyze-all", &Options::AnalyzeAll},
    {"stats", &Options::Stats},
    {"summaries-only", &Options::SummariesOnly},
    {"summaries-read-only", &Options::SummariesReadOnly},
};

llvm::Error parseArgument(llvm::StringRef Arg, Options &Opts) {
  auto [Key, Value] = Arg.split('=');
  bool HasValue = Arg.contains('=');
  if (Key == "checks" && HasValue) {
    if (llvm::Error E = validateChecks(Value))
      return E;
    Opts.Checks = Value.str();
    return llvm::Error::success();
  }
  if (Key == "models" && HasValue) {
    if (llvm::Error E = validateModels(Value))
      return E;
    Opts.Models = Value.str();
    return llvm::Error::success();
  }
  if (Key == "model" && HasValue) {
    if (Value.empty())
      return badArgument("'model=' needs a file name");
    llvm::Expected<std::unique_ptr<Model>> M = loadModelFile(Value);
    if (!M)
      return M.takeError(); // names the file, line and key itself
    Opts.UserModels.push_back(std::move(*M));
    return llvm::Error::success();
  }
  if (Key == "header-filter" && HasValue) {
    std::string Why;
    if (!llvm::Regex(Value).isValid(Why))
      return badArgument("invalid header-filter regex '" + Value + "': " + Why);
    Opts.HeaderFilter = Value.str();
    return llvm::Error::success();
  }
  if (Key == "max-cfg-blocks" && HasValue) {
    unsigned N = 0;
    // getAsInteger refuses signs, spaces, trailing text and overflow.
    if (Value.empty() || Value.front() == '+' || Value.front() == '-' ||
        Value.getAsInteger(10, N))
      return badArgument("'max-cfg-blocks=' needs a whole number of blocks "
                         "(0 for no limit), not '" +
                         Value + "'");
    Opts.MaxCfgBlocks = N;
    return llvm::Error::success();
  }
  if (Key == "summaries" && HasValue) {
    if (Value.empty())
      return badArgument("'summaries=' needs a directory");
    Opts.SummariesDir = Value.str();
    return llvm::Error::success();
  }
  if (!HasValue)
    for (const FlagArgument &Flag : FlagArguments)
      if (Key == Flag.Name) {
        Opts.*Flag.Field = true;
        return llvm::Error::success();
      }
  return badArgument("unknown argument '" + Arg + "'");
}

//===--- suppressions -----------------------------------------------------===//

/// True if a suppression list ("sliceguard-a, sliceguard-b*") names Check.
static bool listNames(llvm::StringRef List, llvm::StringRef Check,
                      bool RequirePrefix) {
  llvm::SmallVector<llvm::StringRef, 4> Items;
  List.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item == "*")
      return true;
    // NOLINT lists are shared with clang-tidy: only "sliceguard-" names
    // are ours.  sliceguard-ignore may omit the prefix.
    if (RequirePrefix && !compat::startsWith(Item, "sliceguard-") &&
        !compat::startsWith(Item, "sliceguard*"))
      continue;
    if (globMatches(withoutPrefix(Item), Check) ||
        globMatches(Item, ("sliceguard-" + Check).str()))
      return true;
  }
  return false;
}

std::optional<std::string>
suppressionFor(llvm::StringRef Line, llvm::StringRef Check, bool NextLine) {
  llvm::StringRef Directive = NextLine ? "NOLINTNEXTLINE" : "NOLINT";
  for (size_t Pos = Line.find(Directive); Pos != llvm::StringRef::npos;
       Pos = Line.find(Directive, Pos + 1)) {
    llvm::StringRef Rest = Line.drop_front(Pos + Directive.size());
    // "NOLINT" must not match NOLINTNEXTLINE / NOLINTBEGIN / NOLINTEND.
    if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
      continue;
    if (!compat::startsWith(Rest, "("))
      return Line.substr(Pos, Directive.size()).str();
    size_t Close = Rest.find(')');
    if (Close == llvm::StringRef::npos)
      continue;
    if (listNames(Rest.substr(1, Close - 1), Check, /*RequirePrefix=*/true))
      return Line.substr(Pos, Directive.size() + Close + 1).str();
  }
  if (NextLine)
    return std::nullopt;
  llvm::StringRef Ignore = "sliceguard-ignore";
  size_t Pos = Line.find(Ignore);
  if (Pos == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Rest = Line.drop_front(Pos + Ignore.size()).ltrim();
  if (!Rest.consume_front(":"))
    return Line.substr(Pos, Ignore.size()).str(); // bare: every check
  // The list ends at the end of the comment.
  size_t End = Rest.find("*/");
  llvm::StringRef List = Rest.take_front(End);
  // Names are separated by commas; stop at the first word that is not one.
  llvm::SmallVector<llvm::StringRef, 4> Items;
  List.split(Items, ',', -1, /*KeepEmpty=*/false);
  std::string Names;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    llvm::StringRef Name = Item.take_until([](char C) {
      return !(llvm::isAlnum(C) || C == '-' || C == '*' || C == '_');
    });
    if (listNames(Name, Check, /*RequirePrefix=*/false))
      return (Ignore + ": " + Name).str();
  }
  return std::nullopt;
}

/// The directive's name list, "" for a bare directive, nullopt if the
/// text at Rest (just after the directive's name) is not a directive end.
static std::optional<llvm::StringRef> directiveList(llvm::StringRef Rest) {
  if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
    return std::nullopt;
  if (!compat::startsWith(Rest, "("))
    return llvm::StringRef();
  size_t Close = Rest.find(')');
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  return Rest.substr(1, Close - 1);
}

std::optional<std::string> blockSuppressionFor(llvm::StringRef Before,
                                               llvm::StringRef Check) {
  // The open NOLINTBEGIN regions that name Check, innermost last; a
  // NOLINTEND closes the latest region with the same list.
  struct Region {
    std::string List;
    bool Names;
  };
  std::vector<Region> Open;
  static constexpr llvm::StringLiteral Begin = "NOLINTBEGIN", End = "NOLINTEND";
  for (size_t Pos = Before.find("NOLINT"); Pos != llvm::StringRef::npos;
       Pos = Before.find("NOLINT", Pos + 1)) {
    llvm::StringRef At = Before.drop_front(Pos);
    bool IsBegin = compat::startsWith(At, Begin);
    if (!IsBegin && !compat::startsWith(At, End))
      continue;
    std::optional<llvm::StringRef> List =
        directiveList(At.drop_front(IsBegin ? Begin.size() : End.size()));
    if (!List)
      continue;
    if (IsBegin) {
      bool Names =
          List->empty() || listNames(*List, Check, /*RequirePrefix=*/true);
      Open.push_back({List->str(), Names});
      continue;
    }
    for (size_t I = Open.size(); I-- > 0;)
      if (Open[I].List == *List) {
        Open.erase(Open.begin() + I);
        break;
      }
  }
  for (const Region &R : llvm::reverse(Open))
    if (R.Names)
      return R.List.empty() ? std::string(Begin)
                            : (Begin + "(" + R.List + ")").str();
  return std::nullopt;
}

//===--- Reporter ---------------------------------------------------------===//

Reporter::Reporter(const SourceManager &SM, const LangOptions &LO,
                   const Options &Opts, FindingSink &Sink)
    : SM(SM), LO(LO), Opts(Opts), Sink(Sink) {
  if (!Opts.HeaderFilter.empty())
    HeaderRegex = std::make_unique<llvm::Regex>(Opts.HeaderFilter);
}

SourceLocation Reporter::userLocation(SourceLocation Loc) const {
  return Loc.isMacroID() ? SM.getExpansionLoc(Loc) : Loc;
}

bool Reporter::isUserLocation(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return false;
  Loc = userLocation(Loc);
  if (SM.isInMainFile(Loc))
    return true;
  if (!HeaderRegex || SM.isInSystemHeader(Loc) ||
      Excluded.count(SM.getFileID(Loc)))
    return false;
  return HeaderRegex->match(SM.getFilename(Loc));
}

bool Reporter::isUserHeader(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return false;
  Loc = userLocation(Loc);
  return !SM.isInSystemHeader(Loc) && !Excluded.count(SM.getFileID(Loc));
}

llvm::StringRef Reporter::textBefore(SourceLocation Loc) const {
  std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Pos.first, &Invalid);
  return Invalid ? "" : Buffer.take_front(Pos.second);
}

llvm::StringRef
Reporter::textFromFirstBlockDirective(SourceLocation Loc) const {
  llvm::StringRef Before = textBefore(Loc);
  // Scanning the file up to every finding would cost a pass over the file
  // per finding; regions can only open at a NOLINTBEGIN, so start there.
  FileID FID = SM.getFileID(Loc);
  auto [It, Inserted] = FirstBlockDirective.try_emplace(FID, 0);
  if (Inserted) {
    bool Invalid = false;
    It->second = SM.getBufferData(FID, &Invalid).find("NOLINTBEGIN");
  }
  return Before.drop_front(std::min(It->second, Before.size()));
}

llvm::StringRef Reporter::lineText(SourceLocation Loc, int Delta) const {
  std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Pos.first, &Invalid);
  if (Invalid)
    return "";
  unsigned Line = SM.getLineNumber(Pos.first, Pos.second, &Invalid);
  if (Invalid || static_cast<int>(Line) + Delta < 1)
    return "";
  SourceLocation Start =
      SM.translateLineCol(Pos.first, Line + Delta, /*Col=*/1);
  unsigned Offset = SM.getFileOffset(Start);
  llvm::StringRef Rest = Buffer.drop_front(Offset);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

static bool isFileRange(const CharSourceRange &R) {
  return R.getBegin().isFileID() && R.getEnd().isFileID();
}

bool Reporter::report(Finding F) {
  if (!isUserLocation(F.Loc))
    return false;
  F.Loc = userLocation(F.Loc);
  if (F.Range.isValid()) {
    CharSourceRange R = SM.getExpansionRange(F.Range);
    F.Range = R.getAsRange();
  }
  std::vector<Note> Notes;
  for (Note &N : F.Notes)
    if (isUserLocation(N.Loc) ||
        (N.Loc.isFileID() && NoteFiles.count(SM.getFileID(N.Loc))))
      Notes.push_back({userLocation(N.Loc), std::move(N.Message)});
  F.Notes = std::move(Notes);
  std::vector<FixItHint> Fixes;
  for (FixItHint &H : F.FixIts)
    if (isFileRange(H.RemoveRange) &&
        (H.InsertFromRange.isInvalid() || isFileRange(H.InsertFromRange)) &&
        isUserLocation(H.RemoveRange.getBegin()))
      Fixes.push_back(std::move(H));
  F.FixIts = std::move(Fixes);

  std::optional<std::string> By = suppressionFor(lineText(F.Loc, 0), F.Check,
                                                 /*NextLine=*/false);
  if (!By)
    By = suppressionFor(lineText(F.Loc, -1), F.Check, /*NextLine=*/true);
  if (!By)
    By = blockSuppressionFor(textFromFirstBlockDirective(F.Loc), F.Check);
  if (By) {
    F.Suppressed = true;
    F.SuppressedBy = *By;
    ++Suppressed;
  } else {
    ++Reported;
  }
  F.IsError = Opts.WarningsAsErrors;
  Sink.report(F, SM, LO);
  return true;
}

} // namespace sliceguard
