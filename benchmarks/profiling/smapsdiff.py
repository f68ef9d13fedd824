#!/usr/bin/env python3
"""Which mappings grew: two copies of /proc/PID/smaps (idle-census.sh keeps them). glibc's malloc
arenas are the anonymous mappings aligned to 64 MB; the Java heap is the range GC.heap_info names.

    python3 smapsdiff.py BEFORE AFTER"""
import collections
import re
import sys


def load(path):
    """(start, name, size) -> RSS in KB."""
    mappings, key = {}, None
    for line in open(path):
        m = re.match(r'([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)', line)
        if m:
            key = (m.group(1), m.group(3) or '[anon]', int(m.group(2), 16) - int(m.group(1), 16))
            mappings[key] = 0
        elif line.startswith('Rss:'):
            mappings[key] = int(line.split()[1])
    return mappings


before, after = load(sys.argv[1]), load(sys.argv[2])
by_name = collections.Counter()
for (_, name, _), rss in after.items():
    by_name[name] += rss
for (_, name, _), rss in before.items():
    by_name[name] -= rss
print("RSS growth by mapping name (KB):", by_name.most_common(6))
for growth, (start, name, size) in sorted(((rss - before.get(k, 0), k) for k, rss in after.items()), reverse=True)[:12]:
    print(f"  +{growth} KB  at {start}, {size // 1024} KB mapped, {name}"
          + ("" if (start, name, size) in before else " (new or resized)"))
