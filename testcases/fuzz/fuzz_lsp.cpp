// fuzz_lsp.cpp - libFuzzer target: sliceguard-clangd's LSP framing and JSON
// layer (FrameParser, parseLimited, the URI, position and edit code that
// keeps the companion's copy of every open document).
//
// The input is an LSP byte stream, as an editor would send it, after one
// byte that picks the position encoding and the chunk sizes the stream
// arrives in.  Every step is checked against a property, not just run:
//   * the messages do not depend on how the stream was cut into reads, and
//     framing them again gives the same messages back;
//   * parseLimited agrees with llvm::json::parse wherever the latter can
//     run (nesting within the limit), and refuses everything deeper;
//   * every spelling of a file URI has one document key, and a path
//     survives pathToUri and uriToPath;
//   * a refused edit leaves the text as it was; positions and characters
//     convert back and forth in every encoding.
//
// It is built here, not by CMake, because libFuzzer needs clang while the
// tools may be built with gcc; it compiles the companion's own sources.
//
// REQUIRES: libfuzzer
// RUN: rm -rf %t.dir && mkdir -p %t.dir/new
// RUN: %fuzz_cxx -g -O1 -fsanitize=fuzzer,address,undefined \
// RUN:   -fno-sanitize-recover=all %llvm_cxxflags \
// RUN:   -I%src_root/plugin/tools/sliceguard-clangd \
// RUN:   -I%src_root/plugin/tools/common %s \
// RUN:   %src_root/plugin/tools/sliceguard-clangd/LspIO.cpp \
// RUN:   %src_root/plugin/tools/sliceguard-clangd/Documents.cpp \
// RUN:   %src_root/plugin/tools/common/JsonLimits.cpp \
// RUN:   %llvm_libs -o %t.dir/fuzz_lsp
// Replay the committed corpus, then a fixed number of runs from it with a
// fixed seed (the same inputs on every CI run):
// RUN: %t.dir/fuzz_lsp -runs=0 %S/corpus/fuzz_lsp 2>&1 | FileCheck %s
// RUN: %t.dir/fuzz_lsp -runs=20000 -seed=1 -max_len=4096 -timeout=20 \
// RUN:   -rss_limit_mb=2048 -print_final_stats=1 %t.dir/new \
// RUN:   %S/corpus/fuzz_lsp 2>&1 | FileCheck %s --check-prefix=FUZZ
// CHECK: INITED
// CHECK: Done {{[0-9]+}} runs
// FUZZ: Done 20000 runs
// FUZZ: stat::number_of_executed_units: 20000
#include "Documents.h"
#include "JsonHelpers.h"
#include "JsonLimits.h"
#include "LspIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sliceguard;
using namespace sliceguard::lsp;

namespace {

[[noreturn]] void failed(const char *What) {
  std::fprintf(stderr, "fuzz_lsp: property violated: %s\n", What);
  std::abort();
}

void require(bool Holds, const char *What) {
  if (!Holds)
    failed(What);
}

struct Framed {
  std::vector<std::string> Bodies;
  std::string Error;
};

/// The messages of \p Stream, read in chunks whose sizes come from \p Seed
/// (0: all at once).
Framed frame(const std::string &Stream, unsigned Seed) {
  FrameParser P;
  Framed Out;
  size_t Pos = 0;
  unsigned State = Seed;
  std::string Body;
  for (;;) {
    FrameParser::Status S;
    while ((S = P.next(Body)) == FrameParser::Status::Message)
      Out.Bodies.push_back(Body);
    if (S == FrameParser::Status::Error || Pos == Stream.size())
      break;
    State = State * 1103515245u + 12345u;
    size_t Chunk = Seed ? 1 + (State >> 16) % 97 : Stream.size();
    Chunk = std::min(Chunk, Stream.size() - Pos);
    P.feed(Stream.data() + Pos, Chunk);
    Pos += Chunk;
  }
  Out.Error = P.error();
  return Out;
}

std::string reframe(const std::vector<std::string> &Bodies) {
  std::string Stream;
  for (const std::string &B : Bodies)
    Stream += "Content-Length: " + std::to_string(B.size()) + "\r\n\r\n" + B;
  return Stream;
}

/// A path for \p Uri under two other spellings: what clangd would write,
/// and every escape's hex digits in lower case.
void checkUri(llvm::StringRef Uri) {
  std::string Path = uriToPath(Uri);
  if (Path.empty())
    return;
  require(uriToPath(pathToUri(Path)) == Path, "uriToPath(pathToUri(p)) == p");
  require(documentKey(pathToUri(Path)) == documentKey(Uri),
          "one key for clangd's spelling");
  std::string Lower = Uri.str();
  for (size_t I = 0; I + 2 < Lower.size(); ++I)
    if (Lower[I] == '%' && llvm::isHexDigit(Lower[I + 1]) &&
        llvm::isHexDigit(Lower[I + 2])) {
      Lower[I + 1] = llvm::toLower(Lower[I + 1]);
      Lower[I + 2] = llvm::toLower(Lower[I + 2]);
      I += 2;
    }
  require(documentKey(Lower) == documentKey(Uri),
          "one key for lower-case escapes");
}

/// offsetOf and characterOf agree: the character count of the byte offset
/// of a position is the position's character, rounded up to the end of a
/// character it points into.
void checkPosition(const std::string &Text, int64_t Line, int64_t Character,
                   Encoding Enc) {
  std::optional<size_t> Offset = offsetOf(Text, Line, Character, Enc);
  if (!Offset)
    return;
  require(*Offset <= Text.size(), "offset inside the text");
  llvm::StringRef LineText = lineOf(Text, Line + 1);
  size_t LineStart = LineText.data() - Text.data();
  require(*Offset >= LineStart && *Offset <= LineStart + LineText.size(),
          "offset on its line");
  unsigned Back = characterOf(LineText, *Offset - LineStart + 1, Enc);
  require(Back >= Character && Back < Character + 4,
          "characterOf inverts offsetOf");
}

void checkChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding Enc) {
  if (const llvm::json::Object *Range = Change.getObject("range"))
    for (const char *End : {"start", "end"})
      if (const llvm::json::Object *P = Range->getObject(End))
        checkPosition(Text, tools::intOr(P, "line", 0),
                      tools::intOr(P, "character", 0), Enc);
  (void)lineEditOf(Change);
  std::string Before = Text;
  if (!applyChange(Text, Change, Enc))
    require(Text == Before, "a refused change leaves the text alone");
}

/// Plays the document notifications of one message on \p Text.
void play(const llvm::json::Value &V, std::string &Text, Encoding Enc) {
  const llvm::json::Object *Msg = V.getAsObject();
  if (!Msg)
    return;
  const llvm::json::Object *Params = Msg->getObject("params");
  const llvm::json::Object *Doc =
      Params ? Params->getObject("textDocument") : nullptr;
  if (auto Uri = tools::getStr(Doc, "uri"))
    checkUri(*Uri);
  auto Method = tools::getStr(Msg, "method");
  if (!Method)
    return;
  if (*Method == "textDocument/didOpen") {
    if (auto T = tools::getStr(Doc, "text"))
      Text = *T;
  } else if (*Method == "textDocument/didChange" && Params) {
    if (const llvm::json::Array *Changes = Params->getArray("contentChanges"))
      for (const llvm::json::Value &C : *Changes)
        if (const llvm::json::Object *Change = C.getAsObject())
          checkChange(Text, *Change, Enc);
  }
}

void checkJson(const std::string &Body, std::string &Text, Encoding Enc) {
  auto Limited = tools::parseLimited(Body);
  bool Deep =
      tools::jsonNestingDepth(Body, tools::MaxJsonDepth) > tools::MaxJsonDepth;
  if (Deep) {
    require(!Limited, "parseLimited refuses deep JSON");
    llvm::consumeError(Limited.takeError());
    return;
  }
  auto Plain = llvm::json::parse(Body);
  require(bool(Limited) == bool(Plain), "parseLimited agrees with parse");
  if (!Limited) {
    llvm::consumeError(Limited.takeError());
    llvm::consumeError(Plain.takeError());
    return;
  }
  require(*Limited == *Plain, "parseLimited gives parse's value");
  play(*Limited, Text, Enc);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size < 1)
    return 0;
  Encoding Enc = Data[0] % 3 == 0   ? Encoding::Utf8
                 : Data[0] % 3 == 1 ? Encoding::Utf16
                                    : Encoding::Utf32;
  std::string Stream(reinterpret_cast<const char *>(Data) + 1, Size - 1);

  Framed Whole = frame(Stream, 0);
  Framed Chunked = frame(Stream, Data[0] | 1);
  require(Whole.Bodies == Chunked.Bodies, "messages independent of chunking");
  require(Whole.Error == Chunked.Error, "errors independent of chunking");
  for (const std::string &B : Whole.Bodies)
    require(B.size() <= MaxMessageBytes, "bodies within the limit");
  Framed Again = frame(reframe(Whole.Bodies), 7);
  require(Again.Bodies == Whole.Bodies && Again.Error.empty(),
          "framing again gives the same messages");

  std::string Text;
  for (const std::string &B : Whole.Bodies)
    checkJson(B, Text, Enc);
  return 0;
}
