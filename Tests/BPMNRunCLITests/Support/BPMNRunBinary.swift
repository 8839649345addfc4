import Foundation
import XCTest

/// Where the package and the built `bpmnrun` executable are. The tests run the real binary, the
/// way a user does. `swift test` builds every product, so it is normally beside the test bundle;
/// when it is missing (`swift test --skip-build` after a clean) it is built once with
/// `swift build --product bpmnrun` into a scratch folder of its own.
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
        // `swift test` holds the lock of .build while the tests run, so a nested build there would
        // wait forever: build into a scratch folder of its own instead.
        let configuration = productsDirectory.lastPathComponent == "release" ? "release" : "debug"
        let scratch = packageRoot.appendingPathComponent(".build/cli-tests-scratch")
        let build = try ProcessRunner.run(
            executable: "/usr/bin/env",
            arguments: ["swift", "build", "--product", "bpmnrun", "-c", configuration, "--scratch-path", scratch.path],
            currentDirectory: packageRoot, timeout: 1200)
        let built = scratch.appendingPathComponent(configuration).appendingPathComponent("bpmnrun")
        guard FileManager.default.isExecutableFile(atPath: built.path) else {
            throw BinaryMissing(message: "the bpmnrun binary is missing at \(binary.path) and `swift build --product bpmnrun` "
                                + "did not produce it (exit \(build.exitCode)): \(build.stderr.suffix(2000))\nRun `swift build` first.")
        }
        return built
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
