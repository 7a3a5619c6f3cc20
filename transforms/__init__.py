"""The pipeline's stages: composite PTransforms and the plain row functions they call.

Importing the package (every worker does) points pyarrow's buffers at the C library's allocator:
pyarrow's default, mimalloc, kept freed Parquet and compute buffers resident, and a run's peak
memory grew with its input (2,000 pages against 200: 1.16x with mimalloc, 1.10x with the system
allocator; measured with `bench.speed`'s memory check).
"""

import pyarrow as pa

pa.set_memory_pool(pa.system_memory_pool())
