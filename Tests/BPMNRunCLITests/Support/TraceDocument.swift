import Foundation

/// A `bpmnrun-trace/1` JSON document (docs/trace-format.md) as the CLI wrote it.
struct TraceDocument {
    let json: JSONValue

    init(data: Data, source: String) throws {
        guard let json = try? JSONValue.parse(data), json.object != nil else {
            throw NotATrace(message: "\(source) is not one JSON object:\n\(String(decoding: data.prefix(2000), as: UTF8.self))")
        }
        self.json = json
    }

    init(file: URL) throws {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw NotATrace(message: "no trace was written at \(file.path)")
        }
        try self.init(data: data, source: file.lastPathComponent)
    }

    struct NotATrace: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    var format: String? { json["format"]?.string }
    var status: String? { json["status"]?.string }
    var process: String? { json["process"]?.string }
    var active: [String] { json["active"]?.array?.compactMap(\.string) ?? [] }
    var variables: [String: JSONValue] { json["variables"]?.object ?? [:] }
    var events: [JSONValue] { json["events"]?.array ?? [] }
    var errorMessage: String? { json["error"]?["message"]?.string }

    func events(_ name: String) -> [JSONValue] { events.filter { $0["event"]?.string == name } }

    /// Element ids of the `activityCompleted` events, in order.
    var completedElements: [String] { events("activityCompleted").compactMap { $0["element"]?.string } }
}
