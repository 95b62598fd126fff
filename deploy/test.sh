#!/usr/bin/env bash
# The whole test suite, with its own set-up: installs what a fresh machine lacks, then runs
# `mvn -B verify`. Only loopback is ever contacted by the tests themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need (browser, PDF tools, database); installed only when missing.
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have mvn || need+=(maven)
have javac || need+=(openjdk-17-jdk-headless)
have pdftotext || need+=(poppler-utils)   # pdftotext, pdfsig, pdftoppm: the minutes are checked with them
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)   # the tests start their own cluster under target/
# the browser tests (server/src/test/java/vn/phonghop/server/e2e) drive the system's Chromium
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  need+=(chromium chromium-driver)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

exec mvn -B verify "$@"
