"""The command line (Click): the group and its entry point, the commands, their options, help and output."""
