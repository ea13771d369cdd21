#!/bin/sh
# Runs once, when PostgreSQL's data volume is created (docker-entrypoint-initdb.d): the role
# the app connects as. It may read and write rows and nothing else; POSTGRES_USER owns the
# tables and runs the migrations. For a volume created before this script existed, run it
# once by hand: docker compose exec db sh /docker-entrypoint-initdb.d/10-app-role.sh
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
select format('create role uppfoljning_app login password %L nosuperuser nocreatedb nocreaterole noreplication nobypassrls',
              :'app_password')
 where not exists (select 1 from pg_roles where rolname = 'uppfoljning_app')
\gexec
SQL
