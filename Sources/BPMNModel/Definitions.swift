/// One parsed BPMN file: its processes and the root elements they refer to.
public struct BPMNDefinitions: Sendable {
    /// The path the file was loaded from (as given by the user), used in every message.
    public var fileName: String
    public var id: String?
    public var targetNamespace: String?
    public var exporter: String?
    public var exporterVersion: String?
    public var processes: [ProcessSpec]
    public var messages: [RootElement]
    public var signals: [RootElement]
    public var errors: [ErrorElement]
    public var escalations: [EscalationElement]
    public var participants: [Participant]
    /// Things the parser noticed but could live with (unknown elements in a BPMN namespace, ...).
    public var warnings: [ParseDiagnostic]
    /// Ids, diagram references and associations; nil unless the loader was asked to collect them.
    public var index: DocumentIndex?
    /// The y coordinate of each element's BPMNDI shape (top edge), by element id; empty without BPMNDI.
    public var shapeY: [String: Double] = [:]

    public init(fileName: String, id: String? = nil, targetNamespace: String? = nil, exporter: String? = nil,
                exporterVersion: String? = nil, processes: [ProcessSpec] = [], messages: [RootElement] = [],
                signals: [RootElement] = [], errors: [ErrorElement] = [], escalations: [EscalationElement] = [],
                participants: [Participant] = [], warnings: [ParseDiagnostic] = []) {
        self.fileName = fileName
        self.id = id
        self.targetNamespace = targetNamespace
        self.exporter = exporter
        self.exporterVersion = exporterVersion
        self.processes = processes
        self.messages = messages
        self.signals = signals
        self.errors = errors
        self.escalations = escalations
        self.participants = participants
        self.warnings = warnings
    }

    public func process(id: String) -> ProcessSpec? { processes.first { $0.id == id } }
    public func message(id: String) -> RootElement? { messages.first { $0.id == id } }
    public func signal(id: String) -> RootElement? { signals.first { $0.id == id } }
    public func error(id: String) -> ErrorElement? { errors.first { $0.id == id } }
    public func escalation(id: String) -> EscalationElement? { escalations.first { $0.id == id } }
}

/// `<message>` or `<signal>`: an id and a name.
public struct RootElement: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var location: SourceLocation
    public init(id: String, name: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// `<error id name errorCode camunda:errorMessage>`.
public struct ErrorElement: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var errorCode: String?
    public var errorMessage: String?
    public var location: SourceLocation
    public init(id: String, name: String?, errorCode: String?, errorMessage: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.location = location
    }
}

/// `<escalation id name escalationCode>`.
public struct EscalationElement: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var escalationCode: String?
    public var location: SourceLocation
    public init(id: String, name: String?, escalationCode: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.escalationCode = escalationCode
        self.location = location
    }
}

/// A pool of a collaboration, pointing at the process it shows.
public struct Participant: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var processRef: String?
    public var location: SourceLocation
    public init(id: String, name: String?, processRef: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.processRef = processRef
        self.location = location
    }
}

/// A message about the file found while loading it.
public struct ParseDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var elementId: String?

    public init(severity: Severity, message: String, location: SourceLocation, elementId: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.elementId = elementId
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message)" + (elementId.map { " (\($0))" } ?? "")
    }
}
