-- Recordings of an item's text, one URL per line; where there are some, lessons include listening exercises.
alter table content_item add column audio varchar(1000) default '' not null;
