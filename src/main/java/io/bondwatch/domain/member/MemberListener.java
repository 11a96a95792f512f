package io.bondwatch.domain.member;

/** Told of every state change, after the member's lock is released. */
@FunctionalInterface
public interface MemberListener {
  void onStateChange(MemberSnapshot after, MemberState from);
}
