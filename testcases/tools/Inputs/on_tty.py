#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal (stdout stays a
pipe), then prints what the command wrote to the terminal with carriage
returns and escape characters made visible ("<CR>", "<ESC>"), and finally
"exit=<status>"."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stderr=slave, stdout=subprocess.DEVNULL)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:  # EIO once the last writer has closed the terminal
        break
    if not data:
        break
    chunks.append(data)
status = proc.wait()
text = b"".join(chunks).decode("utf-8", "replace")
# The terminal turns "\n" into "\r\n": undo that before showing the rest.
text = text.replace("\r\n", "\n").replace("\r", "<CR>").replace("\x1b", "<ESC>")
sys.stdout.write(text)
print("exit=%d" % status)
