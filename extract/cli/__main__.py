"""``python -m extract.cli``: the same as the ``kotrend`` command."""

from extract.cli import main

if __name__ == "__main__":
    main()
