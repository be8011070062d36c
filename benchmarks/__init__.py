"""Quality and speed benchmarks of cleanweb on the shared datasets, and their metric."""
