-- Planmap schema, shared by PostGIS and H2GIS. Geometry is EPSG:4326, lon/lat.
-- Every plan-derived row carries source_doc, source_line and position_accuracy;
-- source_file is the geodata file (or 'user:<name>') that owns the row, so a reload replaces exactly its rows.

CREATE TABLE plan (
  id VARCHAR(32) PRIMARY KEY,
  title VARCHAR NOT NULL,
  issuer VARCHAR,
  plan_date VARCHAR(40),
  period VARCHAR(40),
  territory_name VARCHAR(80),
  territory_adcodes VARCHAR NOT NULL,
  source_doc VARCHAR(80) NOT NULL,
  source_line INTEGER,
  notes VARCHAR,
  source_file VARCHAR(300) NOT NULL
);

CREATE TABLE indicator (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32) NOT NULL,
  name VARCHAR NOT NULL,
  category VARCHAR(80),
  unit VARCHAR(40),
  base_year VARCHAR(20),
  base_value VARCHAR(80),
  targets VARCHAR,
  nature VARCHAR(20),
  source_doc VARCHAR(80) NOT NULL,
  source_line INTEGER NOT NULL,
  source_text VARCHAR,
  notes VARCHAR,
  source_file VARCHAR(300) NOT NULL
);
CREATE INDEX indicator_plan ON indicator (plan_id);

CREATE TABLE geodata_file (
  path VARCHAR(300) PRIMARY KEY,
  sha256 VARCHAR(64) NOT NULL,
  features INTEGER NOT NULL,
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE territory (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  parent_id VARCHAR(120),
  adcode VARCHAR(12),
  seat GEOMETRY(POINT, 4326),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX territory_plan ON territory (plan_id);
CREATE INDEX territory_source_file ON territory (source_file);

CREATE TABLE park (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  level VARCHAR(40),
  area_text VARCHAR,
  area_km2 DOUBLE PRECISION,
  parent_park VARCHAR(120),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX park_plan ON park (plan_id);
CREATE INDEX park_source_file ON park (source_file);

CREATE TABLE zone (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX zone_plan ON zone (plan_id);
CREATE INDEX zone_source_file ON zone (source_file);

CREATE TABLE corridor (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  code VARCHAR(40),
  status VARCHAR(40),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX corridor_plan ON corridor (plan_id);
CREATE INDEX corridor_source_file ON corridor (source_file);

CREATE TABLE route (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX route_plan ON route (plan_id);
CREATE INDEX route_source_file ON route (source_file);

CREATE TABLE route_stop (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  route_id VARCHAR(120),
  seq INTEGER,
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX route_stop_plan ON route_stop (plan_id);
CREATE INDEX route_stop_source_file ON route_stop (source_file);

CREATE TABLE scenic_spot (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  grade VARCHAR(40),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX scenic_spot_plan ON scenic_spot (plan_id);
CREATE INDEX scenic_spot_source_file ON scenic_spot (source_file);

CREATE TABLE project (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  sector VARCHAR(80),
  investment_yi DOUBLE PRECISION,
  period VARCHAR(80),
  park_id VARCHAR(120),
  town VARCHAR(80),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX project_plan ON project (plan_id);
CREATE INDEX project_source_file ON project (source_file);

CREATE TABLE protected_area (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  level VARCHAR(40),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX protected_area_plan ON protected_area (plan_id);
CREATE INDEX protected_area_source_file ON protected_area (source_file);

CREATE TABLE transport_node (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX transport_node_plan ON transport_node (plan_id);
CREATE INDEX transport_node_source_file ON transport_node (source_file);

CREATE TABLE structure_element (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  structure_name VARCHAR(80),
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX structure_element_plan ON structure_element (plan_id);
CREATE INDEX structure_element_source_file ON structure_element (source_file);

CREATE TABLE parcel (
  id VARCHAR(120) PRIMARY KEY,
  plan_id VARCHAR(32),
  name VARCHAR NOT NULL,
  aliases VARCHAR,
  kind VARCHAR(40) NOT NULL,
  source_doc VARCHAR(80),
  source_line INTEGER,
  source_text VARCHAR,
  other_lines VARCHAR,
  position_accuracy VARCHAR(20) NOT NULL CHECK (position_accuracy IN ('boundary-data','approximate','schematic','unlocated','drawn','imported')),
  location_text VARCHAR,
  outside_territory BOOLEAN DEFAULT FALSE NOT NULL,
  notes VARCHAR,
  attrs VARCHAR,
  source_file VARCHAR(300) NOT NULL,
  version INTEGER DEFAULT 1 NOT NULL,
  park_id VARCHAR(120),
  land_use_code VARCHAR(12),
  land_use_name VARCHAR(80),
  far DOUBLE PRECISION,
  building_density DOUBLE PRECISION,
  green_ratio DOUBLE PRECISION,
  height_limit DOUBLE PRECISION,
  area_m2 DOUBLE PRECISION,
  geom GEOMETRY(GEOMETRY, 4326)
);
CREATE INDEX parcel_plan ON parcel (plan_id);
CREATE INDEX parcel_source_file ON parcel (source_file);

CREATE INDEX route_stop_route ON route_stop (route_id, seq);
CREATE INDEX project_park ON project (park_id);
CREATE INDEX parcel_park ON parcel (park_id);
