"""The command line (Click): the group and its entry point, the table of commands, the commands,
their options, help and output. Only ``hrplan.__main__`` imports it."""
