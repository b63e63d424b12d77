#!/usr/bin/env python3
"""Shares of a JFR recording's samples per innermost engine frame (docs/engine.md's profiles).

  ISTANAS_JAVA_OPTS="-XX:StartFlightRecording=filename=step.jfr,settings=profile" ./istanas bench step ...
  jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample step.jfr > step.json
  bench/jfr-shares.py step.json [PREFIX]

Counts Java samples (jdk.ExecutionSample) and samples of threads inside native code (jdk.NativeMethodSample: a
thread waiting in a libnd4j op), attributes each to the innermost frame whose class starts with PREFIX (default
org.istanas.ops.engine.), and prints the shares, largest first. Samples without such a frame (start-up, JIT,
other threads) are counted apart and left out of the shares. Lambdas are folded into their method, and the
helpers in PLUMBING (the native-op call, the Java pool) into their caller.
"""
import collections
import json
import re
import sys


# Helpers every kernel passes through: a sample is attributed to their caller.
PLUMBING = {'NativeOps.exec', 'Parallel.forEach', 'Parallel.run'}


def type_name(frame):
    return frame['method']['type']['name'].replace('/', '.')  # JFR writes some as internal names


def frame_name(frame):
    method = frame['method']
    cls = type_name(frame)
    name = re.sub(r'^lambda\$(\w+)\$\d+$', r'\1', method['name'])
    return cls.rsplit('.', 1)[-1].split('$')[0] + '.' + name


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else 'org.istanas.ops.engine.'
    with open(path) as f:
        events = json.load(f)['recording']['events']
    counts = collections.Counter()
    outside = 0
    for event in events:
        frames = (event['values'].get('stackTrace') or {}).get('frames') or []
        for frame in frames:
            if type_name(frame).startswith(prefix) and frame_name(frame) not in PLUMBING:
                counts[frame_name(frame)] += 1
                break
        else:
            outside += 1
    total = sum(counts.values())
    print(f'{total} samples in engine frames ({outside} elsewhere)')
    for name, n in counts.most_common():
        print(f'{100.0 * n / total:5.1f} %  {n:6d}  {name}')


if __name__ == '__main__':
    main()
