#!/usr/bin/env bash
# Benchmark (not a test): packages the app, starts it on an embedded PostgreSQL with production-style environment
# variables, and prints each figure beside a baseline measured in the same run. See bench/RESULTS.md.
#
#   bash bench/run.sh                      the performance benchmark (PerformanceBenchmark): the image (built here
#                                          when run as root) under wrk on every read path, each warmed until two
#                                          rounds agree within 5 %, beside a reference app (bench/reference-app) and
#                                          pgbench; the token cache on and off; HR sync batches; start-to-ready of
#                                          the image with and without its AOT cache and of the jar on JDK 17; peak
#                                          RSS; at 1x and 10x Trust size, each on a fresh database
#   bash bench/run.sh performance [1|10]   the same; with a size, only that one (e.g. 1 for quick iteration)
#   bash bench/run.sh api                  the earlier closed-loop Java client benchmark (Benchmark)
#   bash bench/run.sh events               the events and webhooks benchmark
#   bash bench/run.sh reminders            the reminder-run and mail benchmark
#   bash bench/run.sh concerns             the evidence-upload benchmark
#   bash bench/run.sh data-protection      the disposal and subject-access benchmark
#
# The performance benchmark needs wrk (installed here with apt-get when missing) and pgbench
# (/usr/lib/postgresql/15/bin/pgbench or on PATH). Maven options go in MAVEN_ARGS, e.g. MAVEN_ARGS=-o for offline.
set -euo pipefail
BENCH_MAIN=PerformanceBenchmark
BENCH_ARGS=""
case "${1:-performance}" in
  performance) BENCH_ARGS="${*:2}" ;;
  api) BENCH_MAIN=Benchmark ;;
  events) BENCH_MAIN=EventsBenchmark ;;
  reminders) BENCH_MAIN=RemindersBenchmark ;;
  concerns) BENCH_MAIN=ConcernsBenchmark ;;
  data-protection) BENCH_MAIN=DataProtectionBenchmark ;;
  *) echo "usage: bash bench/run.sh [performance [1|10]|api|events|reminders|concerns|data-protection]" >&2; exit 2 ;;
esac
if [ "$BENCH_MAIN" = PerformanceBenchmark ]; then
  if ! command -v wrk >/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk
  fi
  if [ ! -x /usr/lib/postgresql/15/bin/pgbench ] && ! command -v pgbench >/dev/null; then
    echo "pgbench not found (apt-get install postgresql-client-15 or postgresql-contrib)" >&2
    exit 1
  fi
fi
cd "$(dirname "$0")/.."
if [ "$BENCH_MAIN" = PerformanceBenchmark ] && [ "$(id -u)" -eq 0 ]; then
  # what is shipped is measured: the image (target/image/rootfs, run from its root filesystem as uid 1001) beside
  # its jar on this JDK; building it needs root (ADR 0030)
  ./mvnw -B -q package -Pimage -DskipTests
else
  ./mvnw -B -q package -DskipTests
fi
# the stack's floor: a minimal app with the same Quarkus, OIDC setup and one JDBC point query (bench/reference-app)
./mvnw -B -q -f bench/reference-app/pom.xml package -DskipTests
./mvnw -B -q test-compile exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=org.schooltrust.smp.bench.${BENCH_MAIN} \
  -Dexec.args="${BENCH_ARGS}" \
  -Dexec.cleanupDaemonThreads=false
