#!/usr/bin/env bash
# Sets Gongwen up on a fresh Debian machine and runs the main job on the built-in examples:
# the seed notices of examples/notices/ as DOCX packets and PDF, and every form template
# rendered blank and filled (with examples/forms/) as XLSX and DOCX, and the five seed drafts of
# examples/drafts/ read into notice JSON (001's text lost its date, which is given), all into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product gongwen
bin="$(swift build -c release --show-bin-path)/gongwen"

"$bin" templates
"$bin" templates --json | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    print(t["id"], t["form"])
' | while read -r id form; do
  for format in xlsx docx; do
    "$bin" render "$id" --format "$format" --out output
    "$bin" render "$id" "examples/forms/$form.json" --format "$format" --out output 2>/dev/null
  done
done
for notice in examples/notices/*.json; do
  "$bin" notice "$notice" --out output --pdf
done
for draft in examples/drafts/*.txt; do
  name="$(basename "$draft" .txt)"
  date=()
  if [ "$name" = 001 ]; then date=(--date 2020-07-17); fi
  "$bin" notice import "$draft" --out "output/drafts/$name.json" "${date[@]}" 2>/dev/null
done
echo "Done: the notices, forms and imported drafts are in output/."
