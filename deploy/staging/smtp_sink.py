"""A local SMTP server for ``make staging``: every mail becomes one file.

Each received message is written to ``<folder>/<time>-<uuid>.json`` with its
envelope (sender, recipients) and the raw message, so the smoke test counts
what really left the portal over SMTP. ``--delay`` slows every DATA answer,
as a real server does, so a send lasts long enough to kill a worker in it.

    python deploy/staging/smtp_sink.py --port 2525 --folder var/staging/mail
"""

import argparse
import asyncio
import json
import os
import signal
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder: Path, delay: float):
        self.folder = folder
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        record = {
            "sender": envelope.mail_from,
            "recipients": list(envelope.rcpt_tos),
            "message": envelope.content.decode("utf-8", errors="replace"),
        }
        # Written under a temporary name and renamed: a reader never sees half a mail.
        partial = self.folder / f".{name}.tmp"
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, self.folder / f"{name}.json")
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(
        FolderHandler(args.folder, args.delay),
        hostname=args.host,
        port=args.port,
        data_size_limit=20 * 1024 * 1024,
    )
    controller.start()
    print(f"SMTP sink on {args.host}:{args.port} -> {args.folder}", flush=True)
    stopped = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopped.set)
    loop.run_until_complete(stopped.wait())
    controller.stop()


if __name__ == "__main__":
    main()
