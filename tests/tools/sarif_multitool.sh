#!/usr/bin/env bash
# Validate scr-checks' SARIF with Microsoft's SARIF Multitool, which applies
# GitHub's ingestion rules offline ("Gh") besides the spec's ("Sarif").
#
# Usage: tests/tools/sarif_multitool.sh [REPORT...]
# Without arguments it checks every report in fixtures/reports/ (each format
# of fixtures/reports/same/ included), one SARIF file per report and one for
# all of them together.  It fails on any error the Multitool reports.
#
# The Multitool (npm @microsoft/sarif-multitool, MIT, about 100 MB) is
# installed once into $SARIF_MULTITOOL_HOME (default: a folder in the user's
# cache).  npm 11 skips the package's postinstall step that sets the run bit
# on its native binary, so this script sets it.  Needs node and npm, and
# scr-checks on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
home="${SARIF_MULTITOOL_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/scr-checks/sarif-multitool-$version}"
case "$(uname -s)" in
    Linux) platform=linux ;;
    Darwin) platform=darwin ;;
    *) platform=win32 ;;
esac
tool="$home/node_modules/@microsoft/sarif-multitool-$platform/Sarif.Multitool"
[ "$platform" = win32 ] && tool="$tool.exe"

if [ ! -e "$tool" ]; then
    command -v npm >/dev/null || { echo "sarif_multitool: npm is needed" >&2; exit 2; }
    mkdir -p "$home"
    npm install --prefix "$home" --no-audit --no-fund --loglevel=error \
        "@microsoft/sarif-multitool@$version"
fi
chmod u+x "$tool"

if [ "$#" -gt 0 ]; then
    reports=("$@")
else
    reports=()
    while IFS= read -r -d '' file; do reports+=("$file"); done < <(
        find fixtures/reports -type f \( -name '*.rst' -o -name '*.md' -o -name '*.html' \
            -o -name '*.txt' -o -name '*.docx' -o -name '*.pdf' \) -print0 | sort -z)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
validate() {  # validate SARIF-FILE NAME: print the Multitool's findings, fail on errors
    local sarif="$1" out="$work/validation.sarif"
    if ! "$tool" validate "$sarif" --rule-kind "Gh;Sarif" --output "$out" \
            --log ForceOverwrite >"$work/validate.log" 2>&1; then
        echo "FAIL $sarif: the Multitool exited with an error" >&2
        cat "$work/validate.log" >&2
        status=1
        return
    fi
    python3 - "$out" "$2" <<'EOF' || status=1
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
failed = False
for run in log["runs"]:
    rules = {rule["id"]: rule for rule in run["tool"]["driver"].get("rules", [])}
    for r in run.get("results", []):
        level = r.get("level", "warning")
        failed |= level == "error"
        message = r["message"]
        text = message.get("text") or rules[r["ruleId"]]["messageStrings"][message["id"]]["text"]
        for i, argument in enumerate(message.get("arguments", [])):
            text = text.replace("{%d}" % i, argument)
        print(f"{level:7} {r['ruleId']} {sys.argv[2]}: {text[:200]}")
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []):
            failed |= n.get("level") == "error"
            print(f"{n.get('level', 'warning'):7} (multitool) {sys.argv[2]}: {n['message']['text']}")
print(f"{'FAIL' if failed else 'ok':7} {sys.argv[2]}")
sys.exit(1 if failed else 0)
EOF
}

for report in "${reports[@]}"; do
    sarif="$work/$(echo "$report" | tr '/.' '__').sarif"
    scr-checks check "$report" --format json -o "$work/out.json" --sarif "$sarif" || [ "$?" -eq 1 ]
    validate "$sarif" "$report"
done
scr-checks check "${reports[@]}" --format json -o "$work/out.json" --sarif "$work/all.sarif" \
    || [ "$?" -eq 1 ]
validate "$work/all.sarif" "all reports together"
exit "$status"
