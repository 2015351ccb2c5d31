#!/bin/sh
# Runs once, when the database volume is first created (the postgres image's
# /docker-entrypoint-initdb.d). The API connects as steward_api, a member of steward_app,
# which does not own the tables: row-level security then binds it
# (docs/operations.md "Row-level security"). The migrations grant steward_app its rows.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE steward_app NOLOGIN;
CREATE ROLE steward_api LOGIN PASSWORD '${APP_DB_PASSWORD}' IN ROLE steward_app;
SQL
