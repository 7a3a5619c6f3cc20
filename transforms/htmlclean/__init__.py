"""Helpers of the HTML extractor: DOM pruning before trafilatura, paragraph clean-up after it."""
