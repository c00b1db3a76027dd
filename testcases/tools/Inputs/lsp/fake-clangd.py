#!/usr/bin/env python3
"""Stands in for clangd where a test must see what the companion alone
does (clangd 19 itself writes --serialize-diagnostics files and a module
cache): answers every request with an empty result, publishes nothing, and
exits on "exit" (0 after shutdown, else 1) or at end of input (1)."""
import json
import sys

inp, out = sys.stdin.buffer, sys.stdout.buffer
shutdown = False
while True:
    length = None
    while True:
        line = inp.readline()
        if not line:
            sys.exit(1)
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    msg = json.loads(inp.read(length))
    method = msg.get("method")
    if method == "exit":
        sys.exit(0 if shutdown else 1)
    if method == "shutdown":
        shutdown = True
    if "id" in msg and method:
        result = {"capabilities": {}} if method == "initialize" else None
        body = json.dumps({"jsonrpc": "2.0", "id": msg["id"],
                           "result": result}).encode()
        out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        out.flush()
