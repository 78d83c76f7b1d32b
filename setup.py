"""Build wiring for the one compiled module, `evidence.pubmed._fast` (everything else is in
pyproject.toml).

The module is optional twice over: without Cython or lxml's headers it is not attempted, and
a failed C build (no compiler) is only a warning (``optional=True``). Either way the package
installs and reads PubMed XML with its pure-Python path, which gives the same records.
"""

from __future__ import annotations

from setuptools import Extension, setup


def _extensions() -> list[Extension]:
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError:
        return []
    extension = Extension(
        "evidence.pubmed._fast",
        ["src/evidence/pubmed/_fast.pyx"],
        include_dirs=lxml.get_include(),
    )
    built: list[Extension] = cythonize([extension], quiet=True)
    for ext in built:
        ext.optional = True  # cythonize does not carry the flag over
    return built


setup(ext_modules=_extensions())
