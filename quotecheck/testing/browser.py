"""Opening quotecheck's self-contained HTML pages in headless Chromium, with no new dependencies.

The harness speaks the Chrome DevTools Protocol over ``--remote-debugging-pipe`` (JSON messages
ending in a NUL byte; Chromium reads them from its fd 3 and writes to its fd 4), one Chromium
process per page load. A load records console errors, uncaught exceptions, every requested URL
(including those of frames and workers the page starts), statistics about every ``<svg>``, the
page's scroll width and a full-page PNG screenshot.

Tests call :func:`require_chromium` first (it skips, or fails when
``QUOTECHECK_REQUIRE_BROWSER=1``), then :func:`check_page`, which opens a page on a desktop and
a phone viewport, asserts that it is clean and keeps the screenshots in :func:`artifact_dir`::

    def test_summary_page(tmp_path):
        require_chromium()
        page = tmp_path / "summary.html"
        page.write_text(..., encoding="utf-8")  # the rendered summary page
        check_page(page, "summary", charts=True)
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotecheck.testing import ROOT

# (width, height, mobile) of the viewports check_page opens a page in: a desktop and a phone.
VIEWPORTS: tuple[tuple[int, int, bool], ...] = ((1280, 900, False), (390, 844, True))
PAGE_TIMEOUT_S = 30.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--remote-debugging-pipe",
)

# Runs in the page once it has loaded (after two animation frames, so that scripted charts
# have drawn): its URL, its scroll width and, for every <svg>, its size and drawn elements.
_PAGE_STATS = """(async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const shapes = ["rect", "path", "circle", "ellipse", "line", "polyline", "polygon", "text"];
  const svgs = [...document.querySelectorAll("svg")].map(svg => {
    const box = svg.getBoundingClientRect();
    const stats = {width: box.width, height: box.height};
    for (const shape of shapes) stats[shape] = svg.querySelectorAll(shape).length;
    stats.drawn = [...svg.querySelectorAll(shapes.join(","))].filter(element => {
      const r = element.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    }).length;
    return stats;
  });
  const scrollWidth = Math.max(document.documentElement.scrollWidth,
                               document.body ? document.body.scrollWidth : 0);
  return {url: location.href, scrollWidth, svgs};
})()"""


@dataclass
class PageResult:
    """What one page load in Chromium recorded."""

    url: str
    width: int
    console_errors: list[str]
    exceptions: list[str]
    requests: list[str]
    svgs: list[dict[str, float]]
    scroll_width: int
    overflow_x: bool
    screenshot_png: bytes
    evaluated: Any = None


def find_chromium() -> str | None:
    """``$QUOTECHECK_CHROMIUM`` when set (None if it is not an executable file), else
    ``chromium`` or ``chromium-browser`` on PATH."""
    configured = os.environ.get("QUOTECHECK_CHROMIUM")
    if configured:
        return configured if os.path.isfile(configured) and os.access(configured, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """The Chromium binary; skips the test without one, or fails it when
    ``QUOTECHECK_REQUIRE_BROWSER=1`` (as CI sets)."""
    import pytest  # only here: the summaries benchmark takes screenshots without pytest

    binary = find_chromium()
    if binary:
        return binary
    looked = (
        f"$QUOTECHECK_CHROMIUM={os.environ['QUOTECHECK_CHROMIUM']} is not an executable file"
        if os.environ.get("QUOTECHECK_CHROMIUM")
        else "neither chromium nor chromium-browser is on PATH"
    )
    if os.environ.get("QUOTECHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"headless Chromium is required ({looked}); install Debian's chromium: "
            "apt-get install -y chromium"
        )
    pytest.skip(
        f"browser tests need headless Chromium: {looked} "
        "(apt-get install -y chromium, or set QUOTECHECK_CHROMIUM)"
    )


def artifact_dir() -> Path:
    """Where screenshots go (created): ``$QUOTECHECK_ARTIFACTS`` or ``<repo>/test-artifacts``."""
    directory = Path(os.environ.get("QUOTECHECK_ARTIFACTS") or ROOT / "test-artifacts")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


class _Pipe:
    """One DevTools connection over Chromium's pipe: commands out, replies and events in."""

    def __init__(
        self, out_fd: int, in_fd: int, deadline: float, on_event: Callable[[dict[str, Any]], None]
    ) -> None:
        self._out = out_fd
        self._in = in_fd
        self._deadline = deadline
        self._on_event = on_event
        self._buffer = bytearray()
        self._last_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[tuple[str | None, str]] = []  # (sessionId, method), in arrival order

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        """Sends a command without waiting for its reply; returns its id."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._out, data) :]
        return self._last_id

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Sends a command and returns its result, handling the events that arrive meanwhile."""
        wanted = self.send(method, params, session)
        while wanted not in self._replies:
            self._read()
        reply = self._replies.pop(wanted)
        if "error" in reply:
            raise RuntimeError(f"{method} failed: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str, since: int) -> None:
        """Reads until event ``method`` comes for ``session`` after the first ``since`` events."""
        while (session, method) not in self.events[since:]:
            self._read()

    def _read(self) -> None:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0 or not select.select([self._in], [], [], remaining)[0]:
            raise TimeoutError("Chromium did not answer in time")
        chunk = os.read(self._in, 1 << 20)
        if not chunk:
            raise RuntimeError("Chromium closed the DevTools pipe")
        self._buffer += chunk
        while (end := self._buffer.find(b"\0")) >= 0:
            message = json.loads(self._buffer[:end])
            del self._buffer[: end + 1]
            if "id" in message:
                self._replies[message["id"]] = message
            else:
                self.events.append((message.get("sessionId"), message["method"]))
                self._on_event(message)


def _remote_text(value: dict[str, Any]) -> str:
    """A console argument (a Runtime.RemoteObject) as text."""
    return str(value["value"]) if "value" in value else value.get("description", value["type"])


def _dup_to_3_and_4(child_in: int, child_out: int) -> Callable[[], None]:
    """A preexec_fn putting the pipe ends on fds 3 (commands) and 4 (replies) in the child."""

    def move() -> None:
        high_in = fcntl.fcntl(child_in, fcntl.F_DUPFD, 10)  # out of the way of fds 3 and 4
        high_out = fcntl.fcntl(child_out, fcntl.F_DUPFD, 10)
        os.dup2(high_in, 3)
        os.dup2(high_out, 4)
        os.close(high_in)
        os.close(high_out)

    return move


def open_page(
    html_path: Path,
    *,
    width: int = 1280,
    height: int = 900,
    mobile: bool = False,
    screenshot: Path | None = None,
    evaluate: str | None = None,
    timeout: float = PAGE_TIMEOUT_S,
) -> PageResult:
    """Loads ``html_path`` in a fresh headless Chromium with a ``width`` x ``height`` viewport
    (a phone's when ``mobile``) and records what happened; writes the full-page PNG to
    ``screenshot`` when given. ``evaluate``, a JS expression, is evaluated after the load and
    its value (awaited, returned by value) kept in ``PageResult.evaluated``."""
    binary = find_chromium()
    if binary is None:
        raise RuntimeError("no Chromium binary: call require_chromium() first")
    url = html_path.resolve().as_uri()
    console_errors: list[str] = []
    exceptions: list[str] = []
    requests: list[str] = []
    deadline = time.monotonic() + timeout
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()
    with tempfile.TemporaryDirectory(prefix="quotecheck-chromium-", ignore_cleanup_errors=True) as profile:
        log_path = Path(profile) / "chromium.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}/data"],
                # close_fds=False keeps the fds 3 and 4 made in preexec_fn; Python's own fds
                # are close-on-exec, so nothing else of ours leaks into Chromium.
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                close_fds=False,
                preexec_fn=_dup_to_3_and_4(commands_read, replies_write),
                start_new_session=True,
            )
        os.close(commands_read)
        os.close(replies_write)

        def on_event(message: dict[str, Any]) -> None:
            params = message["params"]
            match message["method"]:
                case "Runtime.consoleAPICalled" if params["type"] in ("error", "assert"):
                    console_errors.append(" ".join(_remote_text(a) for a in params["args"]))
                case "Runtime.exceptionThrown":
                    details = params["exceptionDetails"]
                    exceptions.append(details.get("exception", {}).get("description") or details["text"])
                case "Log.entryAdded" if params["entry"]["level"] == "error":
                    entry = params["entry"]
                    console_errors.append(
                        f"{entry['text']} ({entry['url']})" if entry.get("url") else entry["text"]
                    )
                case "Network.requestWillBeSent":
                    requests.append(params["request"]["url"])
                case "Target.attachedToTarget":  # a frame or worker of the page: watch it too
                    for method in (
                        "Network.enable",
                        "Runtime.enable",
                        "Log.enable",
                        "Runtime.runIfWaitingForDebugger",
                    ):
                        pipe.send(method, session=params["sessionId"])

        pipe = _Pipe(commands_write, replies_read, deadline, on_event)
        try:
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                pipe.call(f"{domain}.enable", session=session)
            pipe.call(
                "Target.setAutoAttach",
                {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True},
                session,
            )
            pipe.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
                session,
            )
            # Without scrollbars the page is laid out, and screenshot, at exactly `width` px.
            pipe.call("Emulation.setScrollbarsHidden", {"hidden": True}, session)
            since = len(pipe.events)
            navigated = pipe.call("Page.navigate", {"url": url}, session)
            if navigated.get("errorText"):
                raise RuntimeError(f"loading {url} failed: {navigated['errorText']}")
            pipe.wait_event("Page.loadEventFired", session, since)
            stats = _evaluate(pipe, session, _PAGE_STATS)
            if stats["url"] != url:
                raise RuntimeError(f"evaluated in {stats['url']}, not in {url}")
            evaluated = _evaluate(pipe, session, evaluate) if evaluate is not None else None
            size = pipe.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            shot = pipe.call(
                "Page.captureScreenshot",
                {"format": "png", "captureBeyondViewport": True, "clip": clip},
                session,
            )
            png = base64.b64decode(shot["data"])
            pipe.send("Browser.close")
            with contextlib.suppress(subprocess.TimeoutExpired):  # the finally kills it anyway
                process.wait(timeout=5)
        except (TimeoutError, RuntimeError, OSError) as error:
            log_tail = log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(
                f"Chromium failed on {url}: {error}\n--- chromium output ---\n{log_tail}"
            ) from error
        finally:
            _kill_group(process)
            os.close(commands_write)
            os.close(replies_read)
    if screenshot is not None:
        screenshot.write_bytes(png)
    return PageResult(
        url=url,
        width=width,
        console_errors=console_errors,
        exceptions=exceptions,
        requests=requests,
        svgs=stats["svgs"],
        scroll_width=stats["scrollWidth"],
        overflow_x=stats["scrollWidth"] > width,
        screenshot_png=png,
        evaluated=evaluated,
    )


def _evaluate(pipe: _Pipe, session: str, expression: str) -> Any:
    """The value of a JS expression in the page (promises awaited); raises if it throws."""
    result = pipe.call(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session
    )
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise RuntimeError(
            f"evaluating {expression[:60]!r} threw: "
            f"{details.get('exception', {}).get('description') or details['text']}"
        )
    return result["result"].get("value")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kills what is left of the Chromium started in its own session (renderers, zygotes)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def png_width(png: bytes) -> int:
    """The width in the IHDR chunk of a PNG; AssertionError if ``png`` is not one."""
    assert png[:8] == PNG_SIGNATURE, "the screenshot is not a PNG"
    assert png[12:16] == b"IHDR", "the PNG does not start with its IHDR chunk"
    return int.from_bytes(png[16:20], "big")


def assert_clean(result: PageResult) -> None:
    """No console error, no uncaught exception, no request but the page's own file URL, no
    horizontal overflow, and a PNG screenshot exactly as wide as the viewport."""
    assert result.console_errors == [], f"console errors on {result.url}"
    assert result.exceptions == [], f"uncaught exceptions on {result.url}"
    assert result.requests == [result.url], "the page requested more than its own file"
    assert not result.overflow_x, (
        f"horizontal overflow at {result.width} px: content is {result.scroll_width} px wide"
    )
    shot_width = png_width(result.screenshot_png)
    assert shot_width == result.width, f"the screenshot is {shot_width} px wide, not {result.width}"


def assert_charts(svgs: list[dict[str, float]]) -> None:
    """At least one <svg>, and every one has a non-zero size and at least one drawn element."""
    assert svgs, "the page has no <svg> chart"
    for index, svg in enumerate(svgs):
        assert svg["width"] > 0 and svg["height"] > 0, f"svg #{index} has no size: {svg}"
        assert svg["drawn"] > 0, f"svg #{index} draws nothing: {svg}"


def check_page(
    html_path: Path, name: str, *, charts: bool = False, evaluate: str | None = None
) -> dict[int, PageResult]:
    """Opens ``html_path`` in every viewport of :data:`VIEWPORTS`, asserts :func:`assert_clean`
    (and :func:`assert_charts` when ``charts``), and keeps each screenshot as
    ``<artifact_dir>/<name>-<width>.png``. Returns the results by viewport width, for further
    assertions (``evaluate`` as in :func:`open_page`). Call :func:`require_chromium` first."""
    results = {}
    for width, height, mobile in VIEWPORTS:
        result = open_page(
            html_path,
            width=width,
            height=height,
            mobile=mobile,
            screenshot=artifact_dir() / f"{name}-{width}.png",
            evaluate=evaluate,
        )
        assert_clean(result)
        if charts:
            assert_charts(result.svgs)
        results[width] = result
    return results
