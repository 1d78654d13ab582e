"""``python -m govdisc``."""

from govdisc.launch import main

main()
