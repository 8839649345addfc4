import BPMNModel
import BPMNPython
import Foundation
import XCTest

/// The same conditions and scripts through SpiffWorkflow's own `PythonScriptEngine` /
/// `TaskDataEnvironment` (Tests/spiff/spiff_script_parity.py) and through `PythonEngine`: equal
/// values, equal data afterwards, equal exception classes and lines. Needs a Python with
/// SpiffWorkflow: `$SPIFF_PYTHON`, else `../shared/tools/spiff/.venv/bin/python` (made by
/// `../shared/tools/spiff/setup.sh`); skipped, saying so, when neither is there.
final class SpiffScriptParityTests: XCTestCase {
    private struct Case {
        var mode: String
        var source: String
        var data: [String: VariableValue]
    }

    private static let cases: [Case] = [
        // conditions
        Case(mode: "eval", source: "proceed == True", data: ["proceed": true]),
        Case(mode: "eval", source: "role_val == 0", data: ["role_val": 1]),
        Case(mode: "eval", source: "amount > 500 and category in ('travel', 'food')", data: ["amount": 750, "category": "food"]),
        Case(mode: "eval", source: " len(items) * 1.5", data: ["items": [1, 2]]),
        Case(mode: "eval", source: "{'a': [x for x in range(3)], 'b': None}", data: [:]),
        Case(mode: "eval", source: "7 // 2, 7 / 2, -7 % 3", data: [:]),
        Case(mode: "eval", source: "missing == 1", data: ["present": 1]),
        Case(mode: "eval", source: "x ==", data: ["x": 1]),
        Case(mode: "eval", source: "'%s-%03d' % (name, n)", data: ["name": "inv", "n": 7]),
        Case(mode: "eval", source: "sorted(d.items())", data: ["d": ["b": 1, "a": 2]]),
        // scripts: the book, data changes
        Case(mode: "exec", source: "if ticketid == '' and patientid == '' and priority_level == '':\n    proceed = False\nelse:\n    proceed = True",
             data: ["ticketid": "", "patientid": "P", "priority_level": ""]),
        Case(mode: "exec", source: "if role == 'administrator':\n   role_val = 0\nelif role == 'doctor':\n   role_val = 1\n", data: ["role": "doctor"]),
        Case(mode: "exec", source: "if valid_doc == True:\n    auth_user = True\nelse:\n    auth_user = False\n    ", data: ["role": "doctor"]),
        Case(mode: "exec", source: "items.append(len(items))\ncount += 1\ndel temp\nnew = {'k': [1.0, 'two', None, True]}",
             data: ["items": [0], "count": 1, "temp": "x"]),
        Case(mode: "exec", source: "order = {'lines': []}\nfor i, item in enumerate(items):\n    order['lines'].append({'n': i, 'item': item})\ntotal = sum(l['n'] for l in order['lines'])",
             data: ["items": ["a", "b", "c"]]),
        Case(mode: "exec", source: "pair = (1, 'x')\nnested = [(1, 2), [3]]", data: [:]),
        Case(mode: "exec", source: "a = 4 / 2\nb = 4 // 2\nc = 2 ** 40\nd = round(2.675, 2)\ne = int('12') + float('0.5')", data: [:]),
        // what is kept
        Case(mode: "exec", source: "import math\nimport json\nfrom datetime import date\ndef f(x):\n    return x * 2\nclass K:\n    pass\ng = lambda: 1\nr = f(math.floor(2.5))\ns = json.dumps([r])",
             data: [:]),
        Case(mode: "exec", source: "def price(i):\n    return prices[i] * rate\ntotal = sum(price(i) for i in basket)",
             data: ["prices": ["a": 10, "b": 20], "rate": 0.5, "basket": ["a", "b"]]),
        Case(mode: "exec", source: "x = None\ny = ''\nz = []", data: ["x": 1]),
        Case(mode: "exec", source: "import re\nwords = re.findall(r'[a-z]+', text)\ncounts = {w: words.count(w) for w in words}",
             data: ["text": "a b a c"]),
        Case(mode: "exec", source: "import json\nparsed = json.loads(raw)\nparsed['added'] = True", data: ["raw": "{\"k\": [1, 2]}"]),
        // errors and their lines
        Case(mode: "exec", source: "a = 1\nb = (2 +\nc = 3", data: [:]),
        Case(mode: "exec", source: "if x:\n    y = 1\n  z = 2", data: ["x": true]),
        Case(mode: "exec", source: "def ratio(a, b):\n    return a / b\n\nvalues = [ratio(x, x - 2) for x in range(4)]", data: [:]),
        Case(mode: "exec", source: "\n\nraise ValueError('no')", data: [:]),
        Case(mode: "exec", source: "d = {}\nx = d['missing']", data: [:]),
        Case(mode: "exec", source: "x = 'a' + 1", data: [:]),
        Case(mode: "exec", source: "total = 0\nfor i in range(3):\n    total += undefined_thing", data: [:]),
        // values a variable cannot hold: SpiffWorkflow keeps them, bpmnrun refuses them (docs/dialects.md)
        Case(mode: "exec", source: "tags = {'a'}", data: [:]),
    ]

    private func spiffPython() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SPIFF_PYTHON"], !env.isEmpty { candidates.append(env) }
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared/tools/spiff/.venv/bin/python").path)
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: path)
            check.arguments = ["-c", "import SpiffWorkflow"]
            check.standardError = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            if check.terminationStatus == 0 { return URL(fileURLWithPath: path) }
        }
        throw XCTSkip("skipped: no Python with SpiffWorkflow (set SPIFF_PYTHON, or run ../shared/tools/spiff/setup.sh)")
    }

    private func spiffResults(_ python: URL) throws -> [VariableValue] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let input = VariableValue.array(Self.cases.map { ["mode": .string($0.mode), "source": .string($0.source), "data": .object($0.data)] })
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appendingPathComponent("Tests/spiff/spiff_script_parity.py").path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(JSONText.encode(input).utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        guard case .array(let results) = try JSONText.decode(String(decoding: output, as: UTF8.self)) else {
            throw XCTSkip("unexpected output from the SpiffWorkflow side")
        }
        return results
    }

    /// bpmnrun's result in the SpiffWorkflow side's format.
    private func bpmnrunResult(_ c: Case, _ engine: PythonEngine) -> VariableValue {
        do {
            if c.mode == "eval" { return ["value": try engine.evaluate(c.source, variables: c.data)] }
            return ["data": .object(try engine.run(c.source, variables: c.data).variables)]
        } catch {
            if error.kind == .unsupportedValue {
                let type = error.message.components(separatedBy: "Python type '").dropFirst().first?.components(separatedBy: "'").first ?? "?"
                return ["unserializable": .string(type)]
            }
            return ["error": .string(error.exceptionType ?? "?"), "line": error.line.map { .integer(Int64($0)) } ?? 0]
        }
    }

    func testSameValuesDataAndErrorsAsSpiffWorkflow() throws {
        let spiff = try spiffResults(try spiffPython())
        XCTAssertEqual(spiff.count, Self.cases.count)
        let engine = try PythonEngine()
        for (c, expected) in zip(Self.cases, spiff) {
            // JSON has no tuples: SpiffWorkflow's side writes them as lists, as bpmnrun stores them.
            XCTAssertEqual(bpmnrunResult(c, engine), expected, c.source)
        }
    }
}
