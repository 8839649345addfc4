import Foundation
import XCTest

/// Where the package and the built `bpmnrun` executable are. The tests run the real binary, the
/// way a user does; when it is missing (a `swift test` that did not build it) it is built once
/// with `swift build --product bpmnrun`.
enum BPMNRunBinary {
    /// The package root: three levels above this file (Tests/BPMNRunCLITests/Support/).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples: URL = packageRoot.appendingPathComponent("bpmn-samples")

    static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// The build products folder: the test bundle's folder (`.build/<triple>/debug`).
    static var productsDirectory: URL {
        // The bundle is `…/debug/bpmnrunPackageTests.xctest`; on Linux that is the test executable itself.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    private final class BundleMarker {}

    nonisolated(unsafe) private static var builtOnce: Result<URL, Error>?
    private static let lock = NSLock()

    /// The path of the built executable, building it when it is not there yet.
    static func path() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let builtOnce { return try builtOnce.get().path }
        let result = Result { try locateOrBuild() }
        builtOnce = result
        return try result.get().path
    }

    private static func locateOrBuild() throws -> URL {
        let binary = productsDirectory.appendingPathComponent("bpmnrun")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        let configuration = productsDirectory.lastPathComponent  // debug or release
        let build = try ProcessRunner.run(
            executable: "/usr/bin/env",
            arguments: ["swift", "build", "--product", "bpmnrun", "-c", configuration == "release" ? "release" : "debug"],
            currentDirectory: packageRoot, timeout: 900)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BinaryMissing(message: "the bpmnrun binary is missing at \(binary.path) and `swift build --product bpmnrun` "
                                + "did not produce it (exit \(build.exitCode)): \(build.stderr.suffix(2000))\nRun `swift build` first.")
        }
        return binary
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
