import BPMNModel
import Foundation

/// Writes a run as an XES log (`--xes FILE`). Unlike the JSON trace it is written once, when the run
/// stops: a user task's resource is known only after its start event, and XES puts a trace's
/// attributes (its status) before its events. A run killed before it stops leaves no XES file;
/// its JSON trace can still be converted (`bpmnrun trace convert`).
public final class XESTraceWriter: TraceSink {
    public let path: String
    private let diagramFile: String
    private let processId: String
    /// Only the XES events are kept while the run goes on, not every trace event.
    private var builder = XESTraceBuilder()
    private var finished = false

    /// Checks now that `path` can be written, so a wrong path stops the run before it starts.
    public init(path: String, diagramFile: String, processId: String) throws {
        self.path = path
        self.diagramFile = diagramFile
        self.processId = processId
        if path != "-" {
            guard let f = fopen(path, "w") else {
                throw JSONTraceWriter.OpenError(path: path, reason: String(cString: strerror(errno)), kind: "XES log")
            }
            fclose(f)
        }
    }

    public func record(_ event: TraceEvent) {
        guard !finished else { return }
        builder.add(event)
    }

    public func finish(_ summary: TraceSummary) {
        guard !finished else { return }
        finished = true
        let run = XESLog.Run(process: processId, diagramFile: diagramFile, status: summary.status.rawValue, events: [])
        let log = XESLog(processes: [processId], traces: [builder.trace(caseId: "\(processId)#1", run: run)])
        let xml = XESWriter.xml(log)
        if path == "-" {
            FileHandle.standardOutput.write(Data(xml.utf8))
        } else if !FileManager.default.createFile(atPath: path, contents: Data(xml.utf8)) {
            FileHandle.standardError.write(Data("bpmnrun: cannot write the XES log to \(path)\n".utf8))
        }
        builder = XESTraceBuilder()
    }
}
