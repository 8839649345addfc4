import BPMNModel
import Foundation

/// Finds the configuration for each file: `--config FILE` when given, else the nearest
/// `.bpmnrunrc.json` in the file's folder or a parent folder, else the `recommended` preset;
/// `--rule` overrides go on top. Configuration files look like
///
///     { "extends": "camunda7", "rules": { "label-required": "off", "no-bpmndi": "error" },
///       "formTypes": ["multiSelect"], "formValidators": ["iban"], "soundnessWorkLimit": 20000000 }
///
/// `formTypes` and `formValidators` name custom form field types and validators the project's
/// engine registers; `soundnessWorkLimit`
/// the node visits the split/join analyses may spend per process (see `soundness-incomplete`).
/// `extends` is a preset name, a path to another configuration file (relative to the one
/// naming it), or a list of them, applied in order. Thread-safe; folders are looked up once.
public final class ConfigResolver: @unchecked Sendable {
    public static let fileName = ".bpmnrunrc.json"

    private let explicit: RuleConfiguration?
    private let overrides: [String: RuleLevel]
    private let lock = NSLock()
    private var byFolder: [String: Result<RuleConfiguration, ConfigurationError>] = [:]

    public init(configPath: String? = nil, overrides: [String: RuleLevel] = [:]) throws {
        self.overrides = overrides
        if let configPath {
            explicit = try ConfigResolver.load(path: configPath, seen: [])
        } else {
            explicit = nil
        }
    }

    /// The configuration for a file (or, for standard input, the current folder).
    public func configuration(forFile path: String?) throws -> RuleConfiguration {
        if let explicit { return explicit.applying(overrides) }
        let folder: String
        if let path {
            folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        } else {
            folder = FileManager.default.currentDirectoryPath
        }
        return try configuration(forFolder: folder).get().applying(overrides)
    }

    private func configuration(forFolder folder: String) -> Result<RuleConfiguration, ConfigurationError> {
        lock.lock()
        if let hit = byFolder[folder] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let result: Result<RuleConfiguration, ConfigurationError>
        let candidate = (folder as NSString).appendingPathComponent(ConfigResolver.fileName)
        if FileManager.default.fileExists(atPath: candidate) {
            result = Result { try ConfigResolver.load(path: candidate, seen: []) }.mapError { $0 as! ConfigurationError }
        } else {
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty {
                result = .success(.recommended)
            } else {
                result = configuration(forFolder: parent)
            }
        }
        lock.lock()
        byFolder[folder] = result
        lock.unlock()
        return result
    }

    /// Reads one configuration file and what it extends.
    static func load(path: String, seen: Set<String>) throws -> RuleConfiguration {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        if seen.contains(full) { throw ConfigurationError("\(path): 'extends' goes round in a circle") }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw ConfigurationError("\(path): cannot read the configuration file")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError("\(path): not valid JSON (\(error.localizedDescription))")
        }
        guard let object = json as? [String: Any] else {
            throw ConfigurationError("\(path): expected a JSON object with \"extends\" and \"rules\"")
        }
        for key in object.keys where !["extends", "rules", "formTypes", "formValidators", "soundnessWorkLimit", "$schema"].contains(key) {
            throw ConfigurationError("\(path): unknown key '\(key)' (a configuration has \"extends\", \"rules\", \"formTypes\", \"formValidators\" and \"soundnessWorkLimit\")")
        }
        var extends: [String] = []
        switch object["extends"] {
        case nil: break
        case let s as String: extends = [s]
        case let list as [String]: extends = list
        default: throw ConfigurationError("\(path): \"extends\" must be a preset name, a file, or a list of them")
        }
        var config = RuleConfiguration(levels: extends.isEmpty ? Preset.recommended.levels : [:])
        let folder = (full as NSString).deletingLastPathComponent
        for base in extends {
            let name = base.hasPrefix("bpmnrun:") ? String(base.dropFirst("bpmnrun:".count)) : base
            if let preset = Preset(rawValue: name) {
                config = config.applying(preset.levels)
            } else if name.hasSuffix(".json") {
                let basePath = name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name)
                let base = try load(path: basePath, seen: seen.union([full]))
                config = config.applying(base.levels)
                config.customFormTypes.formUnion(base.customFormTypes)
                config.customFormValidators.formUnion(base.customFormValidators)
                if let limit = base.soundnessWorkLimit { config.soundnessWorkLimit = limit }
            } else {
                throw ConfigurationError("\(path): cannot extend '\(base)': use a preset (\(Preset.allCases.map(\.rawValue).joined(separator: ", "))) or a .json file")
            }
        }
        if let types = object["formTypes"] {
            guard let list = types as? [String] else {
                throw ConfigurationError("\(path): \"formTypes\" must be a list of form field type names")
            }
            config.customFormTypes.formUnion(list)
        }
        if let validators = object["formValidators"] {
            guard let list = validators as? [String] else {
                throw ConfigurationError("\(path): \"formValidators\" must be a list of form field validator names")
            }
            config.customFormValidators.formUnion(list)
        }
        if let limit = object["soundnessWorkLimit"] {
            guard let n = limit as? NSNumber, n.doubleValue >= 1,
                  n.doubleValue == n.doubleValue.rounded(), n.doubleValue <= Double(Int32.max) else {
                throw ConfigurationError("\(path): \"soundnessWorkLimit\" must be a whole number of node visits (at least 1)")
            }
            config.soundnessWorkLimit = n.intValue
        }
        if let rules = object["rules"] {
            guard let map = rules as? [String: Any] else {
                throw ConfigurationError("\(path): \"rules\" must be an object of rule id to off, warn or error")
            }
            var levels: [String: RuleLevel] = [:]
            for (id, value) in map {
                guard RuleRegistry.rule(id: id) != nil else { throw ConfigurationError(unknownRuleMessage(id, source: path)) }
                let text: String
                switch value {
                case let s as String: text = s
                case let n as NSNumber: text = n.stringValue
                default: text = "?"
                }
                guard let level = RuleLevel(text: text) else {
                    throw ConfigurationError("\(path): rule '\(id)' must be off, warn or error")
                }
                levels[id] = level
            }
            config = config.applying(levels)
        }
        return config
    }
}
