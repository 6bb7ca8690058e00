"""Printable onboarding checklists: due dates, print HTML, PDFs, and the site's blank copies.

- :mod:`.dates`: ``day 1`` / ``week 2`` / ``month 1`` as calendar dates (working or calendar days).
- :mod:`.document`: a checklist (or a role's pack) as print HTML, from ``templates/print/``.
- :mod:`.pdf` and :mod:`.fetch`: WeasyPrint, allowed to read only the package's fonts and the
  project's own files.
- :mod:`.site` and :mod:`.worker`: blank PDFs made during a site build, in worker processes,
  cached by content.
"""
