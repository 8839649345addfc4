// Embedded CPython (Debian python3-dev, pkg-config python3-embed). Swift does not import this
// module: Python.h's feature macros (_XOPEN_SOURCE, ...) give libc structs a different shape than
// Swift's Glibc module sees, which clang rejects. The module exists to carry the compiler and
// linker flags; CPythonBridge includes Python.h in C and offers Swift a small opaque-pointer API.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
