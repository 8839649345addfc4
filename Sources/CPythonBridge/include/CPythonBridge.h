#ifndef BPMNRUN_CPYTHON_BRIDGE_H
#define BPMNRUN_CPYTHON_BRIDGE_H
// The part of the CPython C API bpmnrun uses, with PyObject opaque. Each bpy_X is a direct call
// of the CPython function or macro X with the same semantics (new/borrowed/stolen references,
// error returns); see the CPython C API documentation. Everything except bpy_initialize and
// bpy_PyGILState_Ensure must be called holding the GIL.
#include <stddef.h>

typedef struct _object PyObject;

#ifdef __cplusplus
extern "C" {
#endif

/// Starts an isolated interpreter (no environment variables, no site import, no signal handlers,
/// no .pyc writing) and releases the GIL. Returns 0, or -1 with a message in `error`.
int bpy_initialize(char *error, size_t error_size);
int bpy_Py_IsInitialized(void);

int bpy_PyGILState_Ensure(void);
void bpy_PyGILState_Release(int state);
unsigned long bpy_PyThread_get_thread_ident(void);
int bpy_PyThreadState_SetAsyncExc(unsigned long thread_id, PyObject *exception);

PyObject *bpy_Py_CompileString(const char *source, const char *filename, int file_input);
PyObject *bpy_PyImport_ExecCodeModule(const char *name, PyObject *code);

PyObject *bpmnpy_none(void);
PyObject *bpmnpy_true(void);
int bpmnpy_is_none(PyObject *o);
int bpmnpy_is_bool(PyObject *o);
int bpmnpy_is_long(PyObject *o);
int bpmnpy_is_float(PyObject *o);
int bpmnpy_is_unicode(PyObject *o);
int bpmnpy_is_list(PyObject *o);
int bpmnpy_is_tuple(PyObject *o);
int bpmnpy_is_dict(PyObject *o);
void bpmnpy_incref(PyObject *o);
void bpmnpy_decref(PyObject *o);
const char *bpmnpy_type_name(PyObject *o);

PyObject *bpy_PyObject_GetAttrString(PyObject *o, const char *name);
PyObject *bpy_PyObject_Str(PyObject *o);
PyObject *bpy_PyObject_Repr(PyObject *o);
PyObject *bpy_PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargs, PyObject *kwnames);

PyObject *bpy_PyErr_Occurred(void);
void bpy_PyErr_Clear(void);
void bpy_PyErr_Fetch(PyObject **type, PyObject **value, PyObject **traceback);
void bpy_PyErr_NormalizeException(PyObject **type, PyObject **value, PyObject **traceback);
int bpy_PyException_SetTraceback(PyObject *exception, PyObject *traceback);

PyObject *bpy_PyBool_FromLong(long v);
PyObject *bpy_PyLong_FromLongLong(long long v);
PyObject *bpy_PyLong_FromLong(long v);
long long bpy_PyLong_AsLongLong(PyObject *o);
long long bpy_PyLong_AsLongLongAndOverflow(PyObject *o, int *overflow);
long bpy_PyLong_AsLong(PyObject *o);
PyObject *bpy_PyFloat_FromDouble(double v);
double bpy_PyFloat_AsDouble(PyObject *o);
PyObject *bpy_PyUnicode_FromStringAndSize(const char *utf8, ptrdiff_t size);
const char *bpy_PyUnicode_AsUTF8AndSize(PyObject *o, ptrdiff_t *size);

PyObject *bpy_PyList_New(ptrdiff_t size);
int bpy_PyList_SetItem(PyObject *list, ptrdiff_t index, PyObject *item);
int bpy_PyList_Append(PyObject *list, PyObject *item);
PyObject *bpy_PyTuple_GetItem(PyObject *tuple, ptrdiff_t index);
ptrdiff_t bpy_PyTuple_Size(PyObject *tuple);
PyObject *bpy_PySequence_Fast(PyObject *o, const char *message);
ptrdiff_t bpy_PySequence_Size(PyObject *o);
PyObject *bpy_PySequence_GetItem(PyObject *o, ptrdiff_t index);
PyObject *bpy_PyDict_New(void);
int bpy_PyDict_SetItem(PyObject *dict, PyObject *key, PyObject *value);
int bpy_PyDict_Next(PyObject *dict, ptrdiff_t *position, PyObject **key, PyObject **value);

#ifdef __cplusplus
}
#endif
#endif
