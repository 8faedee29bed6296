#!/usr/bin/env bash
# bench/run.sh: measure hygiene on a corpus of at least 100 MB.
#
# Builds the corpus (bench/mkcorpus: copies of the WCXB development pages and
# truth texts, CC-BY-4.0, and the seeds, as plain files and as JSON Lines),
# then prints MB/s of article text for `cat`, lint and fix with -j 1 and with
# every core, the peak RSS of each run, and the wall time of linting one
# article including process start.
#
# Settings (environment): BENCH_MB (corpus size, default 100), BENCH_DIR
# (work directory, kept between runs so the corpus is built once; default a
# fresh temporary directory), HYGIENE_BIN (a built binary to measure instead
# of building this checkout), HYGIENE_DATA (the shared data directory,
# default ../shared/data), BENCH_JOBS (worker counts, default "1 <cores>").
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${BENCH_MB:-100}
work=${BENCH_DIR:-$(mktemp -d)}
data=${HYGIENE_DATA:-../shared/data}
cores=$(nproc)
jobs=${BENCH_JOBS:-"1 $cores"}
mkdir -p "$work"

if [ ! -d "$data/wcxb-dev/pages" ]; then
	echo "bench: $data/wcxb-dev not found (set HYGIENE_DATA)" >&2
	exit 2
fi

bin=${HYGIENE_BIN:-}
if [ -z "$bin" ]; then
	bin=$work/hygiene
	go build -o "$bin" ./cmd/hygiene
fi
corpus=$work/corpus-$mb
if [ ! -d "$corpus/plain" ]; then
	go run ./bench/mkcorpus -out "$corpus" -mb "$mb" \
		"$data/wcxb-dev/pages" "$data/wcxb-dev/truth" testdata/seeds
fi

# Article text bytes: the plain files' sizes (the JSON Lines files hold the
# same texts, escaped, plus ids).
text_bytes=$(find "$corpus/plain" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
jsonl_bytes=$(find "$corpus/jsonl" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus/plain" -type f | wc -l)

have_time=0
[ -x /usr/bin/time ] && have_time=1

# measure LABEL CMD...: runs CMD once, prints wall time, MB/s of article
# text and peak RSS. Exit codes 0 and 1 (findings) are success.
measure() {
	local label=$1
	shift
	local out=$work/run.out err=$work/run.err tf=$work/run.time status=0
	if [ $have_time = 1 ]; then
		/usr/bin/time -f '%e %M %U' -o "$tf" "$@" >"$out" 2>"$err" || status=$?
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >"$out" 2>"$err" || status=$?
		t1=$(date +%s.%N)
		echo "$(echo "$t1 - $t0" | bc) 0 0" >"$tf"
	fi
	if [ $status -gt 1 ]; then
		echo "bench: $label failed (exit $status):" >&2
		tail -5 "$err" >&2
	fi
	local secs rss user
	secs=$(tail -1 "$tf" | cut -d' ' -f1)
	rss=$(tail -1 "$tf" | cut -d' ' -f2)
	user=$(tail -1 "$tf" | cut -d' ' -f3)
	# MB/s per CPU second (user time) does not depend on what else the
	# machine runs, unlike the wall-time MB/s.
	awk -v l="$label" -v s="$secs" -v b="$text_bytes" -v r="$rss" -v u="$user" 'BEGIN {
		if (s <= 0) s = 0.01
		if (u <= 0) u = 0.01
		printf "%-28s %8.2f s %9.1f MB/s %8.1f MB RSS %8.2f s user %9.1f MB/s per CPU s\n", l, s, b / s / 1e6, r / 1024, u, b / u / 1e6
	}'
}

echo "corpus: $corpus ($files articles, $(awk -v b="$text_bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of text; JSON Lines $(awk -v b="$jsonl_bytes" 'BEGIN{printf "%.1f", b/1e6}') MB)"
echo "machine: $cores cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(go version | cut -d' ' -f3)"
echo

measure "cat plain" sh -c "find '$corpus/plain' -type f -exec cat {} + >/dev/null"
measure "cat jsonl" sh -c "cat '$corpus'/jsonl/*.jsonl >/dev/null"
for j in $jobs; do
	measure "lint plain -j $j" "$bin" lint -q -j "$j" --format json "$corpus/plain"
	measure "lint jsonl -j $j" "$bin" lint -q -j "$j" --format json "$corpus/jsonl"
done
# --per-document: one pass, no corpus rules; the mode whose peak RSS is
# promised flat (<= 100 MB on 1 GB: BENCH_MB=1000).
for j in $jobs; do
	measure "lint plain -j $j per-doc" "$bin" lint -q -j "$j" --per-document --format json "$corpus/plain"
	measure "lint jsonl -j $j per-doc" "$bin" lint -q -j "$j" --per-document --format json "$corpus/jsonl"
done
if "$bin" fix --help >/dev/null 2>&1; then
	for j in $jobs; do
		rm -rf "$work/fixed"
		measure "fix plain -j $j" "$bin" fix -q -j "$j" --out "$work/fixed" "$corpus/plain"
		rm -rf "$work/fixed"
		measure "fix jsonl -j $j" "$bin" fix -q -j "$j" --out "$work/fixed" "$corpus/jsonl"
	done
	rm -rf "$work/fixed"
else
	echo "fix: not available in this build"
fi

# One article, process start included: the pre-commit case.
one=$(find "$corpus/plain" -type f -name '*.txt' -print -quit)
runs=20
t0=$(date +%s%N)
for _ in $(seq $runs); do "$bin" lint -q "$one" >/dev/null || true; done
t1=$(date +%s%N)
echo
echo "single article ($(wc -c <"$one") bytes): $(( (t1 - t0) / runs / 1000000 )) ms wall per run, mean of $runs"
