"""The parts of ``bench/scale.py``: the throwaway database, the world, the bulk rows, the pages.

A package rather than modules beside the scripts: ``make bench`` runs every
``bench/*.py`` file as a benchmark.
"""
