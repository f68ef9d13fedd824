#!/usr/bin/env python3
"""Splits each hop of Hops.java's round trips with the probe's server-side times.

    python3 hops.py CLIENT_FILE SERVER_RECORDS_FILE

Each round trip is two hops (A -> B, then B -> A), each one 64-byte line read by the server and
written to the partner as 74 bytes: a hop is matched with the first such read after it was sent,
and that read with the first such write after it (by time: one clock for both). Per hop: until the loop's select() returned (the loop busy with other turns,
or waiting for a CPU), the turn until the line was written, and from there to the client's read
(slightly negative when the client reads before the server's write() has returned). The second
hop is timed from B's read, so B's own turnaround (a write) counts in its first part."""
import bisect
import sys


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main(client_file, server_file):
    reads, writes = [], []
    for line in open(server_file):
        kind, *times = line.split()
        if kind == "R":
            reads.append((int(times[0]), int(times[1])))  # select() returned, read started
        else:
            writes.append(int(times[0]))
    reads.sort(key=lambda r: r[1])
    writes.sort()
    read_starts = [started for _, started in reads]
    phases = {"quiet": [], "flooded": []}
    for line in open(client_file):
        phase, a_wrote, b_read, a_read = line.split()
        a_wrote, b_read, a_read = int(a_wrote), int(b_read), int(a_read)
        parts = []
        for sent, got in ((a_wrote, b_read), (b_read, a_read)):
            r = bisect.bisect_left(read_starts, sent)
            w = bisect.bisect_left(writes, read_starts[r]) if r < len(reads) else len(writes)
            if w >= len(writes) or writes[w] > got + 1_000_000:
                break  # not recorded (the probe's last records), or no write of this line
            selected = reads[r][0]
            parts.append(((selected - sent) / 1e3, (writes[w] - selected) / 1e3, (got - writes[w]) / 1e3))
        if len(parts) == 2:
            phases[phase].append(((a_read - a_wrote) / 1e3, parts))
    names = ("until the loop's select() returned", "its turn, until written", "to the client's read")
    for phase, trips in phases.items():
        if not trips:
            continue
        rt = [t for t, _ in trips]
        print(f"{phase}: {len(trips)} round trips, p50 {pct(rt, .5):.0f} p90 {pct(rt, .9):.0f} p99 {pct(rt, .99):.0f}"
              f" p99.9 {pct(rt, .999):.0f} us")
        for j, name in enumerate(names):
            v = [parts[i][j] for _, parts in trips for i in (0, 1)]
            print(f"  per hop, {name:<36} p50 {pct(v, .5):6.0f} p90 {pct(v, .9):6.0f} p99 {pct(v, .99):6.0f}"
                  f" p99.9 {pct(v, .999):6.0f} us")
        by_time = sorted(trips, key=lambda t: t[0])
        n = len(by_time)
        # The slowest 1% (a few outliers of milliseconds weigh most in its mean), and the round
        # trips around the p99 itself (p98.5-p99.5), which is what the bench's p99 reports.
        for label, band in (("slowest 1%", by_time[n - max(1, n // 100):]),
                            ("p98.5-p99.5", by_time[int(n * .985):int(n * .995)] or by_time[-1:])):
            sums = [sum(parts[i][j] for _, parts in band for i in (0, 1)) / len(band) for j in range(3)]
            mean = sum(t for t, _ in band) / len(band)
            print(f"  {label} ({len(band)}): mean {mean:.0f} us = until select {sums[0]:.0f} + turns {sums[1]:.0f}"
                  f" + to the clients {sums[2]:.0f} us")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
