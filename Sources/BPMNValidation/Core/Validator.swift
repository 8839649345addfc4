import BPMNModel
import BPMNParser
import BPMNPython
import Foundation

/// One diagram to check: a file, or bytes (standard input) with the name to report.
public enum ValidationInput: Sendable {
    case file(String)
    case data([UInt8], name: String)

    public var name: String {
        switch self {
        case .file(let p): return p
        case .data(_, let n): return n
        }
    }
}

/// Checks diagrams with the configured rules. Files are loaded and checked in parallel (one task
/// per file), so many files take about as long as the biggest one. Scripts are never run.
public final class Validator: @unchecked Sendable {
    public let rules: [any ValidationRule.Type]
    public let configs: ConfigResolver
    public let libraryFolders: [String]
    public let checkers: ScriptCheckerRegistry
    /// The dialect every file is checked in; nil (`--dialect auto`) detects it per file.
    public let dialect: Dialect?

    public init(rules: [any ValidationRule.Type] = RuleRegistry.all, configs: ConfigResolver,
                libraryFolders: [String] = [], checkers: ScriptCheckerRegistry = .shared, dialect: Dialect? = nil) {
        self.rules = rules
        self.dialect = dialect
        self.configs = configs
        self.libraryFolders = libraryFolders
        self.checkers = checkers
    }

    /// `BPMNRUN_VALIDATE_PROFILE=1` prints each rule's time per file to standard error (for
    /// the validation benchmark).
    static let profiling = ProcessInfo.processInfo.environment["BPMNRUN_VALIDATE_PROFILE"] == "1"

    enum Loaded {
        case ok(BPMNDefinitions)
        case failed(BPMNLoadError)
    }

    /// Validates every input; throws only for configuration problems (a usage error).
    public func validate(_ inputs: [ValidationInput]) throws -> ValidationReport {
        // Configurations first, so that a broken .bpmnrunrc.json is a usage error before any work.
        var configurations: [RuleConfiguration] = []
        for input in inputs {
            switch input {
            case .file(let p): configurations.append(try configs.configuration(forFile: p))
            case .data: configurations.append(try configs.configuration(forFile: nil))
            }
        }

        let loaded = ParallelSlots<Loaded>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            loaded[i] = Validator.load(inputs[i])
        }

        var library = ProcessLibrary()
        for i in 0..<inputs.count {
            if case .ok(let d)? = loaded[i] { library.processIds.formUnion(d.processes.map(\.id)) }
        }
        library.processIds.formUnion(Validator.libraryProcessIds(libraryFolders))

        let configs = configurations
        let lib = library
        let reports = ParallelSlots<FileReport>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            switch loaded[i]! {
            case .failed(let error):
                reports[i] = FileReport(file: inputs[i].name, findings: loadFindings(error, config: configs[i]))
            case .ok(let definitions):
                if case .data(let bytes, _) = inputs[i] {
                    reports[i] = check(definitions, library: lib, config: configs[i], source: bytes)
                } else {
                    reports[i] = check(definitions, library: lib, config: configs[i])
                }
            }
        }
        return ValidationReport(files: (0..<inputs.count).map { reports[$0]! })
    }

    /// Checks one loaded diagram.
    /// `source`: the file's bytes when at hand (else read from the file if a rule needs them).
    public func check(_ definitions: BPMNDefinitions, library: ProcessLibrary, config: RuleConfiguration,
                      source: [UInt8]? = nil) -> FileReport {
        let context = DiagramContext(definitions: definitions, library: library, configuration: config, checkers: checkers,
                                     dialect: dialect, source: source)
        var findings: [Finding] = []
        let profile = Validator.profiling
        for rule in rules where rule.dialects.contains(context.dialect) {
            guard let severity = config.level(of: rule.id).severity else { continue }
            let started = profile ? DispatchTime.now().uptimeNanoseconds : 0
            let ruleFindings = rule.init().check(context)
            if profile {
                let ns = DispatchTime.now().uptimeNanoseconds - started
                FileHandle.standardError.write("profile: \(rule.id) \(Double(ns) / 1e6) ms \(definitions.fileName)\n".data(using: .utf8)!)
            }
            for f in ruleFindings {
                findings.append(Finding(ruleId: rule.id, severity: severity, message: f.message, file: definitions.fileName,
                                        location: f.location, elementId: f.elementId, path: f.path))
            }
        }
        findings.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return FileReport(file: definitions.fileName, findings: findings, dialect: context.dialect)
    }

    static func load(_ input: ValidationInput) -> Loaded {
        do {
            switch input {
            case .file(let path): return .ok(try BPMNLoader.load(path: path, collectingIndex: true))
            case .data(let bytes, let name): return .ok(try BPMNLoader.load(data: bytes, fileName: name, collectingIndex: true))
            }
        } catch let e as BPMNLoadError {
            return .failed(e)
        } catch {
            return .failed(BPMNLoadError(kind: .unreadable, fileName: input.name, message: "\(error)"))
        }
    }

    private func loadFindings(_ error: BPMNLoadError, config: RuleConfiguration) -> [Finding] {
        let ruleId: String
        switch error.kind {
        case .unreadable: ruleId = FileReadableRule.id
        case .notWellFormed: ruleId = XMLWellFormedRule.id
        case .notBPMN: ruleId = BPMNDefinitionsRule.id
        }
        // A file that cannot be loaded cannot be checked: always reported, as an error unless the
        // configuration lowers it to a warning.
        let severity = config.level(of: ruleId) == .warn ? Severity.warning : .error
        return [Finding(ruleId: ruleId, severity: severity, message: error.message, file: error.fileName,
                        location: SourceLocation(line: error.line, column: error.column))]
    }

    /// Ids of the processes in the `.bpmn` files of the `--lib` folders (unreadable ones skipped).
    static func libraryProcessIds(_ folders: [String]) -> Set<String> {
        let files = folders.flatMap { InputCollector.bpmnFiles(under: $0) }
        let ids = ParallelSlots<[String]>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            ids[i] = (try? BPMNLoader.load(path: files[i]))?.processes.map(\.id) ?? []
        }
        return Set((0..<files.count).flatMap { ids[$0] ?? [] })
    }
}

/// A fixed array written by parallel tasks, each task its own slot.
final class ParallelSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }
}
