"""Parts of the ``cleanweb`` command: inputs, worker processes, outputs, progress, explain."""
