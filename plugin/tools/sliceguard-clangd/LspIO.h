//===- LspIO.h - LSP base protocol framing over file descriptors ----------===//
//
// The framing is split in two: FrameParser turns bytes into message bodies
// and knows nothing of descriptors (the fuzz target feeds it directly);
// MessageReader feeds it from a blocking descriptor.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CLANGD_LSPIO_H
#define SLICEGUARD_CLANGD_LSPIO_H

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace sliceguard {
namespace lsp {

/// The largest message body either side may send: clangd refuses larger
/// ones too (1 << 30 in its JSONTransport), so nothing clangd would accept
/// is ever refused here.
constexpr uint64_t MaxMessageBytes = uint64_t(1) << 30;
/// The longest header block ("Content-Length: N\r\n" and friends) read
/// before giving up on a peer that never ends its headers.
constexpr size_t MaxHeaderBytes = 64 * 1024;

/// Splits a byte stream into LSP message bodies
/// ("Content-Length: N\r\n...\r\n\r\n" + N bytes).  Memory grows with the
/// bytes fed, never with what a header announces, so a huge Content-Length
/// costs nothing until its bytes actually arrive.  After an error the
/// stream cannot be resynchronised and the parser stays failed.
class FrameParser {
public:
  enum class Status { NeedMore, Message, Error };

  void feed(const char *Data, size_t Size);
  /// The next whole message into \p Body, NeedMore, or Error (see error()).
  Status next(std::string &Body);
  /// Why the stream is unusable; empty while it is fine.
  const std::string &error() const { return Error; }
  /// True when bytes of an unfinished message are buffered.
  bool midMessage() const { return Start < Buffer.size(); }

private:
  Status fail(std::string Why);
  bool parseHeaders(size_t HeaderEnd);
  void compact();

  std::string Buffer;
  size_t Start = 0; ///< where the unread bytes begin in Buffer
  /// The body length of the message being read, once its headers are in.
  std::optional<uint64_t> Length;
  std::string Error;
};

/// Reads one message at a time from a blocking descriptor.  Returns nothing
/// at end of stream or on a framing error; error() then says which.
class MessageReader {
public:
  explicit MessageReader(int Fd) : Fd(Fd) {}
  std::optional<std::string> read();
  /// Empty after a clean end of stream, else what was wrong.
  std::string error() const { return Error; }

private:
  int Fd;
  FrameParser Parser;
  std::string Error;
};

/// Writes whole messages; several threads may write to one descriptor.
class MessageWriter {
public:
  explicit MessageWriter(int Fd) : Fd(Fd) {}
  bool write(const std::string &Body);
  /// Closes the descriptor, unless a write has been stuck for 100 ms (the
  /// peer stopped reading): then it stays open, and the caller's next step
  /// (killing the peer) ends the write.
  void close();

private:
  std::timed_mutex Mutex;
  int Fd;
};

} // namespace lsp
} // namespace sliceguard

#endif
