"""Each command's answer as data: the records, each goal's facts, one plan's answers, the
series, the selection of goals, search and the export tables. Imports core, planfile and
contract only."""
