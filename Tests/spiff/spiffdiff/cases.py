"""The cases the harness runs: the book's diagrams with the oracle's recorded answers, the
SpiffWorkflow test diagrams listed in ../shared/tools/spiff/spiff-tests-candidates.json (read from
an export of that repository outside the project), and bpmn-samples/spiff/."""
import glob
import json
import os
import re


class Case:
    def __init__(self, group, name, files, answers, process=None, dmn=(), oracle_flags=()):
        self.group = group
        self.name = name
        self.id = group + "/" + name
        self.slug = re.sub(r"[^A-Za-z0-9_.-]", "_", self.id)
        self.files = list(files)
        self.answers = answers or {}
        self.process = process or self.answers.get("process")
        self.dmn = list(dmn)
        self.oracle_flags = list(oracle_flags)


def _load(path):
    with open(path) as fh:
        return json.load(fh)


def book_cases(shared):
    """../shared/tools/spiff/cases/<stem>.<name>.json runs ../shared/corpus/spiff-book/<stem>.bpmn."""
    cases = []
    for path in sorted(glob.glob(os.path.join(shared, "tools", "spiff", "cases", "*.json"))):
        if path.endswith(".expected.json"):
            continue
        base = os.path.basename(path)[:-len(".json")]
        stem = base.split(".")[0]
        bpmn = os.path.join(shared, "corpus", "spiff-book", stem + ".bpmn")
        cases.append(Case("book", base, [bpmn], _load(path)))
    return cases


def spiff_test_cases(shared, tests_root):
    """spiff-tests-candidates.json: paths inside a SpiffWorkflow checkout (tests_root)."""
    spec = _load(os.path.join(shared, "tools", "spiff", "spiff-tests-candidates.json"))
    cases = []
    for c in spec["candidates"]:
        files = [os.path.join(tests_root, f) for f in c["files"]]
        dmn = [os.path.join(tests_root, f) for f in c["dmn"]]
        cases.append(Case("spiff-tests", c["label"], files, c["answers"], c["process"], dmn, c["flags"]))
    return cases


def sample_cases(samples_dir):
    """NAME[.VARIANT].answers.json beside NAME.bpmn in bpmn-samples/spiff/."""
    cases = []
    for path in sorted(glob.glob(os.path.join(samples_dir, "*.answers.json"))):
        base = os.path.basename(path)[:-len(".answers.json")]
        bpmn = os.path.join(samples_dir, base.split(".")[0] + ".bpmn")
        cases.append(Case("samples", base, [bpmn], _load(path)))
    return cases
