"""Parts of the ``cleanweb`` command: inputs, the plan of a run, worker processes, outputs,
stopping, progress, explain."""
