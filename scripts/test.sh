#!/usr/bin/env bash
# Runs every test: the Swift tests (XML of every part asserted), node's parse of the web
# page's script, then the independent end-to-end checks (openpyxl, python-docx, LibreOffice,
# poppler and Chromium read what the built binary writes and serves; openxml-audit validates it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-readers
swift build
swift test
# The page's script reaches no compiler: a parser reads it here, so a syntax error fails the run.
node --check Sources/GongwenService/Web/Resources/app.js
node --check Sources/GongwenService/Web/Resources/import.js
node --check Sources/GongwenService/Web/Resources/notice.js
node --check Sources/GongwenService/Web/Resources/batch.js
bin="$(swift build --show-bin-path)/gongwen"
status=0
python3 Tests/independent/check_forms.py --gongwen "$bin" || status=1
python3 Tests/independent/check_notices.py --gongwen "$bin" || status=1
python3 Tests/independent/check_pdf_pool.py --gongwen "$bin" || status=1
python3 Tests/independent/audit_gbt9704.py --gongwen "$bin" || status=1
python3 Tests/independent/check_page_numbers.py --gongwen "$bin" || status=1
python3 Tests/independent/check_glyphs.py --gongwen "$bin" || status=1
python3 Tests/independent/check_collect.py --gongwen "$bin" || status=1
python3 Tests/independent/check_returned_files.py --gongwen "$bin" || status=1
python3 Tests/independent/check_batch.py --gongwen "$bin" || status=1
python3 Tests/independent/check_shard.py --gongwen "$bin" || status=1
python3 Tests/independent/check_forms_pdf.py --gongwen "$bin" || status=1
python3 Tests/independent/check_kinds.py --gongwen "$bin" || status=1
python3 Tests/independent/check_import.py --gongwen "$bin" || status=1
python3 Tests/independent/check_notice_import.py --gongwen "$bin" || status=1
python3 Tests/independent/check_codepoints.py --gongwen "$bin" || status=1
python3 Tests/independent/check_json_input.py --gongwen "$bin" || status=1
python3 Tests/independent/check_cells_theme.py --gongwen "$bin" || status=1
python3 Tests/independent/check_web.py --gongwen "$bin" || status=1
python3 Tests/independent/check_web_notice.py --gongwen "$bin" || status=1
python3 Tests/independent/check_web_batch.py --gongwen "$bin" || status=1
python3 Tests/independent/check_service.py --gongwen "$bin" || status=1
python3 Tests/independent/check_service_limits.py --gongwen "$bin" || status=1
python3 Tests/independent/check_serve_pdf.py --gongwen "$bin" || status=1
python3 Tests/independent/fuzz_forms.py --gongwen "$bin" || status=1
exit $status
