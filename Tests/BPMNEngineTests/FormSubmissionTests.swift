import BPMNEngine
import BPMNModel
import XCTest

/// Submitting a user task's form as Camunda's form service does: defaults for fields not
/// submitted, read-only fields, and the built-in validators with Camunda's messages.
final class FormSubmissionTests: XCTestCase {
    func formProcess(_ fields: String) -> String {
        """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="form">
          <bpmn:extensionElements><camunda:formData>\(fields)</camunda:formData></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="end"/>
        \(chain("start", "form", "end"))
        """
    }

    func testAFieldNotSubmittedTakesItsDefaultConvertedToItsType() throws {
        let h = try Harness(formProcess("""
            <camunda:formField id="name" type="string" defaultValue="Anna"/>
            <camunda:formField id="count" type="long" defaultValue="3"/>
            <camunda:formField id="urgent" type="boolean" defaultValue="true"/>
            <camunda:formField id="owner" type="string" defaultValue="${creator}"/>
            """)).start(["creator": "bob"])
        try h.submit("form", [:])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.variables["name"], .string("Anna"))
        XCTAssertEqual(h.variables["count"], .integer(3))
        XCTAssertEqual(h.variables["urgent"], .boolean(true))
        XCTAssertEqual(h.variables["owner"], .string("bob"), "a ${} default is evaluated against the process variables")
    }

    func testASubmittedValueWinsOverTheDefault() throws {
        let h = try Harness(formProcess(#"<camunda:formField id="name" type="string" defaultValue="Anna"/>"#)).start()
        try h.submit("form", ["name": "Carl"])
        XCTAssertEqual(h.variables["name"], .string("Carl"))
    }

    func testAFieldWithNeitherValueNorDefaultSetsNoVariable() throws {
        let h = try Harness(formProcess(#"<camunda:formField id="note" type="string"/>"#)).start()
        try h.submit("form", [:])
        XCTAssertEqual(h.status, .completed)
        XCTAssertNil(h.variables["note"])
    }

    func testVariablesBesideTheFormAreSetToo() throws {
        let h = try Harness(formProcess(#"<camunda:formField id="name" type="string"/>"#)).start()
        try h.submit("form", ["name": "Anna", "extra": 7])
        XCTAssertEqual(h.variables["extra"], .integer(7))
    }

    func testARequiredFieldLeftEmptyIsRejectedWithCamundasMessage() throws {
        let h = try Harness(formProcess("""
            <camunda:formField id="name" label="Your name" type="string">
              <camunda:validation><camunda:constraint name="required"/></camunda:validation>
            </camunda:formField>
            """)).start()
        for submitted: [String: VariableValue] in [[:], ["name": ""], ["name": nil]] {
            let message = thrownMessage { try h.submit("form", submitted) }
            XCTAssertTrue(message.hasPrefix("Invalid value submitted for form field 'name': validation of required failed."), message)
            XCTAssertTrue(message.contains("Your name"), "the hint names the field by its label: \(message)")
        }
        XCTAssertEqual(h.status, .waiting, "a rejected submission leaves the task waiting")
        XCTAssertEqual(h.active, ["form"])
        try h.submit("form", ["name": "Anna"])
        XCTAssertEqual(h.status, .completed)
    }

    func testARequiredFieldIsSatisfiedByAnExistingVariable() throws {
        // Camunda's RequiredValidator accepts a missing submission when the variable already has a value.
        let h = try Harness(formProcess("""
            <camunda:formField id="name" type="string">
              <camunda:validation><camunda:constraint name="required"/></camunda:validation>
            </camunda:formField>
            """)).start(["name": "Anna"])
        try h.submit("form", [:])
        XCTAssertEqual(h.status, .completed)
        XCTAssertEqual(h.variables["name"], .string("Anna"))
    }

    func testAReadOnlyFieldCannotBeSubmittedButKeepsItsDefault() throws {
        let h = try Harness(formProcess("""
            <camunda:formField id="region" type="string" defaultValue="EU">
              <camunda:validation><camunda:constraint name="readonly"/></camunda:validation>
            </camunda:formField>
            """)).start()
        let message = thrownMessage { try h.submit("form", ["region": "US"]) }
        XCTAssertTrue(message.hasPrefix("Invalid value submitted for form field 'region': validation of readonly failed."), message)
        try h.submit("form", [:])
        XCTAssertEqual(h.variables["region"], .string("EU"), "Camunda applies the default of a field not submitted")
    }

    func testLengthAndRangeConstraintsUseCamundasMessages() throws {
        let h = try Harness(formProcess("""
            <camunda:formField id="code" type="string">
              <camunda:validation>
                <camunda:constraint name="minlength" config="2"/><camunda:constraint name="maxlength" config="4"/>
              </camunda:validation>
            </camunda:formField>
            <camunda:formField id="age" type="long">
              <camunda:validation><camunda:constraint name="min" config="18"/><camunda:constraint name="max" config="99"/></camunda:validation>
            </camunda:formField>
            """)).start()
        let cases: [([String: VariableValue], String)] = [
            (["code": "A", "age": 30], "Invalid value submitted for form field 'code': validation of minlength(2) failed."),
            (["code": "ABCDE", "age": 30], "Invalid value submitted for form field 'code': validation of maxlength(4) failed."),
            (["code": "AB", "age": 17], "Invalid value submitted for form field 'age': validation of min(18) failed."),
            (["code": "AB", "age": "100"], "Invalid value submitted for form field 'age': validation of max(99) failed."),
        ]
        for (submitted, expected) in cases {
            let message = thrownMessage { try h.submit("form", submitted) }
            XCTAssertTrue(message.hasPrefix(expected), "\(submitted): \(message)")
        }
        XCTAssertEqual(h.status, .waiting)
        try h.submit("form", ["code": "ABCD", "age": 18])
        XCTAssertEqual(h.variables["code"], .string("ABCD"))
        XCTAssertEqual(h.variables["age"], .integer(18))
    }

    func testCustomValidatorsDoNotBlockButAreReported() throws {
        let h = try Harness(formProcess("""
            <camunda:formField id="iban" type="string">
              <camunda:validation><camunda:constraint name="validator" config="com.acme.IbanValidator"/></camunda:validation>
            </camunda:formField>
            """)).start()
        let field = try XCTUnwrap(try h.waitingTask("form").form?.fields.first)
        XCTAssertEqual(FormValidation.unsupportedConstraints(field), ["validator"])
        try h.submit("form", ["iban": "anything"])
        XCTAssertEqual(h.status, .completed)
    }

    func testRequiredIsCheckedBeforeDefaultsApply() throws {
        // Camunda's FormFieldHandler validates the submitted value first and applies the default
        // afterwards, so a required field is not satisfied by its own default.
        let h = try Harness(formProcess("""
            <camunda:formField id="due" type="date" defaultValue="01/03/2026">
              <camunda:validation><camunda:constraint name="required"/></camunda:validation>
            </camunda:formField>
            <camunda:formField id="start" type="date" defaultValue="02/03/2026"/>
            """)).start()
        let message = thrownMessage { try h.submit("form", [:]) }
        XCTAssertTrue(message.hasPrefix("Invalid value submitted for form field 'due': validation of required failed."), message)
        try h.submit("form", ["due": "05/03/2026"])
        XCTAssertEqual(h.variables["due"], .date(Date(timeIntervalSince1970: 1_772_668_800)))
        XCTAssertEqual(h.variables["start"], .date(Date(timeIntervalSince1970: 1_772_409_600)), "a date default is read as dd/MM/yyyy")
    }
}
