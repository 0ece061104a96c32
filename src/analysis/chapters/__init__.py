"""The chapters' computations: what each notebook calls to turn tables into figures, numbers
and the verdicts of its claims.

One module per subject: ``economy`` (trade, weights), ``finance`` (settlements, reserves),
``investment``, ``technology``, ``military`` (spending, arms), ``exercises`` (joint drills and
patrols; ``exercise_counts`` sets the list beside the published counts), ``meetings`` (leaders' contacts), ``governance`` (UN votes and vetoes, organisations);
and, for the report's further statements, ``trade_statements``, ``military_statements``,
``governance_statements`` and ``un_votes``. Each evaluator is registered
(:func:`analysis.evidence.verdicts.evaluator`), so the registries can name it; importing this
package registers them all.
"""

from analysis.chapters import (  # noqa: F401
    economy,
    exercise_counts,
    exercises,
    finance,
    governance,
    governance_statements,
    investment,
    meetings,
    military,
    military_statements,
    technology,
    trade_statements,
    un_votes,
)
