import BPMNModel

/// What the flow-soundness analyses of one file left unchecked because their work limit ran out.
/// The analyses record their cuts here; `soundness-incomplete` (which runs after them) reports
/// them, so a cut is never silent.
final class SoundnessCoverage {
    struct Cut {
        var ruleId: String
        var processId: String
        var location: SourceLocation
        var workLimit: Int
        var splitsChecked: Int
        var splitsTotal: Int
        /// The first split gateway left unchecked.
        var firstUnchecked: String
    }

    var cuts: [Cut] = []

    static func of(_ diagram: DiagramContext) -> SoundnessCoverage {
        diagram.shared("soundness-coverage") { SoundnessCoverage() }
    }
}
