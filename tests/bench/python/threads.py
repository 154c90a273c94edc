#!/usr/bin/env python3
"""How much faster classify_many is on two threads than on one (issue 16,
"threads run in parallel: measured"). A benchmark, not a test: run it on a
quiet machine, beside another measurement in the same minutes.

    PYTHONPATH=build/python /usr/bin/python3 tests/bench/python/threads.py [SENTENCES] [RUNS]
"""
import os
import sys
import time

import demarche

SENTENCES = [
    "Oslo expelled two Russian diplomats on Friday.",
    "The ministry threatened to expel the envoys.",
    "Nothing happened in Zürich today.",
    "France recalled its ambassador from Mali.",
    "The EU imposed sanctions on Iran over the drone deliveries.",
    "Germany condemned the attack in the strongest terms.",
]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    engine = demarche.load()
    texts = [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(n)]
    engine.classify_many(texts[:50], jobs=2)  # both workers' engines made

    def best(jobs):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            engine.classify_many(texts, jobs=jobs)
            times.append(time.perf_counter() - start)
        return min(times)

    one, two = best(1), best(2)
    print(f"classify_many of {n} sentences, best of {runs}: jobs=1 {one:.3f} s, "
          f"jobs=2 {two:.3f} s, speed-up {one / two:.2f}x on {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
