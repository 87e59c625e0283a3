"""`kiosk badge` (badges to a PDF file), `kiosk print` (through the print queue), `kiosk printers`
and `kiosk print-queue`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk import events
from kiosk.badges.printers import backend_kinds, describe, resolve
from kiosk.badges.queue import JobInfo, PrintQueue
from kiosk.badges.render import badge_data, render_badges
from kiosk.badges.templates import find_template, template_names
from kiosk.commands import Context, add_command
from kiosk.domain import Category, PrintJobState, PrintReason
from kiosk.errors import InputFileError, UsageError
from kiosk.models import Guest

GUEST_HELP = "guest number, uid, external code or e-mail"
PRINTER_ENV = "KIOSK_PRINTER"
PRINTER_HELP = (f"printer: a CUPS name (KioskPDF), cups:NAME or folder:DIR "
                f"(default: ${PRINTER_ENV})")


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    badge = add_command(commands, common, "badge", "draw guests' badges into a PDF file")
    badge.add_argument("guests", nargs="*", metavar="GUEST", help=GUEST_HELP)
    badge.add_argument("--all", action="store_true", help="every guest not cancelled")
    badge.add_argument("--category", choices=[c.value for c in Category],
                       help="every guest of this category")
    badge.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    badge.add_argument("--template", default="badge-4x3",
                       help=f"one of {', '.join(template_names())}, or a template file")
    badge.set_defaults(handler=run_badge)

    printing = add_command(commands, common, "print", "print guests' badges through the queue")
    printing.add_argument("guests", nargs="+", metavar="GUEST", help=GUEST_HELP)
    printing.add_argument("--printer", help=PRINTER_HELP)
    printing.add_argument("--reason", choices=[r.value for r in PrintReason],
                          help="why: needed for a reprint (lost, damaged, name_corrected, other)")
    printing.add_argument("--note", help="staff's words on why (needed with --reason other)")
    printing.add_argument("--operator", help="who asks (kept with the print record)")
    printing.add_argument("--template", default="badge-4x3")
    printing.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                          help="how long to follow the job before returning (default 30)")
    printing.set_defaults(handler=run_print)

    printers = add_command(commands, common, "printers", "the printers and how they are")
    printers.add_argument("--printer", help="only this one (e.g. folder:/srv/badges)")
    printers.set_defaults(handler=run_printers)

    queue = add_command(commands, common, "print-queue",
                        "the badge print jobs; send or follow the open ones")
    queue.add_argument("--process", action="store_true", help="move the open jobs along now")
    queue.add_argument("--retry", metavar="JOB", help="queue a failed job again")
    queue.add_argument("--cancel", metavar="JOB", help="cancel a job not yet sent")
    queue.add_argument("--open", action="store_true", help="only queued, held and printing")
    queue.set_defaults(handler=run_queue)


def _print_queue(context: Context) -> PrintQueue:
    return PrintQueue(context.database, context.data_dir / "spool")


def _printer(args: argparse.Namespace) -> str:
    printer = args.printer or os.environ.get(PRINTER_ENV)
    if not printer:
        raise UsageError("no printer chosen",
                         hint=f"give --printer NAME or set {PRINTER_ENV}; 'kiosk printers' "
                              "lists them")
    return str(printer)


def run_badge(context: Context, args: argparse.Namespace) -> int:
    if not args.guests and not args.all and not args.category:
        raise UsageError("name the guests, or give --all or --category")
    template = find_template(args.template)
    with context.database.session() as session:
        event = events.current_event(session)
        guests = [events.find_guest(session, event, ref) for ref in args.guests]
        if args.all or args.category:
            query = select(Guest).where(Guest.event_id == event.id,
                                        Guest.is_cancelled.is_(False))
            if args.category:
                query = query.where(Guest.category == args.category)
            guests.extend(session.scalars(query.order_by(Guest.number)))
        badges = [badge_data(event, guest) for guest in guests]
    if not badges:
        raise UsageError("no guest matches", hint="see 'kiosk guests'")
    rendered = render_badges(template, badges, title=f"{event.name}: badges")
    target = Path(args.output)
    try:
        target.write_bytes(rendered.pdf)
    except OSError as error:
        raise InputFileError(f"cannot write the PDF: {error.strerror or error}",
                             where=str(target)) from error
    facts = {"file": str(target), "badges": len(badges), "pages": rendered.pages,
             "template": template.key, "missing_characters": sorted(set(rendered.missing))}
    context.emit(facts, f"wrote {target}: {len(badges)} badge(s) on {rendered.pages} page(s), "
                        f"template {template.key}")
    if rendered.missing:
        print("kiosk: warning: no bundled font draws "
              + " ".join(f"U+{ord(c):04X}" for c in sorted(set(rendered.missing))),
              file=sys.stderr)
    return 0


def _job_line(job: JobInfo) -> str:
    who = f"#{job.guest_number} {job.guest_name}" if job.guest_number is not None else "?"
    why = f" — {job.state_reason}" if job.state_reason else ""
    return (f"{job.uid[:8]}  {job.state.value:<9} {who}  on {job.printer}  "
            f"({job.print_reason.value}){why}")


def run_print(context: Context, args: argparse.Namespace) -> int:
    printer = _printer(args)
    queue = _print_queue(context)
    reason = PrintReason(args.reason) if args.reason else None
    jobs = [queue.enqueue(ref, printer=printer, template=args.template, reason=reason,
                          operator=args.operator, note=args.note) for ref in args.guests]
    deadline = time.monotonic() + max(args.wait, 0.0)
    finished = (PrintJobState.DONE, PrintJobState.FAILED, PrintJobState.CANCELLED)
    while True:
        jobs = [queue.process(only=job.uid)[0] if job.state not in finished else job
                for job in jobs]
        if all(j.state in finished for j in jobs) or time.monotonic() >= deadline:
            break
        if any(j.state is PrintJobState.HELD for j in jobs) and args.wait <= 30:
            break  # held: it prints when the printer is back; no point waiting here
        time.sleep(0.5)
    context.emit([j.to_dict() for j in jobs], "\n".join(_job_line(j) for j in jobs))
    if any(j.state is PrintJobState.HELD for j in jobs) and not context.as_json:
        print("kiosk: held badges print when the printer is back "
              "('kiosk print-queue --process', or the kiosk app, sends them)", file=sys.stderr)
    return 1 if any(j.state is PrintJobState.FAILED for j in jobs) else 0


def run_printers(context: Context, args: argparse.Namespace) -> int:
    specs: list[str] = []
    if args.printer:
        specs = [args.printer]
    else:
        cups, _name = resolve("cups:x")
        specs = [f"cups:{name}" for name in cups.printers()]
        if os.environ.get(PRINTER_ENV) and os.environ[PRINTER_ENV] not in specs:
            specs.append(os.environ[PRINTER_ENV])
    rows = []
    for spec in specs:
        backend, name = resolve(spec)
        status = backend.status(name)
        rows.append({"printer": status.printer, "ready": status.is_ready,
                     "problem": status.problem.value, "message": status.message,
                     "words": describe(status)})
    text = "\n".join(f"{r['printer']}: {r['words']}" for r in rows) or (
        f"no printers found (backends: {', '.join(backend_kinds())}); "
        "a folder works too: --printer folder:DIR")
    context.emit(rows, text)
    return 0


def run_queue(context: Context, args: argparse.Namespace) -> int:
    queue = _print_queue(context)
    if args.retry:
        job = queue.retry(args.retry)
        context.emit(job.to_dict(), f"queued again: {_job_line(job)}")
        return 0
    if args.cancel:
        job = queue.cancel(args.cancel)
        context.emit(job.to_dict(), f"cancelled: {_job_line(job)}")
        return 0
    if args.process:
        queue.process()
    jobs = queue.jobs(open_only=args.open)
    context.emit([j.to_dict() for j in jobs],
                 "\n".join(_job_line(j) for j in jobs) or "no print jobs")
    return 0
