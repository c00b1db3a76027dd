#!/bin/sh
# Stands in for sliceguard-clangd's worker: becomes the real worker (exec
# keeps the process, so the companion stays its parent) with the test-only
# flag that makes it spin after setting up its limits, like a check that
# never ends.  SLICEGUARD_CLANGD names the companion's executable.
exec "$SLICEGUARD_CLANGD" "$@" --sliceguard-test-spin
