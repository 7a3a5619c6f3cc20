"""The job graphs pass Beam's construction-time type check, which the entry point skips at run time."""

from apache_beam.options.pipeline_options import PipelineOptions, TypeOptions

from pipeline.main import build_pipeline, parse_options
from tests.conftest import STREAMING_ARGV

BATCH = ["--input", "/no/such/dir/*", "--output", "/tmp/never-written"]


def checked(argv: list[str]) -> PipelineOptions:
    options = PipelineOptions(argv)
    options.view_as(TypeOptions).pipeline_type_check = True
    return options


def test_the_entry_point_skips_the_construction_time_type_check():
    assert parse_options(BATCH).view_as(TypeOptions).pipeline_type_check is False


def test_both_graphs_pass_the_type_check(unrun):
    for argv in (BATCH, STREAMING_ARGV):
        pipeline = build_pipeline(checked(argv))  # a hint mismatch raises TypeCheckError here
        unrun(pipeline)
        assert pipeline.transforms_stack[0].parts
