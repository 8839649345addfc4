// swift-tools-version:6.0
import PackageDescription

// Layers, each depending only on the ones above it:
//   BPMNModel (spec graph) <- BPMNParser (libxml2) <- BPMNExpressions (JUEL) / BPMNScripting (JavaScriptCore)
//   / BPMNPython (embedded CPython, SpiffWorkflow dialect)
//   <- BPMNEngine (tokens, scopes, variables, trace) <- BPMNValidation (rules) <- BPMNRunCLI (terminal, commands) <- bpmnrun
let package = Package(
    name: "bpmnrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bpmnrun", targets: ["bpmnrun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        .systemLibrary(
            name: "CPython",
            pkgConfig: "python3-embed",
            providers: [.apt(["python3-dev"]), .brew(["python@3.11"])]
        ),
        .target(name: "BPMNModel"),
        .target(name: "BPMNParser", dependencies: ["BPMNModel", "CLibXML2"]),
        .target(name: "BPMNExpressions", dependencies: ["BPMNModel"]),
        .target(name: "BPMNScripting", dependencies: ["BPMNModel", "BPMNExpressions", "CJavaScriptCore"]),
        .target(name: "CPythonBridge", dependencies: ["CPython"]),
        .target(name: "BPMNPython", dependencies: ["BPMNModel", "CPythonBridge"]),
        .target(name: "BPMNEngine", dependencies: ["BPMNModel", "BPMNExpressions", "BPMNScripting", "BPMNPython"]),
        .target(name: "BPMNValidation", dependencies: ["BPMNModel", "BPMNParser", "BPMNExpressions", "BPMNScripting", "BPMNPython"]),
        .target(
            name: "BPMNRunCLI",
            dependencies: [
                "BPMNModel", "BPMNParser", "BPMNExpressions", "BPMNScripting", "BPMNPython", "BPMNEngine", "BPMNValidation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "bpmnrun", dependencies: ["BPMNRunCLI"]),
        .executableTarget(
            name: "bpmnrun-bench",
            dependencies: ["BPMNModel", "BPMNParser", "BPMNExpressions", "BPMNScripting", "BPMNEngine"],
            path: "Benchmarks/bpmnrun-bench"
        ),
        .testTarget(name: "BPMNModelTests", dependencies: ["BPMNModel"]),
        .testTarget(name: "BPMNParserTests", dependencies: ["BPMNParser"]),
        .testTarget(name: "BPMNExpressionsTests", dependencies: ["BPMNExpressions"]),
        .testTarget(name: "BPMNScriptingTests", dependencies: ["BPMNScripting"]),
        .testTarget(name: "BPMNPythonTests", dependencies: ["BPMNPython", "BPMNParser"]),
        .testTarget(name: "BPMNEngineTests", dependencies: ["BPMNEngine", "BPMNParser", "BPMNPython"]),
        .testTarget(name: "BPMNRunCLITests", dependencies: ["BPMNRunCLI"]),
        .testTarget(name: "BPMNValidationTests", dependencies: ["BPMNValidation", "BPMNParser", "BPMNPython"]),
    ]
)
