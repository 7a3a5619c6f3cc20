"""Benchmarks: quality and speed, printed side by side with a baseline measured in the same run."""
