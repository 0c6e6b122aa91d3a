package org.glossa.gamification.league;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A learner's league: this week's cohort and their closed weeks. */
@RestController
@Tag(name = "Leagues and leaderboards")
@SecurityRequirement(name = "bearer")
class LeagueController {

    private final Leagues leagues;
    private final Accounts accounts;
    private final Clock clock;

    LeagueController(Leagues leagues, Accounts accounts, Clock clock) {
        this.leagues = leagues;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Member(int rank, UUID userId, String displayName, int xp, boolean you) {
    }

    record Zone(int fromRank, int toRank) {
    }

    record Current(String tier, LocalDate weekStart, Instant weekStartsAt, Instant weekEndsAt, boolean joined,
            Integer rank, List<Member> cohort, Zone promotionZone, Zone demotionZone) {
    }

    @GetMapping("/api/v1/leagues/current")
    @Operation(summary = "My league this week", description = "My tier, the week (Monday 00:00 UTC to the next), and "
            + "my cohort ranked by XP (ties: who reached the score first). I join a cohort with my first XP of the "
            + "week; until then `joined` is false and the cohort is empty. Zones are ranks, both ends included; "
            + "null when the cohort has none (no promotion from Diamond, no demotion from Bronze).")
    Current current(@AuthenticationPrincipal CurrentUser user) {
        LeagueWeek week = LeagueWeek.of(clock.instant());
        return leagues.cohort(user.id()).map(cohort -> {
            int size = cohort.standings().size();
            List<Member> members = cohort.standings().stream().map(s -> new Member(s.rank(), s.userId(),
                    accounts.find(s.userId()).map(AccountView::displayName).orElse(null), s.xp(),
                    s.userId().equals(user.id()))).toList();
            Integer rank = members.stream().filter(Member::you).map(Member::rank).findFirst().orElse(null);
            int promotedTo = Math.min(cohort.promoted(), size);
            Zone promotion = promotedTo > 0 ? new Zone(1, promotedTo) : null;
            int demotedFrom = Math.max(Math.max(promotedTo, size - cohort.demoted()), (size + 1) / 2) + 1;
            Zone demotion = cohort.demoted() > 0 && demotedFrom <= size ? new Zone(demotedFrom, size) : null;
            return new Current(cohort.tier().name(), week.start(), week.startsAt(), week.endsAt(), true, rank, members,
                    promotion, demotion);
        }).orElseGet(() -> new Current(leagues.tier(user.id()).name(), week.start(), week.startsAt(), week.endsAt(),
                false, null, List.of(), null, null));
    }

    @GetMapping("/api/v1/leagues/history")
    @Operation(summary = "My closed league weeks", description = "Newest first: the tier I played in, my XP, final "
            + "rank, cohort size and outcome (PROMOTED, STAYED, DEMOTED). Weeks without XP are not listed; each "
            + "of them cost a tier above Bronze.")
    List<Leagues.PastWeek> history(@AuthenticationPrincipal CurrentUser user) {
        return leagues.history(user.id());
    }
}
