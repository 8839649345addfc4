import Foundation

/// A long run for the durability tests: 60 rounds of a user task (from answers) whose amount a
/// JavaScript task adds up, a gateway looping back, then a one-hour timer: 61 answers steps and
/// more than 800 trace events, so a kill can land in many different places.
enum CountingFixture {
    static let rounds = 60

    static let diagram = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_Counting" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:process id="counting" name="Counting" isExecutable="true" camunda:historyTimeToLive="P1D">
        <bpmn:startEvent id="Start" />
        <bpmn:sequenceFlow id="Flow_Init" sourceRef="Start" targetRef="Script_Init" />
        <bpmn:scriptTask id="Script_Init" name="Start counting" scriptFormat="javascript">
          <bpmn:script>execution.setVariable("round", 0); execution.setVariable("total", 0);</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:sequenceFlow id="Flow_Ask" sourceRef="Script_Init" targetRef="Task_Enter" />
        <bpmn:userTask id="Task_Enter" name="Enter an amount">
          <bpmn:extensionElements>
            <camunda:formData>
              <camunda:formField id="amount" label="Amount" type="long" />
            </camunda:formData>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_Add" sourceRef="Task_Enter" targetRef="Script_Add" />
        <bpmn:scriptTask id="Script_Add" name="Add it up" scriptFormat="javascript">
          <bpmn:script>var r = execution.getVariable("round") + 1; execution.setVariable("round", r); execution.setVariable("total", execution.getVariable("total") + amount * r);</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:sequenceFlow id="Flow_Check" sourceRef="Script_Add" targetRef="Gateway_More" />
        <bpmn:exclusiveGateway id="Gateway_More" name="More rounds?" default="Flow_Done" />
        <bpmn:sequenceFlow id="Flow_Again" sourceRef="Gateway_More" targetRef="Task_Enter">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${round &lt; \(rounds)}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_Done" sourceRef="Gateway_More" targetRef="Timer_Cool" />
        <bpmn:intermediateCatchEvent id="Timer_Cool" name="One hour later">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="Flow_End" sourceRef="Timer_Cool" targetRef="End" />
        <bpmn:endEvent id="End" />
      </bpmn:process>
    </bpmn:definitions>
    """

    /// Amounts that differ from round to round, so a round done twice or skipped changes `total`.
    static func answers(steps count: Int = rounds + 1) -> String {
        var steps = (0..<rounds).map { "{\"complete\": \"Task_Enter\", \"variables\": {\"amount\": \($0 * 3 % 17 + 1)}}" }
        steps.append("{\"timer\": \"next\"}")
        return "{\"steps\": [\n" + steps.prefix(count).joined(separator: ",\n") + "]}"
    }

    /// The total the uninterrupted run reaches: sum of amount × round.
    static var expectedTotal: Int { (0..<rounds).reduce(0) { $0 + ($1 * 3 % 17 + 1) * ($1 + 1) } }

    /// A folder with the diagram and its answers file.
    static func makeFolder() throws -> URL {
        let folder = TemporaryFiles.url("durable")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(diagram.utf8).write(to: folder.appendingPathComponent("counting.bpmn"))
        try Data(answers().utf8).write(to: folder.appendingPathComponent("counting.answers.json"))
        return folder
    }
}
