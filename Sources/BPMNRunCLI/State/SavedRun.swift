import BPMNEngine
import BPMNModel

/// Everything a `--state` file holds: the instance state, what is needed to load the same diagram
/// with the same options again, the trace so far and the answers consumed. docs/state-format.md
/// describes each field. Written inside the envelope `StateFile` adds (version and checksum).
struct SavedRun: Codable {
    /// A file the run depends on, with the SHA-256 of its bytes when the state was saved.
    struct SavedFile: Codable, Equatable {
        /// The path as given on the command line (the trace names it so).
        var path: String
        /// The same path made absolute, so `resume` works from another folder.
        var absolutePath: String
        var sha256: String
    }

    /// The `run` options that a resumed run must use again.
    struct Options: Codable {
        var process: String
        var dialect: String?
        var serviceTasks: String
        var scriptTimeout: Double
        var clock: String
        var startTime: String?
        var startMessage: String?
        var startSignal: String?
        var libraries: [String]
        /// `--trace` of the run (absolute, or `-`): resume writes the whole trace there again
        /// unless it is given another `--trace`.
        var trace: String?
    }

    /// The answers file the run used and how many of its steps were applied.
    struct Answers: Codable {
        var path: String
        var sha256: String
        var consumed: Int
    }

    /// The element ids of one loaded process, so indices in `instance` can be matched to the
    /// diagram again, and a fingerprint per element to tell what changed.
    struct ProcessShape: Codable {
        /// "file#processId", as in `instance.processKeys`.
        var key: String
        var nodes: [String]
        var flows: [String]
        /// Element id -> fingerprint (SHA-256 of its definition without layout or line numbers).
        var prints: [String: String]
        /// Element id -> ids of the elements a token there can reach next (a node's outgoing flows,
        /// boundary events, children and compensation handler; a flow's target).
        var next: [String: [String]]
    }

    /// A task waiting for input, for `bpmnrun status` (which needs no diagram).
    struct WaitingTaskSummary: Codable {
        struct Field: Codable {
            var id: String
            var label: String?
            var type: String
        }
        var element: String
        var name: String?
        var reason: String
        var token: Int
        var assignee: String?
        var formKey: String?
        var fields: [Field]
    }

    var tool: String
    var savedAt: String
    var diagram: SavedFile
    var calledFiles: [SavedFile]
    var options: Options
    /// Start variables, kept until the run has started (a kill before the first wait restarts it).
    var startVariables: [String: VariableValue]
    var answers: Answers?
    var processes: [ProcessShape]
    var waiting: [WaitingTaskSummary]
    /// Messages, signals, timers and conditions waited for, as the trace's `pending` lists them.
    var pending: [VariableValue]
    var instance: InstanceState
    /// The part of the trace journal (`<state>.trace`) that belongs to this state.
    struct TraceRecord: Codable, Equatable {
        /// The journal's file name, beside the state file.
        var file: String
        var events: Int
        var bytes: Int
        /// SHA-256 of those bytes.
        var sha256: String
    }

    var traceJournal: TraceRecord

    /// The trace events so far, read from the journal by `resume` (not part of the state file).
    var trace: [VariableValue] = []

    enum CodingKeys: String, CodingKey {
        case tool, savedAt, diagram, calledFiles, options, startVariables, answers, processes, waiting, pending, instance, traceJournal
    }
}
