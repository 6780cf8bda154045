"""The pinned real-code projects: reading projects.toml, fetching, verifying.

Crates come through `cargo fetch` on a throwaway manifest (cargo picks the
registry; nothing here names a host), PyPI sdists through
`pip download --no-deps --no-binary :all:`. Each archive's sha256 is checked
against the pin before it is unpacked into the cache.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Project:
    name: str
    source: str  # "crate", "pypi" or "local"
    paths: list
    why: str
    package: str = ""
    version: str = ""
    sha256: str = ""
    local: str = ""  # for "local": the folder inside the local root
    # Rules the default run adds: the fork's crates stand for code inside a CPython
    # checkout, where its `policy` group is on, but the cache holds only the crates.
    extend_select: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def label(self):
        return f"{self.name} {self.version}" if self.version else self.name


def load(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    projects = []
    for raw in data.get("project", []):
        raw = dict(raw)
        p = Project(
            name=raw.pop("name"),
            source=raw.pop("source"),
            paths=raw.pop("paths", ["."]),
            why=raw.pop("why", ""),
            package=raw.pop("package", ""),
            version=raw.pop("version", ""),
            sha256=raw.pop("sha256", ""),
            local=raw.pop("local", ""),
            extend_select=raw.pop("extend_select", []),
        )
        if raw:
            raise SystemExit(f"{path}: project {p.name}: unknown keys {sorted(raw)}")
        if p.source not in ("crate", "pypi", "local"):
            raise SystemExit(f"{path}: project {p.name}: source must be crate, pypi or local")
        if p.source != "local" and not (p.package and p.version):
            raise SystemExit(f"{path}: project {p.name}: package and version are required")
        projects.append(p)
    return projects


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class FetchError(Exception):
    pass


def _run(cmd, cwd=None):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise FetchError(f"`{' '.join(cmd)}` failed:\n{proc.stderr.strip()}")
    return proc.stdout


def _crate_archive(project, cache):
    """Fetch a crate with cargo; return the path of its .crate archive."""
    manifest_dir = cache / "manifests" / f"{project.package}-{project.version}"
    manifest_dir.mkdir(parents=True, exist_ok=True)
    (manifest_dir / "lib.rs").write_text("")
    (manifest_dir / "Cargo.toml").write_text(
        "[package]\n"
        f'name = "realcode-fetch-{project.package}"\n'
        'version = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        '[lib]\npath = "lib.rs"\n\n'
        "[dependencies]\n"
        f'{project.package} = {{ version = "={project.version}", default-features = false }}\n\n'
        "[workspace]\n"
    )
    _run(["cargo", "fetch", "--quiet"], cwd=manifest_dir)
    meta = json.loads(_run(["cargo", "metadata", "--offline", "--format-version", "1"], cwd=manifest_dir))
    for pkg in meta["packages"]:
        if pkg["name"] == project.package and pkg["version"] == project.version:
            # <CARGO_HOME>/registry/src/<index>/<name>-<version>/Cargo.toml
            # sits beside <CARGO_HOME>/registry/cache/<index>/<name>-<version>.crate
            unpacked = Path(pkg["manifest_path"]).parent
            index = unpacked.parent
            archive = index.parent.parent / "cache" / index.name / f"{unpacked.name}.crate"
            if not archive.exists():
                raise FetchError(f"cargo fetched {project.package} {project.version} but {archive} is missing")
            return archive
    raise FetchError(f"cargo did not resolve {project.package} {project.version}")


def _pypi_archive(project, cache):
    """Download an sdist with pip; return its path."""
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    for existing in downloads.iterdir():
        if _sdist_matches(existing.name, project):
            return existing
    # --no-build-isolation: pip prepares the sdist's metadata with its build
    # backend; an isolated build env would build that backend from source too.
    cmd = [
        sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
        "--no-build-isolation", "--dest", str(downloads), f"{project.package}=={project.version}",
    ]
    try:
        _run(cmd)
    except FetchError as e:
        raise FetchError(f"{e}\n(the sdist's build backend must be importable, e.g. `pip install maturin`)") from None
    for existing in downloads.iterdir():
        if _sdist_matches(existing.name, project):
            return existing
    raise FetchError(f"pip downloaded no sdist for {project.package} {project.version}")


def _sdist_matches(filename, project):
    stem = filename.removesuffix(".tar.gz").removesuffix(".zip")
    name, _, version = stem.rpartition("-")
    norm = lambda s: s.lower().replace("_", "-").replace(".", "-")  # noqa: E731
    return version == project.version and norm(name) == norm(project.package)


def _unpack(archive, dest):
    """Unpack a .crate or sdist (one top folder) into dest."""
    tmp = dest.with_name(dest.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(tmp, filter="data")
    tops = list(tmp.iterdir())
    root = tops[0] if len(tops) == 1 and tops[0].is_dir() else tmp
    shutil.rmtree(dest, ignore_errors=True)
    root.rename(dest)
    shutil.rmtree(tmp, ignore_errors=True)


def ensure(project, cache, fork_root, log):
    """The project's unpacked root in the cache, fetched if needed; None when skipped."""
    if project.source == "local":
        if fork_root is None:
            log(f"skip {project.name}: no local root (set CPYTHON_RS_FORK or --fork)")
            return None
        root = fork_root / project.local
        if not root.is_dir():
            log(f"skip {project.name}: {root} does not exist")
            return None
        return root
    dest = cache / "src" / f"{project.package}-{project.version}"
    stamp = dest / ".realcode-sha256"
    if stamp.exists() and stamp.read_text().strip() == project.sha256:
        return dest
    log(f"fetch {project.label} ({project.source})")
    archive = _crate_archive(project, cache) if project.source == "crate" else _pypi_archive(project, cache)
    digest = sha256_of(archive)
    if digest != project.sha256:
        raise FetchError(
            f"{project.name}: sha256 of {archive.name} is {digest}, projects.toml pins {project.sha256 or '(none)'}"
        )
    _unpack(archive, dest)
    stamp.write_text(digest + "\n")
    return dest


def default_cache():
    env = os.environ.get("CPYTHON_RS_REALCODE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cpython-rs" / "realcode"
