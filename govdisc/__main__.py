"""``python -m govdisc``."""

from govdisc.cli import main

main()
