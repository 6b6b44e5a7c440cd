"""Progress of long jobs, reported to an optional callback.

The library never prints: a long job (reading a cohort diary of a million rows) announces
its steps to a callback, and the command line draws them on stderr -- a progress bar when
stderr is a terminal, one line per step otherwise.

Examples
--------
>>> seen = []
>>> steps = Steps(lambda step, done, total: seen.append((step, done, total)),
...               ("reading", "matching"))
>>> steps.start("reading"); steps.start("matching"); steps.finish()
>>> seen
[('reading', 0, 2), ('matching', 1, 2), ('done', 2, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: ``progress(step, done, total)``: ``step`` names the step that starts now (``"done"`` at
#: the end), ``done`` is how many of the ``total`` steps are complete.
ProgressCallback = Callable[[str, int, int], None]

#: Step name reported when a job is complete.
DONE = "done"


class Steps:
    """Announce the named steps of one job, in order, to an optional callback.

    Parameters
    ----------
    callback : ProgressCallback or None
        Receives ``(step, done, total)``; None makes every call a no-op.
    steps : sequence of str
        The steps of the job, in the order they run.
    """

    def __init__(self, callback: ProgressCallback | None, steps: Sequence[str]) -> None:
        self._callback = callback
        self._steps = tuple(steps)
        self._done = 0

    @property
    def total(self) -> int:
        """Number of steps."""
        return len(self._steps)

    def start(self, step: str) -> None:
        """Report that ``step`` starts (every earlier step is complete).

        Raises
        ------
        ValueError
            ``step`` is not one of the job's steps (a programming error).
        """
        if step not in self._steps:
            raise ValueError(f"unknown step {step!r}; the steps are {', '.join(self._steps)}")
        self._done = self._steps.index(step)
        if self._callback is not None:
            self._callback(step, self._done, self.total)

    def finish(self) -> None:
        """Report that the whole job is complete."""
        self._done = self.total
        if self._callback is not None:
            self._callback(DONE, self.total, self.total)
