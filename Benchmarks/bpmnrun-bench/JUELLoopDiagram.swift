/// `juel-loop K OUT`: writes a Camunda 7 loop whose body and condition are both JUEL, so a run
/// measures the engine and the expression evaluator alone (no JavaScript):
///
///     start -> reset (iteration = 0) -> merge -> body (iteration + 1) -> split -[iteration < K]-> merge
///                                                                          \-default-> end
///
/// A run executes 3K + 3 flow nodes.
enum JUELLoopDiagram {
    static func xml(iterations k: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_juel_loop" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="juel_loop" name="JUEL loop (\(k) iterations)" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:startEvent id="Start" />
            <bpmn:scriptTask id="Reset" name="Reset counter" scriptFormat="juel">
              <bpmn:script>${execution.setVariable("iteration", 0)}</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:exclusiveGateway id="Merge" />
            <bpmn:scriptTask id="Body" name="Loop body" scriptFormat="juel">
              <bpmn:script>${execution.setVariable("iteration", iteration + 1)}</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:exclusiveGateway id="Split" name="again?" default="Flow_done" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="Flow_start" sourceRef="Start" targetRef="Reset" />
            <bpmn:sequenceFlow id="Flow_reset" sourceRef="Reset" targetRef="Merge" />
            <bpmn:sequenceFlow id="Flow_body" sourceRef="Merge" targetRef="Body" />
            <bpmn:sequenceFlow id="Flow_test" sourceRef="Body" targetRef="Split" />
            <bpmn:sequenceFlow id="Flow_again" sourceRef="Split" targetRef="Merge">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${iteration &lt; \(k)}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_done" sourceRef="Split" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>

        """
    }
}
