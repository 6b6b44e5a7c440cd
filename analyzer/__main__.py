"""``python -m analyzer`` runs the command-line interface."""

from analyzer.cli import main

if __name__ == "__main__":
    main()
