/// Builds a log with one trace per run (process instance), in the order given.
extension XESLog {
    /// One run to put in a log: its trace events and what the JSON trace's head and tail say.
    public struct Run: Sendable {
        public var process: String
        public var diagramFile: String
        public var status: String?
        public var events: [TraceEvent]
        /// The JSON trace the run was read from, when it was converted from one.
        public var source: String?

        public init(process: String, diagramFile: String, status: String?, events: [TraceEvent], source: String? = nil) {
            self.process = process
            self.diagramFile = diagramFile
            self.status = status
            self.events = events
            self.source = source
        }

        public init(_ saved: SavedTrace, source: String) {
            self.init(process: saved.process, diagramFile: saved.file, status: saved.status, events: saved.events, source: source)
        }
    }

    /// The log of `runs`: the i-th run (from 1) is the trace named `<process>#<i>`. The log is named
    /// after the process when every run ran the same one.
    public init(runs: [Run]) {
        self.init(processes: runs.map(\.process), traces: runs.enumerated().map { index, run in
            var builder = XESTraceBuilder()
            for event in run.events { builder.add(event) }
            return builder.trace(caseId: "\(run.process)#\(index + 1)", run: run)
        })
    }

    /// A log of traces already built; `processes` names the process each one ran.
    init(processes: [String], traces: [XESTrace]) {
        let distinct = Set(processes)
        self.init(attributes: [
            XESAttribute("concept:name", .string(distinct.count == 1 ? distinct.first! : "bpmnrun")),
            XESAttribute("lifecycle:model", .string("standard")),
        ], traces: traces)
    }
}

extension XESTraceBuilder {
    func trace(caseId: String, run: XESLog.Run) -> XESTrace {
        var attributes = [
            XESAttribute("concept:name", .string(caseId)),
            XESAttribute("process", .string(run.process)),
            XESAttribute("diagram", .string(run.diagramFile)),
        ]
        if let status = run.status { attributes.append(XESAttribute("status", .string(status))) }
        if let source = run.source { attributes.append(XESAttribute("source", .string(source))) }
        return XESTrace(attributes: attributes, events: events)
    }
}
