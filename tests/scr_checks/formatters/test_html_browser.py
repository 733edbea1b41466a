"""The HTML page in a real browser: Debian's headless Chromium, driven over a pipe.

Chromium is driven through the DevTools protocol on ``--remote-debugging-pipe``
(file descriptors 3 and 4), so no socket is opened.  The tests load the page
of the fixture folder and check what a reader sees: the scorecards, the
number of findings under each question, a rule filtered out from the
keyboard, the contrast of the text, that nothing is fetched from elsewhere,
and that a hostile report's text stays text.  ``SCR_CHECKS_SCREENSHOT=FILE``
also saves the screenshot there (the docs' picture is made so).

Without Chromium the tests skip, unless ``SCR_CHECKS_REQUIRE_BROWSER=1`` (as
the CI script sets, having installed it).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scr_checks.rules import QUESTIONS
from scr_checks.testing import make_session

REPO = Path(__file__).resolve().parents[3]
BROWSER = next((found for name in ("chromium", "chromium-browser")
                if (found := shutil.which(name))), None)
PNG = b"\x89PNG\r\n\x1a\n"

if BROWSER is None:
    if os.environ.get("SCR_CHECKS_REQUIRE_BROWSER"):
        raise RuntimeError("SCR_CHECKS_REQUIRE_BROWSER is set, but chromium is not installed")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium)",
                allow_module_level=True)


class Chromium:
    """One headless Chromium and one page, spoken to in DevTools protocol messages."""

    def __init__(self, executable: str, profile: Path) -> None:
        commands, self._to_browser = os.pipe()
        self._from_browser, replies = os.pipe()

        def onto_3_and_4() -> None:
            reply_fd = os.dup(replies) if replies == 3 else replies
            os.dup2(commands, 3)
            os.dup2(reply_fd, 4)

        arguments = [executable, "--headless", "--remote-debugging-pipe", "--disable-gpu",
                     f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-extensions",
                     "--disable-sync", "--hide-scrollbars", "--mute-audio"]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
        self.process = subprocess.Popen(
            [*arguments, "about:blank"], pass_fds=(3, 4), preexec_fn=onto_3_and_4,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands)
        os.close(replies)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=True)
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=1200, height=900,
                  deviceScaleFactor=1, mobile=False)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        for index, seen in enumerate(self.events):
            if seen.get("method") == event:
                return self.events.pop(index)
        while True:
            message = self._read()
            if message.get("method") == event:
                return message
            self.events.append(message)

    def open(self, page: Path) -> None:
        self.events.clear()
        self.send("Page.navigate", session=True, url=page.as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press_space(self) -> None:
        """Space on the focused element, as a keyboard user toggles a checkbox."""
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", session=True, type=kind, key=" ", code="Space",
                      windowsVirtualKeyCode=32, text=" " if kind == "keyDown" else "")

    def press_tab(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", session=True, type=kind, key="Tab", code="Tab",
                      windowsVirtualKeyCode=9)

    def screenshot(self) -> bytes:
        data = self.send("Page.captureScreenshot", session=True, format="png")["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    assert BROWSER is not None
    chromium = Chromium(BROWSER, tmp_path_factory.mktemp("profile"))
    yield chromium
    chromium.close()


def render_page(paths: list[str], target: Path) -> Any:
    """Check ``paths`` as ``--html`` does, write the page, and return the run."""
    session = make_session()
    session.record_paragraphs = True
    run = session.run(paths)
    target.write_text(session.formatters["html"](session.config).render(run), encoding="utf-8")
    return run


@pytest.fixture(scope="module")
def fixture_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    page = tmp_path_factory.mktemp("page") / "report.html"
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        run = render_page(["fixtures/reports"], page)
    finally:
        os.chdir(cwd)
    return page, run


SCORECARDS = """Array.from(document.querySelectorAll('section.report')).map(s => ({
  path: s.querySelector('h2').textContent,
  statuses: Array.from(s.querySelectorAll('table.scorecard tbody tr')).map(
    r => [Number(r.dataset.question), r.querySelector('td.status').textContent]),
  questions: Array.from(s.querySelectorAll('section.question')).map(q => [
    Number(q.dataset.question), q.querySelector('.count').textContent,
    q.querySelectorAll('.finding').length]),
}))"""

VISIBLE_RULES = """Array.from(document.querySelectorAll('.finding')).filter(
  f => f.offsetParent !== null).map(f => f.dataset.rule)"""


def test_the_page_shows_each_reports_scorecard_and_findings_by_question(browser, fixture_folder):
    page, run = fixture_folder
    browser.open(page)
    shown = browser.evaluate(SCORECARDS)
    assert [report["path"] for report in shown] == [file.path for file in run.files]
    rules = {rule.id: rule.question for rule in run.rules}
    for report, file in zip(shown, run.files, strict=True):
        assert report["statuses"] == [[entry["question"], entry["status"]]
                                      for entry in file.extras["scorecard"]]
        counts = Counter(rules[f.rule_id] for f in file.findings if not f.suppressed)
        assert report["questions"] == [
            [q, f"{counts[q]} finding{'' if counts[q] == 1 else 's'}", counts[q]]
            for q in sorted(counts)]
    sample = next(r for r in shown if r["path"] == "fixtures/reports/sample.rst")
    assert dict(sample["statuses"])[2] == "needs attention"
    assert len(sample["questions"]) == len(QUESTIONS)  # the sample trips every question


def test_a_rule_unticked_from_the_keyboard_hides_its_findings_only(browser, fixture_folder):
    page, run = fixture_folder
    browser.open(page)
    before = browser.evaluate(VISIBLE_RULES)
    assert len(before) == sum(1 for f in run.findings if not f.suppressed)
    assert browser.evaluate("document.getElementById('filters').hidden") is False
    hidden_rule = "SCR504"
    assert hidden_rule in before
    browser.evaluate(f"document.querySelector('input[name=rule][value={hidden_rule}]').focus()")
    browser.press_space()
    after = browser.evaluate(VISIBLE_RULES)
    assert Counter(after) == Counter(r for r in before if r != hidden_rule)
    status = browser.evaluate("document.getElementById('shown').textContent")
    assert status == f"Showing {len(after)} of {len(before)} findings."
    browser.evaluate("document.getElementById('show-all').focus()")
    browser.press_space()
    assert Counter(browser.evaluate(VISIBLE_RULES)) == Counter(before)


def test_the_filters_are_reached_with_the_tab_key(browser, fixture_folder):
    page, _ = fixture_folder
    browser.open(page)
    browser.evaluate("document.activeElement.blur()")
    reached = []
    for _ in range(6):
        browser.press_tab()
        reached.append(browser.evaluate(
            "(document.activeElement.name || document.activeElement.className || '') + ':' "
            "+ (document.activeElement.value || '')"))
    assert reached[0] == "skip:"
    assert reached[1] == "question:1"
    assert all(stop.startswith("question:") for stop in reached[1:])


CONTRAST = """(() => {
  // The fixture folder has no question left unchecked: add a cell to measure.
  document.querySelector('table.scorecard tbody').insertAdjacentHTML('beforeend',
    '<tr><td class="status unchecked">not checked</td></tr>');
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const background = e => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const selectors = ['body', 'h2', 'td.status.attention', 'td.status.clear',
    'td.status.unchecked', '.severity.error', '.severity.warning', '.severity.note', 'mark',
    '.where', '.paragraph', 'a', 'button', 'caption', '.filters label'];
  return selectors.filter(s => document.querySelector(s)).map(s => {
    const e = document.querySelector(s);
    return [s, rgb(getComputedStyle(e).color).slice(0, 3), background(e)];
  });
})()"""


def luminance(colour: list[float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_text_has_enough_contrast_for_wcag_aa(browser, fixture_folder):
    page, _ = fixture_folder
    browser.open(page)
    pairs = browser.evaluate(CONTRAST)
    assert len(pairs) == 15
    for selector, foreground, background in pairs:
        light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 4.5, f"{selector}: contrast {ratio:.2f}"


def test_nothing_is_fetched_from_elsewhere_and_the_policy_blocks_nothing_of_ours(
        browser, fixture_folder):
    page, _ = fixture_folder
    browser.open(page)
    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent"]
    assert requests == [page.as_uri()]
    complaints = [e["params"]["entry"]["text"] for e in browser.events
                  if e.get("method") == "Log.entryAdded"]
    assert complaints == []
    assert browser.evaluate("getComputedStyle(document.body).maxWidth") != "none"


def test_a_hostile_report_shows_its_markup_as_text_and_runs_nothing(browser, tmp_path):
    name = "<img src=x onerror=window.pwned=1>.txt"
    hostile = ("Introduction\n\n"
               "1.1 The social worker failed to visit. <script>window.pwned = 2</script> "
               "<img src=x onerror=\"window.pwned = 3\"> </blockquote><svg onload=window.pwned=4>"
               " &lt;b&gt; \"quoted\" 'single'\n")
    (tmp_path / name).write_text(hostile, encoding="utf-8")
    page = tmp_path / "page.html"
    render_page([str(tmp_path / name)], page)
    browser.open(page)
    assert browser.evaluate("window.pwned === undefined") is True
    assert browser.evaluate("document.querySelectorAll('script').length") == 1
    assert browser.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    quoted = browser.evaluate(
        "Array.from(document.querySelectorAll('.paragraph')).map(p => p.textContent)")
    assert any("<script>window.pwned = 2</script>" in q and "&lt;b&gt;" in q for q in quoted)
    assert browser.evaluate("document.querySelector('section.report h2').textContent") \
        .endswith(name)


def test_a_screenshot_of_the_page(browser, fixture_folder):
    page, _ = fixture_folder
    browser.open(page)
    browser.evaluate("Array.from(document.querySelectorAll('section.report')).find("
                     "s => s.querySelector('h2').textContent.endsWith('sample.rst'))"
                     ".querySelector('h3[id$=findings]').scrollIntoView()")
    picture = browser.screenshot()
    assert picture.startswith(PNG)
    width, height = int.from_bytes(picture[16:20], "big"), int.from_bytes(picture[20:24], "big")
    assert (width, height) == (1200, 900)
    wanted = os.environ.get("SCR_CHECKS_SCREENSHOT")
    if wanted:
        Path(wanted).write_bytes(picture)
