"""The fill-in SLA generator: one template, filled from a values file or from the form on the site.

How the pieces fit (each module is one concept):

- :mod:`.numbers`: rounding and number formatting, defined on decimal digit strings so that Python
  and the browser give exactly the same text ("1 200 000,50 zł" / "PLN 1,200,000.50"), and the
  form of a unit that a number needs ("1 transakcja", "5 transakcji").
- :mod:`.expr`: the expression language of derived values and ``when:`` conditions, parsed once to a
  small JSON AST that Python and JavaScript both interpret.
- :mod:`.placeholders`: ``{{ name }}`` in clause bodies; :mod:`.body`: a body split once into
  literal segments and placeholders, and the escaping of values for Markdown and HTML.
- :mod:`.schema`: the parameter rules as a JSON Schema, and the one small validator of it.
- :mod:`.wording`: messages and the document's own words, in Polish and English.
- :mod:`.spec`: a template compiled for one language into a JSON document, the single source of
  truth shared by the CLI and the browser (rules, AST, pre-split clause bodies, wording).
- :mod:`.fill`: values + spec -> the filled agreement (Markdown, HTML).
- :mod:`.values`: values files: reading them with positions, writing a commented one.
- :mod:`.outputs`: the standalone HTML, PDF (WeasyPrint) and DOCX (python-docx) files.
- :mod:`.page`: what the SLA page's form needs.

This package imports no model at import time: :mod:`generator.models.sla` uses :mod:`.expr`,
:mod:`.placeholders` and :mod:`.schema` to check a template.
"""
