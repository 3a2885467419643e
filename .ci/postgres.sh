#!/usr/bin/env bash
# A local PostgreSQL server for the tests (Debian's packages): installs it when missing, starts the newest
# installed version's cluster (COACH_PG_CLUSTER, else its first one, else a new "main"), and makes the test role
# (password login, may create databases) and a UTF-8 database.
# Idempotent: run it again and it only checks. Prints the SQLAlchemy URL of the test database on stdout;
# everything else goes to stderr. The tests make one database per module from that URL (tests/conftest.py).
set -euo pipefail

role=${COACH_PG_ROLE:-coach_test}
password=${COACH_PG_PASSWORD:-coach_test}
database=${COACH_PG_DATABASE:-coach_test}

newest_version() { find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' 2>/dev/null | cut -d/ -f5 | sort -V | tail -n 1; }

if [ -z "$(newest_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(newest_version)
[ -n "$version" ] || { echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }

# Columns of `pg_lsclusters -h`: version cluster port status owner data-directory log-file.
cluster_field() { pg_lsclusters -h | awk -v v="$version" -v c="$1" -v f="$2" '$1 == v && $2 == c { print $f; exit }'; }

cluster=${COACH_PG_CLUSTER:-$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print $2; exit }')}
cluster=${cluster:-main}
if [ -z "$(cluster_field "$cluster" 2)" ]; then
  echo "postgres.sh: creating cluster $version/$cluster" >&2
  pg_createcluster --locale C.UTF-8 "$version" "$cluster" >&2  # not the environment's locale: C would mean SQL_ASCII
fi
case "$(cluster_field "$cluster" 4)" in
  online*) ;;
  *)
    echo "postgres.sh: starting cluster $version/$cluster" >&2
    pg_ctlcluster "$version" "$cluster" start >&2  # waits until the server accepts connections
    ;;
esac
port=$(cluster_field "$cluster" 3)
pg_isready -q -h 127.0.0.1 -p "$port" -t 30 || { echo "postgres.sh: server on port $port is not ready" >&2; exit 1; }

# The role and the database, as the postgres superuser over the local socket (peer authentication).
(
  cd /
  runuser -u postgres -- psql -X -q -p "$port" -d postgres -v ON_ERROR_STOP=1 \
    -v role="$role" -v password="$password" -v database="$database" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')
\gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'password';
-- Test data only: commits need not wait for the disk (the server's other users keep their settings).
ALTER ROLE :"role" SET synchronous_commit = off;
-- UTF-8 whatever the cluster's default (a cluster made under the C locale has SQL_ASCII, which psycopg reads as bytes).
SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database
 WHERE datname = :'database' AND pg_encoding_to_char(encoding) <> 'UTF8'
\gexec
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L LOCALE %L', :'database', :'role', 'UTF8', 'C.UTF-8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')
\gexec
SQL
)

# Password authentication over TCP, as the tests connect.
PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$port" -U "$role" -d "$database" -v ON_ERROR_STOP=1 -c 'SELECT 1' >/dev/null
echo "postgres.sh: PostgreSQL $version/$cluster on 127.0.0.1:$port, database $database, role $role" >&2
echo "postgresql+psycopg://$role:$password@127.0.0.1:$port/$database"
