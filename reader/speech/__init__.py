"""The listening pipeline: policy, normalize, segment, engines, cache, jobs, stream."""
