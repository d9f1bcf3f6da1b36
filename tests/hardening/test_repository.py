"""The repository's own text files (issue 10, part 8): none over its size budget, none made of one block
repeated (as when bench/README.md was overwritten by 2.5 MB of one paragraph, commit c3478eb).

A document made of repetitions compresses far better than any text people write: the test compares
each file's zlib ratio with a bound (the largest honest ratio in the repository is about 16, the
generated indicator fixtures; the overwritten README had 136).
"""

from __future__ import annotations

import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 512 * 1024  # bytes, a text file of our own
VENDORED_BUDGET = 3 * 1024 * 1024  # a vendored front-end bundle (assets/vendor)
MAX_RATIO = 40  # compressed/plain bound for files of 16 kB and more
RATIO_FROM = 16 * 1024


def _tracked() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listed.decode().split("\0") if name]


def problem(name: str, data: bytes) -> str | None:
    """Why a tracked file breaks the rules, or None (binary files are not looked at)."""
    if b"\0" in data[:8192]:
        return None
    found = []
    budget = VENDORED_BUDGET if "/vendor/" in name else BUDGET
    if len(data) > budget:
        found.append(f"{len(data):,} bytes, over the budget of {budget:,}")
    if len(data) >= RATIO_FROM:
        ratio = len(data) / len(zlib.compress(data, 6))
        if ratio > MAX_RATIO:
            found.append(f"compresses {ratio:.0f}x: a document made of one repeated block?")
    return f"{name}: {'; '.join(found)}" if found else None


def test_no_tracked_text_file_is_over_budget_or_one_repeated_block():
    problems = []
    for path in _tracked():
        if path.is_file():
            found = problem(str(path.relative_to(ROOT)), path.read_bytes())
            if found:
                problems.append(found)
    assert not problems, "\n".join(problems)


def test_the_check_catches_the_overwritten_readme_of_the_past():
    readme = (ROOT / "bench" / "README.md").read_bytes()
    paragraph = readme[:1200]
    assert problem("bench/README.md", readme) is None
    assert "repeated block" in problem("bench/README.md", paragraph * 2100)  # about 2.5 MB, as it was
    assert "repeated block" in problem("docs/x.md", paragraph * 40)  # also when it would fit the budget
    assert "over the budget" in problem("docs/x.csv", bytes(range(32, 127)) * 6000)
