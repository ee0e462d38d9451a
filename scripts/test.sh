#!/usr/bin/env bash
# Runs every test: the Swift tests (XML of every part asserted), then the independent
# end-to-end checks (openpyxl, python-docx, LibreOffice and poppler read what the built
# binary writes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-readers
swift build
swift test
bin="$(swift build --show-bin-path)/gongwen"
status=0
python3 Tests/independent/check_forms.py --gongwen "$bin" || status=1
python3 Tests/independent/check_notices.py --gongwen "$bin" || status=1
python3 Tests/independent/check_collect.py --gongwen "$bin" || status=1
python3 Tests/independent/check_batch.py --gongwen "$bin" || status=1
python3 Tests/independent/check_kinds.py --gongwen "$bin" || status=1
python3 Tests/independent/check_web.py --gongwen "$bin" || status=1
python3 Tests/independent/check_service.py --gongwen "$bin" || status=1
exit $status
