"""Each command's answer as data: the records, each goal's facts, one plan's answers, the series, search and the export tables."""
