import Foundation
import XCTest
@testable import BPMNValidation

/// The parse-failure cases of ../shared/conformance (diagrams Camunda 7 refuses to deploy, from
/// its own tests) are all reported as errors, with Camunda's message and main element.
final class ConformanceParseErrorTests: XCTestCase {
    func testEveryParseErrorCaseIsAnError() throws {
        guard let shared = sharedFolder() else {
            throw XCTSkip("skipped: ../shared is absent (it holds the Camunda 7 conformance cases)")
        }
        let conformance = shared.appendingPathComponent("conformance")
        let data = try Data(contentsOf: conformance.appendingPathComponent("cases.json"))
        let root = try JSONSerialization.jsonObject(with: data)
        let cases = ((root as? [String: Any])?["cases"] as? [[String: Any]]) ?? (root as? [[String: Any]]) ?? []
        var checked = 0
        for c in cases {
            guard let expect = c["expect"] as? [String: Any], let message = expect["parse_error"] as? String,
                  let file = (c["bpmn"] as? [String])?.first else { continue }
            let path = conformance.appendingPathComponent("bpmn").appendingPathComponent(file).path
            let report = try Validator(configs: try ConfigResolver()).validate([.file(path)])
            let errors = report.files[0].findings.filter { $0.severity == .error }
            let id = c["id"] as? String ?? file
            let matching = errors.filter { $0.message.contains(message) }
            XCTAssertFalse(matching.isEmpty, "\(id): no error says '\(message)'; got \(errors.map(\.message))")
            if let main = (expect["parse_error_elements"] as? [String])?.first {
                XCTAssertTrue(matching.contains { $0.elementId == main }, "\(id): expected the error on '\(main)', got \(matching.map { $0.elementId ?? "-" })")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 12)
    }
}
