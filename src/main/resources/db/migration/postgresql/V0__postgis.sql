-- PostGIS must exist before the schema; a managed database may have it already.
CREATE EXTENSION IF NOT EXISTS postgis;
