"""The layers contract in pyproject.toml (search ← knowledge ← regions ← themes ← core) holds, and it
catches an upward import even when it hides inside a function."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["core", "themes", "regions", "knowledge", "search", "config"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

UPWARD_IMPORT = """

def _reaches_up():
    from knowledge.models import NewsPage

    return NewsPage
"""


def _only_python(directory, names):
    # Only the import graph matters: skip data files, templates and bytecode to keep the copy small.
    def skipped(name):
        if name == "__pycache__":
            return True
        return not name.endswith(".py") and not (Path(directory) / name).is_dir()

    return [name for name in names if skipped(name)]


@pytest.fixture
def project_copy(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_only_python)
    # The contract itself, as the project declares it.
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(directory):
    environment = {**os.environ, "PYTHONPATH": str(directory)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(directory / "pyproject.toml")],
        cwd=directory,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_apps_keep_to_their_layers(project_copy):
    result = lint_imports(project_copy)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_inside_a_function_breaks_the_contract(project_copy):
    overview = project_copy / "regions" / "overview.py"
    overview.write_text(overview.read_text() + UPWARD_IMPORT)

    result = lint_imports(project_copy)

    assert result.returncode != 0, result.stdout
    assert "regions is not allowed to import knowledge" in result.stdout
    assert "regions.overview -> knowledge.models" in result.stdout
