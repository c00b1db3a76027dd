# lit configuration shared by every suite under testcases/.
#
# Substitutions (use these, never hard-coded paths):
#   %clang          the clang the plugin was built for
#   %sg_inc         -I<runtime-headers>
#   %sg_plugin      -fplugin=<libsliceguard.so>
#   %sg_verify      %clang -fsyntax-only %sg_inc %sg_plugin -Xclang -verify
#   %sg_cflags      -std=c11 -Wall -Wextra -Wpedantic -Werror
#   %sanitize       -fsanitize=address,undefined -fno-sanitize-recover=all -g
#   %sg_check       the sliceguard-check driver
#   %sg_clangd      the sliceguard-clangd companion
#   %clangd         the clangd matching %clang
#   %python         the Python interpreter
#   %go             the Go toolchain (the oracle), when installed
#   %src_root       the source tree
#   %llvm_major     the LLVM major the plugin was built for (14, 19, 22)
#   FileCheck, not  from the same LLVM
# Features: plugin, tools, clangd, go, llvm-<major>.
import os
import lit.formats

config.name = "sliceguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test", ".sh"]
config.excludes = ["Inputs", "inputs", "corpus", "lit.cfg.py", "lit.local.cfg"]

site = lit_config.params.get("sliceguard_site")
if not site:
    lit_config.fatal("run through CTest, or pass --param sliceguard_site=<build>/testcases/lit.site.cfg.py")
lit_config.load_config(config, site)

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.sliceguard_obj_root, "testcases")

# Sanitizer runtimes print through these; keep output deterministic.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "HOME", "TMPDIR", "GOCACHE",
            "GOPATH", "GOFLAGS", "GOTOOLCHAIN"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

llvm_bin = os.path.dirname(config.filecheck)
plugin = config.sliceguard_plugin
tools = config.sliceguard_tools_dir
inc = "-I" + config.sliceguard_runtime_include
plugin_flag = "-fplugin=" + plugin if plugin else ""

config.substitutions.extend([
    ("%sg_verify", "%s -fsyntax-only %s %s -Xclang -verify" % (config.clang, inc, plugin_flag)),
    ("%sg_plugin", plugin_flag),
    ("%sg_inc", inc),
    ("%sg_cflags", "-std=c11 -Wall -Wextra -Wpedantic -Werror"),
    ("%sanitize", "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"),
    ("%sg_check", os.path.join(tools, "sliceguard-check")),
    ("%sg_clangd", os.path.join(tools, "sliceguard-clangd")),
    ("%clangd", config.clangd),
    ("%clang", config.clang),
    ("%python", config.python),
    ("%go", config.go or "go-not-found"),
    ("%src_root", config.sliceguard_src_root),
    ("%llvm_major", config.sliceguard_llvm_version),
    ("FileCheck", config.filecheck),
    ("not ", os.path.join(llvm_bin, "not") + " "),
])

config.available_features.add("llvm-" + config.sliceguard_llvm_version)
if plugin and os.path.exists(plugin):
    config.available_features.add("plugin")
if os.path.exists(os.path.join(tools, "sliceguard-check")):
    config.available_features.add("tools")
if config.clangd and os.path.exists(config.clangd):
    config.available_features.add("clangd")
if config.go and os.path.exists(config.go):
    config.available_features.add("go")

# Library models (testcases/models) are tested against the real headers.
import subprocess
try:
    glib_cflags = subprocess.run(["pkg-config", "--cflags", "glib-2.0"],
                                 capture_output=True, text=True, check=True
                                 ).stdout.strip()
    config.available_features.add("glib")
except (OSError, subprocess.CalledProcessError):
    glib_cflags = ""
config.substitutions.append(("%glib_cflags", glib_cflags))
if os.path.exists("/usr/include/utarray.h"):
    config.available_features.add("utarray")
