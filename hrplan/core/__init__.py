"""The domain, with no I/O: the records of a plan, the statuses, the status method, areas, and
the characters no output may carry. Imports nothing of hrplan but ``hrplan.errors``."""
