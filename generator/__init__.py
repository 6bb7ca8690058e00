"""Sales & marketing playbooks from YAML: a searchable MkDocs site, printable onboarding
checklists and a fill-in SLA generator, all from the same data."""

__version__ = "0.1.0"
