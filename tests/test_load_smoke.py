"""A short run of bench/loadtest.py: a real `itukg serve` subprocess over the bundled corpus, the named-query mix
and a share of cartesian COUNTs that must be stopped by a 2 s timeout. Nothing unexpected fails, no fast query
waits past the timeout, the slow ones get their 503 in time, and the workers are all there at the end.

Without the worker timeout the cartesian COUNTs would run for hours, every worker would end up busy and the fast
queries would fail (busy 503s) or take longer than the timeout: this test would fail.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import loadtest  # noqa: E402

TIMEOUT = 2.0
WORKERS = 4
CLIENTS = 4  # no more clients than workers: a fast query never has to wait for a worker


def test_short_load_run(built_corpus, tmp_path):
    with loadtest.itukg_server(built_corpus, TIMEOUT, workers=WORKERS, log_dir=tmp_path) as server:
        outcome = loadtest.run_load(server, clients=CLIENTS, duration=8, slow_share=0.1, timeout=TIMEOUT)
        assert server.proc.poll() is None, server.log.read_text()[-2000:]
        workers_at_end = len(loadtest.children(server.proc.pid))
    summary = loadtest.summarize(outcome, 8, TIMEOUT)
    print(loadtest.markdown(summary, {"clients": CLIENTS, "duration": 8, "timeout": TIMEOUT,
                                      "slow_share": 0.1, "workers": WORKERS}))
    assert summary["fast"] > 50 and summary["slow"] >= 1, summary["statuses"]
    assert summary["unexpected_errors"] == 0, summary["unexpected_examples"]
    assert not outcome.failures, outcome.failures
    assert summary["fast_over_timeout"] == 0 and summary["fast_max_ms"] < TIMEOUT * 1000
    # every slow query was stopped by the timeout, not left running: 503 soon after 2 s
    assert summary["slow_max_ms"] < (TIMEOUT + 1.5) * 1000
    assert workers_at_end == WORKERS
    # memory: killed workers are replaced by fresh forks, so the total does not keep what they had grown to
    start, end = outcome.memory["start"], outcome.memory["end"]
    assert end["server_rss_mb"] < start["server_rss_mb"] + 100, outcome.memory
