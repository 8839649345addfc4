import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The other ways a terminal run is stopped from outside: `kill` (SIGTERM) and closing the
/// terminal (SIGHUP). Both count as interrupted (exit 130) and still write the trace.
final class TerminalStopTests: XCTestCase {
    private func start() throws -> (PseudoTerminal, URL) {
        let trace = TemporaryFiles.url("pty-stop.json")
        addTeardownBlock { try? FileManager.default.removeItem(at: trace) }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        let tty = try PseudoTerminal(executable: try BPMNRunBinary.path(),
                                     arguments: [BPMNRunBinary.sample("parallel-review.bpmn").path, "--var", "contractOwner=anna",
                                                 "--trace", trace.path],
                                     environment: environment)
        return (tty, trace)
    }

    func testSIGTERMAtAPromptStopsAsInterrupted() throws {
        let (tty, tracePath) = try start()
        try tty.expect("Supplier [supplierName, string]")
        tty.send(signal: SIGTERM)
        XCTAssertEqual(try tty.waitForExit(), 130, tty.screen)
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.status, "interrupted")
        XCTAssertEqual(trace.active, ["Task_PrepareContract"])
    }

    func testClosingTheTerminalStopsAsInterrupted() throws {
        let (tty, tracePath) = try start()
        try tty.expect("Supplier [supplierName, string]")
        try tty.typeLine("Nordic Paper AB")
        try tty.expect("Contract value (EUR)")
        tty.hangUp()
        XCTAssertEqual(try tty.waitForExit(), 130, "SIGHUP when the terminal closes")
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.status, "interrupted")
        XCTAssertEqual(trace.active, ["Task_PrepareContract"])
    }

    func testCtrlCAtTheTaskPickerStopsAsInterruptedWithEveryWaitingTask() throws {
        let (tty, tracePath) = try start()
        try tty.expect("Supplier [supplierName, string]")
        try tty.typeLine("Nordic Paper AB")
        try tty.expect("Contract value (EUR)")
        try tty.typeLine("48000")
        try tty.expect("Term (months)")
        try tty.typeLine("")
        try tty.expect("3 tasks are waiting:")
        try tty.expect("Work on which task? (1-3, default 1): ")
        try tty.type("\u{03}")
        XCTAssertEqual(try tty.waitForExit(), 130, tty.screen)
        let trace = try TraceDocument(file: tracePath)
        XCTAssertEqual(trace.status, "interrupted")
        XCTAssertEqual(trace.active.sorted(), ["Task_ComplianceReview", "Task_FinanceReview", "Task_LegalReview"])
        XCTAssertEqual(trace.variables["contractValue"], .number(48000))
    }
}
