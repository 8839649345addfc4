/// The Camunda extension elements found under `<extensionElements>` (namespace
/// `http://camunda.org/schema/1.0/bpmn` or the legacy `http://activiti.org/bpmn`).
/// Anything else there is skipped by the parser.
public struct ExtensionElements: Hashable, Sendable {
    /// `camunda:formData` (or legacy `camunda:formProperty` list); nil when neither is present.
    public var form: FormSpec?
    /// `camunda:inputOutput`.
    public var inputParameters: [IOParameter]
    public var outputParameters: [IOParameter]
    /// `camunda:in` / `camunda:out` of a call activity (or a signal/message throw).
    public var inMappings: [VariableMapping]
    public var outMappings: [VariableMapping]
    public var executionListeners: [ListenerSpec]
    public var taskListeners: [ListenerSpec]
    /// `camunda:properties` entries, in order.
    public var properties: [NameValue]
    /// `camunda:field` injections (for class/delegate expressions).
    public var fields: [NameValue]
    /// `camunda:connector`'s `connectorId` (empty when the connector names none); nil without a connector.
    public var connectorId: String?

    public init(form: FormSpec? = nil, inputParameters: [IOParameter] = [], outputParameters: [IOParameter] = [],
                inMappings: [VariableMapping] = [], outMappings: [VariableMapping] = [],
                executionListeners: [ListenerSpec] = [], taskListeners: [ListenerSpec] = [],
                properties: [NameValue] = [], fields: [NameValue] = []) {
        self.form = form
        self.inputParameters = inputParameters
        self.outputParameters = outputParameters
        self.inMappings = inMappings
        self.outMappings = outMappings
        self.executionListeners = executionListeners
        self.taskListeners = taskListeners
        self.properties = properties
        self.fields = fields
    }

    public var isEmpty: Bool { self == ExtensionElements() }
}

public struct NameValue: Hashable, Sendable {
    public var name: String
    public var value: String?
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// A user task's (or start event's) form: `camunda:formData` fields and/or a `camunda:formKey`.
public struct FormSpec: Hashable, Sendable {
    public var fields: [FormField]
    /// `camunda:formKey` of the owning element, if any.
    public var formKey: String?
    /// `businessKey` attribute of `camunda:formData`.
    public var businessKey: String?
    /// True when the fields came from legacy `camunda:formProperty` elements.
    public var isLegacyFormProperties: Bool
    public var location: SourceLocation

    public init(fields: [FormField] = [], formKey: String? = nil, businessKey: String? = nil,
                isLegacyFormProperties: Bool = false, location: SourceLocation = .unknown) {
        self.fields = fields
        self.formKey = formKey
        self.businessKey = businessKey
        self.isLegacyFormProperties = isLegacyFormProperties
        self.location = location
    }
}

/// `camunda:formField`.
public struct FormField: Hashable, Sendable {
    public var id: String
    public var label: String?
    /// `type` as written: string, long, boolean, date, enum, or a custom type name. nil when absent.
    public var type: String?
    public var defaultValue: String?
    /// `datePattern` for date fields (Camunda's default is `dd/MM/yyyy`).
    public var datePattern: String?
    /// Enum entries (`camunda:value id name`), in order.
    public var enumValues: [NameValue]
    /// `camunda:validation` constraints (`name`, `config`), in order.
    public var constraints: [NameValue]
    /// `camunda:properties` of the field.
    public var properties: [NameValue]
    public var location: SourceLocation

    public init(id: String, label: String? = nil, type: String? = nil, defaultValue: String? = nil,
                datePattern: String? = nil, enumValues: [NameValue] = [], constraints: [NameValue] = [],
                properties: [NameValue] = [], location: SourceLocation = .unknown) {
        self.id = id
        self.label = label
        self.type = type
        self.defaultValue = defaultValue
        self.datePattern = datePattern
        self.enumValues = enumValues
        self.constraints = constraints
        self.properties = properties
        self.location = location
    }

    /// The config of the first constraint with this name; `""` when present without config.
    public func constraint(_ name: String) -> String? {
        constraints.first { $0.name == name }.map { $0.value ?? "" }
    }
}

/// A `camunda:inputParameter` / `camunda:outputParameter`.
public struct IOParameter: Hashable, Sendable {
    public var name: String
    public var value: IOValue
    public var location: SourceLocation
    public init(name: String, value: IOValue, location: SourceLocation = .unknown) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// The value of an I/O parameter: text (which may hold `${}` expressions), a script, a list or a map.
public indirect enum IOValue: Hashable, Sendable {
    case none
    case text(String)
    case script(ScriptSpec)
    case list([IOValue])
    case map([(key: String, value: IOValue)])

    public static func == (a: IOValue, b: IOValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.text(let x), .text(let y)): return x == y
        case (.script(let x), .script(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.map(let x), .map(let y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .text(let t): hasher.combine(1); hasher.combine(t)
        case .script(let s): hasher.combine(2); hasher.combine(s)
        case .list(let l): hasher.combine(3); hasher.combine(l)
        case .map(let m): hasher.combine(4); for e in m { hasher.combine(e.key); hasher.combine(e.value) }
        }
    }
}

/// `camunda:in` / `camunda:out`.
public struct VariableMapping: Hashable, Sendable {
    public var source: String?
    public var sourceExpression: String?
    public var target: String?
    /// `variables="all"`.
    public var allVariables: Bool
    /// `local="true"`.
    public var local: Bool
    /// `businessKey` expression (camunda:in only).
    public var businessKey: String?
    public var location: SourceLocation

    public init(source: String? = nil, sourceExpression: String? = nil, target: String? = nil, allVariables: Bool = false,
                local: Bool = false, businessKey: String? = nil, location: SourceLocation = .unknown) {
        self.source = source
        self.sourceExpression = sourceExpression
        self.target = target
        self.allVariables = allVariables
        self.local = local
        self.businessKey = businessKey
        self.location = location
    }
}

/// `camunda:executionListener` / `camunda:taskListener`.
public struct ListenerSpec: Hashable, Sendable {
    public enum Implementation: Hashable, Sendable {
        case javaClass(String)
        case expression(String)
        case delegateExpression(String)
        case script(ScriptSpec)
        case none
    }
    /// start, end, take (execution); create, assignment, complete, delete, update, timeout (task).
    public var event: String?
    public var implementation: Implementation
    public var location: SourceLocation

    public init(event: String?, implementation: Implementation, location: SourceLocation = .unknown) {
        self.event = event
        self.implementation = implementation
        self.location = location
    }
}
