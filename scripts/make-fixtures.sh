#!/usr/bin/env bash
# Regenerates the PDF and DOCX parser fixtures from their flat-ODT source with LibreOffice.
# Needs: apt-get install -y --no-install-recommends libreoffice-writer-nogui hyphen-de fonts-liberation2
# The generated files are committed; CI does not run this script.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/documents"
soffice --headless --convert-to pdf dienstanweisung-fuehrerschein.fodt >/dev/null
soffice --headless --convert-to docx dienstanweisung-fuehrerschein.fodt >/dev/null
head -c 600 dienstanweisung-fuehrerschein.pdf > broken.pdf
head -c 900 dienstanweisung-fuehrerschein.docx > truncated.docx
