import Foundation

/// Validates JSON against a JSON Schema (draft 2020-12), for the keywords docs/trace.schema.json
/// uses: type, const, enum, properties, required, additionalProperties, items, minimum, pattern,
/// allOf, anyOf, oneOf, not, if/then/else and local `$ref`s (`#/$defs/...`). Any other keyword is
/// reported as unsupported rather than ignored, so the schema cannot silently say more than is
/// checked. Annotations ($schema, $id, title, description, format, $comment, $defs) are skipped.
struct JSONSchemaValidator {
    let root: JSONValue

    struct Failure: Equatable, CustomStringConvertible {
        let path: String   // JSON Pointer into the instance, "" for the root
        let message: String
        var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
    }

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "format", "$comment", "$defs"]
    static let supported: Set<String> = ["type", "const", "enum", "properties", "required", "additionalProperties", "items",
                                         "minimum", "pattern", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref"]

    init(schema: JSONValue) { root = schema }

    func validate(_ instance: JSONValue) -> [Failure] {
        var failures: [Failure] = []
        check(instance, against: root, path: "", into: &failures)
        return failures
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into failures: inout [Failure]) {
        if case .bool(let allowed) = schema {
            if !allowed { failures.append(Failure(path: path, message: "no value is allowed here")) }
            return
        }
        guard let keywords = schema.object else {
            failures.append(Failure(path: path, message: "schema is neither an object nor a boolean: \(schema)"))
            return
        }
        for key in keywords.keys.sorted() where !Self.annotations.contains(key) && !Self.supported.contains(key) {
            failures.append(Failure(path: path, message: "unsupported schema keyword '\(key)'"))
        }
        if let ref = keywords["$ref"]?.string {
            if let target = resolve(ref) { check(value, against: target, path: path, into: &failures) }
            else { failures.append(Failure(path: path, message: "unresolvable $ref '\(ref)'")) }
        }
        if let type = keywords["type"] {
            let names = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !names.contains(where: { Self.has(value, type: $0) }) {
                failures.append(Failure(path: path, message: "\(value) is not of type \(names.joined(separator: " or "))"))
            }
        }
        if let expected = keywords["const"], value != expected {
            failures.append(Failure(path: path, message: "\(value) is not \(expected)"))
        }
        if let options = keywords["enum"]?.array, !options.contains(value) {
            failures.append(Failure(path: path, message: "\(value) is not one of \(options.map(\.description).joined(separator: ", "))"))
        }
        if let minimum = keywords["minimum"]?.number, let n = value.number, n < minimum {
            failures.append(Failure(path: path, message: "\(value) is less than \(JSONValue.number(minimum))"))
        }
        if let pattern = keywords["pattern"]?.string, let s = value.string {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                if regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
                    failures.append(Failure(path: path, message: "\"\(s)\" does not match \(pattern)"))
                }
            } else {
                failures.append(Failure(path: path, message: "invalid pattern \(pattern)"))
            }
        }
        if let object = value.object {
            let properties = keywords["properties"]?.object ?? [:]
            for name in keywords["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                failures.append(Failure(path: path, message: "required key '\(name)' is missing"))
            }
            for (name, item) in object.sorted(by: { $0.key < $1.key }) {
                let itemPath = path + "/" + Self.escapePointer(name)
                if let sub = properties[name] {
                    check(item, against: sub, path: itemPath, into: &failures)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        failures.append(Failure(path: itemPath, message: "key '\(name)' is not allowed"))
                    } else {
                        check(item, against: additional, path: itemPath, into: &failures)
                    }
                }
            }
        }
        if let items = keywords["items"], let array = value.array {
            for (i, item) in array.enumerated() { check(item, against: items, path: path + "/\(i)", into: &failures) }
        }
        for sub in keywords["allOf"]?.array ?? [] { check(value, against: sub, path: path, into: &failures) }
        if let options = keywords["anyOf"]?.array, !options.contains(where: { passes(value, $0) }) {
            failures.append(Failure(path: path, message: "\(value) matches none of the anyOf schemas"))
        }
        if let options = keywords["oneOf"]?.array {
            let matching = options.filter { passes(value, $0) }.count
            if matching != 1 { failures.append(Failure(path: path, message: "\(value) matches \(matching) of the oneOf schemas, not exactly 1")) }
        }
        if let negated = keywords["not"], passes(value, negated) {
            failures.append(Failure(path: path, message: "\(value) must not match \(negated)"))
        }
        if let condition = keywords["if"] {
            if passes(value, condition) {
                if let then = keywords["then"] { check(value, against: then, path: path, into: &failures) }
            } else if let otherwise = keywords["else"] {
                check(value, against: otherwise, path: path, into: &failures)
            }
        }
    }

    private func passes(_ value: JSONValue, _ schema: JSONValue) -> Bool {
        var failures: [Failure] = []
        check(value, against: schema, path: "", into: &failures)
        return failures.isEmpty
    }

    /// `#` or `#/a/b` (JSON Pointer within this schema).
    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node = root
        for token in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = node.object, let next = object[key] { node = next }
            else if let array = node.array, let i = Int(key), array.indices.contains(i) { node = array[i] }
            else { return nil }
        }
        return node
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case ("integer", .number(let n)):
            return n == n.rounded() && n.isFinite
        default:
            return false
        }
    }

    static func escapePointer(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
