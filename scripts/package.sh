#!/usr/bin/env bash
# Builds dist/tsf-VERSION-linux-x86_64.tar.gz: a release tsf with the Swift runtime linked in
# (--static-swift-stdlib), its man page, completion scripts for bash, zsh and fish, and a README
# naming the only system libraries it needs (libcsv, and OpenBLAS, which tsf opens when it starts
# training). Then checks the package as a user would get it: unpacked in a folder outside the build
# tree, run with an empty LD_LIBRARY_PATH and no Swift toolchain on the PATH, `ldd` shows no Swift
# library, and a forecast, a backtest and `tsf --version` work. Exits non-zero if any check fails.
#
# Environment: SCRATCH (build folder, default .build-package).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

scratch="${SCRATCH:-.build-package}"
version=$(sed -n 's/.*static let number = "\(.*\)"/\1/p' Sources/Forecasting/ForecastingVersion.swift)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit="$commit+changes"; fi

# The commit goes into the binary through BuildInfo.swift, restored whatever happens.
build_info="$PWD/Sources/tsf/BuildInfo.swift"
saved="$(mktemp)"
cp "$build_info" "$saved"
trap 'cp "$saved" "$build_info"; rm -f "$saved"' EXIT
sed -i "s/static let commit: String? = nil/static let commit: String? = \"$commit\"/" "$build_info"
swift build -c release --product tsf --static-swift-stdlib --scratch-path "$scratch"
cp "$saved" "$build_info"
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
# The man page comes from swift-argument-parser's own generator, built from its checkout.
parser="$scratch/checkouts/swift-argument-parser"
swift build -c release --package-path "$parser" --product generate-manual --scratch-path "$scratch/argument-parser"
manual="$(swift build -c release --package-path "$parser" --scratch-path "$scratch/argument-parser" --show-bin-path)/generate-manual"

name="tsf-$version-linux-x86_64"
stage="dist/$name"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$bin/tsf" "$stage/bin/tsf"
strip "$stage/bin/tsf" 2>/dev/null || true
"$manual" "$stage/bin/tsf" --output-directory "$stage/share/man/man1"
"$stage/bin/tsf" --generate-completion-script bash > "$stage/share/bash-completion/completions/tsf"
"$stage/bin/tsf" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_tsf"
"$stage/bin/tsf" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/tsf.fish"
cat > "$stage/README.txt" <<EOF
tsf $version (commit $commit): time-series forecasting from CSV files.

bin/tsf is one binary with the Swift runtime inside. It needs two system libraries:
  - libcsv     (Debian/Ubuntu: apt-get install libcsv3)
  - OpenBLAS   (Debian/Ubuntu: apt-get install libopenblas0), opened when a model first trains
Put bin/ on your PATH, or copy bin/tsf to a folder on it.

Manual: man -l share/man/man1/tsf.1
Completions: source share/bash-completion/completions/tsf (bash); put share/zsh/site-functions/_tsf
on your fpath (zsh); copy share/fish/vendor_completions.d/tsf.fish to ~/.config/fish/completions (fish).
EOF
tar -czf "dist/$name.tar.gz" -C dist "$name"
echo "Packaged dist/$name.tar.gz" >&2

# The package as a user gets it: outside the build tree, no toolchain, no library path.
check="$(mktemp -d)"
trap 'cd /; cp "$saved" "$build_info"; rm -f "$saved"; rm -rf "$check"' EXIT
tar -xzf "dist/$name.tar.gz" -C "$check"
cp datasets/airpassengers_monthly.csv "$check/"
cd "$check"
run() { env -i HOME="$check" PATH=/usr/bin:/bin LD_LIBRARY_PATH= "./$name/bin/tsf" "$@"; }
if ldd "./$name/bin/tsf" | grep -i swift; then
    echo "The packaged tsf loads a Swift library from the toolchain (above)." >&2
    exit 1
fi
run --version
run forecast airpassengers_monthly.csv --column Passengers --horizon 3 --epochs 3 > forecast.txt
test "$(wc -l < forecast.txt)" -eq 4
run backtest airpassengers_monthly.csv --column Passengers --folds 2 --epochs 2 --baselines naive > backtest.txt
grep -q "^naive" backtest.txt
test -s "$name/share/man/man1/tsf.1"
echo "The package runs outside the build tree with no Swift library from the toolchain." >&2
exit 0
