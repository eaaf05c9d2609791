"""Line-break opportunities exactly as GNU gettext computes them.

GNU ``msgcat``/``msgmerge`` wrap PO strings with libunistring's
``ulc_width_linebreaks_v2`` (Unicode line breaking, East Asian widths).
Every pure-Python PO writer (polib, Babel, translate-toolkit) approximates
that and so wraps differently, which turns one edited paragraph into dozens
of changed lines in review.  We call the very same library function, so the
catalogs we write are byte-identical to what the gettext tools write.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cached_property

from openletter.errors import OpenletterError

#: Values libunistring stores per byte (``unilbrk.h``).
BREAK_UNDEFINED = 0
BREAK_PROHIBITED = 1
BREAK_POSSIBLE = 2

_CANDIDATES = ("libunistring.so.5", "libunistring.so.2", "libunistring.dylib")


class LineBreakUnavailable(OpenletterError):
    """libunistring (shipped with GNU gettext) could not be loaded."""

    def __init__(self) -> None:
        super().__init__(
            "writing catalogs needs libunistring, which comes with GNU gettext "
            "(Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext)"
        )


class LineBreaker:
    """A handle on libunistring's width-aware line breaker."""

    @cached_property
    def _function(self) -> ctypes._CFuncPtr:
        names = [ctypes.util.find_library("unistring"), *_CANDIDATES]
        for name in names:
            if not name:
                continue
            try:
                library = ctypes.CDLL(name)
            except OSError:
                continue
            # gettext >= 0.21 calls the _v2 variant (Unicode 9+ rules).
            function = getattr(library, "u8_width_linebreaks_v2", None) or getattr(
                library, "u8_width_linebreaks"
            )
            function.restype = ctypes.c_int
            function.argtypes = [
                ctypes.c_char_p,
                ctypes.c_size_t,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_char_p,
                ctypes.c_char_p,
            ]
            return function
        raise LineBreakUnavailable()

    def breaks(self, data: bytes, overrides: bytes, width: int, start_column: int) -> bytes:
        """Return one ``BREAK_*`` value per byte of UTF-8 ``data``."""
        if not data:
            return b""
        result = ctypes.create_string_buffer(len(data))
        self._function(
            data, len(data), width, start_column, 0, overrides, b"UTF-8", result
        )
        return result.raw
