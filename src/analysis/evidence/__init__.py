"""What a verdict stands on: its types, the registries, the figures quoted from public pages,
and the grade of each kind of source.

- ``verdicts``: :class:`Verdict` and :class:`Reading`, and the register of evaluators;
- ``registries``: ``data/claims.yaml``, ``assessments.yaml``, ``recommendations.yaml``, checked
  against one JSON Schema;
- ``published``: figures quoted from public pages, and how the book cites them;
- ``grading``: the kinds of source, strongest first.
"""
