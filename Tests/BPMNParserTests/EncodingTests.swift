import BPMNModel
import XCTest
@testable import BPMNParser

/// Encodings other than plain UTF-8 load, with element positions still in lines and characters.
final class EncodingTests: XCTestCase {
    private let body = """
    <definitions xmlns="\(bpmnNS)" id="d">
      <process id="p">
        <task id="t" name="Grün"/>
      </process>
    </definitions>
    """

    func testUTF8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).utf8)
        let d = try BPMNLoader.load(data: bytes, fileName: "bom.bpmn")
        XCTAssertEqual(d.processes[0].location, SourceLocation(line: 3, column: 3))
        XCTAssertEqual(d.processes[0].nodes[0].location, SourceLocation(line: 4, column: 5))
        XCTAssertEqual(d.processes[0].nodes[0].name, "Grün")
    }

    func testUTF16WithByteOrderMark() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let d = try BPMNLoader.load(data: bytes, fileName: "utf16.bpmn")
        XCTAssertEqual(d.processes[0].nodes[0].name, "Grün")
        XCTAssertEqual(d.processes[0].location, SourceLocation(line: 3, column: 3))
        XCTAssertEqual(d.processes[0].nodes[0].location, SourceLocation(line: 4, column: 5))
    }

    func testDeclaredEncodingThatLiesIsAnError() throws {
        // Declared UTF-16 but written as single bytes: libxml2 cannot read it.
        let bytes = Array(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body).utf8)
        let e = loadError(bytes)
        XCTAssertNotEqual(e?.kind, .notBPMN)
        XCTAssertGreaterThan(e?.line ?? 0, 0)
    }
}
