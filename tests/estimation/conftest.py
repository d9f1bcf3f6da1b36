from pathlib import Path

import pytest

from zicht.estimation import read_table

MSE = Path(__file__).resolve().parents[3] / "shared" / "data" / "mse"
if not MSE.exists():  # running from another checkout
    MSE = Path("/work/shared/data/mse")


@pytest.fixture(scope="session")
def mse_dir() -> Path:
    return MSE


@pytest.fixture(scope="session")
def load():
    def _load(name: str):
        return read_table(MSE / f"{name}.csv")

    return _load
