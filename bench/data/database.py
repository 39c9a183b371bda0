"""The benchmark's own PostgreSQL database: created from nothing, and labelled with what it holds.

The label (one JSON row in ``bench_dataset``, a table outside Django's models) says at which
scale the data was made, when, and the ids the measurements start from (the heavy person, the
class page with the most events...), so a later run can reuse the database as it is.
"""

import json

import psycopg
from django.db import connection
from psycopg import sql

from bench import config

LABEL_TABLE = "bench_dataset"


def _server():
    return psycopg.connect(config.database_url("postgres"), autocommit=True)


def exists(name=config.DATABASE):
    with _server() as server:
        return server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def recreate(name=config.DATABASE):
    """Drop ``name`` (closing its connections) and create it empty."""
    connection.close()
    quoted = sql.Identifier(name)
    with _server() as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(quoted))
        server.execute(sql.SQL("CREATE DATABASE {}").format(quoted))


def read_label():
    """The label of the current database, or None when it has none (never finished)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [LABEL_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(f"SELECT info FROM {LABEL_TABLE}")
        row = cursor.fetchone()
    return row and (json.loads(row[0]) if isinstance(row[0], str) else row[0])


def write_label(info):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {LABEL_TABLE} (info jsonb NOT NULL)")
        cursor.execute(f"DELETE FROM {LABEL_TABLE}")
        cursor.execute(f"INSERT INTO {LABEL_TABLE} (info) VALUES (%s)", [json.dumps(info)])
