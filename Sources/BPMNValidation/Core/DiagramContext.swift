import BPMNModel
import BPMNPython
import BPMNParser
import BPMNScripting

/// Process ids that `calledElement` may point at: those of every file being validated and of the
/// `--lib` folders.
public struct ProcessLibrary: Sendable {
    public var processIds: Set<String>
    public init(processIds: Set<String> = []) { self.processIds = processIds }
}

/// Everything a rule sees about one loaded file. Not shared between threads.
public final class DiagramContext {
    public let definitions: BPMNDefinitions
    public let index: DocumentIndex
    public let library: ProcessLibrary
    /// The configuration the file is checked with (rules read options such as custom form types).
    public let configuration: RuleConfiguration
    /// The dialect the file is checked in: the one asked for, or what `DialectDetector` finds in
    /// the file's processes (rules declare the dialects they apply to).
    public let dialect: Dialect
    /// Under `--dialect auto`, a diagram mixing both dialects' decisive notation (reported by
    /// `dialect-conflict`; the file is then checked in the dialect with more clues).
    public let dialectConflict: DialectConflict?
    private let checkerRegistry: ScriptCheckerRegistry
    private var checkers: [ScriptLanguage: any ScriptSyntaxChecker] = [:]

    private let givenSource: [UInt8]?

    /// `dialect` nil means auto: detected from the file. `source`: the file's bytes when they are at
    /// hand (standard input); otherwise they are read again from `definitions.fileName` when a rule
    /// first needs them.
    public init(definitions: BPMNDefinitions, library: ProcessLibrary = ProcessLibrary(),
                configuration: RuleConfiguration = .recommended, checkers: ScriptCheckerRegistry = .shared,
                dialect: Dialect? = .camunda, source: [UInt8]? = nil) {
        if let dialect {
            self.dialect = dialect
            self.dialectConflict = nil
        } else {
            let decision = DialectDetector.detect(definitions)
            self.dialect = decision.dialect
            self.dialectConflict = decision.conflict
        }
        self.definitions = definitions
        self.givenSource = source
        self.configuration = configuration
        self.index = definitions.index ?? DocumentIndex()
        self.library = library
        self.checkerRegistry = checkers
    }

    public var file: String { definitions.fileName }

    /// The file's bytes, for rules that point inside attribute values and texts (nil when the
    /// file cannot be read again). Read only when first asked for: most files never need it.
    public lazy var source: [UInt8]? = givenSource ?? (try? BPMNLoader.readBytes(path: definitions.fileName))
    public var processes: [ProcessSpec] { definitions.processes }

    /// Every flow node of every process, with its process.
    public func forEachNode(_ body: (ProcessSpec, FlowNode) -> Void) {
        for p in definitions.processes {
            for n in p.nodes { body(p, n) }
        }
    }

    /// The processes Camunda 7 deploys (isExecutable="true"); it never parses the others, so its
    /// deployability checks apply to these only.
    public var executableProcesses: [ProcessSpec] { definitions.processes.filter { $0.isExecutable == true } }

    /// Every flow node of every executable process.
    public func forEachExecutableNode(_ body: (ProcessSpec, FlowNode) -> Void) {
        for p in definitions.processes where p.isExecutable == true {
            for n in p.nodes { body(p, n) }
        }
    }

    private var languages: [String: ScriptLanguage] = [:]
    private var memo: [String: Any] = [:]

    /// A value computed once per file and shared by the rules that need it (flow graphs, ...).
    public func shared<T>(_ key: String, _ make: () -> T) -> T {
        if let v = memo[key] as? T { return v }
        let v = make()
        memo[key] = v
        return v
    }

    /// `ScriptLanguage(format:)`, remembered per format text (diagrams repeat a handful of
    /// formats thousands of times, and the mapping trims and lowercases).
    public func language(of format: String?) -> ScriptLanguage {
        let key = format ?? ""
        if let known = languages[key] { return known }
        let l = ScriptLanguage(format: format)
        languages[key] = l
        return l
    }

    /// A syntax checker for a script language, or nil when bpmnrun has none for it.
    public func checker(for language: ScriptLanguage) -> (any ScriptSyntaxChecker)? {
        if let c = checkers[language] { return c }
        guard let c = checkerRegistry.checkOut(language) else { return nil }
        checkers[language] = c
        return c
    }

    deinit {
        for (language, c) in checkers { checkerRegistry.checkIn(c, for: language) }
    }

    /// The first message / signal / error / escalation / process with this id, if any.
    public func hasRootElement(_ id: String) -> Bool {
        definitions.message(id: id) != nil || definitions.signal(id: id) != nil || definitions.error(id: id) != nil
            || definitions.escalation(id: id) != nil
    }

    /// Ids declared anywhere in the file.
    public lazy var declaredIds: Set<String> = Set(index.ids.map(\.id))
}

extension ProcessSpec {
    /// The enclosing scope's node index chain, innermost first.
    public func scopeChain(of node: Int) -> [Int] {
        var out: [Int] = []
        var cur = nodes[node].parent
        while let c = cur {
            out.append(c)
            cur = nodes[c].parent
        }
        return out
    }
}
