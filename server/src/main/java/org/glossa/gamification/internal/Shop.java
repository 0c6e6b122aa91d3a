package org.glossa.gamification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glossa.fsrs.DayBoundary;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * The shop: streak freezes, streak repair and heart refills for gems. A purchase is idempotent by its
 * {@code purchaseId} (a replay returns the stored result); the learner's row is locked first, then the wallet
 * pays with a conditional update, so two purchases the balance can pay once succeed once.
 */
@Service
public class Shop {

    public static final java.util.List<String> ITEMS = java.util.List.of("streak-freeze", "streak-repair", "heart-refill");

    public record Purchase(String purchaseId, String item, int price, int gems, Map<String, Object> effect,
            Instant purchasedAt) {
    }

    private final JdbcClient jdbc;
    private final Learners learners;
    private final Wallet wallet;
    private final Rewards rewards;
    private final LearnerDays days;
    private final GamificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    Shop(JdbcClient jdbc, Learners learners, Wallet wallet, Rewards rewards, LearnerDays days,
            GamificationSettings settings, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.wallet = wallet;
        this.rewards = rewards;
        this.days = days;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Purchase buy(UUID userId, String item, String purchaseId) {
        Learners.State state = learners.lock(userId);
        Optional<Purchase> earlier = stored(userId, purchaseId);
        if (earlier.isPresent()) {
            if (!earlier.get().item().equals(item)) {
                throw ApiProblem.conflict("Purchase '" + purchaseId + "' was already made for " + earlier.get().item() + ".");
            }
            return earlier.get();
        }
        Instant now = clock.instant();
        DayBoundary boundary = days.of(userId);
        state = rewards.evaluate(userId);
        int price = settings.price(item);
        Map<String, Object> effect = new LinkedHashMap<>();
        Learners.State next;
        switch (item) {
            case "streak-freeze" -> {
                if (state.streak().freezes() >= settings.maxFreezes()) {
                    throw ApiProblem.conflict("You already have " + settings.maxFreezes() + " streak freezes equipped.");
                }
                next = state.with(state.streak().withFreezes(state.streak().freezes() + 1));
                effect.put("freezesEquipped", next.streak().freezes());
            }
            case "streak-repair" -> {
                if (!state.streak().repairable(now, boundary, settings.repairDays())) {
                    throw ApiProblem.conflict("There is no lost streak to repair (a streak can be repaired for "
                            + settings.repairDays() + " days after the missed day).");
                }
                Streak.Change change = state.streak().repair(now, boundary);
                learners.writeDays(userId, change.days());
                next = state.with(change.streak());
                effect.put("streak", next.streak().current());
            }
            case "heart-refill" -> {
                Hearts hearts = state.hearts().refreshed(now, settings.maxHearts(), settings.heartRefill());
                if (hearts.current() >= settings.maxHearts()) {
                    throw ApiProblem.conflict("Your hearts are already full.");
                }
                next = state.with(new Hearts(settings.maxHearts(), null));
                effect.put("hearts", settings.maxHearts());
            }
            default -> throw ApiProblem.invalid("item", "must be one of " + String.join(", ", ITEMS));
        }
        if (!wallet.spend(userId, price, item, "purchase:" + purchaseId)) {
            throw ApiProblem.conflict("Not enough gems: " + item + " costs " + price + ", you have "
                    + wallet.balance(userId) + ".").with("price", price).with("gems", wallet.balance(userId));
        }
        learners.save(next);
        Purchase purchase = new Purchase(purchaseId, item, price, wallet.balance(userId), effect, now);
        jdbc.sql("""
                insert into gamification_purchase (user_id, purchase_id, item, price, result, created_at)
                values (:u, :p, :item, :price, :result, :at)
                """).param("u", userId).param("p", purchaseId).param("item", item).param("price", price)
                .param("result", json.writeValueAsString(purchase)).param("at", utc(now)).update();
        return purchase;
    }

    private Optional<Purchase> stored(UUID userId, String purchaseId) {
        return jdbc.sql("select result from gamification_purchase where user_id = :u and purchase_id = :p")
                .param("u", userId).param("p", purchaseId).query(String.class).optional()
                .map(result -> json.readValue(result, Purchase.class));
    }
}
