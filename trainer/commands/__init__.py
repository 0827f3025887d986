"""`trainer` commands that have a module of their own, registered in trainer/cli.py."""
