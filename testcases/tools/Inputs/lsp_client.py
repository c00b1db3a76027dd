#!/usr/bin/env python3
"""A small LSP client that drives sliceguard-clangd (or clangd) through a
scripted editing session and prints what the editor would see, one line per
fact, for FileCheck.

    lsp_client.py --scenario NAME --dir PROJECT [--transcript FILE] -- SERVER...

Scenarios:
  edit-cycle  open a file with a sliceguard bug and a clangd error, ask for
              code actions, edit the bug away, bring it back, save, type a
              burst of quick edits (debounced into one run), shut down
  broken      open a file that does not parse, check clangd still answers
              (with a crashing worker: clangd's service is unaffected)
  open        open a file, wait for clangd's and sliceguard's diagnostics
  reload      open a file, change its flags file on disk, save: the new
              flags are used
  lifetime    with a worker that never ends (--end says how the session
              ends: exit, eof, term, kill, kill-clangd): the server exits
              and neither clangd nor the worker outlives it
  uri         open a file under an editor's spelling of its URI
              (--quote-uri, --lower-hex): every publish uses that spelling
  encoding    negotiate --encoding, check that sliceguard's range covers the
              right text and that an incremental edit after astral
              characters lands where it should
  deep-json   send a message nested 100,000 levels deep, then go on
  framing     send a bad header (--header) and wait for the server to exit
  out-of-range  an edit outside the text: the document is dropped, as
              clangd drops it
  early-open  open a file before initialize: never checked or published
  cxx         open C++ documents (languageId cpp, -x c++) and a C file
  checked     open a file and wait for the log to say it was checked
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import queue
import time
import urllib.parse

TIMEOUT = float(os.environ.get("SLICEGUARD_LSP_TIMEOUT", "120"))


class Server:
    def __init__(self, argv, transcript):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.seen = []  # every message from the server, in order
        self.next_id = 1
        self.transcript = transcript
        self.log_lines = []
        self.log_changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self):
        """Passes the server's log through to our stderr, keeping the lines
        so a scenario can wait for one (as a user would watch the log)."""
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            sys.stderr.write(line)
            sys.stderr.flush()
            with self.log_changed:
                self.log_lines.append(line)
                self.log_changed.notify_all()

    def wait_log(self, text, what):
        deadline = time.time() + TIMEOUT
        with self.log_changed:
            while not any(text in line for line in self.log_lines):
                left = deadline - time.time()
                if left <= 0:
                    fail("timed out waiting for " + what)
                self.log_changed.wait(left)

    def _log(self, direction, msg):
        if self.transcript:
            self.transcript.write("%s %s\n" % (direction, json.dumps(msg)))
            self.transcript.flush()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = out.read(length)
            msg = json.loads(body)
            self._log("<--", msg)
            self.seen.append(msg)
            self.messages.put(msg)

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        self._log("-->", msg)
        self.send_raw(json.dumps(msg).encode())

    def send_raw(self, body, header=None):
        if header is None:
            header = b"Content-Length: %d\r\n\r\n" % len(body)
        self.proc.stdin.write(header + body)
        self.proc.stdin.flush()

    def wait_exit(self, what):
        """The server's exit status; fails when it does not exit within the
        client's (generous) timeout."""
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail("server did not exit " + what)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m,
                         "response to " + method)

    def wait(self, predicate, what):
        deadline = time.time() + TIMEOUT
        while True:
            left = deadline - time.time()
            if left <= 0:
                fail("timed out waiting for " + what)
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                fail("timed out waiting for " + what)
            if msg is None:
                fail("server closed its output while waiting for " + what)
            if "method" in msg and "id" in msg:
                # Server-to-client requests (progress, configuration): answer
                # like a minimal editor so the server is never kept waiting.
                self.send({"id": msg["id"], "result": None})
                continue
            if predicate(msg):
                return msg


def fail(message):
    print("FAIL: " + message)
    sys.stdout.flush()
    os._exit(1)


def uri_of(path):
    return "file://" + os.path.abspath(path)


def quoted_uri(path, lower_hex):
    """An editor's spelling of a file URI: every character but letters,
    digits, '/', '-', '.', '_' and '~' percent-encoded (VS Code escapes ':'),
    hex digits in lower case if asked."""
    uri = "file://" + urllib.parse.quote(os.path.abspath(path), safe="/")
    if lower_hex:
        uri = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), uri)
    return uri


def publish_for(uri, condition):
    def pred(m):
        return (m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and condition(m["params"]["diagnostics"]))
    return pred


def by_source(diags, source):
    return [d for d in diags if d.get("source") == source]


def show_diagnostics(label, diags):
    print("%s: %d diagnostics (%d sliceguard)" %
          (label, len(diags), len(by_source(diags, "sliceguard"))))
    for d in sorted(diags, key=lambda d: (d["range"]["start"]["line"],
                                          d.get("source", ""))):
        r = d["range"]
        print("  %s %s:%s-%s:%s severity=%s code=%s: %s" % (
            d.get("source"), r["start"]["line"] + 1,
            r["start"]["character"] + 1, r["end"]["line"] + 1,
            r["end"]["character"] + 1, d.get("severity"), d.get("code"),
            d["message"].splitlines()[0]))
        if d.get("codeDescription"):
            print("    href=" + d["codeDescription"]["href"])
        for rel in d.get("relatedInformation", []):
            loc = rel["location"]
            print("    related %s:%d: %s" % (
                os.path.basename(loc["uri"]),
                loc["range"]["start"]["line"] + 1, rel["message"]))


def initialize(server, root, encoding=None):
    capabilities = {
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}},
        },
    }
    if encoding:
        # clangd's extension (clangd 14 to 22 negotiate through it) and
        # LSP 3.17's field.
        capabilities["offsetEncoding"] = [encoding]
        capabilities["general"] = {"positionEncodings": [encoding]}
    resp = server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": uri_of(root),
        "capabilities": capabilities,
    })
    result = resp["result"]
    caps = result["capabilities"]
    print("initialize: codeActionProvider=%s" %
          bool(caps.get("codeActionProvider")))
    server.notify("initialized", {})
    return caps.get("positionEncoding") or result.get("offsetEncoding") \
        or "utf-16"


def open_file(server, path, text, version=1, uri=None, language="c"):
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri or uri_of(path), "languageId": language,
        "version": version, "text": text}})


def shutdown(server):
    resp = server.request("shutdown", None)
    print("shutdown: result=%s" % json.dumps(resp.get("result")))
    server.notify("exit", None)
    try:
        code = server.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        fail("server did not exit after 'exit'")
    print("exit: status=%d" % code)


def read(path):
    with open(path) as f:
        return f.read()


def scenario_edit_cycle(server, args):
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")
                                  and len(ds) > len(by_source(ds, "sliceguard"))),
                      "a publish with clangd's and sliceguard's diagnostics")
    show_diagnostics("open", msg["params"]["diagnostics"])

    ours = by_source(msg["params"]["diagnostics"], "sliceguard")[0]
    resp = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ours["range"],
        "context": {"diagnostics": [ours]}})
    for action in resp.get("result") or []:
        if not isinstance(action, dict) or "edit" not in action:
            continue
        edits = [e for es in action["edit"].get("changes", {}).values()
                 for e in es]
        print("codeAction: kind=%s title=%s" % (action.get("kind"),
                                                action["title"]))
        for e in edits:
            print("  edit %d:%d newText=%s" % (
                e["range"]["start"]["line"] + 1,
                e["range"]["start"]["character"] + 1, json.dumps(e["newText"])))

    fixed = read(os.path.join(args.dir, args.fixed))
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": fixed}]})
    msg = server.wait(publish_for(uri, lambda ds: not by_source(ds, "sliceguard")
                                  and ds),
                      "a publish without sliceguard's diagnostic")
    show_diagnostics("change", msg["params"]["diagnostics"])
    # clangd may publish before the (debounced) checks ran on the new text;
    # the log says when they did.
    server.wait_log("checked %s (version 2)" % args.file,
                    "the checks to run on the edited text")

    # An incremental edit that brings the bug back: exercises range edits.
    old = read(path)
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {
            "start": {"line": 0, "character": 0},
            "end": {"line": len(fixed.split("\n")) - 1,
                    "character": len(fixed.split("\n")[-1])}},
            "text": old}]})
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")),
                      "sliceguard's diagnostic after an incremental edit")
    show_diagnostics("incremental", msg["params"]["diagnostics"])

    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")),
                      "diagnostics after save")
    show_diagnostics("save", msg["params"]["diagnostics"])

    # A line inserted above the finding: the finding moves down with it at
    # once, so the first publish for the new version (clangd's, well within
    # the debounce delay) already has it, one line lower.
    moved = ours["range"]["start"]["line"] + 1
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 4},
        "contentChanges": [{"range": {
            "start": {"line": 0, "character": 0},
            "end": {"line": 0, "character": 0}}, "text": "\n"}]})
    msg = server.wait(
        lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri
                   and m["params"].get("version") == 4),
        "the first publish for the edited text")
    show_diagnostics("inserted line", msg["params"]["diagnostics"])

    # A burst of edits, sent back to back (well within the debounce delay
    # even on a loaded machine): only the last version is checked (the server log shows which), and its finding has moved
    # down one line.
    burst = [fixed, old, "\n" + old]
    for i, text in enumerate(burst):
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 5 + i},
            "contentChanges": [{"text": text}]})
    msg = server.wait(publish_for(uri, lambda ds: any(
        d["range"]["start"]["line"] == moved
        for d in by_source(ds, "sliceguard"))),
        "sliceguard's diagnostic for the last edit of a burst")
    show_diagnostics("burst", msg["params"]["diagnostics"])
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    shutdown(server)


def scenario_open(server, args):
    """Opens a file and shows the first publish that has both clangd's and
    sliceguard's diagnostics: the companion found the file's flags."""
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")
                                  and len(ds) > len(by_source(ds, "sliceguard"))),
                      "a publish with clangd's and sliceguard's diagnostics")
    show_diagnostics("open", msg["params"]["diagnostics"])
    shutdown(server)


def scenario_checked(server, args):
    """Opens a file and waits until the server log says it was checked."""
    path = os.path.join(args.dir, args.file)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    server.wait_log("checked %s (version 1)" % args.file,
                    "the checks to run")
    print("checked")
    shutdown(server)


def scenario_reload(server, args):
    """Opens a file whose flags lack the runtime's include path, then writes
    the flags file given by --flags-file with --flags-text and saves: the
    companion re-reads the changed flags and sliceguard's finding appears."""
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    server.wait_log("checked %s (version 1)" % args.file,
                    "the checks to run with the first flags")
    with open(args.flags_file, "w") as f:
        f.write(args.flags_text.replace("\\n", "\n"))
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")),
                      "sliceguard's diagnostics with the new flags")
    show_diagnostics("reloaded", by_source(msg["params"]["diagnostics"],
                                           "sliceguard"))
    shutdown(server)


def scenario_broken(server, args):
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    msg = server.wait(publish_for(uri, lambda ds: ds), "clangd's diagnostics")
    show_diagnostics("open", msg["params"]["diagnostics"])
    resp = server.request("textDocument/documentSymbol",
                          {"textDocument": {"uri": uri}})
    names = sorted(s["name"] for s in resp.get("result") or [])
    print("documentSymbol: " + " ".join(names))
    shutdown(server)


def children_of(pid):
    """(pid, argv) of the live processes whose parent is \p pid."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        # The command name is parenthesised and may contain anything.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append((int(entry), [a.decode("utf-8", "replace")
                                       for a in argv if a]))
    return found


def alive(pid):
    """True while \p pid exists and is not a zombie (a dead process that
    nobody has reaped yet)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def wait_until(condition, what):
    """Polls \p condition until true; fails after the client's timeout.
    Normally true at once: the bound is for a loaded machine."""
    deadline = time.time() + TIMEOUT
    while not condition():
        if time.time() > deadline:
            fail("timed out waiting for " + what)
        time.sleep(0.05)


def scenario_lifetime(server, args):
    """The worker never finishes (--sliceguard-worker-path points at a
    wrapper that starts the real worker with its test-only spin flag); the
    session ends as --end says, and nothing the server started survives."""
    path = os.path.join(args.dir, args.file)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    if args.end == "cpu-limit":
        # The CPU-time limit stops the worker by itself (SIGXCPU).
        server.wait_log("CPU time limit exceeded", "the CPU limit to strike")
        shutdown(server)
        return
    server_pid = server.proc.pid
    procs = {}

    def find_children():
        for pid, argv in children_of(server_pid):
            if "--sliceguard-test-spin" in argv:
                procs["worker"] = pid
            elif argv and "clangd" in os.path.basename(argv[0]):
                procs["clangd"] = pid
        return len(procs) == 2
    wait_until(find_children, "the worker and clangd to be running")
    print("running: worker and clangd")
    if args.end == "exit":
        resp = server.request("shutdown", None)
        print("shutdown: result=%s" % json.dumps(resp.get("result")))
    started = time.monotonic()
    if args.end == "exit":
        server.notify("exit", None)
    elif args.end == "eof":
        server.proc.stdin.close()
    elif args.end == "term":
        os.kill(server_pid, signal.SIGTERM)
    elif args.end == "kill":
        os.kill(server_pid, signal.SIGKILL)
    elif args.end == "kill-clangd":
        os.kill(procs["clangd"], signal.SIGKILL)
    code = server.wait_exit("after the session ended (%s)" % args.end)
    if args.measure:  # for docs/editors.md; never asserted in a test
        print("latency %s: %.0f ms" % (args.end,
                                       1000 * (time.monotonic() - started)))
    print("exit: status=%d" % code)
    for name in ("worker", "clangd"):
        wait_until(lambda: not alive(procs[name]), "the %s to end" % name)
        print("%s: gone" % name)


def range_text(text, rng, encoding):
    """The text an LSP range covers, counting characters in \p encoding."""
    lines = text.split("\n")

    def offset(pos):
        line = lines[pos["line"]]
        units = pos["character"]
        if encoding == "utf-8":
            return len(line.encode("utf-8")[:units].decode("utf-8"))
        col = 0
        for ch in line:
            if units <= 0:
                break
            units -= 2 if encoding == "utf-16" and ord(ch) > 0xFFFF else 1
            col += 1
        return col
    start, end = rng["start"], rng["end"]
    if start["line"] != end["line"]:
        return "(several lines)"
    line = lines[start["line"]]
    return line[offset(start):offset(end)]


def position_of(text, needle, encoding):
    """The LSP position of the first \p needle in \p text."""
    before = text[:text.index(needle)]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1:]
    if encoding == "utf-8":
        units = len(column.encode("utf-8"))
    elif encoding == "utf-16":
        units = len(column.encode("utf-16-le")) // 2
    else:
        units = len(column)
    return {"line": line, "character": units}


def scenario_encoding(server, args):
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    encoding = initialize(server, args.dir, args.encoding)
    print("encoding: " + encoding)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    open_file(server, path, text)
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")),
                      "sliceguard's diagnostic")
    ours = by_source(msg["params"]["diagnostics"], "sliceguard")[0]
    print("open: sliceguard covers '%s'" %
          range_text(text, ours["range"], encoding))
    for rel in ours.get("relatedInformation", []):
        print("  related covers '%s'" %
              range_text(text, rel["location"]["range"], encoding))
    # Replace the 0 of "ints_append(a, v, 0)", after astral characters on
    # its line: a miscounted position corrupts the server's copy.
    start = position_of(text, "0);", encoding)
    end = dict(start, character=start["character"] + 1)
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": start, "end": end},
                            "text": "7"}]})
    edited = text.replace("0);", "7);", 1)
    msg = server.wait(
        lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri
                   and m["params"].get("version") == 2
                   and by_source(m["params"]["diagnostics"], "sliceguard")),
        "sliceguard's diagnostic for the edited text")
    server.wait_log("checked %s (version 2)" % args.file,
                    "the checks to run on the edited text")
    ours = by_source(msg["params"]["diagnostics"], "sliceguard")[0]
    print("edited: sliceguard covers '%s'" %
          range_text(edited, ours["range"], encoding))
    shutdown(server)


def scenario_uri(server, args):
    path = os.path.join(args.dir, args.file)
    uri = quoted_uri(path, args.lower_hex)
    print("uri: ..." + uri[uri.rindex("/"):])
    initialize(server, args.dir)
    open_file(server, path, read(path), uri=uri)
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")
                                  and len(ds) > len(by_source(ds, "sliceguard"))),
                      "a publish with clangd's and sliceguard's diagnostics")
    show_diagnostics("open", msg["params"]["diagnostics"])
    ours = by_source(msg["params"]["diagnostics"], "sliceguard")[0]
    related = {r["location"]["uri"] for r in ours.get("relatedInformation", [])}
    print("related uris: %s" % ("editor's" if related == {uri} else related))
    resp = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ours["range"],
        "context": {"diagnostics": [ours]}})
    for action in resp.get("result") or []:
        if isinstance(action, dict) and "edit" in action:
            changes = set(action["edit"].get("changes", {}))
            print("fix-it uris: %s" % ("editor's" if changes == {uri}
                                       else changes))
    shutdown(server)
    spellings = {m["params"]["uri"] for m in server.seen
                 if m.get("method") == "textDocument/publishDiagnostics"}
    print("published under: %s" % ("editor's spelling" if spellings == {uri}
                                   else sorted(spellings)))


def scenario_deep_json(server, args):
    path = os.path.join(args.dir, args.file)
    initialize(server, args.dir)
    server.send_raw(b"[" * 100000)
    server.send_raw(b'{"jsonrpc":"2.0","method":"x","params":' +
                    b'{"a":' * 50000 + b"1" + b"}" * 50000 + b"}")
    print("sent: two messages nested 100,000 and 50,000 levels deep")
    open_file(server, path, read(path))
    uri = uri_of(path)
    msg = server.wait(publish_for(uri, lambda ds: by_source(ds, "sliceguard")),
                      "sliceguard's diagnostics")
    show_diagnostics("open", msg["params"]["diagnostics"])
    resp = server.request("textDocument/documentSymbol",
                          {"textDocument": {"uri": uri}})
    names = sorted(s["name"] for s in resp.get("result") or [])
    print("documentSymbol: " + " ".join(names))
    shutdown(server)


def scenario_framing(server, args):
    """A bad frame from the editor: the server says so and exits (the
    stream cannot be resynchronised), without waiting for the bytes a huge
    Content-Length announces.  Its input stays open."""
    initialize(server, args.dir)
    header = args.header.encode().replace(b"\\r\\n", b"\r\n")
    server.send_raw(args.body.encode() + b"x" * args.filler, header=header)
    print("sent: %r" % header)
    code = server.wait_exit("after a bad frame")
    print("exit: status=%d" % code)


def scenario_out_of_range(server, args):
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    server.wait_log("checked %s (version 1)" % args.file,
                    "the first run of the checks")
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {
            "start": {"line": 1000, "character": 0},
            "end": {"line": 1000, "character": 0}}, "text": "x"}]})
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {
            "start": {"line": 0, "character": 500},
            "end": {"line": 0, "character": 500}}, "text": "x"}]})
    # A later file is due after any re-run of the first: once it has been
    # checked, a re-run of the dropped document would have been logged.
    other = os.path.join(args.dir, args.other)
    open_file(server, other, read(other))
    server.wait_log("checked %s (version 1)" % args.other,
                    "the checks to run on the other file")
    print("other file checked")
    shutdown(server)


def scenario_early_open(server, args):
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    open_file(server, path, read(path))
    initialize(server, args.dir)
    first = server.seen[0]
    print("first message: %s" % ("initialize response" if first.get("id") == 1
                                 else json.dumps(first)[:200]))
    other = os.path.join(args.dir, args.other)
    open_file(server, other, read(other))
    server.wait_log("checked %s (version 1)" % args.other,
                    "the checks to run on the file opened after initialize")
    shutdown(server)
    ours = [m for m in server.seen
            if m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and by_source(m["params"]["diagnostics"], "sliceguard")]
    print("sliceguard publishes for the early file: %d" % len(ours))


def scenario_cxx(server, args):
    """Opens --docs (NAME:LANGUAGE,...) in order, then --file, and waits
    for --file to be checked: every document before it has been handled."""
    initialize(server, args.dir)
    docs = [d.split(":") for d in args.docs.split(",")] + [[args.file, "c"]]
    for name, language in docs:
        path = os.path.join(args.dir, name)
        open_file(server, path, read(path), language=language)
    server.wait_log("checked %s (version 1)" % args.file,
                    "the checks to run on the C file")
    shutdown(server)
    shown = [m["params"]["message"] for m in server.seen
             if m.get("method") == "window/showMessage"]
    print("showMessage: %d" % len(shown))
    for text in shown:
        print("  " + text)


def scenario_xtu(server, args):
    """The project summary index: opens main.c of a two-file project; once
    the index has summarised util.c, main.c's diagnostics include the
    findings through util.c's helpers (the first ones did not wait for
    it).  Then util.c is changed on disk to clone and saved: the index
    summarises it again and the finding through with_suffix goes."""
    path = os.path.join(args.dir, args.file)
    uri = uri_of(path)
    initialize(server, args.dir)
    open_file(server, path, read(path))
    server.wait_log("checked %s (version 1)" % args.file, "the first checks")
    print("first diagnostics published")
    msg = server.wait(publish_for(uri, lambda ds: len(by_source(ds, "sliceguard")) == 3),
                      "the findings through util.c's helpers")
    show_diagnostics("indexed", by_source(msg["params"]["diagnostics"], "sliceguard"))
    util = os.path.join(args.dir, "util.c")
    text = read(util).replace("return strs_append(a, base, s);",
                              "return strs_append(a, strs_clone(a, base), s);", 1)
    with open(util, "w") as f:
        f.write(text)
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(util)}})
    msg = server.wait(publish_for(uri, lambda ds: len(by_source(ds, "sliceguard")) == 2),
                      "the findings after util.c was saved")
    show_diagnostics("saved", by_source(msg["params"]["diagnostics"], "sliceguard"))
    shutdown(server)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--scenario", required=True,
                   choices=["edit-cycle", "broken", "open", "reload",
                            "lifetime", "uri", "encoding", "deep-json",
                            "framing", "out-of-range", "early-open", "cxx",
                            "checked", "xtu"])
    p.add_argument("--end", choices=["exit", "eof", "term", "kill",
                                     "kill-clangd", "cpu-limit"],
                   default="exit")
    p.add_argument("--lower-hex", action="store_true")
    p.add_argument("--measure", action="store_true",
                   help="lifetime: print how long the server took to exit")
    p.add_argument("--encoding", choices=["utf-8", "utf-16", "utf-32"])
    p.add_argument("--header", help="raw header, \\r\\n for CR LF")
    p.add_argument("--body", default="")
    p.add_argument("--docs", default="", help="NAME:LANGUAGE,... (cxx)")
    p.add_argument("--filler", type=int, default=0,
                   help="this many bytes of 'x' after --body")
    p.add_argument("--other", default="broken.c",
                   help="a second file, opened later")
    p.add_argument("--flags-file")
    p.add_argument("--flags-text", help="\\n separates lines")
    p.add_argument("--dir", required=True)
    p.add_argument("--file", default="main.c")
    p.add_argument("--fixed", default="main.fixed.c")
    p.add_argument("--transcript")
    p.add_argument("server", nargs=argparse.REMAINDER)
    args = p.parse_args()
    argv = args.server[1:] if args.server[:1] == ["--"] else args.server
    transcript = open(args.transcript, "w") if args.transcript else None
    server = Server(argv, transcript)
    {"edit-cycle": scenario_edit_cycle,
     "broken": scenario_broken,
     "open": scenario_open,
     "reload": scenario_reload,
     "lifetime": scenario_lifetime,
     "uri": scenario_uri,
     "encoding": scenario_encoding,
     "deep-json": scenario_deep_json,
     "framing": scenario_framing,
     "out-of-range": scenario_out_of_range,
     "early-open": scenario_early_open,
     "cxx": scenario_cxx,
     "checked": scenario_checked,
     "xtu": scenario_xtu}[args.scenario](server, args)


if __name__ == "__main__":
    main()
