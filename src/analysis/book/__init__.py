"""The book's machinery: building the HTML book and never serving a stale result.

- ``build``: validate the data, execute what changed, run Jupyter Book;
- ``execute``: notebooks executed in parallel into Jupyter Book's cache, or in place;
- ``state``: what the last build left behind, and what decides whether a page is current;
- ``sphinxext``: the Sphinx extension (pages read again, links from charts to their code);
- ``variant``: a chapter re-run with other parameters, into ``variants/``;
- ``bibliography``: the book's tables as BibTeX;
- ``bench``: how long a build takes on this machine.
"""
