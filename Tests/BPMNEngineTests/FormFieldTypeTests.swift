import BPMNEngine
import BPMNModel
import XCTest

/// Every Camunda form field type: the variable a submitted value becomes, and the messages for
/// values that do not fit.
final class FormFieldTypeTests: XCTestCase {
    let typedForm = """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="form">
          <bpmn:extensionElements><camunda:formData>
            <camunda:formField id="name" type="string"/>
            <camunda:formField id="count" type="long"/>
            <camunda:formField id="urgent" type="boolean"/>
            <camunda:formField id="due" type="date"/>
            <camunda:formField id="decision" type="enum">
              <camunda:value id="approve" name="Approve"/><camunda:value id="reject" name="Reject"/>
            </camunda:formField>
            <camunda:formField id="customer" type="customerType"/>
          </camunda:formData></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="end"/>
        \(chain("start", "form", "end"))
        """

    func field(_ id: String, _ h: Harness) throws -> FormField {
        try XCTUnwrap(try h.waitingTask("form").form?.fields.first { $0.id == id })
    }

    func testSubmittedValuesBecomeTypedVariables() throws {
        let h = try Harness(typedForm).start()
        try h.submit("form", [
            "name": 42, "count": "7", "urgent": "true", "due": "24/12/2026", "decision": "reject",
            "customer": ["id": 1, "vip": true],
        ])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.variables["name"], .string("42"), "a string field stores text")
        XCTAssertEqual(h.variables["count"], .integer(7))
        XCTAssertEqual(h.variables["urgent"], .boolean(true))
        XCTAssertEqual(h.variables["due"], .date(Date(timeIntervalSince1970: 1_798_070_400)), "24/12/2026 is midnight UTC")
        XCTAssertEqual(h.variables["decision"], .string("reject"), "an enum stores the entry's id")
        XCTAssertEqual(h.variables["customer"], ["id": 1, "vip": true], "a custom type stores the value as given")
        let due = h.events(.variableSet).first { $0["variable"] == "due" }
        XCTAssertEqual(due?["value"], .date(Date(timeIntervalSince1970: 1_798_070_400)))
    }

    func testAWholeDoubleIsALongAndAnEmptyDateIsNull() throws {
        let h = try Harness(typedForm).start()
        try h.submit("form", ["count": 3.0, "due": " "])
        XCTAssertEqual(h.variables["count"], .integer(3))
        XCTAssertEqual(h.variables["due"], .null, "Camunda stores an empty date as a null date variable")
    }

    func testValuesThatDoNotFitTheirTypeAreRejected() throws {
        let h = try Harness(typedForm).start()
        let enumMessage = thrownMessage { try h.submit("form", ["decision": "maybe"]) }
        XCTAssertTrue(enumMessage.hasPrefix("Invalid value for enum form property: maybe"), enumMessage)
        XCTAssertTrue(enumMessage.contains("approve, reject"), enumMessage)
        let dateMessage = thrownMessage { try h.submit("form", ["due": "2026-12-24"]) }
        XCTAssertTrue(dateMessage.contains("'2026-12-24' is not a date in the form dd/MM/yyyy"), dateMessage)
        let impossible = thrownMessage { try h.submit("form", ["due": "31/02/2026"]) }
        XCTAssertTrue(impossible.contains("is not a date"), "31 February does not exist: \(impossible)")
        let longMessage = thrownMessage { try h.submit("form", ["count": "many"]) }
        XCTAssertTrue(longMessage.contains("'many' is not a whole number"), longMessage)
        let boolMessage = thrownMessage { try h.submit("form", ["urgent": 1]) }
        XCTAssertTrue(boolMessage.contains("is a boolean field"), boolMessage)
        XCTAssertEqual(h.status, .waiting)
        XCTAssertTrue(h.variables.isEmpty, "rejected submissions set nothing")
    }

    func testTypedTextIsReadTheWayTheTerminalPromptsForIt() throws {
        let h = try Harness(typedForm).start()
        XCTAssertEqual(try FormValueConverter.parse(text: "y", for: field("urgent", h)), .boolean(true))
        XCTAssertEqual(try FormValueConverter.parse(text: "no", for: field("urgent", h)), .boolean(false))
        XCTAssertEqual(try FormValueConverter.parse(text: " 12 ", for: field("count", h)), .integer(12))
        XCTAssertEqual(try FormValueConverter.parse(text: "2", for: field("decision", h)), .string("reject"),
                       "enum menus are numbered from 1")
        XCTAssertEqual(try FormValueConverter.parse(text: "Approve", for: field("decision", h)), .string("approve"),
                       "the entry's name selects its id")
        XCTAssertEqual(try FormValueConverter.parse(text: "01/03/2026", for: field("due", h)),
                       .date(Date(timeIntervalSince1970: 1_772_323_200)))
        XCTAssertNil(try FormValueConverter.parse(text: "", for: field("name", h)), "empty input means no value")
        XCTAssertThrowsError(try FormValueConverter.parse(text: "3", for: field("decision", h)))
        XCTAssertThrowsError(try FormValueConverter.parse(text: "maybe", for: field("urgent", h)))
        XCTAssertEqual(FormValueConverter.display(.date(Date(timeIntervalSince1970: 1_772_323_200)), for: try field("due", h)),
                       "01/03/2026")
    }

    func testFieldTypesAreRecognisedByName() throws {
        let h = try Harness(typedForm).start()
        let form = try XCTUnwrap(try h.waitingTask("form").form)
        XCTAssertEqual(form.fields.prefix(5).map(\.fieldType), [.string, .long, .boolean, .date, .enumeration])
        guard case .custom = form.fields[5].fieldType else { return XCTFail("customerType is a custom type") }
    }

    func testADateFieldMayDeclareItsOwnPattern() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="form">
              <bpmn:extensionElements><camunda:formData>
                <camunda:formField id="due" type="date" datePattern="yyyy-MM-dd"/>
              </camunda:formData></bpmn:extensionElements>
            </bpmn:userTask>
            \(chain("start", "form"))
            """).start()
        try h.submit("form", ["due": "2026-03-01"])
        XCTAssertEqual(h.variables["due"], .date(Date(timeIntervalSince1970: 1_772_323_200)))
    }

    func testLegacyFormPropertiesAreSubmittedTheSameWay() throws {
        let h = try Harness("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="form">
              <bpmn:extensionElements>
                <camunda:formProperty id="amount" name="Amount" type="long" required="true"/>
                <camunda:formProperty id="region" type="string" writable="false" default="EU"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            \(chain("start", "form"))
            """).start()
        let message = thrownMessage { try h.submit("form", [:]) }
        XCTAssertTrue(message.hasPrefix("Invalid value submitted for form field 'amount': validation of required failed."), message)
        XCTAssertTrue(thrownMessage { try h.submit("form", ["amount": 5, "region": "US"]) }.contains("validation of readonly failed"))
        try h.submit("form", ["amount": "5"])
        XCTAssertEqual(h.variables["amount"], .integer(5))
        XCTAssertEqual(h.variables["region"], .string("EU"))
    }
}
