"""Refuse to start a run that requires the published material (``CNBUDGET_REQUIRE_SHARED=1``, set by
``.ci/run``) where it is absent: tests parametrised over the corpus would otherwise collect nothing
and pass unseen."""

from __future__ import annotations

import pytest

from tests.seeds import CORPUS, REQUIRED, SEEDS


def pytest_configure(config: pytest.Config) -> None:
    absent = [str(folder) for folder in (SEEDS, CORPUS) if not folder.is_dir()]
    if REQUIRED and absent:
        raise pytest.UsageError(f"CNBUDGET_REQUIRE_SHARED is set but {' and '.join(absent)} "
                                f"{'is' if len(absent) == 1 else 'are'} absent")
