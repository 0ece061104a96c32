"""A small Sphinx extension for the book (listed in ``_config.yml``).

- Pages whose notebook the build has just executed again (``analysis.book.execute``) are read
  again even though their source file did not change, so no page keeps a stale number.
- The notebooks' code is left out of the search index.
- Headings that a notebook's output writes become sections of the page (the data catalogue's
  datasets), so the page's contents panel lists them.
- Each chart is served at the width the page shows it: the image drawn for the text column,
  the one drawn for a phone below 600 px (panels stacked), each at two densities (``srcset``),
  and a tap opens it at full size (``analysis.figures.layout``).
- Long source lists (``analysis.page.table(..., explorable=True)``) can be sorted and
  filtered: DataTables, from the ``itables`` package's bundle, is copied into the book's
  ``_static/vendor/`` (no CDN), and ``_static/explorable.js`` applies it.
- Under each chart, after its downloads: a link to the code cell that drew it, and, when the
  book is built from a git checkout, the notebook at the commit it was built from (a link
  when the repository has a public address, in ``_config.yml``'s ``repository.url`` or the
  ``origin`` remote).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from analysis import git, paths
from analysis.book.state import fingerprint, pages_to_reread
from analysis.figures.output import renditions

PUBLISH = re.compile(r"""publish\(\s*\w+\s*,\s*["']([^"']+)["']""")
FIGURE_CSV = re.compile(r"/_build/figures/([^/]+)\.csv$")
FIGURE_PNG = re.compile(r"^/(.*_build/figures)/([^/]+)\.png$")


class chart(nodes.General, nodes.Element):
    """A chart with its renditions (see :func:`charts`)."""


def charts(app, doctree) -> None:
    """Swap each chart's image (a figure whose downloads include ``_build/figures/<key>.png``)
    for the chart with its renditions (``analysis.figures.output.renditions``), whose sizes are
    in ``<key>.renditions.json``."""
    for figure in list(doctree.findall(nodes.figure)):
        refs = (FIGURE_PNG.match(r.get("reftarget", "")) for r in figure.findall(addnodes.download_reference))
        found = next((m for m in refs if m), None)
        image = next(figure.findall(nodes.image), None)
        if found is None or image is None:
            continue
        folder, key = found.groups()
        sizes = json.loads((Path(app.srcdir) / folder / f"{key}.renditions.json").read_text(encoding="utf-8"))
        files = {role: f"{folder}/{file}" for role, file in renditions(key).items()}
        image.replace_self(chart(key=key, files=files, sizes=sizes, alt=image.get("alt", "")))


def chart_images(app, doctree, docname) -> None:
    """Have the builder copy each chart's renditions into ``_images/``."""
    for node in doctree.findall(chart):
        for name, source in node["files"].items():
            app.builder.images[source] = f"chart-{node['key']}-{name}.png"


def visit_chart(self, node) -> None:
    def src(name):
        return posixpath.join(self.builder.imgpath, f"chart-{node['key']}-{name}.png")

    page, phone = node["sizes"]["page"], node["sizes"]["phone"]
    self.body.append(
        f'<a class="chart-full" href="{src("full")}" title="Open the chart at full size">'
        "<picture>"
        f'<source media="(max-width: 600px)" srcset="{src("phone")} 1x, {src("phone2x")} 2x" '
        f'width="{phone["width"]}" height="{phone["height"]}">'
        f'<img class="chart" src="{src("page")}" srcset="{src("page")} 1x, {src("full")} 2x" '
        f'width="{page["width"]}" height="{page["height"]}" alt="{html.escape(node["alt"])}" '
        f'data-smallest-text-px="{page["smallest_text_px"]}" data-phone-smallest-text-px="{phone["smallest_text_px"]}">'
        "</picture></a>"
    )
    raise nodes.SkipNode


def outdated(app, env, added, changed, removed) -> list[str]:
    """Pages to read again: those executed again, and every page when the commit changed.

    When only a file of ``_static/`` changed, Sphinx finds nothing to write and would not
    copy it: the root page is then written again, which copies the static files."""
    again = [d for d in pages_to_reread() if d in env.found_docs]
    if again:  # the home page pastes the audit's numbers from its notebook
        again = sorted(set(again) | {app.config.root_doc})
    built_from = git.commit()
    if getattr(env, "analysis_commit", None) != built_from:
        env.analysis_commit = built_from
        again = sorted(env.found_docs)
    static = fingerprint((paths.project().root / "_static",))
    if getattr(env, "analysis_static", None) != static:
        env.analysis_static = static
        again = sorted(set(again) | {app.config.root_doc})
    return again


def code_links(app, doctree) -> None:
    """Give each charting cell an anchor, and link to it (and to the commit) under its chart."""
    docname = app.env.docname
    cells = {}
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") != "cell_code":
            continue
        source = " ".join(block.astext() for block in cell.findall(nodes.literal_block))
        for key in PUBLISH.findall(source):
            cell["ids"].append(f"code-{key}")
            cells[key] = cell
    if not cells:
        return
    built_from = getattr(app.env, "analysis_commit", None)
    repo = git.web_address(app.config.html_theme_options.get("repository_url"))
    source = app.env.doc2path(docname, False)
    for ref in list(doctree.findall(addnodes.download_reference)):
        match = FIGURE_CSV.search(ref.get("reftarget", ""))
        if not match or match.group(1) not in cells:
            continue
        para = ref.parent
        para += nodes.Text(" · Code: ")
        para += nodes.reference("", "the cell that drew it", refuri=f"#code-{match.group(1)}", internal=True)
        if built_from and repo:
            para += nodes.Text(" · ")
            para += nodes.reference("", f"{source} at {built_from[:7]}", refuri=f"{repo}/blob/{built_from}/{source}")
        elif built_from:
            para += nodes.Text(f" · built from {source} at commit {built_from[:7]}")


def headings_from_output(app, doctree) -> None:
    """Headings that a cell's Markdown output writes (the data catalogue writes one per dataset)
    become the page's sections, so the contents panel lists them; MyST-NB would leave them as
    rubrics, outside the page's outline. Runs before Sphinx collects the outline."""
    for cell in list(doctree.findall(nodes.container)):
        if cell.get("nb_element") != "cell_code" or not isinstance(cell.parent, nodes.section):
            continue
        shown = next(
            (c for c in cell.findall(nodes.container) if any(isinstance(k, nodes.rubric) for k in c.children)), None
        )
        if shown is None or not any(r.get("level") == 2 for r in shown.children if isinstance(r, nodes.rubric)):
            continue
        before, sections = [], []
        for node in list(shown.children):
            node.parent = None
            if isinstance(node, nodes.rubric) and node.get("level") == 2:
                section = nodes.section(ids=node["ids"], names=node["names"])
                section += nodes.title("", "", *node.children)
                sections.append(section)
            elif sections:
                sections[-1] += node
            else:
                before.append(node)
        cell.replace_self(before + sections)


def _register_citation_style() -> None:
    """A pybtex style 'book' for the References page: the report's endnotes labelled by their
    number (n12) and the book's tables by their name, so two lists never share a label."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.unsrt import Style as Unsrt
    from pybtex.style.labels import BaseLabelStyle

    class KeyLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                yield entry.key.removeprefix("report-").removeprefix("data-")

    class BookStyle(Unsrt):
        default_label_style = KeyLabels

    register_plugin("pybtex.style.formatting", "book", BookStyle)


def _search_without_code() -> None:
    """Leave the notebooks' code out of the search index: a reader searching "yuan" wants the
    prose and the tables, not ``left.set_ylim(0, 100)``. Sphinx offers no switch for it, so the
    index is fed each page without MyST-NB's code-source containers (the page keeps them)."""
    from sphinx.search import IndexBuilder

    if getattr(IndexBuilder, "_analysis_skips_code", False):
        return
    collect = IndexBuilder._word_collector

    def word_collector(self, doctree):
        pruned = doctree.deepcopy()
        for node in list(pruned.findall(nodes.container)):
            if node.get("nb_element") == "cell_code_source" and node.parent is not None:
                node.parent.remove(node)
        return collect(self, pruned)

    IndexBuilder._word_collector = word_collector
    IndexBuilder._analysis_skips_code = True


def _datatables() -> Path:
    """DataTables as the ``itables`` package ships it, one JavaScript module and its CSS."""
    import itables

    return Path(itables.__file__).parent / "html"


def vendor_files(app, exception) -> None:
    """Copy DataTables into the built book's ``_static/vendor/`` (unchanged files are left alone)."""
    if exception is not None or app.builder.format != "html":
        return
    vendor = Path(app.outdir) / "_static" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        source, target = _datatables() / name, vendor / name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)


def setup(app):
    _search_without_code()
    _register_citation_style()
    app.connect("env-get-outdated", outdated)
    app.connect("doctree-read", code_links)
    app.connect("doctree-read", charts)
    app.connect("doctree-read", headings_from_output, priority=400)
    app.connect("doctree-resolved", chart_images)
    app.add_node(chart, html=(visit_chart, None))
    app.connect("build-finished", vendor_files)
    app.add_css_file("vendor/dt_bundle.css")  # explorable.js, in _static/, is added by Jupyter Book
    return {"parallel_read_safe": True, "parallel_write_safe": True}
