#!/usr/bin/env bash
# Installs the C libraries the package links against, when they are missing:
# libcsv (CSV parsing) and, on Linux, OpenBLAS (matrix products).
# Debian/Ubuntu: apt-get, as root or through sudo. macOS: prints the Homebrew command.
set -euo pipefail

case "$(uname -s)" in
Darwin)
    missing=()
    [ -f "$(brew --prefix 2>/dev/null)/include/csv.h" ] || missing+=(libcsv)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Forecasting needs Homebrew's ${missing[*]}: run  brew install ${missing[*]}  and try again." >&2
        echo "(On macOS, BLAS comes from Accelerate; nothing else is needed.)" >&2
        exit 1
    fi
    ;;
Linux)
    missing=()
    dpkg -s libcsv-dev >/dev/null 2>&1 || missing+=(libcsv-dev)
    dpkg -s libopenblas-dev >/dev/null 2>&1 || missing+=(libopenblas-dev)
    if [ ${#missing[@]} -gt 0 ]; then
        if ! command -v apt-get >/dev/null 2>&1; then
            echo "Forecasting needs the packages ${missing[*]} (libcsv and OpenBLAS with CBLAS headers);" >&2
            echo "install them with your system's package manager and try again." >&2
            exit 1
        fi
        if [ "$(id -u)" -eq 0 ]; then
            sudo=()
        elif command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "Installing ${missing[*]} needs root: run  apt-get install ${missing[*]}  as root and try again." >&2
            exit 1
        fi
        echo "Installing ${missing[*]} with apt-get..." >&2
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
    fi
    ;;
*)
    echo "Unsupported system $(uname -s): install libcsv and a CBLAS (OpenBLAS) by hand." >&2
    ;;
esac
