package io.bondwatch.domain.link;

import static io.bondwatch.domain.link.LinkEvent.ADMIN_DOWN;
import static io.bondwatch.domain.link.LinkEvent.ADMIN_UP;
import static io.bondwatch.domain.link.LinkEvent.CARRIER_BACK;
import static io.bondwatch.domain.link.LinkEvent.CARRIER_LOST;
import static io.bondwatch.domain.link.LinkEvent.CREATED;
import static io.bondwatch.domain.link.LinkEvent.DELETED;
import static io.bondwatch.domain.link.LinkEvent.OPERSTATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceLinksTest {
  private static final Instant WALL = Instant.parse("2026-11-29T18:00:00Z");
  private final List<String> counted = new ArrayList<>();
  private final DeviceLinks links =
      new DeviceLinks(
          new LinkMetrics() {
            @Override
            public void onLinkEvent(String device, LinkEvent event) {
              counted.add(device + " " + event.label());
            }
          });

  private static LinkObservation obs(int ifindex, boolean admin, boolean carrier, OperState op) {
    return new LinkObservation("eth1", ifindex, admin, carrier, op, 0, WALL);
  }

  private static final LinkObservation UP = obs(3, true, true, OperState.UP);
  private static final LinkObservation NO_CARRIER = obs(3, true, false, OperState.DOWN);
  private static final LinkObservation SET_DOWN = obs(3, false, false, OperState.DOWN);
  private static final LinkObservation ABSENT = LinkObservation.absent("eth1", 0, WALL);

  @Test
  void oneEventPerActionTheMostBasicCauseNamed() {
    assertThat(LinkEvent.between(null, UP)).as("first sight is news to nobody").isEmpty();
    assertThat(LinkEvent.between(UP, UP)).isEmpty();
    assertThat(LinkEvent.between(UP, NO_CARRIER)).containsExactly(CARRIER_LOST);
    assertThat(LinkEvent.between(NO_CARRIER, UP)).containsExactly(CARRIER_BACK);
    assertThat(LinkEvent.between(UP, SET_DOWN)).containsExactly(ADMIN_DOWN);
    assertThat(LinkEvent.between(SET_DOWN, NO_CARRIER)).containsExactly(ADMIN_UP);
    assertThat(LinkEvent.between(UP, obs(3, true, true, OperState.DORMANT)))
        .containsExactly(OPERSTATE);
    assertThat(LinkEvent.between(UP, ABSENT)).containsExactly(DELETED);
    assertThat(LinkEvent.between(ABSENT, SET_DOWN)).containsExactly(CREATED);
    assertThat(LinkEvent.between(UP, obs(9, true, true, OperState.UP)))
        .as("created again under a new index while nobody looked")
        .containsExactly(DELETED, CREATED);
  }

  @Test
  void listenersAreToldAtFirstSightAndAtChangesOnlyAndEventsAreCounted() {
    List<String> told = new ArrayList<>();
    links.watch("eth1", (now, events) -> told.add(now.ifindex() + " " + events));
    links.observe(UP);
    links.observe(UP);
    links.observe(NO_CARRIER);
    links.observe(obs(9, true, true, OperState.UP));
    assertThat(told).containsExactly("3 []", "3 [CARRIER_LOST]", "9 [DELETED, CREATED]");
    assertThat(counted).containsExactly("eth1 carrier_lost", "eth1 deleted", "eth1 created");
    assertThat(links.last("eth1")).contains(obs(9, true, true, OperState.UP));
  }

  @Test
  void devicesNobodyFollowsAreIgnored() {
    links.watch("eth2");
    assertThat(links.observe(NO_CARRIER)).isEmpty();
    assertThat(links.last("eth1")).isEmpty();
    assertThat(links.devices()).containsExactly("eth2");
  }

  @Test
  void aFailingListenerDoesNotKeepTheOthersFromBeingTold() {
    List<LinkObservation> told = new ArrayList<>();
    links.watch(
        "eth1",
        (now, events) -> {
          throw new IllegalStateException("boom");
        });
    links.watch("eth1", (now, events) -> told.add(now));
    links.observe(UP);
    assertThat(told).containsExactly(UP);
  }

  @Test
  void anObservationIsValidated() {
    assertThatThrownBy(() -> new LinkObservation("eth1", 0, true, true, OperState.UP, 0, WALL))
        .hasMessage("eth1: ifindex must be positive, not 0");
    assertThatThrownBy(
            () ->
                new LinkObservation(
                    "eth1", LinkObservation.ABSENT, true, false, OperState.NOTPRESENT, 0, WALL))
        .hasMessage("eth1: a device that is absent has no state");
  }
}
