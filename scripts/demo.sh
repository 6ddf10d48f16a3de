#!/usr/bin/env bash
# The main job on a bundled dataset: installs what is missing, builds tsf in release mode,
# and inspects a shipped share-price file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product tsf
.build/release/tsf inspect datasets/aapl_daily.csv
