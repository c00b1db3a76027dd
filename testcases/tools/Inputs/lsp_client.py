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
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import queue
import time

TIMEOUT = float(os.environ.get("SLICEGUARD_LSP_TIMEOUT", "120"))


class Server:
    def __init__(self, argv, transcript):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
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
            self.messages.put(msg)

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        self._log("-->", msg)
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

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


def initialize(server, root):
    resp = server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": uri_of(root),
        "capabilities": {
            "textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}},
            },
        },
    })
    caps = resp["result"]["capabilities"]
    print("initialize: codeActionProvider=%s" %
          bool(caps.get("codeActionProvider")))
    server.notify("initialized", {})


def open_file(server, path, text, version=1):
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri_of(path), "languageId": "c", "version": version,
        "text": text}})


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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--scenario", required=True,
                   choices=["edit-cycle", "broken", "open", "reload"])
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
     "reload": scenario_reload}[args.scenario](server, args)


if __name__ == "__main__":
    main()
