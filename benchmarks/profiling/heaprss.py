#!/usr/bin/env python3
"""Prints the RSS in KB of a JVM's Java heap: the mappings inside the range `jcmd PID GC.heap_info` names.

    python3 heaprss.py PID HEAP_INFO_FILE      (idle-census.sh calls it)"""
import re
import sys

pid, info = sys.argv[1], open(sys.argv[2]).read()
lo, hi = (int(x, 16) for x in re.search(r'\[0x([0-9a-f]+), 0x([0-9a-f]+)\)', info).groups())
rss, inside = 0, False
for line in open(f'/proc/{pid}/smaps'):
    m = re.match(r'([0-9a-f]+)-([0-9a-f]+) ', line)
    if m:
        inside = lo <= int(m.group(1), 16) < hi
    elif inside and line.startswith('Rss:'):
        rss += int(line.split()[1])
print(rss)
