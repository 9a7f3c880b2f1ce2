"""Progress of ``parse_many`` and ``Corpus.index`` outside a terminal: a notebook bar, a callback or a tqdm bar.

On a terminal, and in scripts, ``progress=True`` (or None) is the Rust engine's own line on stderr; in a
notebook, and for a callable or a tqdm bar, the extension asks :func:`sink` for an object with ``start(total)``,
``step(path, ok)`` and ``close()``.
"""
import sys
import time
from typing import Any, Callable, Optional

Callback = Callable[[int, Optional[int], Optional[str]], Any]


class _Callback:
    """Calls ``fn(done, total, path)`` after each file (``total`` None when unknown, ``path`` None for a file
    the index skipped as unchanged)."""

    def __init__(self, fn: Callback, total: Optional[int]) -> None:
        self.fn, self.total, self.done = fn, total, 0

    def start(self, total: int) -> None:
        self.total = total

    def step(self, path: Any, ok: bool) -> None:
        self.done += 1
        self.fn(self.done, self.total, None if path is None else str(path))

    def close(self) -> None:
        pass


class _Tqdm:
    """Advances a tqdm bar (one the caller made, or ``tqdm.auto``'s); closes it only if it made it."""

    def __init__(self, bar: Any, owned: bool, total: Optional[int]) -> None:
        self.bar, self.owned, self.failed = bar, owned, 0
        if total is not None:
            self.start(total)

    def start(self, total: int) -> None:
        if getattr(self.bar, "total", None) is None:
            self.bar.total = total
            if hasattr(self.bar, "refresh"):
                self.bar.refresh()

    def step(self, path: Any, ok: bool) -> None:
        if not ok:
            self.failed += 1
            if hasattr(self.bar, "set_postfix"):
                self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.owned:
            self.bar.close()


class _Lines:
    """Without tqdm: a line on ``sys.stderr`` (which a notebook shows) every second or so, and at the end."""

    def __init__(self, total: Optional[int], desc: str) -> None:
        self.total, self.desc, self.done, self.failed = total, desc, 0, 0
        self.began = self.last = time.monotonic()

    def start(self, total: int) -> None:
        self.total = total

    def _line(self) -> str:
        of = f"/{self.total}" if self.total is not None else ""
        rate = self.done / max(time.monotonic() - self.began, 1e-9)
        return f"{self.desc}: {self.done}{of} files, {self.failed} failed, {rate:.0f} files/s"

    def step(self, path: Any, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if now - self.last >= 1.0:
            self.last = now
            sys.stderr.write(self._line() + "\n")

    def close(self) -> None:
        sys.stderr.write(self._line() + "\n")


def _is_tqdm(obj: Any) -> bool:
    return hasattr(obj, "update") and hasattr(obj, "close") and not callable(obj)


def in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (where stderr is not a terminal but a bar can be seen)."""
    if "ipykernel" not in sys.modules:
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def sink(progress: Any, total: Optional[int], desc: str) -> Any:
    """The progress object for ``progress=``: True (in a notebook: tqdm.auto's widget, or plain lines on stderr
    without tqdm), a callable ``(done, total, path)`` or a tqdm-like object (``update``/``close``)."""
    if progress is True:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return _Lines(total, desc)
        return _Tqdm(tqdm(total=total, unit="file", desc=desc), True, total)
    if _is_tqdm(progress):
        return _Tqdm(progress, False, total)
    if callable(progress):
        return _Callback(progress, total)
    raise TypeError(
        f"progress must be a bool, a callable (done, total, path) or a tqdm bar, not {type(progress).__name__}"
    )
