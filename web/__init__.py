"""The web front end and the `corpus` command."""
