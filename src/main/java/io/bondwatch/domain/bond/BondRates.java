package io.bondwatch.domain.bond;

/**
 * What the bond carries, in bytes per second per direction: {@code effective} with the members
 * active now, {@code nominal} with every member healthy; NaN while a member's capacity is unknown.
 */
public record BondRates(
    double effectiveDown,
    double effectiveUp,
    double nominalDown,
    double nominalUp,
    int members,
    int activeMembers) {}
