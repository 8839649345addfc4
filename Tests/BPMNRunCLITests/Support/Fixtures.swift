import Foundation

/// Small diagrams the CLI tests write to temporary files (the samples cover the rest).
enum Fixtures {
    /// Two executable processes, each start -> end, so no process is the default.
    static let twoExecutableProcesses = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_Two" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:process id="order_intake" name="Order intake" isExecutable="true">
        <bpmn:startEvent id="Start_Intake" />
        <bpmn:sequenceFlow id="Flow_Intake" sourceRef="Start_Intake" targetRef="End_Intake" />
        <bpmn:endEvent id="End_Intake" />
      </bpmn:process>
      <bpmn:process id="order_billing" name="Order billing" isExecutable="true">
        <bpmn:startEvent id="Start_Billing" />
        <bpmn:sequenceFlow id="Flow_Billing" sourceRef="Start_Billing" targetRef="End_Billing" />
        <bpmn:endEvent id="End_Billing" />
      </bpmn:process>
    </bpmn:definitions>
    """

    /// start -> script task (JavaScript `script`) -> exclusive gateway whose only flow needs
    /// `amount > 100` -> end.
    static func scriptThenGateway(script: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_Script" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="scripted_routing" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Script_Work" />
            <bpmn:scriptTask id="Script_Work" name="Work" scriptFormat="javascript">
              <bpmn:script>\(script)</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Script_Work" targetRef="Gateway_Route" />
            <bpmn:exclusiveGateway id="Gateway_Route" />
            <bpmn:sequenceFlow id="Flow_Big" sourceRef="Gateway_Route" targetRef="End">
              <bpmn:conditionExpression>${amount &gt; 100}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
    }

    /// The first `bytes` bytes of a sample: a file cut off in the middle, as a failed copy leaves it.
    static func truncated(sample: String, bytes: Int) throws -> String {
        let data = try Data(contentsOf: BPMNRunBinary.sample(sample))
        return String(decoding: data.prefix(bytes), as: UTF8.self)
    }
}
