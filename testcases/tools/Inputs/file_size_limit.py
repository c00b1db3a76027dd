#!/usr/bin/env python3
"""Runs a command with the largest file it may write limited to BYTES
(RLIMIT_FSIZE, SIGXFSZ ignored so a write past it fails with EFBIG instead
of killing the process), then prints "exit=<status>" like exit_code.py.
A deterministic way to make a report fail half-way through.

usage: file_size_limit.py BYTES COMMAND..."""
import resource
import signal
import subprocess
import sys

limit = int(sys.argv[1])


def limit_writes():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


status = subprocess.call(sys.argv[2:], preexec_fn=limit_writes)
sys.stdout.flush()
print("exit=%d" % status)
