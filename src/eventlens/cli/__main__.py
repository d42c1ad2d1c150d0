"""`python -m eventlens.cli`: the same as the `eventlens` command."""

from eventlens.cli import main

main()
