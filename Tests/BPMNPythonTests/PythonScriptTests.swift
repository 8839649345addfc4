import Foundation
import BPMNModel
import BPMNPython
import XCTest

/// Script tasks: the data as Python variables, changes landing in the data (SpiffWorkflow's
/// TaskDataEnvironment.execute).
final class PythonScriptTests: XCTestCase {
    private var engine: PythonEngine!

    override func setUpWithError() throws {
        engine = try PythonEngine(timeLimit: 2)
    }

    /// `dams_appointment.bpmn`'s Evaluate Form Data script.
    func testBookEvaluateScriptSetsProceed() throws {
        let script = """
        if ticketid == '' and patientid == '' and priority_level == '':
            proceed = False
        else:
            proceed = True
        """
        let empty = try engine.run(script, variables: ["ticketid": "", "patientid": "", "priority_level": ""])
        XCTAssertEqual(empty.changed, ["proceed": false])
        let filled = try engine.run(script, variables: ["ticketid": "T1", "patientid": "", "priority_level": ""])
        XCTAssertEqual(filled.changed, ["proceed": true])
        XCTAssertEqual(filled.variables, ["ticketid": "T1", "patientid": "", "priority_level": "", "proceed": true])
        XCTAssertEqual(filled.removed, [])
    }

    func testScriptsBuildListsAndDicts() throws {
        let script = """
        order = {'customer': customer, 'lines': []}
        for i, item in enumerate(items):
            order['lines'].append({'n': i + 1, 'item': item, 'qty': 2})
        totals = [line['qty'] * 10 for line in order['lines']]
        summary = dict(count=len(totals), total=sum(totals), avg=sum(totals) / len(totals))
        pair = (1, 'two')
        """
        let result = try engine.run(script, variables: ["customer": "Ann", "items": ["pen", "ink"]])
        XCTAssertEqual(result.changed["order"], [
            "customer": "Ann",
            "lines": [["n": 1, "item": "pen", "qty": 2], ["n": 2, "item": "ink", "qty": 2]],
        ])
        XCTAssertEqual(result.changed["totals"], [20, 20])
        XCTAssertEqual(result.changed["summary"], ["count": 2, "total": 40, "avg": 20.0])
        XCTAssertEqual(result.changed["pair"], [1, "two"], "a tuple is stored as an array")
        XCTAssertNil(result.changed["items"], "items was only read")
    }

    func testInPlaceChangesAndDeletionsAreReported() throws {
        let result = try engine.run("items.append(3)\nconfig['mode'] = 'fast'\ndel temp\ncount += 1",
                                    variables: ["items": [1, 2], "config": [:], "temp": "x", "count": 1, "kept": true])
        XCTAssertEqual(result.changed, ["items": [1, 2, 3], "config": ["mode": "fast"], "count": 2])
        XCTAssertEqual(result.removed, ["temp"])
        XCTAssertEqual(result.variables["kept"], true)
        XCTAssertNil(result.variables["temp"])
    }

    /// TaskDataEnvironment._remove_globals_and_functions_from_context drops callables; the
    /// serializer drops modules. Plain values the functions computed stay.
    func testFunctionsClassesLambdasAndModulesAreNotKept() throws {
        let script = """
        import math
        from datetime import date
        def double(x):
            return 2 * x
        class Box:
            def __init__(self, v):
                self.v = v
        square = lambda x: x * x
        area = math.floor(double(square(3)) * math.pi)
        size = Box(4).v
        """
        let result = try engine.run(script, variables: [:])
        XCTAssertEqual(result.variables, ["area": 56, "size": 4])
    }

    func testFunctionsDefinedInAScriptSeeTheData() throws {
        let script = """
        def price(item):
            return prices[item] * (1 - discount)
        total = sum(price(i) for i in basket)
        """
        let result = try engine.run(script, variables: ["prices": ["a": 10, "b": 20], "discount": 0.5, "basket": ["a", "b", "b"]])
        XCTAssertEqual(result.changed["total"], 25.0)
    }

    func testNamesDoNotLeakBetweenRuns() throws {
        _ = try engine.run("leak = 1\nimport json\ndef helper(): return 1", variables: [:])
        let second = try engine.run("seen = [n for n in ('leak', 'json', 'helper') if n in globals_names]",
                                    variables: ["globals_names": []])
        XCTAssertEqual(second.changed["seen"], [])
        XCTAssertThrowsError(try engine.run("x = leak", variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).exceptionType, "NameError")
        }
        XCTAssertThrowsError(try engine.run("x = json.dumps(1)", variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).exceptionType, "NameError")
        }
    }

    func testManyScriptRunsInARow() throws {
        var data: [String: VariableValue] = ["counter": 0, "log": []]
        for _ in 0..<500 {
            data = try engine.run("counter += 1\nlog.append(counter)\nif len(log) > 3: log.pop(0)", variables: data).variables
        }
        XCTAssertEqual(data, ["counter": 500, "log": [498, 499, 500]])
    }

    /// `strptime`/`strftime` import `_strptime` and `time` from C while the script runs; those
    /// internal imports are not the script's and must work.
    func testAllowedModulesWork() throws {
        let script = """
        import math, json, re, random, decimal, datetime
        from collections import Counter
        root = math.sqrt(16)
        parsed = json.loads('{"a": [1, 2]}')
        text = json.dumps({'k': 1})
        digits = re.findall(r'\\d+', 'a1b22c333')
        random.seed(7)
        pick = random.choice(['x'])
        money = str(decimal.Decimal('0.1') + decimal.Decimal('0.2'))
        year = datetime.date(2024, 5, 1).year
        counts = dict(Counter('abca'))
        due = datetime.datetime.strptime('01/05/2024', '%d/%m/%Y')
        label = due.strftime('%Y-%m-%d') + ' ' + datetime.date(2024, 5, 2).strftime('%a')
        """
        let result = try engine.run(script, variables: [:])
        XCTAssertEqual(result.variables, [
            "root": 4.0, "parsed": ["a": [1, 2]], "text": "{\"k\": 1}", "digits": ["1", "22", "333"],
            "pick": "x", "money": "0.3", "year": 2024, "counts": ["a": 2, "b": 1, "c": 1],
            "due": .date(Date(timeIntervalSince1970: 1_714_521_600)), "label": "2024-05-01 Thu",
        ])
    }

    func testFailedScriptReturnsNoChanges() {
        XCTAssertThrowsError(try engine.run("a = 1\nb = 1 / 0\nc = 3", variables: ["x": 1])) { error in
            let error = error as! PythonError
            XCTAssertEqual(error.exceptionType, "ZeroDivisionError")
            XCTAssertEqual(error.line, 2)
        }
    }

    /// Hand-formatted XML indents the whole script or condition. SpiffWorkflow fails with an
    /// IndentationError; bpmnrun removes the common indentation (keeping line numbers).
    func testUniformlyIndentedSourcesRun() throws {
        let script = "\n        total = 0\n        for x in items:\n            total += x\n        "
        XCTAssertEqual(try engine.run(script, variables: ["items": [1, 2]]).changed, ["total": 3, "x": 2], "the loop variable stays, as in Python")
        XCTAssertTrue(try engine.evaluateCondition("\n          total == 3\n      ", variables: ["total": 3]))
        let failing = "\n    a = 1\n    b = a / 0\n"
        XCTAssertThrowsError(try engine.run(failing, variables: [:])) { error in
            XCTAssertEqual((error as! PythonError).line, 3)
            XCTAssertEqual((error as! PythonError).lineText, "    b = a / 0")
        }
        // A real indentation mistake is still reported.
        XCTAssertEqual(engine.checkSyntax(script: "a = 1\n    b = 2")?.exceptionType, "IndentationError")
    }

    func testVariableNamesThatAreNotIdentifiersPassThrough() throws {
        let result = try engine.run("y = 1", variables: ["my-var": "kept"])
        XCTAssertEqual(result.variables, ["my-var": "kept", "y": 1])
    }
}
