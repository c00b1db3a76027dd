/* sliceguard/markers.h - the marker vocabulary the Clang plugin reads.
 *
 * The plugin recognises slices, maps and their operations by these markers,
 * never by the names a user picked when instantiating a template.  Any
 * container API that carries the same markers gets the same checks (see
 * docs/annotations.md).
 *
 * Markers must cost nothing: no generated code, no warning under gcc or
 * clang.  That rules out `annotate` on functions, because clang records an
 * annotated function in `llvm.global.annotations` and keeps its body alive
 * even after inlining.  So:
 *
 *   - types carry `annotate("sliceguard:type:<kind>")`; clang emits nothing
 *     for annotations on records and fields;
 *   - operations carry `diagnose_if(0, "sliceguard:op:<kind>", "warning")`:
 *     a condition that is constant false never fires and generates nothing,
 *     the attribute is inherited by later redeclarations and it works on a
 *     prototype whose body lives in another translation unit.
 *
 * Other compilers see empty macros.
 */
#ifndef SLICEGUARD_MARKERS_H
#define SLICEGUARD_MARKERS_H

#if defined(__clang__)
#define SG_MARK_TYPE(kind) __attribute__((annotate("sliceguard:type:" #kind)))
#define SG_MARK_FIELD(role) __attribute__((annotate("sliceguard:field:" #role)))
#define SG_MARK_OP(kind)                                                       \
  __attribute__((diagnose_if(0, "sliceguard:op:" #kind, "warning")))
/* diagnose_if is a clang extension and clang says so under -Wgcc-compat;
 * headers that use SG_MARK_OP wrap their declarations in these two. */
#define SG_MARKERS_BEGIN                                                       \
  _Pragma("clang diagnostic push")                                             \
      _Pragma("clang diagnostic ignored \"-Wgcc-compat\"")
#define SG_MARKERS_END _Pragma("clang diagnostic pop")
#else
#define SG_MARK_TYPE(kind)
#define SG_MARK_FIELD(role)
#define SG_MARK_OP(kind)
#define SG_MARKERS_BEGIN
#define SG_MARKERS_END
#endif

#endif /* SLICEGUARD_MARKERS_H */
