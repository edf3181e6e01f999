"""Reading content: YAML with line marks, schema, catalogs, award tables; Content reads each once."""
