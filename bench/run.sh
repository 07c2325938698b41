#!/usr/bin/env bash
# Benchmark (not a test): packages the app, starts it on an embedded PostgreSQL with production-style environment
# variables, and prints each figure beside a baseline measured in the same run. See bench/RESULTS.md.
# `bash bench/run.sh events` runs the events and webhooks benchmark instead.
set -euo pipefail
# `bash bench/run.sh reminders` runs the reminder-run and mail benchmark.
if [ "${1:-}" = events ]; then BENCH_MAIN=EventsBenchmark; fi
if [ "${1:-}" = reminders ]; then BENCH_MAIN=RemindersBenchmark; fi
# `bash bench/run.sh concerns` runs the evidence-upload benchmark.
if [ "${1:-}" = concerns ]; then BENCH_MAIN=ConcernsBenchmark; fi
# `bash bench/run.sh data-protection` runs the disposal and subject-access benchmark.
if [ "${1:-}" = data-protection ]; then BENCH_MAIN=DataProtectionBenchmark; fi
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=org.schooltrust.smp.bench.${BENCH_MAIN:-Benchmark} \
  -Dexec.cleanupDaemonThreads=false
