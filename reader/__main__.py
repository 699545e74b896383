"""Run the reader command: python -m reader."""

from reader.cli import main

main()
