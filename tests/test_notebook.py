"""notebooks/term_trends.ipynb runs top to bottom on the bundled sample, and is committed clean."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "term_trends.ipynb"


def _texts(cell) -> list[str]:
    out = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream":
            out.append(o["text"])
        for value in o.get("data", {}).values():
            out.append(value if isinstance(value, str) else "")
    return out


def test_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


@pytest.mark.slow
def test_runs_on_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOTREND_NOTEBOOK_SAMPLE_ONLY", "1")  # the kernel inherits it
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=240,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    markdown = [o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {})]
    assert any("자본 지출" in m for m in markdown), markdown
    # the sample chart, the related-terms network and the chart labelled by surface forms
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3
    plain = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    assert any("'소버린 AI (주권 AI)'" in t for t in plain)  # the interactive chart's legend
    printed = "".join(t for c in nb.cells for t in _texts(c))
    assert "'category'" in printed  # the sample's input field is a column
    assert "real data skipped" in "".join(_texts(nb.cells[-1]))
