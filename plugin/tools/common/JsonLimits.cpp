//===- JsonLimits.cpp - parse JSON that may come from an attacker ---------===//
#include "JsonLimits.h"
#include "llvm/Support/ConvertUTF.h"
#include <string>
#include <vector>

namespace sliceguard {
namespace tools {

unsigned jsonNestingDepth(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0, Deepest = 0;
  bool InString = false;
  for (size_t I = 0, N = Text.size(); I < N; ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I; // the escaped character cannot end the string
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Deepest && (Deepest = Depth) > Limit)
        return Deepest;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return Deepest;
}

llvm::Expected<llvm::json::Value> parseLimited(llvm::StringRef Text) {
  if (jsonNestingDepth(Text, MaxJsonDepth) > MaxJsonDepth)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "JSON nested deeper than %u levels",
                                   MaxJsonDepth);
  return llvm::json::parse(Text);
}

namespace {

/// The iterative reader behind scanJson: an explicit stack instead of
/// recursion, one frame per open container.
class Scanner {
public:
  Scanner(llvm::StringRef Text,
          llvm::function_ref<llvm::Error(const JsonEvent &)> OnEvent)
      : Text(Text), OnEvent(OnEvent) {}

  llvm::Error run() {
    size_t BadByte = 0;
    if (!llvm::json::isUTF8(Text, &BadByte))
      return errorAt(BadByte, "Invalid UTF-8 sequence");
    skipSpace();
    if (llvm::Error E = value())
      return E;
    while (!Stack.empty())
      if (llvm::Error E = step())
        return E;
    skipSpace();
    if (Pos != Text.size())
      return error("Text after end of document");
    return llvm::Error::success();
  }

private:
  struct Frame {
    bool IsObject;
    bool AfterValue = false; ///< else just opened
    std::string OwnKey;      ///< this container's key in its parent
    std::string Key;         ///< key of the member being read (objects)
  };

  llvm::Error errorAt(size_t Offset, llvm::StringRef Message) const {
    unsigned Line = 1;
    size_t LineStart = 0;
    for (size_t I = 0; I < Offset && I < Text.size(); ++I)
      if (Text[I] == '\n') {
        ++Line;
        LineStart = I + 1;
      }
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "[%u:%zu, byte=%zu]: %s", Line,
        Offset - LineStart, Offset, Message.str().c_str());
  }
  llvm::Error error(llvm::StringRef Message) const {
    return errorAt(Pos, Message);
  }

  bool atEnd() const { return Pos >= Text.size(); }
  char peek() const { return atEnd() ? 0 : Text[Pos]; }
  void skipSpace() {
    while (!atEnd() && (Text[Pos] == ' ' || Text[Pos] == '\t' ||
                        Text[Pos] == '\n' || Text[Pos] == '\r'))
      ++Pos;
  }

  llvm::StringRef currentKey() const {
    return !Stack.empty() && Stack.back().IsObject
               ? llvm::StringRef(Stack.back().Key)
               : llvm::StringRef();
  }

  llvm::Error emit(JsonEvent::Kind What, llvm::StringRef Key,
                   llvm::StringRef Spelling) {
    // For an End the frame is popped already: the depth its Begin had.
    return OnEvent(JsonEvent{What, unsigned(Stack.size()), Key, Spelling});
  }

  /// One step inside the innermost container: a member or element, or
  /// its end.
  llvm::Error step() {
    skipSpace();
    Frame &F = Stack.back();
    char Close = F.IsObject ? '}' : ']';
    if (peek() == Close) {
      ++Pos;
      std::string Key = std::move(F.OwnKey);
      bool WasObject = F.IsObject;
      Stack.pop_back();
      return emit(WasObject ? JsonEvent::EndObject : JsonEvent::EndArray, Key,
                  {});
    }
    if (F.AfterValue) {
      if (peek() != ',')
        return error(F.IsObject ? "Expected , or } after object property"
                                : "Expected , or ] after array element");
      ++Pos;
      skipSpace();
    }
    if (F.IsObject) {
      if (peek() != '"')
        return error("Expected object key");
      ++Pos;
      std::string Key;
      if (llvm::Error E = string(Key))
        return E;
      skipSpace();
      if (peek() != ':')
        return error("Expected : after object key");
      ++Pos;
      skipSpace();
      Stack.back().Key = std::move(Key);
    }
    Stack.back().AfterValue = true;
    return value();
  }

  /// A value at Pos: a scalar whole, or a container's opening.
  llvm::Error value() {
    std::string Key = currentKey().str();
    char C = peek();
    if (atEnd())
      return error("Unexpected EOF");
    if (C == '{' || C == '[') {
      if (Stack.size() >= MaxJsonDepth)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "JSON nested deeper than %u levels",
                                       MaxJsonDepth);
      ++Pos;
      Frame F;
      F.IsObject = C == '{';
      F.OwnKey = Key;
      Stack.push_back(std::move(F));
      // Depth of the value itself: the stack below its own frame.
      return OnEvent(
          JsonEvent{C == '{' ? JsonEvent::BeginObject : JsonEvent::BeginArray,
                    unsigned(Stack.size() - 1),
                    Key,
                    {}});
    }
    if (C == '"') {
      ++Pos;
      std::string S;
      if (llvm::Error E = string(S))
        return E;
      return emit(JsonEvent::String, Key, S);
    }
    for (llvm::StringRef Literal : {"true", "false", "null"})
      if (Text.substr(Pos, Literal.size()) == Literal) {
        Pos += Literal.size();
        return emit(Literal == "null" ? JsonEvent::Null : JsonEvent::Bool, Key,
                    Literal);
      }
    if (C == '-' || (C >= '0' && C <= '9'))
      return number(Key);
    return error("Invalid JSON value");
  }

  bool digits() {
    size_t Start = Pos;
    while (!atEnd() && Text[Pos] >= '0' && Text[Pos] <= '9')
      ++Pos;
    return Pos > Start;
  }

  /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  llvm::Error number(llvm::StringRef Key) {
    size_t Start = Pos;
    if (peek() == '-')
      ++Pos;
    if (peek() == '0')
      ++Pos;
    else if (!digits())
      return error("Invalid JSON value (number?)");
    if (peek() == '.') {
      ++Pos;
      if (!digits())
        return error("Invalid JSON value (number?)");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++Pos;
      if (peek() == '+' || peek() == '-')
        ++Pos;
      if (!digits())
        return error("Invalid JSON value (number?)");
    }
    return emit(JsonEvent::Number, Key, Text.slice(Start, Pos));
  }

  bool hex4(uint32_t &Out) {
    if (Text.size() - Pos < 4)
      return false;
    Out = 0;
    for (int I = 0; I < 4; ++I) {
      char C = Text[Pos + I];
      unsigned D = (C >= '0' && C <= '9')   ? C - '0'
                   : (C >= 'a' && C <= 'f') ? C - 'a' + 10
                   : (C >= 'A' && C <= 'F') ? C - 'A' + 10
                                            : 16;
      if (D == 16)
        return false;
      Out = Out * 16 + D;
    }
    Pos += 4;
    return true;
  }

  static void appendUtf8(uint32_t CodePoint, std::string &Out) {
    char Buffer[4];
    char *End = Buffer;
    llvm::ConvertCodePointToUTF8(CodePoint, End);
    Out.append(Buffer, End);
  }

  /// After "\u": one code point, or a surrogate pair; what is not a valid
  /// pair becomes U+FFFD, as in llvm::json (RFC 8259 section 8.2).
  llvm::Error unicodeEscape(std::string &Out) {
    uint32_t First = 0;
    if (!hex4(First))
      return error("Invalid \\u escape sequence");
    while (true) {
      if (First < 0xD800 || First >= 0xE000) {
        appendUtf8(First, Out);
        return llvm::Error::success();
      }
      if (First >= 0xDC00 || Text.substr(Pos, 2) != "\\u") {
        appendUtf8(0xFFFD, Out);
        return llvm::Error::success();
      }
      Pos += 2;
      uint32_t Second = 0;
      if (!hex4(Second))
        return error("Invalid \\u escape sequence");
      if (Second < 0xDC00 || Second >= 0xE000) {
        appendUtf8(0xFFFD, Out);
        First = Second;
        continue;
      }
      appendUtf8(0x10000 + ((First - 0xD800) << 10) + (Second - 0xDC00), Out);
      return llvm::Error::success();
    }
  }

  /// After the opening quote: the decoded string, Pos past its end.
  llvm::Error string(std::string &Out) {
    while (true) {
      if (atEnd())
        return error("Unterminated string");
      char C = Text[Pos++];
      if (C == '"')
        return llvm::Error::success();
      if ((unsigned char)C < 0x20)
        return errorAt(Pos - 1, "Control character in string");
      if (C != '\\') {
        Out += C;
        continue;
      }
      if (atEnd())
        return error("Unterminated string");
      char E = Text[Pos++];
      switch (E) {
      case '"':
      case '\\':
      case '/':
        Out += E;
        break;
      case 'b':
        Out += '\b';
        break;
      case 'f':
        Out += '\f';
        break;
      case 'n':
        Out += '\n';
        break;
      case 'r':
        Out += '\r';
        break;
      case 't':
        Out += '\t';
        break;
      case 'u':
        if (llvm::Error Err = unicodeEscape(Out))
          return Err;
        break;
      default:
        return errorAt(Pos - 1, "Invalid escape sequence");
      }
    }
  }

  llvm::StringRef Text;
  llvm::function_ref<llvm::Error(const JsonEvent &)> OnEvent;
  size_t Pos = 0;
  std::vector<Frame> Stack;
};

} // namespace

llvm::Error
scanJson(llvm::StringRef Text,
         llvm::function_ref<llvm::Error(const JsonEvent &)> OnEvent) {
  return Scanner(Text, OnEvent).run();
}

} // namespace tools
} // namespace sliceguard
