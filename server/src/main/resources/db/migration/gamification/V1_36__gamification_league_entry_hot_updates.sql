-- Every completed session adds XP to the learner's league entry. With xp in the cohort index, each of those updates
-- wrote a new version into every index (PostgreSQL's HOT updates need the changed columns to be in none) and left a
-- dead one behind. A cohort holds at most 30 entries: the index on its id alone finds them, and ranking them needs no
-- index. Now the update changes no indexed column and stays on its page.
drop index gamification_league_entry_cohort_idx;
create index gamification_league_entry_cohort_idx on gamification_league_entry (cohort_id);
