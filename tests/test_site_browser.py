"""Does the built site work in a real browser?

The built book (``make book``) is served from a local HTTP server and opened in headless
Chromium (Debian's ``chromium``, installed by ``make browser``; ``make test`` does it) driven by
Playwright. Every page of the table of contents must load without console errors or failed
requests; math must be typeset by MathJax (served with the site, nothing from a CDN); every
figure must load and have a caption; links between pages must resolve, and chapters must link
the chapters they build on; each chapter's download link must return a zip holding the student
notebook; search must find a chapter; no page may show a solution line. Screenshots of the
landing page, of one chapter and of that chapter's result are written to ``_build/screenshots/``.
"""
import functools
import http.server
import io
import threading
import zipfile

import pytest
import yaml

from coursebuild import leaks
from coursebuild.paths import ROOT, assignments, notebook_of

from .conftest import SCREENSHOTS



def toc_pages(root=ROOT):
    """list of str: the HTML path of every page in _toc.yml, the landing page first."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [chapter["file"] for chapter in part["chapters"]]
    return [f"{page}.html" for page in pages]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test reports what matters; a line per request is noise
        pass


@pytest.fixture(scope="module")
def site(built_course):
    """The base URL of the built book, served from a local server for the module's tests."""
    html = built_course / "_build" / "html"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=html))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: page.problems.append(f"failed to load {request.url}"))
    page.on("response", lambda response: response.status >= 400 and page.problems.append(
        f"HTTP {response.status} for {response.url}"))
    yield page
    page.close()


def _open(page, url):
    page.goto(url, wait_until="load")
    if page.locator(".math").count():  # MathJax typesets after load; wait until it has finished
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise"
                               " && MathJax.startup.promise.then(() => true)", timeout=30_000)
    page.wait_for_load_state("networkidle")


#: What MathJax left undone on a page: its error boxes; formulas whose rendered text shows a
#: backslash (a macro it does not know in that place, as \text{decay\_rate} shows "decay\_rate"); and
#: prose (outside code and formulas) that still holds $...$ or a \command.
RAW_TEX = r"""() => {
  const errors = document.querySelectorAll('mjx-merror').length;
  const backslashed = Array.from(document.querySelectorAll('mjx-container'))
      .map(m => m.innerText.replace(/\s+/g, ' ')).filter(t => t.includes('\\')).slice(0, 3);
  const prose = Array.from(document.querySelectorAll('article p, article li, article td, article h1, article h2, article h3'))
      .map(e => { const c = e.cloneNode(true);
                  c.querySelectorAll('code, pre, mjx-container, .math, script').forEach(x => x.remove());
                  return c.textContent; })
      .filter(t => /\$[^$\s][^$]*\$/.test(t) || /\\[a-zA-Z]+/.test(t)).map(t => t.trim().slice(0, 120)).slice(0, 3);
  return {errors, backslashed, prose};
}"""


def test_every_page_loads_typesets_its_math_and_its_figures_without_errors(site, page):
    lines = leaks.solution_lines(ROOT)
    report, statuses = [], {}
    for path in toc_pages():
        _open(page, site + path)
        problems = list(page.problems)
        page.problems.clear()
        math = page.locator(".math").count()
        typeset = page.locator(".math mjx-container").count()
        if math and typeset < math:
            problems.append(f"{math - typeset} of {math} formulas not typeset by MathJax")
        tex = page.evaluate(RAW_TEX)
        if tex["errors"]:
            problems.append(f"{tex['errors']} MathJax error(s) (a formula MathJax cannot parse)")
        problems += [f"a formula shows a backslash (a macro MathJax left as text): {t!r}" for t in tex["backslashed"]]
        problems += [f"TeX left in the prose, not typeset: {t!r}" for t in tex["prose"]]
        broken = page.evaluate("() => Array.from(document.images)"
                               ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        problems += [f"figure did not load: {src}" for src in broken]
        if path.startswith("chapters/"):
            if not page.evaluate("() => document.images.length"):
                problems.append("the chapter shows no figure")
            uncaptioned = page.evaluate(
                "() => Array.from(document.querySelectorAll('article img'))"
                ".filter(i => !i.closest('figure')?.querySelector('figcaption')?.innerText.trim()).length")
            if uncaptioned:
                problems.append(f"{uncaptioned} figure(s) without a caption")
        for href in page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)"):
            target = href.split("#")[0]
            if not target.startswith(site):
                continue  # the site's own pages only (this machine has no network); each fetched once
            if target not in statuses:
                statuses[target] = page.request.get(target).status
            if statuses[target] >= 400:
                problems.append(f"broken link: {href} (HTTP {statuses[target]})")
            if "/source/" in target or target.endswith(".ipynb"):
                problems.append(f"links a notebook file instead of a page: {href}")
        leaked = leaks.lines_in(page.inner_text("body"), lines)
        problems += [f"shows a solution line: {line}" for line in leaked]
        report += [f"{path}: {problem}" for problem in problems]
    assert not report, "pages with problems:\n" + "\n".join(report[:40])


def test_a_chapter_links_the_chapter_it_builds_on(site, page):
    _open(page, site + "chapters/c1w3a_planar_data.html")
    hrefs = page.eval_on_selector_all("article a.reference.internal", "links => links.map(a => a.href)")
    assert any(href.startswith(site + "chapters/c1w2b_logistic_regression.html") for href in hrefs), \
        f"the shallow-network chapter should link the logistic-regression chapter; it links {hrefs}"
    assert page.locator("figure figcaption").count() >= 3, "the shallow-network chapter's figures have no captions"


def test_math_is_typeset_on_a_chapter(site, page):
    _open(page, site + "chapters/c1w2b_logistic_regression.html")
    assert page.locator("mjx-container").count() >= 5, "the logistic-regression chapter's formulas were not typeset"


@pytest.mark.parametrize("assignment_id", assignments())
def test_each_chapter_links_a_zip_of_the_student_folder(site, page, assignment_id):
    # The link is in the page as served: no need to wait for MathJax (the test above does, per page).
    page.goto(site + f"chapters/{assignment_id}.html", wait_until="domcontentloaded")
    link = page.locator(f"a.download:has-text('{assignment_id}.zip')")
    assert link.count() == 1, f"the chapter of {assignment_id} has no download link for its student folder"
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok, f"the download link of {assignment_id} gave HTTP {response.status}"
    names = zipfile.ZipFile(io.BytesIO(response.body())).namelist()
    notebook = f"{assignment_id}/{notebook_of(assignment_id).name}"
    assert notebook in names, f"the zip holds {names[:10]}..., not the student notebook {notebook}"
    assert not [n for n in names if "solutions/" in n or "autograder/" in n], "the zip holds instructors' code"


def test_search_finds_a_chapter(site, page):
    _open(page, site + "search.html?q=softmax")
    page.wait_for_selector("#search-results li a", timeout=30_000)
    found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    assert any("chapters/c1w2a_numpy_basics.html" in href for href in found), f"softmax found only on {found}"


def test_screenshots_of_the_landing_page_and_a_chapter(site, page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in [("landing", toc_pages()[0]), ("chapter", "chapters/c4w4a_style_transfer.html")]:
        _open(page, site + path)
        target = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(target), full_page=False)
        assert target.stat().st_size > 10_000, f"{target} is nearly empty"
    # The chapter's result, as a reader scrolls to it: its last figure and caption.
    page.locator("figure").last.scroll_into_view_if_needed()
    target = SCREENSHOTS / "chapter-result.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000, f"{target} is nearly empty"
