import BPMNEngine
import Foundation

extension ISODuration {
    /// How far the clock moves for `advance`: the duration added to the epoch, so months and years
    /// count as calendar months and years from 1970 (what "advance P1M" can mean without a date).
    var secondsFromEpoch: Double {
        let origin = Date(timeIntervalSince1970: 0)
        return adding(to: origin).timeIntervalSince(origin)
    }
}
