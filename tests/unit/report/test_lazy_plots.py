"""The command line starts without matplotlib: it is imported only when a plot is drawn."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_does_not_import_matplotlib_until_a_plot_is_drawn() -> None:
    code = (
        "import sys, evidence.cli; print('matplotlib' in sys.modules);"
        " from evidence.report.plots import publications_svg;"
        " publications_svg([('dry_needling', 2020, 1), ('dry_needling', 2021, 2)]);"
        " print('matplotlib' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["False", "True"]
