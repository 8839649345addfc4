import BPMNModel
import BPMNPython
import XCTest

/// Restricted builtins and imports: common ways out must fail with a clear error. (A guard against
/// accidents, not a sandbox: these tests pin the guard, they do not prove safety.)
final class PythonRestrictionTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine(timeLimit: 2)
    }

    private func refusal(_ script: String, file: StaticString = #filePath, line: UInt = #line) -> PythonError? {
        do {
            let result = try engine.run(script, variables: [:])
            XCTFail("expected '\(script)' to be refused, got \(result.variables)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testImportsOutsideTheAllowListAreRefusedBeforeRunning() throws {
        for (script, module) in [("import os", "os"), ("import subprocess", "subprocess"), ("import sys", "sys"),
                                 ("import socket", "socket"), ("from os import path", "os"),
                                 ("import importlib", "importlib"), ("import os.path", "os.path"),
                                 ("import json.decoder", "json.decoder"), ("import ctypes", "ctypes"),
                                 // string.Formatter().get_field and operator.attrgetter walk attributes by name
                                 ("import string", "string"), ("import operator", "operator"),
                                 ("import time", "time"), ("import _strptime", "_strptime")] {
            let error = try XCTUnwrap(engine.checkSyntax(script: "x = 1\n" + script), script)
            XCTAssertEqual(error.kind, .restricted, script)
            XCTAssertEqual(error.exceptionType, "ImportError", script)
            XCTAssertEqual(error.line, 2, script)
            XCTAssertTrue(error.message.hasPrefix("import of module '\(module)' is not allowed in bpmnrun scripts (allowed: "),
                          error.message)
            XCTAssertEqual(refusal(script)?.kind, .restricted, script)
        }
        XCTAssertEqual(refusal("from . import x")?.kind, .restricted)
        XCTAssertEqual(refusal("from random import _os")?.kind, .restricted)
    }

    func testImportInsideAFunctionIsRefusedToo() {
        XCTAssertEqual(refusal("def f():\n    import os\n    return os.getcwd()\nx = f()")?.line, 2)
    }

    func testDangerousBuiltinsAreAbsent() {
        for name in ["open", "eval", "exec", "compile", "input", "breakpoint", "globals", "locals", "vars",
                     "getattr", "setattr", "delattr", "exit", "quit", "help", "memoryview", "dir"] {
            let error = refusal("x = 1\ny = \(name)('/etc/passwd')")
            XCTAssertEqual(error?.exceptionType, "NameError", name)
            XCTAssertEqual(error?.message, "name '\(name)' is not available in bpmnrun scripts "
                + "(no file, process or network access, no reflection)", name)
            XCTAssertEqual(error?.line, 2, name)
        }
        XCTAssertEqual(refusal("f = open('/etc/passwd').read()")?.exceptionType, "NameError")
        // Not builtins at all: still the ordinary NameError.
        XCTAssertEqual(refusal("x = __loader__")?.kind, .restricted)
    }

    /// A variable named like a withheld builtin (a form field `input`) is the variable.
    func testVariablesShadowWithheldBuiltins() throws {
        let result = try engine.run("length = len(input)\nopen = 'no'", variables: ["input": "abc"])
        XCTAssertEqual(result.variables, ["input": "abc", "length": 3, "open": "no"])
    }

    func testDunderNamesAndEscapeAttributesAreRefused() {
        let attempts: [(String, String)] = [
            ("x = __import__('os')", "name '__import__' is not available"),
            ("x = __builtins__", "name '__builtins__' is not available"),
            ("x = ().__class__.__bases__[0].__subclasses__()", "attribute '__class__' is not available"),
            ("x = object.__subclasses__()", "attribute '__subclasses__' is not available"),
            ("def f(): pass\nx = f.__globals__", "attribute '__globals__' is not available"),
            ("x = print.__self__", "attribute '__self__' is not available"),
            ("x = len.__self__.open", "attribute '__self__' is not available"),
            ("g = (i for i in [1])\nx = g.gi_frame.f_back.f_globals", "attribute 'gi_frame' is not available"),
            ("try:\n    1 / 0\nexcept Exception as e:\n    x = e.__traceback__.tb_frame", "attribute '__traceback__' is not available"),
            ("x = type.__dict__", "attribute '__dict__' is not available"),
        ]
        for (script, expected) in attempts {
            let error = refusal(script)
            XCTAssertEqual(error?.kind, .restricted, script)
            XCTAssertTrue(error?.message.contains(expected) == true, "\(script): \(error?.message ?? "-")")
        }
    }

    func testAllowedModulesDoNotLeadToOtherModules() {
        // The modules' own imports (random's `_os`, datetime's `sys`, json's `codecs`, re's `enum`)
        // are not visible through what a script imports.
        for script in ["import random\nx = random._os", "import datetime\nx = datetime.sys",
                       "import json\nx = json.codecs", "import re\nx = re.enum", "import json\nx = json.decoder"] {
            let error = refusal(script)
            XCTAssertEqual(error?.exceptionType, "AttributeError", script)
            XCTAssertEqual(error?.line, 2, script)
        }
    }

    func testModulesAreReadOnlyForScripts() {
        let error = refusal("import math\nmath.pi = 3")
        XCTAssertEqual(error?.exceptionType, "AttributeError")
        XCTAssertEqual(error?.message, "module 'math' is read-only in bpmnrun scripts")
        XCTAssertEqual(try engine.evaluate("3.14 < pi_check < 3.15",
                                           variables: ["pi_check": 3.1415]), true)
    }

    func testScriptOwnClassesStillWork() throws {
        let result = try engine.run("""
        class Account:
            def __init__(self, owner):
                self.owner = owner
                self._balance = 0
            def __repr__(self):
                return f'Account({self.owner})'
        a = Account('ann')
        a._balance += 5
        text = repr(a)
        balance = a._balance
        del a  # an instance cannot be a variable (see PythonValueMappingTests)
        """, variables: [:])
        XCTAssertEqual(result.variables, ["text": "Account(ann)", "balance": 5])
    }

    func testCustomAllowListReplacesTheDefault() throws {
        let narrow = try PythonEngine(timeLimit: 2, allowedModules: ["math"])
        XCTAssertNil(narrow.checkSyntax(script: "import math"))
        XCTAssertEqual(narrow.checkSyntax(script: "import json")?.kind, .restricted)
        XCTAssertEqual(try engine.run("import json\nx = json.dumps([])", variables: [:]).variables, ["x": "[]"])
    }
}
