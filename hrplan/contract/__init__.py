"""The JSON contract: the TypedDict of every record and answer, their JSON Schemas and their flat
columns. Imports core only."""
