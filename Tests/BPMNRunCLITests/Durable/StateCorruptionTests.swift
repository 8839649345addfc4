@testable import BPMNRunCLI
import Foundation
import XCTest

/// Damaged state files are refused with a clear message (naming the file) and exit code 4, never
/// a crash and never a run that silently continues from something other than what was saved.
final class StateCorruptionTests: XCTestCase {
    /// A small saved run: leave-request waiting at its first task.
    private func savedState() throws -> (folder: URL, state: URL, bytes: [UInt8]) {
        let folder = TemporaryFiles.url("corrupt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let diagram = folder.appendingPathComponent("leave-request.bpmn")
        try FileManager.default.copyItem(at: BPMNRunBinary.sample("leave-request.bpmn"), to: diagram)
        let state = folder.appendingPathComponent("run.state.json")
        let outcome = try ProcessRunner.bpmnrun(["run", diagram.path, "--state", state.path, "--non-interactive", "--quiet",
                                                 "--start-time", "2026-01-05T09:00:00Z", "--var", "employee=jdoe"])
        XCTAssertEqual(outcome.exitCode, 3, outcome.transcript)
        return (folder, state, Array(try Data(contentsOf: state)))
    }

    private func assertRefused(_ bytes: [UInt8], _ context: String, containing expected: String? = nil, line: UInt = #line) {
        do {
            _ = try StateFile.decode(bytes, path: "run.state.json")
            XCTFail("\(context): a damaged state file was accepted", line: line)
        } catch let error as StateFileError {
            XCTAssertTrue(error.description.hasPrefix("run.state.json: "), "\(context): the message names the file: \(error)", line: line)
            if let expected { XCTAssertTrue(error.message.contains(expected), "\(context): \(error.message)", line: line) }
        } catch {
            XCTFail("\(context): refused with an unexpected error \(error)", line: line)
        }
    }

    func testTheIntactFileIsAccepted() throws {
        let (_, _, bytes) = try savedState()
        let saved = try StateFile.decode(bytes, path: "run.state.json")
        XCTAssertEqual(saved.instance.status, .waiting)
        XCTAssertEqual(saved.waiting.map(\.element), ["Task_SubmitRequest"])
        XCTAssertEqual(saved.traceJournal.events, Int(saved.instance.seq))
        XCTAssertEqual(saved.traceJournal.file, "run.state.json.trace")
    }

    func testEveryTruncationIsRefused() throws {
        let (_, _, bytes) = try savedState()
        for length in 0..<bytes.count {
            assertRefused(Array(bytes.prefix(length)), "truncated to \(length) of \(bytes.count) bytes")
        }
    }

    func testRandomByteFlipsAreRefused() throws {
        let (_, _, bytes) = try savedState()
        var generator = SplitMix64(seed: 0x5EED)
        for round in 0..<600 {
            var damaged = bytes
            let flips = round % 3 + 1
            var where_: [Int] = []
            for _ in 0..<flips {
                let index = Int(generator.next() % UInt64(bytes.count))
                damaged[index] ^= UInt8(1 << (generator.next() % 8))
                where_.append(index)
            }
            if damaged == bytes { continue }  // two flips of the same bit cancel out
            assertRefused(damaged, "bits flipped at \(where_)")
        }
    }

    func testAnotherFormatVersionIsRefusedByNumber() throws {
        let (_, _, bytes) = try savedState()
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "{\"formatVersion\":1,", with: "{\"formatVersion\":2,")
        assertRefused(Array(text.utf8), "version 2", containing: "state format version 2 is not one this bpmnrun reads (it reads version 1)")
        assertRefused(Array("{\"checksum\":\"x\"}".utf8), "no version", containing: "no \"formatVersion\"")
        assertRefused(Array("[1,2,3]".utf8), "an array", containing: "not a JSON object")
    }

    /// Well-formed files with a correct checksum whose content is not a saved run.
    func testJSONOfTheWrongShapeIsRefusedWithWhereItIsWrong() throws {
        func envelope(_ body: String) -> [UInt8] {
            Array("{\"formatVersion\":1,\"checksum\":\"\(SHA256.hex(body))\",\"run\":\(body)}\n".utf8)
        }
        assertRefused(envelope("{\"tool\":\"bpmnrun\"}"), "an almost empty run", containing: "is missing")
        assertRefused(envelope("[]"), "an array as run", containing: "wrong shape")
        let (_, _, bytes) = try savedState()
        let text = String(decoding: bytes, as: UTF8.self)
        let bodyStart = text.range(of: ",\"run\":")!.upperBound
        let body = String(text[bodyStart...].dropLast(2))
        let wrongType = body.replacingOccurrences(of: "\"nextTokenId\":", with: "\"nextTokenId\":\"two\",\"x\":")
        assertRefused(envelope(wrongType), "a string where a number belongs", containing: "run.instance.nextTokenId")
    }

    // MARK: The trace journal beside the state file

    private func resume(_ state: URL) throws -> ProcessRunner.Outcome {
        try ProcessRunner.bpmnrun(["resume", state.path, "--non-interactive", "--quiet"])
    }

    func testATruncatedOrDamagedTraceJournalIsRefused() throws {
        let (_, state, _) = try savedState()
        let journal = URL(fileURLWithPath: state.path + ".trace")
        let intact = Array(try Data(contentsOf: journal))
        XCTAssertGreaterThan(intact.count, 100)
        for length in [0, 1, intact.count / 2, intact.count - 1] {
            try Data(intact.prefix(length)).write(to: journal)
            let outcome = try resume(state)
            XCTAssertEqual(outcome.exitCode, 4, "journal cut to \(length) bytes: \(outcome.transcript)")
            XCTAssertTrue(outcome.stderr.contains("\(journal.path): the trace journal is shorter"), outcome.stderr)
        }
        var flipped = intact
        flipped[intact.count / 3] ^= 0x20
        try Data(flipped).write(to: journal)
        let damaged = try resume(state)
        XCTAssertEqual(damaged.exitCode, 4, damaged.transcript)
        XCTAssertTrue(damaged.stderr.contains("the trace journal is damaged"), damaged.stderr)
        try FileManager.default.removeItem(at: journal)
        let missing = try resume(state)
        XCTAssertEqual(missing.exitCode, 4, missing.transcript)
        XCTAssertTrue(missing.stderr.contains("cannot read the trace journal"), missing.stderr)
    }

    /// A kill after the journal was appended to but before the state file was replaced leaves
    /// events the state does not count: resume cuts them off and the trace is as saved.
    func testJournalBytesPastTheSavedStateAreCutOff() throws {
        let (folder, state, _) = try savedState()
        let journal = URL(fileURLWithPath: state.path + ".trace")
        let intact = try Data(contentsOf: journal)
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":99,\"at\":\"2026-01-05T09:00:00Z\",\"event\":\"waiting\"}\n{\"seq\":1".utf8))
        try handle.close()
        let trace = folder.appendingPathComponent("trace.json")
        let outcome = try ProcessRunner.bpmnrun(["resume", state.path, "--non-interactive", "--quiet", "--trace", trace.path])
        XCTAssertEqual(outcome.exitCode, 3, outcome.transcript)
        XCTAssertEqual(try Data(contentsOf: journal), intact, "cut back to what the state records")
        let events = try TraceDocument(file: trace).events
        XCTAssertEqual(events.compactMap { $0["seq"]?.number }, (1...events.count).map(Double.init))
        XCTAssertFalse(events.contains { $0["seq"]?.number == 99 })
    }

    // MARK: Through the binary: exit code 4 and the message on standard error

    func testResumeAndStatusRefuseADamagedFileWithExitCode4() throws {
        let (_, state, bytes) = try savedState()
        try Data(bytes.prefix(bytes.count / 2)).write(to: state)
        for command in [["status", state.path], ["resume", state.path, "--non-interactive"]] {
            let outcome = try ProcessRunner.bpmnrun(command)
            XCTAssertEqual(outcome.exitCode, 4, outcome.transcript)
            XCTAssertTrue(outcome.stderr.contains("\(state.path): not a bpmnrun state file: not valid JSON"), outcome.stderr)
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x01
        try Data(flipped).write(to: state)
        let outcome = try ProcessRunner.bpmnrun(["resume", state.path, "--non-interactive"])
        XCTAssertEqual(outcome.exitCode, 4, outcome.transcript)
        XCTAssertTrue(outcome.stderr.contains("damaged") || outcome.stderr.contains("not valid JSON"), outcome.stderr)
    }

    /// A state whose checksum is right but whose token points past the diagram's elements (a
    /// file written by something else): refused before anything runs.
    func testAStateThatDoesNotFitItsDiagramIsRefused() throws {
        let (_, state, bytes) = try savedState()
        let text = String(decoding: bytes, as: UTF8.self)
        let bodyStart = text.range(of: ",\"run\":")!.upperBound
        var body = String(text[bodyStart...].dropLast(2))
        let tokenNode = try XCTUnwrap(body.range(of: #""node":\d+"#, options: .regularExpression))
        body.replaceSubrange(tokenNode, with: "\"node\":4242")
        try Data("{\"formatVersion\":1,\"checksum\":\"\(SHA256.hex(body))\",\"run\":\(body)}\n".utf8).write(to: state)
        let outcome = try ProcessRunner.bpmnrun(["resume", state.path, "--non-interactive"])
        XCTAssertEqual(outcome.exitCode, 4, outcome.transcript)
        XCTAssertTrue(outcome.stderr.contains("does not fit the diagram"), outcome.stderr)
    }

    func testSHA256MatchesTheStandardTestVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // In parts of every awkward size (the journal is hashed a save at a time).
        let text = Array(String(repeating: "bpmnrun journal line\n", count: 40).utf8)
        var hasher = SHA256.Hasher()
        var offset = 0, size = 1
        while offset < text.count {
            let end = min(text.count, offset + size)
            hasher.update(Array(text[offset..<end]))
            XCTAssertEqual(hasher.hexDigest(), SHA256.hex(text[..<end]), "after \(end) bytes")
            offset = end
            size = size % 70 + 13
        }
    }
}

/// A small seeded generator, so a failing flip can be reproduced.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
