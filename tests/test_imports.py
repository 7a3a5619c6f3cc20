"""Every module of the package imports on its own, as the first of the project's modules.

An import cycle stays hidden while the pipeline imports modules in one order: `transforms.text_strip`
imported first failed with an ImportError (text_strip -> htmlclean.paragraphs -> metadata ->
metadata.dumps -> text_strip) while every test passed. A user's script, a worker that unpickles one
function, or a new test can import any module first. One subprocess: it forgets the project's modules
(never third-party ones) before each import, so each module starts the chain.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("schemas", "transforms", "pipeline")

_SCRIPT = f"""
import importlib, pkgutil, sys
packages = {PACKAGES!r}
names = list(packages)
for package in packages:
    names += [m.name for m in pkgutil.walk_packages([package], prefix=package + ".") if not m.name.endswith("__main__")]
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m.split(".")[0] in packages]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as err:
        failed.append(f"{{name}}: {{err!r}}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_first():
    done = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    count, *failed = done.stdout.strip().split("\n")
    assert int(count) > 50  # the walk found the package
    assert not [line for line in failed if line], failed


def test_the_extractors_child_imports_no_arrow_and_no_beam():
    """The extraction child starts on every worker and again after each timeout: it needs the record
    types, the extractors, their signal reader and the article rows' builders (metadata, language),
    not pyarrow (the Arrow schemas, ~0.09 s) nor Beam (~0.7 s)."""
    script = (
        "import sys; from transforms.guard import serve_stdio; import transforms.extract; "
        "print(sorted(m for m in ('pyarrow', 'apache_beam') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_the_pipeline_leaves_the_extractors_import_to_its_child():
    """The strip stage names its extractor (`transforms.guard.Named`), which builds the article rows
    too: the worker that builds and runs the graph does not import trafilatura and the parsers
    (~0.13 s of CPU), nor the metadata layer and langdetect (~0.3 s), that only the child runs."""
    modules = (
        "trafilatura",
        "transforms.extract",
        "transforms.metadata.normalize",
        "transforms.metadata.publishers",
        "langdetect",
    )
    script = f"import sys, pipeline.main; print(sorted(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
