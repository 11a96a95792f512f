#!/usr/bin/env python3
"""The far end of an emulated multilink member: sends a PPPoE session frame (ethertype 0x8864)
carrying an LCP Echo-Reply on DEV to DST_MAC every INTERVAL seconds, as a peer answering a
member pppd's `lcp-echo-interval` would. Runs until killed. Needs CAP_NET_RAW (root).

usage: pppoe_echo_sender.py DEV DST_MAC SESSION INTERVAL
"""
import socket
import struct
import sys
import time

ETH_P_PPP_SES = 0x8864
PPP_LCP = 0xC021
ECHO_REPLY = 10


def frame(src, dst, session, ident):
    lcp = struct.pack("!BBHI", ECHO_REPLY, ident & 0xFF, 8, 0x21D7FE1F)
    ppp = struct.pack("!H", PPP_LCP) + lcp
    pppoe = struct.pack("!BBHH", 0x11, 0x00, session, len(ppp)) + ppp
    return dst + src + struct.pack("!H", ETH_P_PPP_SES) + pppoe


def main():
    dev, dst_mac, session, interval = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    dst = bytes.fromhex(dst_mac.replace(":", ""))
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((dev, 0))
    src = s.getsockname()[4]
    ident = 0
    next_at = time.monotonic()
    print("sending", flush=True)
    while True:
        try:
            s.send(frame(src, dst, session, ident))
        except OSError:
            pass  # the device is down for a moment: the next beat tries again
        ident += 1
        next_at += interval
        time.sleep(max(0.0, next_at - time.monotonic()))


if __name__ == "__main__":
    main()
