"""Typed errors, each carrying the exit code DESIGN.md gives it."""

from __future__ import annotations

from typing import Sequence

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class ClaimrecError(Exception):
    """Base class: an error the CLI reports in one line, with its exit code."""

    exit_code = EXIT_INTERNAL


class UsageError(ClaimrecError):
    exit_code = EXIT_USAGE


class NoUsableInput(ClaimrecError):
    """Every input failed (or none was given); ``errors`` says why, one per input."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, errors: Sequence = ()):
        super().__init__(message)
        self.errors = list(errors)


class ModelNotFound(ClaimrecError):
    exit_code = EXIT_USAGE
