#!/usr/bin/env bash
# Captures the fixtures in this directory: real `ip -o monitor link` output while veth, macvlan
# (PPPoE often runs over one) and tun (point-to-point, like ppp) devices are taken down and up,
# lose their peer's carrier, are renamed, moved to another namespace, deleted and created again;
# and `ip -o link show` of the same devices.
# Needs root and iproute2. Usage: capture.sh OUTDIR
set -euo pipefail
out=${1:?usage: capture.sh OUTDIR}
mkdir -p "$out"
ns=lkcap$$
h=lkh$$ f=lkf$$
step() { sleep 0.3; }
ip netns add "$ns"
trap 'kill "$mon" 2>/dev/null || true; ip link del "$h" 2>/dev/null || true; ip link del lkv$$ 2>/dev/null || true; ip link del lkt$$ 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true' EXIT

capture() { # NAME: runs the rest of the arguments as one step each while monitoring
  local name=$1; shift
  ip -o monitor link > "$out/$name.monitor" 2>&1 & mon=$!
  step
  for c in "$@"; do eval "$c"; step; done
  kill "$mon"; wait "$mon" 2>/dev/null || true
  # other devices of this machine (other test beds) are not part of the fixture
  grep -E "(^|Deleted )[0-9]+: ($h|$f|lkv$$|lkt$$|lkm$$)[@:]" "$out/$name.monitor" > "$out/$name.tmp" || true
  mv "$out/$name.tmp" "$out/$name.monitor"
}

ip link add "$h" type veth peer name "$f" netns "$ns"
ip link set "$h" up
ip netns exec "$ns" ip link set "$f" up
sleep 0.3
ip -o link show dev "$h" > "$out/veth-up.show"

capture veth-admin-down-up "ip link set $h down" "ip link set $h up"
capture veth-peer-carrier-lost "ip netns exec $ns ip link set $f down" "ip netns exec $ns ip link set $f up"
ip netns exec "$ns" ip link set "$f" down; sleep 0.3
ip -o link show dev "$h" > "$out/veth-no-carrier.show"
ip netns exec "$ns" ip link set "$f" up; sleep 0.3
capture veth-deleted-created-again \
  "ip link del $h" \
  "ip link add $h type veth peer name $f netns $ns" \
  "ip link set $h up" \
  "ip netns exec $ns ip link set $f up"
capture veth-renamed-and-moved \
  "ip link set $h down" \
  "ip link set $h name lkm$$" \
  "ip link set lkm$$ netns $ns"
ip netns exec "$ns" ip link del "lkm$$" 2>/dev/null || true
ip link add "$h" type veth peer name "$f" netns "$ns"
ip link set "$h" up; ip netns exec "$ns" ip link set "$f" up
capture macvlan-over-veth \
  "ip link add link $h name lkv$$ type macvlan mode bridge" \
  "ip link set lkv$$ up" \
  "ip netns exec $ns ip link set $f down" \
  "ip netns exec $ns ip link set $f up" \
  "ip link del lkv$$"
capture tun-up-down \
  "ip tuntap add dev lkt$$ mode tun" \
  "ip link set lkt$$ up" \
  "ip link set lkt$$ down" \
  "ip link del lkt$$"
ip -o link show > "$out/all.show.tmp"
grep -E "^[0-9]+: ($h|lo)[@:]" "$out/all.show.tmp" > "$out/snapshot.show"; rm "$out/all.show.tmp"
