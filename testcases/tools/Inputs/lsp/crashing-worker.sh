#!/bin/sh
# Stands in for sliceguard-clangd's worker: reads the request, then dies the
# way a crashing check would.
cat > /dev/null
kill -SEGV $$
