"""The pipeline's stages: composite PTransforms and the plain row functions they call."""
