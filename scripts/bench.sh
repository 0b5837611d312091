#!/usr/bin/env bash
# Build-speed figures: the shipped site, and a large site made of copies of its guides.
# Usage: scripts/bench.sh [copies per guide, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -cp "target/classes:target/test-classes:$cp" dev.guidegen.bench.BuildBenchmark "$@"
