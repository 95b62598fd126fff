#!/usr/bin/env bash
# One node on its embedded defaults (H2 under ./data, port 8080), built if the jar is missing.
# Every setting is an environment variable (see the README's Configuration table).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/phonghop-server.jar
[ -f "$jar" ] || mvn -B -q install -DskipTests
exec java ${JAVA_OPTS:-} -jar "$jar"
