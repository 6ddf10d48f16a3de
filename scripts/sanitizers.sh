#!/usr/bin/env bash
# Runs the whole test suite under the address sanitizer and then the thread sanitizer, each in its
# own scratch path (the instrumented builds cannot share one). The CLI tests run the sanitized tsf.
#
#   scripts/sanitizers.sh [address|thread]...     (default: both)
#
# TSan matters most for the trainer's threads and DispatchQueue.concurrentPerform in backtests;
# ASan for the CSV reader's buffers and the safetensors parser.
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("${@:-address thread}")
kinds=(${kinds[@]})
status=0
for kind in "${kinds[@]}"; do
    scratch=".build-${kind}-sanitizer"
    echo "== $kind sanitizer (scratch path $scratch)"
    swift build --build-tests --sanitize="$kind" --scratch-path "$scratch"
    # Leak reports are off: the Swift runtime's caches and metadata live until exit by design.
    # A failing test, or any sanitizer report, fails the script; the full log stays in the scratch path.
    # TSF_SANITIZER lets a test that would need too much shadow memory stand aside.
    if ! TSF_SANITIZER="$kind" ASAN_OPTIONS="detect_leaks=0" TSAN_OPTIONS="second_deadlock_stack=1" \
        swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" > "$scratch/sanitizer-test.log" 2>&1; then
        status=1
    fi
    tail -n 5 "$scratch/sanitizer-test.log"
    if grep -E "(Address|Thread)Sanitizer" "$scratch/sanitizer-test.log" | head -n 20; then status=1; fi
done
exit $status
