#!/usr/bin/env python3
"""Runs a command with its address space limited to MEGABYTES
(RLIMIT_AS), then prints "exit=<status>" like exit_code.py.  A reader
whose memory does not follow its input fails under it deterministically.

usage: address_space_limit.py MEGABYTES COMMAND..."""
import resource
import subprocess
import sys

limit = int(sys.argv[1]) * 1024 * 1024


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


status = subprocess.call(sys.argv[2:], preexec_fn=limit_memory)
sys.stdout.flush()
print("exit=%d" % status)
