"""The preview's server: the built site, with pages that reload themselves when a rebuild finished.

Nothing of this is in the built files (the published HTML is what ``invoke build`` makes): only
the HTML responses of this server get, at serve time, a same-origin script (allowed by the
pages' ``script-src 'self'``) and a Content-Security-Policy whose ``connect-src`` allows ``'self'``
instead of ``'none'``, so that the script may wait on the server's event stream.  The stream
sends one event once the site was rebuilt after the page was served; the script then reloads it.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

#: Where the server answers for the preview itself (never a path of the site: no folder begins with '_').
PREFIX = "/_preview/"
SCRIPT = PREFIX + "reload.js"
EVENTS = PREFIX + "events"
#: How long the event stream stays silent before a comment keeps the connection alive, in seconds.
KEEPALIVE = 15.0

#: The script a served page loads: it waits for the build after the page's, then reloads the page.
RELOAD_JS = """\
(function () {
  "use strict";
  var since = new URL(document.currentScript.src).searchParams.get("build");
  var events = new EventSource("%s?build=" + since);
  events.onmessage = function () { events.close(); location.reload(); };
})();
""" % EVENTS

_CSP = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?connect-src )\'none\'', re.IGNORECASE)
_HEAD_END = re.compile(rb"</head>", re.IGNORECASE)


class Builds:
    """The number of the last good build, which a page's script waits to see increase."""

    def __init__(self) -> None:
        self.number = 0
        self._changed = threading.Condition()

    def finished(self) -> None:
        """A rebuild swapped in a new site: every waiting page reloads."""
        with self._changed:
            self.number += 1
            self._changed.notify_all()

    def wait_after(self, number: int, timeout: float) -> bool:
        """Whether a build after ``number`` finished (waiting up to ``timeout`` seconds for one)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.number > number, timeout)


def served_html(html: bytes, build: int) -> bytes:
    """``html`` as the preview serves it: ``connect-src 'self'``, and the reload script in the head."""
    html = _CSP.sub(rb"\1'self'", html, count=1)
    tag = f'<script src="{SCRIPT}?build={build}" defer></script>\n'.encode()
    return _HEAD_END.sub(lambda match: tag + match.group(0), html, count=1)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; HTML pages as :func:`served_html` makes them; the script and the stream."""

    def __init__(self, *args: object, builds: Builds, **kwargs: object) -> None:
        self.builds = builds
        self._cache_control_sent = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def send_header(self, keyword: str, value: str) -> None:
        self._cache_control_sent = self._cache_control_sent or keyword.lower() == "cache-control"
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        """Every file is revalidated (``no-cache``): a stylesheet keeps its name from build to
        build while the faces it names change, so one the browser kept from before a rebuild sent
        the reloaded page to faces the rebuild had removed."""
        if not self._cache_control_sent:
            super().send_header("Cache-Control", "no-cache")
        self._cache_control_sent = False
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the preview prints its rebuilds; a request log would bury them

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == SCRIPT:
            self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        elif path == EVENTS:
            self._events()
        elif (page := self._page(path)) is not None:
            self._send(served_html(page.read_bytes(), self.builds.number), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _page(self, path: str) -> Path | None:
        """The HTML file ``path`` serves, if it is one."""
        file = Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):  # without the slash: the parent's redirect
            file = file / "index.html"
        return file if file.suffix == ".html" and file.is_file() else None

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """One event once a build after the page's finished; comments meanwhile keep the connection."""
        since = int((parse_qs(urlsplit(self.path).query).get("build") or ["0"])[0] or 0)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while not self.builds.wait_after(since, KEEPALIVE):
                self.wfile.write(b": waiting\n\n")
                self.wfile.flush()
            self.wfile.write(f"data: {self.builds.number}\n\n".encode())
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or left


def serve(output: Path, port: int, builds: Builds | None = None) -> http.server.ThreadingHTTPServer:
    """Serve ``output`` on localhost in a thread (the folder a build swaps in is served at once);
    with ``builds``, its pages reload when :meth:`Builds.finished` is called."""
    handler = functools.partial(PreviewHandler, directory=str(output), builds=builds or Builds())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
