-- Two summaries on the learner's row, so that the reaction to a completed session reads them with the row it locks
-- instead of querying the ledger and the achievements each time.
--
-- The latest local day with XP and that day's XP total (the daily goal's progress). XP is only ever written for the
-- learner's latest counted day or a later one, so this is exact; existing learners get theirs from the ledger.
alter table gamification_learner add column xp_day date;
alter table gamification_learner add column xp_day_total integer not null default 0;
update gamification_learner l set xp_day = (select max(x.local_date) from gamification_xp x where x.user_id = l.user_id);
update gamification_learner l set xp_day_total = coalesce((select sum(x.amount) from gamification_xp x
    where x.user_id = l.user_id and x.local_date = l.xp_day), 0);

-- The highest tier unlocked of each achievement a session moves, as "kind=tier" pairs separated by spaces: a cache
-- of gamification_achievement, which stays the record (a stale cache can only cost an insert that finds its row).
-- Null until first needed: it is then read from gamification_achievement.
alter table gamification_learner add column achievement_tiers varchar(500);
