"""cleanweb inside other engines: datatrove pipelines (:mod:`.datatrove`), and plain
per-record functions for Ray Data, Spark and the like (:mod:`.records`).

Each module needs its engine's optional extra; importing this package needs none.
"""
