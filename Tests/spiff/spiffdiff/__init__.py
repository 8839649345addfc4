"""Differential harness pieces: bpmnrun against SpiffWorkflow (see ../differential.py)."""
