"""Hand-off data: the report JSON, the data embedded in an exported .docx, and importing last year's report."""
