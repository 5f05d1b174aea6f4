"""The program: ``hrplan`` (console script) and ``python -m hrplan``.

The cyclic garbage collector is switched off before anything heavy is imported: hrplan runs for
a fraction of a second and allocates far more than it ever frees (see ``hrplan.cli.main``).
Importing ``hrplan`` as a library leaves the collector alone.
"""

import gc

gc.disable()

from hrplan.cli.main import main  # noqa: E402


def run() -> None:
    main()


if __name__ == "__main__":
    main()
