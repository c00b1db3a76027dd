//===- LspIO.cpp ----------------------------------------------------------===//
#include "LspIO.h"
#include "llvm/ADT/StringRef.h"
#include <cerrno>
#include <chrono>
#include <cstring>
#include <unistd.h>

namespace sliceguard {
namespace lsp {

void FrameParser::feed(const char *Data, size_t Size) {
  if (Error.empty())
    Buffer.append(Data, Size);
}

FrameParser::Status FrameParser::fail(std::string Why) {
  Error = std::move(Why);
  Buffer.clear();
  Start = 0;
  return Status::Error;
}

/// Drops the bytes already handed out, once they are most of the buffer:
/// erasing after every message would make a burst of small messages cost
/// quadratic time.
void FrameParser::compact() {
  if (Start > Buffer.size() / 2) {
    Buffer.erase(0, Start);
    Start = 0;
  }
}

/// Reads the header block that ends at \p HeaderEnd (the "\r\n\r\n").
/// Header names are case-insensitive; headers other than Content-Length
/// (Content-Type) are allowed and ignored, as the base protocol says.
bool FrameParser::parseHeaders(size_t HeaderEnd) {
  llvm::StringRef Headers =
      llvm::StringRef(Buffer).slice(Start, HeaderEnd + 2); // keep last "\r\n"
  while (!Headers.empty()) {
    auto [Line, Rest] = Headers.split("\r\n");
    Headers = Rest;
    auto [Name, Value] = Line.split(':');
    if (!Name.trim().equals_insensitive("content-length"))
      continue;
    Value = Value.trim();
    uint64_t N = 0;
    // Digits only: getAsInteger would also take "0x10" or "-1", and an
    // overflowing number must be an error, not a wrapped length.
    if (Value.empty() ||
        Value.find_first_not_of("0123456789") != llvm::StringRef::npos) {
      fail("bad Content-Length '" + Value.take_front(40).str() + "'");
      return false;
    }
    if (Value.size() > 19 || Value.getAsInteger(10, N) || N > MaxMessageBytes) {
      fail("refusing a message of " + Value.take_front(40).str() +
           " bytes (the limit is " + std::to_string(MaxMessageBytes) + ")");
      return false;
    }
    Length = N;
  }
  if (!Length) {
    fail("a message without Content-Length");
    return false;
  }
  return true;
}

FrameParser::Status FrameParser::next(std::string &Body) {
  if (!Error.empty())
    return Status::Error;
  if (!Length) {
    llvm::StringRef Unread = llvm::StringRef(Buffer).substr(Start);
    size_t End = Unread.find("\r\n\r\n");
    if (End == llvm::StringRef::npos) {
      if (Unread.size() > MaxHeaderBytes)
        return fail("message headers longer than " +
                    std::to_string(MaxHeaderBytes) + " bytes");
      return Status::NeedMore;
    }
    if (End > MaxHeaderBytes)
      return fail("message headers longer than " +
                  std::to_string(MaxHeaderBytes) + " bytes");
    if (!parseHeaders(Start + End))
      return Status::Error;
    Start += End + 4;
  }
  if (Buffer.size() - Start < *Length)
    return Status::NeedMore;
  Body.assign(Buffer, Start, *Length);
  Start += *Length;
  Length.reset();
  compact();
  return Status::Message;
}

std::optional<std::string> MessageReader::read() {
  std::string Body;
  for (;;) {
    switch (Parser.next(Body)) {
    case FrameParser::Status::Message:
      return Body;
    case FrameParser::Status::Error:
      Error = Parser.error();
      return std::nullopt;
    case FrameParser::Status::NeedMore:
      break;
    }
    char Chunk[65536];
    ssize_t N = ::read(Fd, Chunk, sizeof Chunk);
    if (N > 0) {
      Parser.feed(Chunk, N);
    } else if (N < 0 && errno == EINTR) {
      continue;
    } else {
      if (N < 0)
        Error = std::string("read failed: ") + std::strerror(errno);
      else if (Parser.midMessage())
        Error = "the stream ended inside a message";
      return std::nullopt;
    }
  }
}

static bool writeAll(int Fd, const char *Data, size_t Size) {
  while (Size) {
    ssize_t N = ::write(Fd, Data, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Size -= N;
  }
  return true;
}

bool MessageWriter::write(const std::string &Body) {
  std::string Frame =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  std::lock_guard<std::timed_mutex> Lock(Mutex);
  return Fd >= 0 && writeAll(Fd, Frame.data(), Frame.size());
}

void MessageWriter::close() {
  std::unique_lock<std::timed_mutex> Lock(Mutex, std::defer_lock);
  if (!Lock.try_lock_for(std::chrono::milliseconds(100)))
    return;
  if (Fd >= 0)
    ::close(Fd);
  Fd = -1;
}

} // namespace lsp
} // namespace sliceguard
