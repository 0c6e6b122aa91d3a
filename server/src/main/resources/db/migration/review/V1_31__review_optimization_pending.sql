-- One pending optimization run per learner, kept by the database: pending_user is the learner's id while a run is
-- queued, running or waiting for a retry, and null once it has ended, so two requests at once (two nodes running the
-- nightly job, a learner's double tap) queue one run.
alter table review_optimization add column pending_user uuid;
update review_optimization set pending_user = user_id where status in ('QUEUED', 'RUNNING');
create unique index review_optimization_pending_uk on review_optimization (pending_user);
