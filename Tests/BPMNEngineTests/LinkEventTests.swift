import BPMNEngine
import BPMNModel
import XCTest

/// Link events: a link throw event continues at the link catch event with the same name in the
/// same scope (BPMN 2.0 10.5.6), never at one inside another scope.
final class LinkEventTests: XCTestCase {
    private func linkThrow(_ id: String, _ name: String) -> String {
        "<bpmn:intermediateThrowEvent id=\"\(id)\"><bpmn:linkEventDefinition id=\"\(id)_def\" name=\"\(name)\"/></bpmn:intermediateThrowEvent>"
    }

    private func linkCatch(_ id: String, _ name: String) -> String {
        "<bpmn:intermediateCatchEvent id=\"\(id)\"><bpmn:linkEventDefinition id=\"\(id)_def\" name=\"\(name)\"/></bpmn:intermediateCatchEvent>"
    }

    func testThrowContinuesAtTheCatchWithTheSameName() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            \(linkThrow("goB", "B"))
            \(linkCatch("catchA", "A"))
            <bpmn:endEvent id="endA"/>
            \(linkCatch("catchB", "B"))
            <bpmn:endEvent id="endB"/>
            \(chain("start", "goB"))
            \(chain("catchA", "endA"))
            \(chain("catchB", "endB"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "goB", "catchB", "endB"])
    }

    func testCatchInsideASubProcessIsNotATargetFromOutside() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            \(linkThrow("go", "L"))
            <bpmn:subProcess id="sub">
              \(linkCatch("innerCatch", "L"))
              <bpmn:endEvent id="innerEnd"/>
              \(chain("innerCatch", "innerEnd"))
            </bpmn:subProcess>
            \(linkCatch("outerCatch", "L"))
            <bpmn:endEvent id="outerEnd"/>
            \(chain("start", "go"))
            \(chain("outerCatch", "outerEnd"))
            """).start()
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.completed, ["start", "go", "outerCatch", "outerEnd"])
    }

    func testThrowWithoutAMatchingCatchFailsNamingTheEvent() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            \(linkThrow("go", "nowhere"))
            <bpmn:subProcess id="sub">
              \(linkCatch("innerCatch", "nowhere"))
              <bpmn:endEvent id="innerEnd"/>
              \(chain("innerCatch", "innerEnd"))
            </bpmn:subProcess>
            \(chain("start", "go"))
            """).start()
        XCTAssertEqual(h.status, .failed)
        XCTAssertEqual(h.error?.element, "go")
        XCTAssertEqual(h.error?.message, "link throw event 'go' has no link catch event named 'nowhere' in the same scope")
    }
}
