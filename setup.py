"""The one compiled part of govdisc, optional: where it cannot be built, the pure-Python reference runs."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("govdisc.read._pdfium_scan", ["govdisc/read/_pdfium_scan.c"], optional=True)])
