#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include "CPythonBridge.h"

int bpy_initialize(char *error, size_t error_size) {
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;  // Ctrl-C belongs to bpmnrun's terminal handling
    config.site_import = 0;
    config.user_site_directory = 0;
    config.write_bytecode = 0;
    config.parse_argv = 0;
    config.buffered_stdio = 0;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        snprintf(error, error_size, "%s%s%s", status.func ? status.func : "",
                 status.func ? ": " : "", status.err_msg ? status.err_msg : "unknown error");
        return -1;
    }
    // Py_InitializeFromConfig leaves this thread holding the GIL; release it so that any thread
    // (this one included, through PyGILState_Ensure) can take it when it needs it.
    (void)PyEval_SaveThread();
    return 0;
}

int bpy_Py_IsInitialized(void) { return Py_IsInitialized(); }
int bpy_PyGILState_Ensure(void) { return (int)PyGILState_Ensure(); }
void bpy_PyGILState_Release(int state) { PyGILState_Release((PyGILState_STATE)state); }
unsigned long bpy_PyThread_get_thread_ident(void) { return PyThread_get_thread_ident(); }
int bpy_PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc) { return PyThreadState_SetAsyncExc(id, exc); }

PyObject *bpy_Py_CompileString(const char *s, const char *f, int file_input) {
    return Py_CompileString(s, f, file_input ? Py_file_input : Py_eval_input);
}
PyObject *bpy_PyImport_ExecCodeModule(const char *name, PyObject *code) { return PyImport_ExecCodeModule(name, code); }

PyObject *bpmnpy_none(void) { return Py_None; }
PyObject *bpmnpy_true(void) { return Py_True; }
int bpmnpy_is_none(PyObject *o) { return o == Py_None; }
int bpmnpy_is_bool(PyObject *o) { return PyBool_Check(o); }
int bpmnpy_is_long(PyObject *o) { return PyLong_Check(o); }
int bpmnpy_is_float(PyObject *o) { return PyFloat_Check(o); }
int bpmnpy_is_unicode(PyObject *o) { return PyUnicode_Check(o); }
int bpmnpy_is_list(PyObject *o) { return PyList_Check(o); }
int bpmnpy_is_tuple(PyObject *o) { return PyTuple_Check(o); }
int bpmnpy_is_dict(PyObject *o) { return PyDict_Check(o); }
void bpmnpy_incref(PyObject *o) { Py_INCREF(o); }
void bpmnpy_decref(PyObject *o) { Py_DECREF(o); }
const char *bpmnpy_type_name(PyObject *o) { return Py_TYPE(o)->tp_name; }

PyObject *bpy_PyObject_GetAttrString(PyObject *o, const char *n) { return PyObject_GetAttrString(o, n); }
PyObject *bpy_PyObject_Str(PyObject *o) { return PyObject_Str(o); }
PyObject *bpy_PyObject_Repr(PyObject *o) { return PyObject_Repr(o); }
PyObject *bpy_PyObject_Vectorcall(PyObject *c, PyObject *const *a, size_t n, PyObject *k) {
    return PyObject_Vectorcall(c, a, n, k);
}

PyObject *bpy_PyErr_Occurred(void) { return PyErr_Occurred(); }
void bpy_PyErr_Clear(void) { PyErr_Clear(); }
void bpy_PyErr_Fetch(PyObject **t, PyObject **v, PyObject **tb) { PyErr_Fetch(t, v, tb); }
void bpy_PyErr_NormalizeException(PyObject **t, PyObject **v, PyObject **tb) { PyErr_NormalizeException(t, v, tb); }
int bpy_PyException_SetTraceback(PyObject *e, PyObject *tb) { return PyException_SetTraceback(e, tb); }

PyObject *bpy_PyBool_FromLong(long v) { return PyBool_FromLong(v); }
PyObject *bpy_PyLong_FromLongLong(long long v) { return PyLong_FromLongLong(v); }
PyObject *bpy_PyLong_FromLong(long v) { return PyLong_FromLong(v); }
long long bpy_PyLong_AsLongLong(PyObject *o) { return PyLong_AsLongLong(o); }
long long bpy_PyLong_AsLongLongAndOverflow(PyObject *o, int *ov) { return PyLong_AsLongLongAndOverflow(o, ov); }
long bpy_PyLong_AsLong(PyObject *o) { return PyLong_AsLong(o); }
PyObject *bpy_PyFloat_FromDouble(double v) { return PyFloat_FromDouble(v); }
double bpy_PyFloat_AsDouble(PyObject *o) { return PyFloat_AsDouble(o); }
PyObject *bpy_PyUnicode_FromStringAndSize(const char *s, ptrdiff_t n) { return PyUnicode_FromStringAndSize(s, n); }
const char *bpy_PyUnicode_AsUTF8AndSize(PyObject *o, ptrdiff_t *n) { return PyUnicode_AsUTF8AndSize(o, n); }

PyObject *bpy_PyList_New(ptrdiff_t n) { return PyList_New(n); }
int bpy_PyList_SetItem(PyObject *l, ptrdiff_t i, PyObject *v) { return PyList_SetItem(l, i, v); }
int bpy_PyList_Append(PyObject *l, PyObject *v) { return PyList_Append(l, v); }
PyObject *bpy_PyTuple_GetItem(PyObject *t, ptrdiff_t i) { return PyTuple_GetItem(t, i); }
ptrdiff_t bpy_PyTuple_Size(PyObject *t) { return PyTuple_Size(t); }
PyObject *bpy_PySequence_Fast(PyObject *o, const char *m) { return PySequence_Fast(o, m); }
ptrdiff_t bpy_PySequence_Size(PyObject *o) { return PySequence_Size(o); }
PyObject *bpy_PySequence_GetItem(PyObject *o, ptrdiff_t i) { return PySequence_GetItem(o, i); }
PyObject *bpy_PyDict_New(void) { return PyDict_New(); }
int bpy_PyDict_SetItem(PyObject *d, PyObject *k, PyObject *v) { return PyDict_SetItem(d, k, v); }
int bpy_PyDict_Next(PyObject *d, ptrdiff_t *p, PyObject **k, PyObject **v) { return PyDict_Next(d, p, k, v); }
