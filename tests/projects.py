"""Build small projects on disk for tests: a valid base that a test then breaks on purpose."""

from __future__ import annotations

from pathlib import Path

MKDOCS_YML = """\
site_name: Test
docs_dir: content
theme:
  name: material
  language: pl
plugins:
  - search
  - playbook
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""

TEAM = """\
kind: team
id: {id}
title: {{pl: Zespół {id}, en: Team {id}}}
summary: {{pl: Opis., en: Summary.}}
owner: Anna
review_by: 2027-06-30
mission: {{pl: Misja., en: Mission.}}
approach: {{pl: Podejście., en: Approach.}}
responsibilities:
  - {{pl: Coś., en: Something.}}
prospects:
  segments: [new-audiences]
  description: {{pl: Nowi., en: New ones.}}
horizon:
  scope: broad
  periods: [year]
  description: {{pl: Rok., en: A year.}}
"""

GOAL = """\
kind: goal
id: {id}
title: {{pl: Cel {id}, en: Goal {id}}}
summary: Summary.
owner: Anna
review_by: 2027-06-30
team: {team}
statement: Reach it.
metric: Leads.
target: 400
unit: MQL
period: quarter
goal_type: leads
"""


def make_project(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A valid project with two teams and a goal; ``files`` adds or replaces files under it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "index.md").write_text("# Start\n", encoding="utf-8")
    (root / "content" / "index.en.md").write_text("# Home\n", encoding="utf-8")
    base: dict[str, str | bytes] = {
        "playbooks/teams/marketing.yaml": TEAM.format(id="marketing"),
        "playbooks/teams/sales.yaml": TEAM.format(id="sales"),
        "playbooks/goals/leads.yaml": GOAL.format(id="leads", team="marketing"),
    }
    base.update(files or {})
    for rel, content in base.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
