"""A minimal Chrome DevTools Protocol client over a websocket, for the browser tests.

Starts a headless chromium with its own profile and a random debugging port, opens one page
and talks to it: navigate, evaluate JavaScript, capture a screenshot, and collect console
errors, uncaught exceptions and network requests. Uses `websockets` (installed with prefect).
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--remote-debugging-port=0",
    "--window-size=1280,1600",
)


class Browser:
    """One headless chromium and one page in it; use as a context manager."""

    def __init__(self, binary: str, profile: Path) -> None:
        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        url = self._wait_for_endpoint()
        self._ws: ClientConnection = connect(url, max_size=None, open_timeout=30)
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def _wait_for_endpoint(self) -> str:
        assert self._process.stderr is not None
        seen = []
        for line in self._process.stderr:  # chromium prints the endpoint once it listens
            seen.append(line)
            if match := _LISTENING.search(line):
                return match.group(1)
        raise RuntimeError("chromium exited before listening: " + "".join(seen[-5:]))

    def _send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        while True:
            data = json.loads(self._ws.recv(timeout=60))
            if data.get("id") == self._id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return dict(data.get("result", {}))
            self.events.append(data)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A command to the page."""
        return self._send(method, params, self._session)

    def wait_for(self, method: str) -> dict[str, Any]:
        """The next event named ``method`` (already received or still to come)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            data = json.loads(self._ws.recv(timeout=60))
            self.events.append(data)
            if data.get("method") == method:
                return data

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def viewport(self, width: int, height: int) -> None:
        """Lay the page out at ``width`` x ``height`` CSS pixels; below 800 px wide as a
        phone does (the page's viewport meta is honoured, touch-sized layout)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800},
        )

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """Save a full-page PNG."""
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen since `open`."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(str(params.get("args")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                out.append(str(params["entry"].get("text")))
        return out

    def requests(self) -> list[str]:
        """URLs the page requested since `open`."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._send("Browser.close")
        except Exception:
            pass
        finally:
            self._ws.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
