"""What a notebook puts on its page besides charts: numbers and words, glued by name.

A chapter's code computes; its prose says how to show the number, with MyST-NB's formatted
glue: ``{glue:text}`f5_ratio_last:.1f``` writes the value glued as ``f5_ratio_last`` with one
decimal. So a code cell ends with one call,

>>> glue_values(f5_ratio_last=ratio[last_year], f5_last_year=last_year)  # doctest: +SKIP

and the formatting lives where the reader sees it.
"""

from __future__ import annotations


def plain(value):
    """A NumPy or pandas scalar as the Python number it holds (its text then reads ``3.2``, not
    ``np.float64(3.2)``, which the formatted glue could not parse); anything else unchanged."""
    item = getattr(value, "item", None)
    return item() if callable(item) and getattr(value, "ndim", None) == 0 else value


def glue_values(**values) -> None:
    """Glue each keyword's value under its name, for ``{glue:text}`` in the page's prose."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, plain(value), display=False)
