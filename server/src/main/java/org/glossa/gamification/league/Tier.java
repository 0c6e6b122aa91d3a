package org.glossa.gamification.league;

/** The ten league tiers, lowest first; a tier's ordinal is what the database stores. */
public enum Tier {
    BRONZE, SILVER, GOLD, SAPPHIRE, RUBY, EMERALD, AMETHYST, PEARL, OBSIDIAN, DIAMOND;

    public static Tier of(int ordinal) {
        return values()[Math.max(0, Math.min(ordinal, values().length - 1))];
    }

    public boolean lowest() {
        return this == BRONZE;
    }

    public boolean highest() {
        return this == DIAMOND;
    }
}
