print("bpmnrun-bench: not yet implemented")
