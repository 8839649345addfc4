"""Regenerates bpmn-samples/spiff: every NAME.bpmn and NAME[.VARIANT].answers.json.

    python3 Tests/spiff/samplegen/build.py bpmn-samples/spiff

The diagrams are defined in samples1-3.py with the small writer in dsl.py (BPMN + BPMNDI laid out
on a grid). The expected outcomes are not written here: they are SpiffWorkflow's, recorded with
`python3 Tests/spiff/differential.py --groups samples --record`.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import samples1, samples2, samples3
MODS = [samples1, samples2, samples3]
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for mod in MODS:
    for name in getattr(mod, "ALL", [n for n in dir(mod) if not n.startswith("_") and callable(getattr(mod, n)) and n not in ("d", "g", "Diagram")]):
        D, answers = getattr(mod, name)()
        open(os.path.join(out, D.file + ".bpmn"), "w").write(D.xml())
        for variant, a in answers.items():
            fn = D.file + ("." + variant if variant else "") + ".answers.json"
            open(os.path.join(out, fn), "w").write(json.dumps(a, indent=2) + "\n")
        print("wrote", D.file, len(answers))
