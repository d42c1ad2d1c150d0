"""The one error type readers yield instead of raising."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """An input (file, line or record) that could not be read, and why, in one line."""

    source: str
    reason: str

    def line(self) -> str:
        return f"eventlens: error: {self.source}: {self.reason}"
