import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to the end with a time limit, its standard output and error captured (through
/// files, so a chatty child never blocks on a full pipe) and its standard input fed from a pipe
/// that is closed after `input` (so the child sees a non-terminal input and then end of input).
enum ProcessRunner {
    struct Outcome {
        let exitCode: Int32
        let stdout: String
        let stderr: String
        /// True when the time limit killed the child; the test has then failed.
        let timedOut: Bool
        /// Both streams, for failure messages.
        var transcript: String { "exit \(exitCode)\(timedOut ? " (timed out)" : "")\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)" }
    }

    enum Input {
        /// `/dev/null`: reads see end of input at once.
        case none
        /// A pipe that carries these bytes and is then closed.
        case text(String)
    }

    static func run(executable: String, arguments: [String], input: Input = .none,
                    environment: [String: String] = [:], removingEnvironment: [String] = [],
                    currentDirectory: URL? = nil, timeout: TimeInterval = 60) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)  // a child that exits before reading all its input must not kill the tests
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bpmnrun-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in removingEnvironment { env.removeValue(forKey: name) }
        env.merge(environment) { _, new in new }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardOutput = outHandle
        process.standardError = errHandle
        var inputPipe: Pipe?
        switch input {
        case .none: process.standardInput = FileHandle.nullDevice
        case .text:
            let pipe = Pipe()
            process.standardInput = pipe
            inputPipe = pipe
        }
        try process.run()
        try? outHandle.close()
        try? errHandle.close()
        if case .text(let text) = input, let pipe = inputPipe {
            let writer = pipe.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: Data(text.utf8))
                try? writer.close()
            }
        }

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        let code = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(exitCode: code, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// Runs the built `bpmnrun` with these arguments from the package root.
    static func bpmnrun(_ arguments: [String], input: Input = .none, environment: [String: String] = [:],
                        removingEnvironment: [String] = [], timeout: TimeInterval = 60) throws -> Outcome {
        try run(executable: try BPMNRunBinary.path(), arguments: arguments, input: input, environment: environment,
                removingEnvironment: removingEnvironment, currentDirectory: BPMNRunBinary.packageRoot, timeout: timeout)
    }
}
