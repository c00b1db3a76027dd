#!/usr/bin/env python3
"""Runs a command, passes its stdout/stderr through, then prints
"exit=<status>" on stdout so a test can FileCheck the exact exit status."""
import subprocess
import sys

status = subprocess.call(sys.argv[1:])
sys.stdout.flush()
print("exit=%d" % status)
