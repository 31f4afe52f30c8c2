"""Load the coding pipeline once, then run ``bedfellows code`` in forked children.

Loading spaCy takes most of a short run; forking after it lets the kill test
interrupt ten real runs in seconds. Each child runs the real ``bedfellows`` click
command (``cli.main``) with the preloaded Pipeline standing in for a fresh one.

Protocol (one line each way): the driver prints ``ready``; for every
``run LOG ARGS...`` line (tab-separated) on stdin it forks a child whose stdout and
stderr go to LOG, prints ``pid N``, and ``exit N`` (the wait status as a return
code, negative for a signal) once the child is gone. ``quit`` ends it.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Serve runs until ``quit``."""
    import bedfellows.cli.code as code_cli
    from bedfellows.cli.main import cli
    from bedfellows.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.provenance()  # loads the model, the ruler and the coder
    code_cli.Pipeline = lambda **_: pipeline  # the CLI builds no new one
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        if parts[0] == "quit":
            break
        log, args = parts[1], parts[2:]
        pid = os.fork()
        if pid == 0:  # child: the CLI, output to LOG, never back into this loop
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            status = 70
            try:
                cli.main(args=args, prog_name="bedfellows", standalone_mode=True)
                status = 0
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        print(f"pid {pid}", flush=True)
        _, wait_status = os.waitpid(pid, 0)
        print(f"exit {os.waitstatus_to_exitcode(wait_status)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
