#!/usr/bin/env python3
"""Runs conditions and scripts through SpiffWorkflow's own script engine, for BPMNPythonTests'
SpiffScriptParityTests (which compare bpmnrun's PythonEngine with it).

stdin: a JSON list of {"mode": "eval"|"exec", "source": str, "data": {...}}.
stdout: a JSON list, one entry per case:
  {"value": v}                       eval result
  {"data": {...}}                    task data after exec, as SpiffWorkflow's serializer keeps it
                                     (DefaultRegistry.clean drops callables and modules)
  {"error": "NameError", "line": n}  the exception class and SpiffWorkflow's line number
  {"unserializable": "set"}          a value JSON cannot carry (its type)
Needs SpiffWorkflow (e.g. ../shared/tools/spiff/setup.sh's venv)."""
import json
import sys

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.serializer.helpers.registry import DefaultRegistry


def plain(value):
    """JSON-able copy, or raise TypeError naming the first type JSON cannot carry."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):  # the serializer writes tuples as JSON lists
        return [plain(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: plain(v) for k, v in value.items()}
    raise TypeError(type(value).__name__)


def main():
    engine = PythonScriptEngine(environment=TaskDataEnvironment())
    registry = DefaultRegistry()
    results = []
    for case in json.load(sys.stdin):
        data = case["data"]
        try:
            if case["mode"] == "eval":
                value = engine.environment.evaluate(case["source"], data)
                result = {"value": value}
            else:
                engine.environment.execute(case["source"], data)
                result = {"data": registry.clean(data)}
        except Exception as exc:  # what PythonScriptEngine.create_task_exec_exception reports
            line, _ = engine.get_error_line_number_and_content(case["source"], exc)
            result = {"error": type(exc).__name__, "line": line}
        try:
            result = {k: plain(v) for k, v in result.items()}
        except TypeError as bad:
            result = {"unserializable": str(bad)}
        results.append(result)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
