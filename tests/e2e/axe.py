"""axe-core, installed from npm (package.json's devDependencies), run in the page under
test: the script is read from node_modules, never fetched from a CDN."""

from pathlib import Path

import pytest

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# What the product promises: no serious or critical violation on any page it serves.
BLOCKING = ("serious", "critical")

RULE_SETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

RUN_AXE = """async (ruleSets) => {
    await document.fonts.ready;
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: ruleSets},
        resultTypes: ["violations"],
    });
    return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map(n => ({
            target: n.target.join(" "),
            html: n.html.slice(0, 160),
            summary: n.failureSummary,
        })),
    }));
}"""


def axe_violations(page):
    """The page's serious and critical axe violations, as plain dictionaries."""
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core is missing: run `npm ci` (it is a devDependency)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return [v for v in page.evaluate(RUN_AXE, RULE_SETS) if v["impact"] in BLOCKING]


def describe(found):
    """A readable report: one block per page, one line per failing element."""
    lines = []
    for where, violations in found.items():
        lines.append(f"{where}:")
        for violation in violations:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {node['target']}  {node['html']}")
                lines.append(f"      {' '.join(node['summary'].split())}")
    return "\n".join(lines)
