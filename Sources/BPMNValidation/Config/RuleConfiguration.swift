/// The level of every rule for one file.
public struct RuleConfiguration: Sendable, Equatable {
    public var levels: [String: RuleLevel]
    /// Form field types the engine registers besides Camunda's built-in ones
    /// (`"formTypes": [...]` in the configuration).
    public var customFormTypes: Set<String>
    /// Form field validators the engine registers besides Camunda's built-in ones
    /// (`"formValidators": [...]`).
    public var customFormValidators: Set<String> = []
    /// Node visits each split/join analysis of the flow-soundness rules may spend per process
    /// (`"soundnessWorkLimit"`); nil means the built-in limit, which grows with the process size.
    public var soundnessWorkLimit: Int?

    public init(levels: [String: RuleLevel], customFormTypes: Set<String> = [], soundnessWorkLimit: Int? = nil) {
        self.levels = levels
        self.customFormTypes = customFormTypes
        self.soundnessWorkLimit = soundnessWorkLimit
    }

    public static let recommended = RuleConfiguration(levels: Preset.recommended.levels)

    public func level(of ruleId: String) -> RuleLevel {
        levels[ruleId] ?? RuleRegistry.rule(id: ruleId)?.defaultLevel ?? .off
    }

    /// Applies `id -> level` on top (later settings win).
    public func applying(_ overrides: [String: RuleLevel]) -> RuleConfiguration {
        var c = self
        for (k, v) in overrides { c.levels[k] = v }
        return c
    }
}

/// A problem with a configuration file or a `--rule` option: a usage error (exit code 2).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Parses `id=level` (the `--rule` option).
public func parseRuleOverride(_ text: String) throws -> (String, RuleLevel) {
    guard let eq = text.firstIndex(of: "=") else {
        throw ConfigurationError("--rule takes id=level (off, warn or error), not '\(text)'")
    }
    let id = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let levelText = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
    guard RuleRegistry.rule(id: id) != nil else { throw ConfigurationError(unknownRuleMessage(id, source: "--rule")) }
    guard let level = RuleLevel(text: levelText) else {
        throw ConfigurationError("--rule \(id)=\(levelText): the level must be off, warn or error")
    }
    return (id, level)
}

func unknownRuleMessage(_ id: String, source: String) -> String {
    let close = RuleRegistry.all.map { $0.id }.filter { $0.contains(id) || id.contains($0) }.sorted()
    var m = "\(source): unknown rule '\(id)'"
    if !close.isEmpty { m += " (did you mean \(close.joined(separator: ", "))?)" }
    return m + "; `bpmnrun validate --list-rules` lists every rule"
}

import Foundation
