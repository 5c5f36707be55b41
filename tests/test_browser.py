"""Right-to-left in a real browser: the exported notebook pages and JupyterLab itself, served on loopback
and opened in headless Chromium (Debian's `chromium`; .ci/run installs it), checked from the DOM
(computed style, and where the text actually lands) and from a screenshot.

Each check has its control: the same markup without the package's stylesheet or without <bdi> comes out
left-aligned or scrambled, so the checks can fail.
"""
from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import io
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; "
                                                          ".ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--window-size=1280,1600", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"]
SHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", "")) if os.environ.get("BROWSER_SCREENSHOTS") else None


class Browser:
    """Headless Chromium driven over the DevTools protocol (loopback only)."""

    def __init__(self, profile: Path):
        import websocket
        self.process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.time() + 30
        while not port_file.exists() or len(port_file.read_text().split()) < 2:
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            page = next(t for t in json.load(r) if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0

    def send(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url: str, ready: str = "true", timeout: float = 90) -> None:
        self.send("Page.navigate", url=url)
        deadline = time.time() + timeout
        while not self.evaluate(f"document.readyState === 'complete' && !!({ready})"):
            if time.time() > deadline:
                raise TimeoutError(f"{url}: not ready after {timeout} s ({ready})")
            time.sleep(0.25)
        self.evaluate("document.fonts.ready.then(() => true)")

    def screenshot(self):
        from PIL import Image
        data = self.send("Page.captureScreenshot", format="png")["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("L")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The stored notebooks exported as the report exports them, served on loopback."""
    import nbformat

    from analysis import report
    folder = tmp_path_factory.mktemp("pages")
    for path in report.notebook_paths()[:2]:
        (folder / f"{path.stem}.html").write_text(report.to_html(nbformat.read(path, as_version=4)), encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# Where the text of an element lands, against the element's own box (a Range measures the glyphs).
# Lines: the gap between each line's glyphs and the element's left and right edges.
INK = """(el => { const r = document.createRange(); r.selectNodeContents(el);
  const b = el.getBoundingClientRect(), s = getComputedStyle(el), t = r.getBoundingClientRect();
  const byTop = {};  // the rects of one line (a <strong> run, the rest) joined into one extent
  for (const q of r.getClientRects()) { if (q.width < 2) continue; const k = Math.round(q.top / 4);
    byTop[k] = byTop[k] ? [Math.min(byTop[k][0], q.left), Math.max(byTop[k][1], q.right)] : [q.left, q.right]; }
  const lines = Object.values(byTop).map(([l, rr]) => [l - b.left, b.right - rr]);
  return {align: s.textAlign, direction: s.direction, text: el.textContent.trim().slice(0, 40), lines: lines,
          top: t.top, bottom: t.bottom, x0: b.left, x1: b.right}; })"""
# x of the first occurrence of `part` in a text node under `el`
PART_X = """((el, part) => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(part); if (i < 0) continue;
    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + part.length);
    return r.getBoundingClientRect().left; } return null; })"""


def _right_aligned(box: dict) -> bool:
    """Every line ends at the element's right edge, and some line (the last, short one) starts well inside."""
    return bool(box["lines"]) and all(right < 4 for _, right in box["lines"]) and max(l for l, _ in box["lines"]) > 40


def _ink_on_right(image, box: dict) -> float:
    """The share of a paragraph's dark pixels in the right half of its box, from the screenshot."""
    x0, x1 = int(box["x0"]), int(box["x1"])
    crop = image.crop((x0, int(box["top"]), x1, int(box["bottom"])))
    dark = [x for x in range(crop.width) for y in range(crop.height) if crop.getpixel((x, y)) < 128]
    return sum(x > crop.width / 2 for x in dark) / max(1, len(dark))


def test_exported_page_aligns_arabic_right_and_reads_mixed_values_as_written(browser, pages, tmp_path):
    browser.open(f"{pages}/01_corpus.html", "document.querySelector('p[dir=rtl]')")
    paragraph = browser.evaluate(f"({INK})(document.querySelector('.jp-MarkdownOutput p[dir=rtl]'))")
    assert paragraph["align"] == "right" and paragraph["direction"] == "rtl", paragraph
    assert _right_aligned(paragraph), paragraph
    cells = browser.evaluate("[...document.querySelectorAll('td[dir=rtl]')].slice(0, 20).map(td => "
                             "[getComputedStyle(td).textAlign, getComputedStyle(td).direction])")
    assert cells and all(c == ["right", "rtl"] for c in cells), cells
    # a mixed value in an English note: isolated, it reads 25, يوليو, 2021 from the right
    bdi = browser.evaluate("[...document.querySelectorAll('bdi')].find(b => b.textContent === '25-يوليو-2021') ? 1 : 0")
    assert bdi, "the seeds-only note with the dateline is not on the page"
    xs = browser.evaluate(f"(() => {{ const b = [...document.querySelectorAll('bdi')].find(b => b.textContent === "
                          f"'25-يوليو-2021'); return [({PART_X})(b, '25-'), ({PART_X})(b, '2021')]; }})()")
    assert xs[0] > xs[1], xs
    image = browser.screenshot()
    image.save(tmp_path / "01_corpus.png")
    if SHOTS:
        image.save(SHOTS / "browser_01_corpus.png")
    assert _ink_on_right(image, paragraph) > 0.5


def test_the_checks_fail_without_the_stylesheet_or_the_isolation(browser, pages):
    """Controls: JupyterLab's rule left-aligns a paragraph inside <div dir=rtl> unless the package's rule
    is there; the same mixed value without <bdi> comes out scrambled in an English sentence."""
    browser.open(f"{pages}/01_corpus.html", "document.querySelector('.jp-RenderedHTMLCommon')")
    probe = """(() => { const host = document.querySelector('.jp-RenderedHTMLCommon');
      const d = document.createElement('div'); d.setAttribute('dir', 'rtl');
      d.innerHTML = '<p>نص عربي قصير</p>'; host.appendChild(d);
      const e = document.createElement('p'); e.setAttribute('dir', 'ltr');
      e.innerHTML = 'dated <span>25-يوليو-2021</span> here'; host.appendChild(e);
      return [d.firstChild, e.firstElementChild]; })"""
    browser.evaluate(f"window.probe = {probe}(); true")
    with_sheet = browser.evaluate("getComputedStyle(window.probe[0]).textAlign")
    browser.evaluate("document.querySelectorAll('style.arabic-news-style').forEach(s => s.disabled = true); true")
    without = browser.evaluate("getComputedStyle(window.probe[0]).textAlign")
    assert (with_sheet, without) == ("right", "left")
    xs = browser.evaluate(f"[({PART_X})(window.probe[1], '25-'), ({PART_X})(window.probe[1], '2021')]")
    assert xs[0] < xs[1], xs  # unisolated: "25" stays at the left, the opposite of how it is written


def test_exported_page_shows_integers_as_integers(pages):
    with urllib.request.urlopen(f"{pages}/02_troop_levels.html", timeout=10) as r:
        page = r.read().decode("utf-8")
    assert ">2500<" in page and ">2500.0<" not in page


# ---------------------------------------------------------------- JupyterLab
@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on loopback with a copy of the first notebook, its config and state in a temporary folder."""
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "notebooks" / "01_corpus.ipynb", folder / "01_corpus.ipynb")
    jupyter = Path(os.sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip("JupyterLab is not installed in this environment")
    port, token = _free_port(), "arabic-news-test"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(folder / ".config"), "JUPYTER_DATA_DIR": str(folder / ".data"),
           "JUPYTER_RUNTIME_DIR": str(folder / ".runtime"), "JUPYTERLAB_WORKSPACES_DIR": str(folder / ".workspaces")}
    process = subprocess.Popen([str(jupyter), "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
                                f"--ServerApp.token={token}", f"--ServerApp.root_dir={folder}",
                                "--ServerApp.open_browser=False"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                break
        except OSError:
            if time.time() > deadline or process.poll() is not None:
                process.terminate()
                pytest.skip("JupyterLab did not start")
            time.sleep(0.5)
    yield f"{base}/lab/tree/01_corpus.ipynb?token={token}"
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def test_jupyterlab_aligns_arabic_paragraphs_and_cells_right(browser, lab, tmp_path):
    browser.open(lab, "document.querySelector('.jp-MarkdownOutput p[dir=rtl]') && "
                      "document.querySelector('.jp-OutputArea-output td[dir=rtl]')", timeout=120)
    paragraph = browser.evaluate(f"({INK})(document.querySelector('.jp-MarkdownOutput p[dir=rtl]'))")
    assert paragraph["align"] == "right" and paragraph["direction"] == "rtl", paragraph
    assert _right_aligned(paragraph), paragraph
    cells = browser.evaluate("[...document.querySelectorAll('.jp-OutputArea-output td[dir=rtl]')].slice(0, 20)"
                             ".map(td => [getComputedStyle(td).textAlign, getComputedStyle(td).direction])")
    assert cells and all(c == ["right", "rtl"] for c in cells), cells
    image = browser.screenshot()
    image.save(tmp_path / "lab.png")
    if SHOTS:
        image.save(SHOTS / "browser_lab.png")
    assert _ink_on_right(image, paragraph) > 0.5
