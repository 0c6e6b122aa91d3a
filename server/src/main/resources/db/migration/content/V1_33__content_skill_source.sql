-- Where a skill came from when it was not written by hand: the generator that drafted it (the offline generator
-- or a model's name) and the suggestion an editor approved. Both are null for imported and hand-written skills.
alter table content_skill add column generator varchar(200);
alter table content_skill add column suggestion_id uuid;
