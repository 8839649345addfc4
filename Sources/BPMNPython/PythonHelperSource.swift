/// The Python half of the engine, run once in its own module when the interpreter starts. It does
/// what is easier and more faithful in Python than through the C API: the evaluation and execution
/// themselves (built-in `eval`/`exec`, exactly as SpiffWorkflow's
/// `bpmn/script_engine/python_environment.py` `TaskDataEnvironment` calls them), the restricted
/// builtins and imports, the static check of scripts, error descriptions and date conversions.
/// Swift converts the plain values (None, bool, int, float, str, list, dict) itself.
enum PythonHelperSource {
    static let moduleName = "_bpmnrun_python"

    /// Scripts are compiled under this file name; error lines come from the innermost traceback
    /// frame with it (SpiffWorkflow's `get_error_line_number_and_content` does the same with
    /// `'<string>'`, which also names code that library modules `exec` internally).
    static let scriptFileName = "<bpmn-script>"

    static let text = #"""
import ast
import builtins as _builtins
import difflib as _difflib
import re as _re
import textwrap as _textwrap
import datetime as _dt
import sys as _sys
import types as _types

SCRIPT_FILE = '<bpmn-script>'


class ScriptTimeLimitExceeded(BaseException):
    """Raised into the script's thread by bpmnrun's watchdog. A BaseException, so that
    `except Exception:` in a script does not swallow it."""


class RestrictedImportError(ImportError):
    """An import of a module outside the allow-list."""


class Restriction(Exception):
    """A construct the static check refuses; carries the Python error type a user would expect."""

    def __init__(self, type_name, message, node):
        super().__init__(message)
        self.type_name = type_name
        self.lineno = getattr(node, 'lineno', None)
        self.offset = getattr(node, 'col_offset', -1) + 1 if hasattr(node, 'col_offset') else None


# ---- restricted builtins -------------------------------------------------------------------

SAFE_BUILTIN_NAMES = (
    'abs', 'all', 'any', 'ascii', 'bin', 'bool', 'bytearray', 'bytes', 'callable', 'chr',
    'classmethod', 'complex', 'dict', 'divmod', 'enumerate', 'filter', 'float', 'format',
    'frozenset', 'hasattr', 'hash', 'hex', 'id', 'int', 'isinstance', 'issubclass', 'iter', 'len',
    'list', 'map', 'max', 'min', 'next', 'object', 'oct', 'ord', 'pow', 'property', 'range',
    'repr', 'reversed', 'round', 'set', 'slice', 'sorted', 'staticmethod', 'str', 'sum', 'super',
    'tuple', 'type', 'zip', 'NotImplemented', 'Ellipsis', '__build_class__', '__debug__',
)


# Builtins a script does not get. Calling one raises a NameError that says so, rather than the
# puzzling "name 'open' is not defined". (A variable of the same name still wins: the data are the
# globals, looked up before the builtins.)
WITHHELD_BUILTIN_NAMES = (
    'open', 'eval', 'exec', 'compile', 'input', 'breakpoint', 'globals', 'locals', 'vars', 'dir',
    'getattr', 'setattr', 'delattr', 'exit', 'quit', 'help', 'memoryview', 'copyright', 'credits',
    'license',
)


def _withheld(name):
    def withheld(*args, **kwargs):
        raise NameError(f"name '{name}' is not available in bpmnrun scripts "
                        "(no file, process or network access, no reflection)")
    withheld.__name__ = name
    return withheld


def _script_print(*args, sep=' ', end='\n', flush=False):
    # Standard output belongs to bpmnrun's terminal dialogue and JSON output; script output goes
    # to standard error, as the JavaScript engine's print does.
    _builtins.print(*args, sep=sep, end=end, file=_sys.stderr, flush=flush)


class ReadOnlyModule(_types.ModuleType):
    """What `import math` gives a script: the module's public, non-module attributes, read-only,
    so that a script cannot reach other modules through it (`random._os`, `datetime.sys`,
    `json.codecs`) or change it for later scripts."""

    def __setattr__(self, name, value):
        raise AttributeError(f"module '{self.__name__}' is read-only in bpmnrun scripts")

    def __delattr__(self, name):
        raise AttributeError(f"module '{self.__name__}' is read-only in bpmnrun scripts")


_module_views = {}
_real_import = _builtins.__import__


def _module_view(name):
    view = _module_views.get(name)
    if view is None:
        real = __import__(name)
        view = ReadOnlyModule(name)
        view.__dict__.update({k: v for k, v in vars(real).items()
                              if not k.startswith('_') and not isinstance(v, _types.ModuleType)})
        _module_views[name] = view
    return view


def make_builtins(allowed_modules):
    allowed = frozenset(allowed_modules)
    table = {name: getattr(_builtins, name) for name in SAFE_BUILTIN_NAMES}
    for name, value in vars(_builtins).items():
        if isinstance(value, type) and issubclass(value, BaseException):
            table[name] = value
    table['print'] = _script_print
    for name in WITHHELD_BUILTIN_NAMES:
        table[name] = _withheld(name)
    # Class bodies start with `__module__ = __name__`; without a module name in the globals the
    # lookup falls through to the builtins.
    table['__name__'] = 'bpmn_script'

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if type(fromlist) is list:
            # C code importing for itself while a script frame is current (`datetime.strptime`
            # imports `_strptime`, `strftime` imports `time`): CPython's PyImport_Import passes
            # a list, while the import statements of a script pass None or a tuple (and scripts
            # cannot call `__import__` themselves: the static check refuses the name).
            return _real_import(name, globals, locals, fromlist, level)
        if level != 0:
            raise RestrictedImportError('relative imports are not available in bpmnrun scripts')
        if name not in allowed:
            raise RestrictedImportError(_import_message(name, allowed))
        return _module_view(name)

    table['__import__'] = guarded_import
    return table, allowed


def _import_message(name, allowed):
    return (f"import of module '{name}' is not allowed in bpmnrun scripts "
            f"(allowed: {', '.join(sorted(allowed))})")


# ---- static check ----------------------------------------------------------------------------

# Dunder attributes a script may use (its own classes' protocol methods and names); every other
# `__x__` attribute is refused because those are the ways out of the restricted namespace
# (`__class__`, `__subclasses__`, `__globals__`, `__self__`, `__dict__`, ...).
ALLOWED_DUNDER_ATTRIBUTES = frozenset((
    '__init__', '__name__', '__qualname__', '__doc__', '__str__', '__repr__', '__format__',
    '__len__', '__iter__', '__next__', '__contains__', '__getitem__', '__setitem__', '__delitem__',
    '__enter__', '__exit__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__',
    '__hash__', '__bool__', '__call__', '__add__', '__sub__', '__mul__', '__truediv__',
    '__floordiv__', '__mod__', '__neg__', '__abs__', '__post_init__',
))

# Frame, code and traceback attributes: they lead to the globals of bpmnrun's own code.
BLOCKED_ATTRIBUTES = frozenset((
    'gi_frame', 'gi_code', 'gi_yieldfrom', 'cr_frame', 'cr_code', 'cr_await', 'ag_frame',
    'ag_code', 'ag_await', 'f_back', 'f_globals', 'f_locals', 'f_builtins', 'f_code', 'tb_frame',
    'tb_next', 'func_globals', 'func_code',
))


def _is_dunder(name):
    return len(name) > 4 and name.startswith('__') and name.endswith('__')


def check_tree(tree, allowed):
    """Raises a Restriction for the first refused construct in source order."""
    found = []
    for node in ast.walk(tree):
        problem = _refusal(node, allowed)
        if problem is not None:
            found.append(((getattr(node, 'lineno', 0), getattr(node, 'end_col_offset', 0)), problem, node))
    if found:
        _, (type_name, message), node = min(found, key=lambda entry: entry[0])
        raise Restriction(type_name, message, node)


def _refusal(node, allowed):
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name not in allowed:
                return ('ImportError', _import_message(alias.name, allowed))
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            return ('ImportError', 'relative imports are not available in bpmnrun scripts')
        if node.module not in allowed:
            return ('ImportError', _import_message(node.module, allowed))
        for alias in node.names:
            if alias.name.startswith('_'):
                return ('ImportError', f"importing '{alias.name}' from '{node.module}' is not allowed in bpmnrun scripts")
    elif isinstance(node, ast.Attribute):
        attr = node.attr
        if attr in BLOCKED_ATTRIBUTES or (_is_dunder(attr) and attr not in ALLOWED_DUNDER_ATTRIBUTES):
            return ('AttributeError', f"attribute '{attr}' is not available in bpmnrun scripts")
    elif isinstance(node, ast.Name) and _is_dunder(node.id):
        return ('NameError', f"name '{node.id}' is not available in bpmnrun scripts")
    return None


def compile_source(source, mode, allowed):
    """Compiles like SpiffWorkflow's `eval(text)` / `exec(text)`: built-in `eval` of a string
    skips leading spaces and tabs, `exec` does not. Raises SyntaxError or Restriction."""
    if mode == 'eval':
        source = source.lstrip(' \t')
    try:
        tree = ast.parse(source, SCRIPT_FILE, mode)
    except IndentationError:
        # A script or condition indented as a whole (hand-formatted XML) is an IndentationError
        # in SpiffWorkflow; bpmnrun does not copy that failure and removes the common indentation
        # (script lines keep their numbers).
        relaxed = _textwrap.dedent(source) if mode == 'exec' else source.strip()
        if relaxed == source:
            raise
        tree = ast.parse(relaxed, SCRIPT_FILE, mode)
    check_tree(tree, allowed)
    return compile(tree, SCRIPT_FILE, mode)


# ---- running ---------------------------------------------------------------------------------

def evaluate(code, data, builtins_table):
    # TaskDataEnvironment.evaluate: a fresh globals dict holding the task data, so an expression
    # cannot add names to the data.
    namespace = dict(data)
    namespace['__builtins__'] = builtins_table
    return eval(code, namespace)


def evaluate_condition(code, data, builtins_table):
    # ExclusiveChoice / conditional flows use the value's truth (`if condition._matches(task)`).
    return bool(evaluate(code, data, builtins_table))


def execute(code, data, builtins_table):
    # TaskDataEnvironment.execute: the script runs with the task data itself as its globals, so
    # assignments, new names and `del` change the data; afterwards
    # `_remove_globals_and_functions_from_context` drops `__builtins__` and everything callable
    # (functions, classes, lambdas). Modules are dropped too: SpiffWorkflow's serializer
    # (`bpmn/serializer/helpers/registry.py` `DefaultRegistry.clean`) drops them from task data.
    data['__builtins__'] = builtins_table
    try:
        exec(code, data)
    finally:
        for key in list(data):
            value = data[key]
            if key == '__builtins__' or callable(value) or isinstance(value, _types.ModuleType):
                del data[key]
    return data


# ---- errors ----------------------------------------------------------------------------------

def describe(exc, source, names):
    """(kind, type name, message, line, column, line text, suggestions) for an error of a script or
    expression; `names` are the variable names, for NameError suggestions."""
    column = None
    if isinstance(exc, Restriction):
        kind, type_name, message, line, column = 'restricted', exc.type_name, str(exc), exc.lineno, exc.offset
    elif isinstance(exc, SyntaxError):
        kind, type_name, message, line, column = 'syntax', type(exc).__name__, exc.msg, exc.lineno, exc.offset
    else:
        kind = 'timeout' if isinstance(exc, ScriptTimeLimitExceeded) else 'runtime'
        if isinstance(exc, RestrictedImportError):
            kind, type_name = 'restricted', 'ImportError'
        else:
            type_name = type(exc).__name__
        message = str(exc)
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == SCRIPT_FILE:
                line = tb.tb_lineno
            tb = tb.tb_next
    text = None
    if source is not None and line is not None and line > 0:
        lines = source.splitlines()
        if line <= len(lines):
            text = lines[line - 1]
    suggestions = []
    if type(exc) is NameError:
        match = _re.match("name '(.+)' is not defined", message)
        if match:
            suggestions = most_similar(match.group(1), sorted(names), 3)
    return (kind, type_name, message, line, column, text, suggestions)


def _distance(a, b):
    # SpiffWorkflow's util/levenshtein.py `distance`, which WorkflowTaskException uses for its
    # "Did you mean" note on NameErrors.
    counter = {'+': 0, '-': 0}
    total = 0
    for code, *_ in _difflib.ndiff(a, b):
        if code == ' ':
            total += max(counter.values())
            counter = {'+': 0, '-': 0}
        else:
            counter[code] += 1
    return total + max(counter.values())


def most_similar(value, names, limit):
    return [name for name, _ in sorted(((n, _distance(value, n)) for n in names), key=lambda e: e[1])[:limit]]


# ---- dates -----------------------------------------------------------------------------------

_EPOCH = _dt.datetime(1970, 1, 1)
_MICROSECOND = _dt.timedelta(microseconds=1)
_SECOND = _dt.timedelta(seconds=1)
DATE, NAIVE_DATETIME, AWARE_DATETIME = 0, 1, 2


def date_parts(value):
    """(microseconds since 1970 UTC, kind, UTC offset in seconds) for a date or datetime, else None.
    A naive datetime is read as UTC."""
    if isinstance(value, _dt.datetime):
        offset = value.utcoffset()
        if offset is None:
            return ((value - _EPOCH) // _MICROSECOND, NAIVE_DATETIME, 0)
        utc = (value - offset).replace(tzinfo=None)
        return ((utc - _EPOCH) // _MICROSECOND, AWARE_DATETIME, offset // _SECOND)
    if isinstance(value, _dt.date):
        return ((_dt.datetime(value.year, value.month, value.day) - _EPOCH) // _MICROSECOND, DATE, 0)
    return None


def make_date(micros, kind, offset_seconds):
    naive = _EPOCH + _dt.timedelta(microseconds=micros)
    if kind == DATE:
        return naive.date()
    if kind == NAIVE_DATETIME:
        return naive
    zone = _dt.timezone(_dt.timedelta(seconds=offset_seconds))
    return naive.replace(tzinfo=_dt.timezone.utc).astimezone(zone)
"""#
}
