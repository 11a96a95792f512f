package io.bondwatch.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code /api/v1/status}. Rates are in bytes per second like the metrics; durations in
 * seconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "time", "bond", "members"})
public record StatusDocument(String version, Instant time, Bond bond, List<Member> members) {

  public StatusDocument {
    members = List.copyOf(members);
  }

  @JsonPropertyOrder({"name", "mode", "members", "activeMembers", "effectiveRate", "nominalRate"})
  public record Bond(
      String name,
      String mode,
      int members,
      int activeMembers,
      Map<String, Double> effectiveRate,
      Map<String, Double> nominalRate,
      @JsonAnyGetter Map<String, Object> extra) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(
      String name,
      String state,
      String reason,
      Instant since,
      boolean active,
      Double rttSeconds,
      Double jitterSeconds,
      double lossRatio,
      double baselineLoss,
      int downThresholdProbes,
      long probesSent,
      long probesLost,
      long flaps,
      Boolean sessionUp,
      Map<String, Double> capacity,
      @JsonAnyGetter Map<String, Object> extra) {}
}
