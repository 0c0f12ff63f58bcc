"""The HTML report in a real browser: the script runs cleanly, the filters hide
what they should, print shows everything, and hostile text stays text.

Needs Playwright for Python (``pip install -e '.[browser]'``) and Debian's
Chromium (``apt-get install chromium``); skipped, with the reason, when either
is missing. Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report_html import HOSTILE, NEW_2537, OLD_2506, hostile_pair

import mandiff
from mandiff.changes import MandateDiff
from mandiff.report import RenderOptions, render, selected

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every listed change, with its status, tags and whether the browser displays it.
CHANGES_JS = """() => Array.from(document.querySelectorAll("article.change")).map(a => ({
  id: a.id, kinds: a.dataset.kinds.split(" "), shown: getComputedStyle(a).display !== "none" && a.offsetHeight > 0
}))"""


def _chromium() -> str | None:
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[browser]'")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium at /usr/bin/chromium or on PATH: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with everything that would mean trouble recorded: console errors, page errors, dialogs."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, diff: MandateDiff, path: Path) -> None:
        path.write_text(render(diff, "html"), encoding="utf-8")
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.context.close()


def _listed(diff: MandateDiff) -> int:
    options = RenderOptions()
    return len(selected(diff, options)) + len([c for c in diff.preamble.changes if c.status != "unchanged" or c.tags])


def test_filters_hide_other_kinds_and_print_shows_all(watched: Watched, tmp_path: Path) -> None:
    diff = mandiff.compare(OLD_2506, NEW_2537)
    watched.open(diff, tmp_path / "report.html")
    page = watched.page
    assert page.locator("form.filters").is_visible(), "the script should reveal the filters"
    before = page.evaluate(CHANGES_JS)
    assert len(before) == _listed(diff) and all(c["shown"] for c in before)
    assert page.locator("form.filters .shown").inner_text() == f"Showing {len(before)} of {len(before)}"

    page.locator("form.filters input[value='added']").check()
    after = page.evaluate(CHANGES_JS)
    shown = [c for c in after if c["shown"]]
    hidden = [c for c in after if not c["shown"]]
    assert shown and hidden
    assert all("added" in c["kinds"] for c in shown)
    assert all("added" not in c["kinds"] for c in hidden)
    assert {k for c in hidden for k in c["kinds"]} >= {"changed", "unchanged"}
    assert page.locator("form.filters .shown").inner_text() == f"Showing {len(shown)} of {len(after)}"
    page.screenshot(path=tmp_path / "only-added.png", full_page=True)
    assert (tmp_path / "only-added.png").stat().st_size > 10_000

    # On paper the filter does not apply and the controls are gone.
    page.emulate_media(media="print")
    assert all(c["shown"] for c in page.evaluate(CHANGES_JS))
    assert not page.locator("form.filters").is_visible() and not page.locator("nav").is_visible()
    page.emulate_media(media="screen")

    page.locator("form.filters button").click()
    assert all(c["shown"] for c in page.evaluate(CHANGES_JS))
    page.locator("nav a", has_text="Operative paragraphs").click()
    assert page.evaluate("location.hash") == "#section-1"
    assert watched.errors == [] and watched.dialogs == []


def test_hostile_text_shows_as_text(watched: Watched, tmp_path: Path) -> None:
    old, new = hostile_pair()
    diff = mandiff.compare(old, new)
    watched.open(diff, tmp_path / "hostile.html")
    page = watched.page
    assert watched.dialogs == [], "markup in the input ran as script"
    assert watched.errors == []
    assert HOSTILE in page.locator("#new-3 .side.new p").inner_text()
    assert page.get_by_text("<script>alert(1)</script>", exact=False).count() >= 1
    structure = page.evaluate(
        """() => ({
          scripts: document.scripts.length, images: document.images.length,
          tables: document.querySelectorAll("table").length,
          articles: document.querySelectorAll("main.changes section > article.change").length,
          strays: document.querySelectorAll("article article, article table, body > :not(div.mandiff)").length
        })"""
    )
    assert structure == {"scripts": 1, "images": 0, "tables": 3, "articles": _listed(diff), "strays": 0}
    # The script still works on this page: filtering by a tag leaves paragraph 3 (weakened) alone.
    page.locator("form.filters input[value='weakened']").check()
    shown = [c["id"] for c in page.evaluate(CHANGES_JS) if c["shown"]]
    assert shown == ["new-3"]
    assert watched.dialogs == [] and watched.errors == []
