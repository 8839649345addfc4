import BPMNModel
import Foundation
import XCTest

final class WhitespaceTrimmingTests: XCTestCase {
    func testTrimsLikeFoundation() {
        let samples = ["", "  ", "x", " x ", "\n\t ${a &lt; 3}\r\n", "\u{00A0}ä ö\u{2003}", "a\u{0085}", "\u{3000}日本\u{3000}",
                       "execution.setVariable(\"steps\", steps + 1);", " \u{301}x", "e\u{301} ",
                       " \u{00A0}x", "x \u{2003} ", "\u{00A0} \t", " é ", "\t\u{0085}\n", "\u{000B}\u{000C}x\u{001C}", "\n\n"]
        for s in samples {
            XCTAssertEqual(s.trimmingWhitespace(), s.trimmingCharacters(in: .whitespacesAndNewlines), "for \(s.debugDescription)")
        }
    }

    func testInnerWhitespaceStays() {
        XCTAssertEqual("  a \n b  ".trimmingWhitespace(), "a \n b")
    }
}
