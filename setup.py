"""Build wiring for the compiled modules (everything else is in pyproject.toml):
`evidence.pubmed._fast` (the PubMed record builder) and `evidence.tagging._scan` (the
tagger's word-start scan).

Each is optional twice over: without Cython (or, for the builder, lxml's headers) it is not
attempted, and a failed C build (no compiler) is only a warning (``optional=True``). Either
way the package installs and runs its pure-Python paths, which give the same results.
"""

from __future__ import annotations

from setuptools import Extension, setup


def _extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    extensions = [Extension("evidence.tagging._scan", ["src/evidence/tagging/_scan.pyx"])]
    try:
        import lxml
    except ImportError:
        pass
    else:
        extensions.append(
            Extension(
                "evidence.pubmed._fast",
                ["src/evidence/pubmed/_fast.pyx"],
                include_dirs=lxml.get_include(),
            )
        )
    built: list[Extension] = cythonize(extensions, quiet=True)
    for ext in built:
        ext.optional = True  # cythonize does not carry the flag over
    return built


setup(ext_modules=_extensions())
