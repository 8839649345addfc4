"""Deliberate differences (Tests/spiff/differential-allowed.json). Each entry names the cases
(glob on "group/name"), the check (glob: status, completed, variable:<name>, waiting,
error-element), the docs/dialects.md section that explains it, and why. An entry whose section is
not a heading of docs/dialects.md is itself a problem, so every difference stays documented."""
import fnmatch
import json
import re


class AllowList:
    def __init__(self, entries, problems):
        self.entries = entries
        self.problems = problems
        self.used = set()

    @classmethod
    def load(cls, path, dialects_md):
        with open(path) as fh:
            entries = json.load(fh).get("allowed", [])
        with open(dialects_md) as fh:
            headings = {re.sub(r"^#+\s*", "", line).strip() for line in fh if line.startswith("#")}
        problems = []
        for i, e in enumerate(entries):
            for key in ("case", "check", "section", "why"):
                if not e.get(key):
                    problems.append("allowed entry %d has no %r" % (i + 1, key))
            if e.get("section") and e["section"] not in headings:
                problems.append("allowed entry %d cites %r, which is not a heading of docs/dialects.md" % (i + 1, e["section"]))
        return cls(entries, problems)

    def match(self, case_id, check):
        for i, e in enumerate(self.entries):
            if fnmatch.fnmatchcase(case_id, e.get("case", "")) and fnmatch.fnmatchcase(check, e.get("check", "")):
                self.used.add(i)
                return e
        return None

    def unused(self):
        return [e for i, e in enumerate(self.entries) if i not in self.used]
