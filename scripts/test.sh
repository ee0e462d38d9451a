#!/usr/bin/env bash
# Runs every test: the Swift tests (XML of every part asserted), then the independent
# end-to-end checks (openpyxl, python-docx and LibreOffice read what the built binary writes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-readers
swift build
swift test
python3 Tests/independent/check_forms.py --gongwen "$(swift build --show-bin-path)/gongwen"
