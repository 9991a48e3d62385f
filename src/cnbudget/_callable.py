"""Packages that can be called like their main function (可调用的子包).

The public API promises both the function ``cnbudget.catalog(year)`` and the subpackage
``cnbudget.catalog`` (likewise ``cnbudget.validate``). Making the package module callable keeps
``import cnbudget.catalog as c`` and ``cnbudget.catalog(2024)`` both working.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["make_callable"]


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Make the module ``module_name`` callable: calling it calls ``function``."""

    class CallableModule(types.ModuleType):
        __doc__ = f"The package {module_name}, callable as {function.__name__}(...)."

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    sys.modules[module_name].__class__ = CallableModule
