#!/usr/bin/env python3
"""Re-verify a saqme audit export (CSV or JSON) with the Python standard library alone.

    python3 verify-export.py case-history.csv

For every event: SHA-256(prev_hash || canonical) must equal hash, and where two exported events
are consecutive in the log (seq, seq+1) the second's prev_hash must be the first's hash. Versions
must run 1, 2, 3, ... so no event of the case was left out. Exit 0 when intact, 1 otherwise.
`canonical` is the exact bytes the hash covers; `capnp decode saqme.capnp Event` reads them
(see docs/audit.md). Checking the readable columns against them: saqme verify-export.
"""
import csv, hashlib, json, sys

def rows(path):
    text = open(path, encoding="utf-8-sig", newline="").read()
    if text.lstrip().startswith("{"):
        return [dict(e, seq=str(e["seq"]), version=str(e["version"])) for e in json.loads(text)["events"]]
    return list(csv.DictReader(text.splitlines(keepends=True)))

def main(path):
    events = rows(path)
    previous = None
    for number, event in enumerate(events, start=1):
        body = bytes.fromhex(event["canonical"])
        if hashlib.sha256(bytes.fromhex(event["prev_hash"]) + body).hexdigest() != event["hash"]:
            return f"event {event['seq']}: the hash does not match prev_hash and canonical"
        if event["version"] != str(number):
            return f"event {event['seq']}: version {event['version']}, expected {number}"
        if previous and int(event["seq"]) == int(previous["seq"]) + 1 \
                and event["prev_hash"] != previous["hash"]:
            return f"event {event['seq']}: prev_hash is not the hash of event {previous['seq']}"
        previous = event
    if not events:
        return "no events"
    print(f"ok: {len(events)} events, last hash {events[-1]['hash']}")
    return None

if __name__ == "__main__":
    problem = main(sys.argv[1])
    if problem:
        print("FAILED:", problem)
        sys.exit(1)
