#!/usr/bin/env python3
"""Bytes per connection by class: two `jcmd PID GC.class_histogram` outputs (before and after N
connections) and N.

    python3 histdiff.py BEFORE AFTER N"""
import sys


def load(path):
    classes = {}
    for line in open(path):
        f = line.split()
        if len(f) >= 4 and f[0].endswith(':'):  # "  1:  instances  bytes  class"
            classes[f[3]] = (int(f[1]), int(f[2]))
    return classes


before, after, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
rows = sorted(((after.get(k, (0, 0))[1] - before.get(k, (0, 0))[1], after.get(k, (0, 0))[0] - before.get(k, (0, 0))[0], k)
               for k in set(before) | set(after)), reverse=True)
print(f"live heap objects, after - before: {sum(r[0] for r in rows) / n:.0f} bytes per connection")
for size, count, name in rows:
    if size / n >= 4:
        print(f"  {size / n:7.1f} bytes {count / n:5.2f} objects per connection  {name}")
