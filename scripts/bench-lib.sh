# Helpers the timing scripts share: `source "$(dirname "$0")/bench-lib.sh"`.

# SESSION_NICE=-19 reruns the calling script in a session of its own with that priority: the kernel
# shares the CPUs between sessions (autogroups), so on a busy machine this is the only way two threads
# get two cores. It takes the machine from everyone else while it runs; needs root.
# Call as: bench_own_session "$0" "$@"
bench_own_session() {
    if [[ -n "${SESSION_NICE:-}" && -z "${BENCH_OWN_SESSION:-}" ]]; then
        export BENCH_OWN_SESSION=1
        exec setsid bash -c 'echo "$1" > /proc/self/autogroup && shift && exec "$@"' bench "$SESSION_NICE" "$@"
    fi
}

# The median of the numbers on standard input, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Runs a command with its output in $work/out and $work/err (the caller makes $work); prints
# "wall cpu" in seconds.
timed() {
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err"
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time"
}
