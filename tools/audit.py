"""Audit the locked packages with pip-audit and say how much was audited.

pip-audit's own summary says "No known vulnerabilities found" also when it
could look up none of the packages (a registry mirror without PyPI's
per-release JSON, no route to OSV). This prints how many packages were really
audited, fails on any known vulnerability, and with ``--strict`` also when a
package could not be looked up.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements-dev.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail on skipped ones")
    args = parser.parse_args()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(LOCK),
            "--require-hashes",
            "--disable-pip",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(result.stderr)
        print("pip-audit gave no report", file=sys.stderr)
        return 2
    packages = report["dependencies"]
    skipped = [package for package in packages if "skip_reason" in package]
    findings = [
        (package["name"], package["version"], vuln["id"], vuln.get("fix_versions"))
        for package in packages
        for vuln in package.get("vulns", [])
    ]
    for name, version, vuln_id, fixes in findings:
        print(f"VULNERABLE {name} {version}: {vuln_id} (fixed in {fixes or '?'})")
    print(
        f"pip-audit: {len(packages) - len(skipped)} of {len(packages)} locked "
        f"packages audited, {len(findings)} known vulnerabilities"
    )
    if skipped:
        print(f"not audited ({skipped[0]['skip_reason']}): {len(skipped)}")
    if findings:
        return 1
    return 1 if args.strict and skipped else 0


if __name__ == "__main__":
    sys.exit(main())
