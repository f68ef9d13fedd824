#!/usr/bin/env python3
"""Each relay's wake-ups in a `perf sched` recording of the bench: for the relay's thread (step 5's
loop `selector`, `ncat`, `socat`) and the bench's busiest thread (the one doing the round trips)
while that relay was measured, the time from being woken to running on a CPU (perf's "sch delay")
and the time on a CPU per wake-up ("run time"). A round trip wakes the relay twice and the bench's
thread twice; direct wakes nobody.

    perf sched record -k mono -o rt.data -- java -jar benchmarks/target/bench.jar --only round-trip ...
    perf sched timehist -i rt.data > rt.txt
    python3 benchmarks/profiling/wakeups.py rt.txt"""
import collections
import sys


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float('nan')


def show(name, slices):
    delay, run = [s[1] for s in slices], [s[2] for s in slices]
    print(f"  {name:<12} {len(slices):7d} wake-ups; woken -> on a CPU p50 {pct(delay, .5):5.1f} p99 {pct(delay, .99):6.1f}"
          f" p99.9 {pct(delay, .999):7.1f} us; on a CPU p50 {pct(run, .5):5.1f} p99 {pct(run, .99):6.1f}"
          f" p99.9 {pct(run, .999):7.1f} us")


tasks = collections.defaultdict(list)  # "name[tid/pid]" -> (end of slice, sch delay, run time) in us
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 6 and f[0][0].isdigit():
        try:
            tasks[f[2]].append((float(f[0]) * 1e6, float(f[4]) * 1e3, float(f[5]) * 1e3))
        except ValueError:
            pass  # a header or a line perf could not resolve
bench = max((t for t in tasks if t.startswith('java[')), key=lambda t: len(tasks[t]))
for task in tasks:
    if task.split('[')[0] in ('selector', 'ncat', 'socat') and len(tasks[task]) > 1000:
        slices = tasks[task]
        start, end = slices[len(slices) // 20][0], slices[-1][0]  # the first 5%: its start-up
        print(f"{task.split('[')[0]}: {(end - start) / 1e6:.1f} s")
        show("relay", [s for s in slices if start <= s[0] <= end])
        show("bench", [s for s in tasks[bench] if start <= s[0] <= end])
