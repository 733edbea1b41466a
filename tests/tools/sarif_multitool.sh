#!/usr/bin/env bash
# Validate scr-checks' SARIF with Microsoft's SARIF Multitool, which applies
# the ingestion rules of GitHub ("Gh", "Ghas") and of GitHub Advanced Security
# for Azure DevOps ("Ado") offline, besides the spec's ("Sarif").
#
# Usage: tests/tools/sarif_multitool.sh [REPORT...]
# Without arguments it checks every report in fixtures/reports/ (each format
# of fixtures/reports/same/ included), one SARIF file per report, one for all
# of them together, and one run with an input that cannot be read and a
# [severity] override (notifications and ruleConfigurationOverrides).
# Every file is written twice and validated once each way:
#   - as anywhere else, with --rule-kind "Sarif;Gh;Ghas";
#   - as in Azure Pipelines (TF_BUILD and the pipeline's variables set to
#     example values), with --rule-kind "Sarif;Gh;Ghas;Ado": the Ado rules
#     need the pipeline's identity, which a run outside a pipeline has not.
# It fails on any error or warning the Multitool reports.
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
mkdir "$work/plain" "$work/pipeline"
printf '[severity]\nSCR701 = "note"\n' >"$work/severity.toml"

# Example values of Azure Pipelines' predefined variables (not a real pipeline).
pipeline=(TF_BUILD=True SYSTEM_COLLECTIONURI=https://dev.azure.com/example-org/
    SYSTEM_TEAMPROJECTID=6f1c8a52-2f7e-4c1d-9a53-0b9e1f3d2a10 BUILD_DEFINITIONID=12
    BUILD_DEFINITIONNAME=check-reports BUILD_BUILDID=345
    SYSTEM_PHASEID=0c7b1f7e-5a2d-4e8b-8f1a-3d2c4b5a6e70 SYSTEM_PHASENAME=check
    BUILD_SOURCEBRANCH=refs/heads/main)

sarif() {  # sarif NAME SCR-CHECKS-ARGS...: write NAME.sarif both ways
    local name="$1"
    shift
    for where in plain pipeline; do
        local env=(env -u TF_BUILD)
        [ "$where" = pipeline ] && env=(env "${pipeline[@]}")
        "${env[@]}" scr-checks check "$@" --format json -o "$work/out.json" \
            --sarif "$work/$where/$name.sarif" || [ "$?" -le 2 ]
        [ -s "$work/$where/$name.sarif" ] || { echo "FAIL $name: no SARIF written" >&2; exit 1; }
    done
}

for report in "${reports[@]}"; do
    sarif "$(echo "$report" | tr '/.' '__')" "$report"
done
sarif all-reports "${reports[@]}"
sarif errors-and-overrides "${reports[0]}" "$work/no-such-report.rst" \
    --config "$work/severity.toml"

status=0
validate() {  # validate FOLDER RULE-KINDS: print the Multitool's findings, fail on any
    local out="$work/validation-$1.sarif"
    if ! "$tool" validate "$work/$1"/*.sarif --rule-kind "$2" --output "$out" \
            --log ForceOverwrite >"$work/validate.log" 2>&1; then
        echo "FAIL $1: the Multitool exited with an error" >&2
        cat "$work/validate.log" >&2
        status=1
        return
    fi
    python3 - "$out" "$1 ($2)" "$work/$1"/*.sarif <<'EOF' || status=1
import json, sys
from pathlib import Path
log = json.load(open(sys.argv[1], encoding="utf-8"))
failed = False
for run in log["runs"]:
    rules = {rule["id"]: rule for rule in run["tool"]["driver"].get("rules", [])}
    for r in run.get("results", []):
        level = r.get("level", "warning")
        failed |= level in ("error", "warning")
        message = r["message"]
        text = message.get("text") or rules[r["ruleId"]]["messageStrings"][message["id"]]["text"]
        for i, argument in enumerate(message.get("arguments", [])):
            text = text.replace("{%d}" % i, argument)
        where = Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).stem
        print(f"{level:7} {r['ruleId']} {where}: {text[:200]}")
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []):
            failed |= n.get("level") == "error"
            print(f"{n.get('level', 'warning'):7} (multitool): {n['message']['text']}")
print(f"{'FAIL' if failed else 'ok':7} {sys.argv[2]}: {len(sys.argv) - 3} SARIF files")
sys.exit(1 if failed else 0)
EOF
}

validate plain "Sarif;Gh;Ghas"
validate pipeline "Sarif;Gh;Ghas;Ado"
exit "$status"
