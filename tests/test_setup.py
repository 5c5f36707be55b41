"""The set-up files agree: pyproject, the lock file, environment.yml, .ci/run and the README."""
from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~;\[ ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject_deps() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    return {_name(d) for d in deps}


def environment_deps() -> dict[str, str]:
    out = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*-\s+([A-Za-z0-9_.-]+)\s*(?:==?\s*([0-9][^\s#]*))?\s*(?:#.*)?$", line)
        if m and m.group(1) not in ("conda-forge", "pip", "python"):
            out[m.group(1).lower()] = m.group(2)
    return out


def lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_name(name)] = version.strip()
    return pins


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert set(environment_deps()) == pyproject_deps()


def test_environment_yml_pins_the_locked_versions():
    pins = lock()
    for name, version in environment_deps().items():
        assert version == pins[name], name


def test_lock_pins_every_dependency():
    pins = lock()
    assert pyproject_deps() <= set(pins)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in readme and "make report" in readme
