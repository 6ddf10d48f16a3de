#!/usr/bin/env bash
# The whole test suite, exactly what CI runs: installs what is missing, builds, runs every example
# (so none can rot), then every test target.
#   1. scripts/examples.sh  the command-line scripts of examples/cli and the EmbeddedForecaster package
#   2. scripts/demos.sh     examples/CharacterRNN and examples/VanishingGradients, in release mode
#   3. swift test           every test target (Swift Testing)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
bash scripts/examples.sh
bash scripts/demos.sh
swift test --skip-build
