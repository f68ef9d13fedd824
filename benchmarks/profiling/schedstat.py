#!/usr/bin/env python3
"""Runs a benchmark command and samples, every 0.25 s, the CPU time and the run-queue wait (Linux
/proc/PID/task/TID/schedstat: time on a CPU, time waiting for one, time slices) of every thread of
the command and of its descendants (the chat server, ncat, socat). At the end it prints, for each
flood (each relay's `flood reader` thread of the bench, while it is busy), what every relay thread
did meanwhile: CPU and waiting shares, time slices per second and the mean wait for a core per slice.

    python3 benchmarks/profiling/schedstat.py java -jar benchmarks/target/bench.jar --only isolation ...

Linux only; the samples go to schedstat.txt in the current directory (time pid tid process thread
cpu_ns wait_ns slices).
"""
import collections
import os
import subprocess
import sys
import time

PERIOD = 0.25
RELAYS = ("selector", "ncat", "socat")


def descendants(root):
    children = collections.defaultdict(list)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{pid}/stat").read()
            children[stat.rsplit(")", 1)[1].split()[1]].append(pid)
        except OSError:
            pass
    found, todo = [], [str(root)]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children[pid])
    return found


def sample(root, t, out):
    for pid in descendants(root):
        try:
            process = open(f"/proc/{pid}/comm").read().strip()
            for tid in os.listdir(f"/proc/{pid}/task"):
                stat = open(f"/proc/{pid}/task/{tid}/stat").read()
                thread = stat[stat.index("(") + 1:stat.rindex(")")].replace(" ", "_")
                cpu, wait, slices = open(f"/proc/{pid}/task/{tid}/schedstat").read().split()
                out.write(f"{t:.2f} {pid} {tid} {process} {thread} {cpu} {wait} {slices}\n")
        except OSError:
            pass  # gone meanwhile


def window(series, t0, t1):
    inside = [s for s in series if t0 <= s[0] <= t1]
    if len(inside) < 2:
        return None
    (ta, ca, wa, sa), (tb, cb, wb, sb) = inside[0], inside[-1]
    return tb - ta, cb - ca, wb - wa, sb - sa


def report(path):
    series, names = collections.defaultdict(list), {}
    for line in open(path):
        t, pid, tid, process, thread, cpu, wait, slices = line.split()
        series[tid].append((float(t), int(cpu), int(wait), int(slices)))
        names[tid] = f"{process}/{thread}"
    readers = sorted((tid for tid in names if names[tid].endswith("/flood_reader")), key=lambda tid: series[tid][0][0])
    for reader in readers:
        s = series[reader]
        busy = [s[i + 1][0] for i in range(len(s) - 1) if s[i + 1][1] - s[i][1] > 0.08 * PERIOD * 1e9]
        if not busy:
            continue
        t0, t1 = busy[0] - PERIOD, busy[-1]
        print(f"flood {t0:.1f}-{t1:.1f} s:")
        for tid in names:
            w = window(series[tid], t0, t1)
            if w is None or not names[tid].split("/")[1] in RELAYS and names[tid].split("/")[0] not in RELAYS:
                continue
            dt, cpu, wait, slices = w
            if cpu + wait == 0:
                continue
            print(f"  {tid:>7} {names[tid]:<16} on a CPU {cpu / 1e7 / dt:3.0f}%, waiting for one {wait / 1e7 / dt:3.0f}%,"
                  f" {slices / dt:6.0f} slices/s, {wait / 1e3 / max(slices, 1):7.1f} us waited per slice")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = "schedstat.txt"
    with open(path, "w") as out:
        command = subprocess.Popen(sys.argv[1:])
        start = time.monotonic()
        while command.poll() is None:
            sample(command.pid, time.monotonic() - start, out)
            time.sleep(PERIOD)
    report(path)
    sys.exit(command.returncode)


if __name__ == "__main__":
    main()
