"""The local SQLite store: schema, migrations, backups and the one module that owns the SQL."""
