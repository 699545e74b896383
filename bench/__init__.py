"""Benchmarks: speech latency and throughput, and accuracy against the plain libraries."""
