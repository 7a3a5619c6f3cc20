"""Learned line classifier for plain-text page dumps: features (`features`), the shipped model and
its pure-numpy evaluation (`model`). Trained by `bench/train_text_model.py`; used by
`transforms.text_strip`. Nothing is loaded at import time.
"""
