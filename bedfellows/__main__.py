"""``python -m bedfellows`` runs the command line."""

from bedfellows.cli.main import main

main()
