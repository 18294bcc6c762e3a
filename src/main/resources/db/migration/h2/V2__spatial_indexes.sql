-- R-tree spatial index on every geometry column (H2GIS).
CREATE SPATIAL INDEX territory_geom_rtree ON territory (geom);
CREATE SPATIAL INDEX park_geom_rtree ON park (geom);
CREATE SPATIAL INDEX zone_geom_rtree ON zone (geom);
CREATE SPATIAL INDEX corridor_geom_rtree ON corridor (geom);
CREATE SPATIAL INDEX route_geom_rtree ON route (geom);
CREATE SPATIAL INDEX route_stop_geom_rtree ON route_stop (geom);
CREATE SPATIAL INDEX scenic_spot_geom_rtree ON scenic_spot (geom);
CREATE SPATIAL INDEX project_geom_rtree ON project (geom);
CREATE SPATIAL INDEX protected_area_geom_rtree ON protected_area (geom);
CREATE SPATIAL INDEX transport_node_geom_rtree ON transport_node (geom);
CREATE SPATIAL INDEX structure_element_geom_rtree ON structure_element (geom);
CREATE SPATIAL INDEX parcel_geom_rtree ON parcel (geom);
CREATE SPATIAL INDEX territory_seat_rtree ON territory (seat);
