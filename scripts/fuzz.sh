#!/usr/bin/env bash
# The libFuzzer targets of fuzz/ (docs/reliability.md, "Fuzzing"), in their own clang tree
# build-fuzz/ (ASan + UBSan; the server's build/ is untouched).
#   --smoke        build, then ctest runs each target SAQME_FUZZ_SECONDS (5) s over its corpus
#   --long [T...]  build, then each target (or those named: command_json, command_capnp,
#                  http_target, as_of, org_file) for 10 minutes or 10 million inputs, two at a
#                  time; logs in build-fuzz/fuzz/long-<target>.log, new inputs in
#                  build-fuzz/fuzz/work/<target>/, crashes in build-fuzz/fuzz/artifacts/
#   --merge [T...] minimise each corpus (-merge=1) from itself and its work directory; the
#                  inputs that once crashed (fuzz/corpus/<target>/crash-*) are always kept
#   --seed         rewrite fuzz/corpus/command_capnp/ from fuzz/corpus/command_json/
# FUZZ_SECONDS and FUZZ_RUNS change --long's bounds (600 s, 10 000 000 inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
all=(command_json command_capnp http_target as_of org_file case_snapshot)

build() {
  command -v clang++ > /dev/null || ./scripts/deps.sh
  local launcher=()
  command -v ccache > /dev/null &&
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  mkdir -p build-fuzz
  cmake -S . -B build-fuzz -DSAQME_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" \
    "${launcher[@]}" > build-fuzz/configure.log 2>&1 || { cat build-fuzz/configure.log; exit 1; }
  cmake --build build-fuzz -j2
}

dict_of() { [ -f "fuzz/$1.dict" ] && echo "-dict=fuzz/$1.dict" || true; }
# Seeds read beside the corpus, never written: the demonstration org files (50-100 KB each,
# too large to keep copies of in the corpus, which holds inputs of at most 16 KB).
seeds_of() { [ "$1" = org_file ] && echo data/org || true; }

long_one() {
  local t=$1 out=build-fuzz/fuzz
  mkdir -p "$out/work/$t" "$out/artifacts"
  echo "fuzz: $t for ${FUZZ_SECONDS:-600} s or ${FUZZ_RUNS:-10000000} inputs"
  # shellcheck disable=SC2046
  nice -n 10 "$out/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-600}" -runs="${FUZZ_RUNS:-10000000}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $(dict_of "$t") \
    -artifact_prefix="$out/artifacts/$t-" "$out/work/$t" "fuzz/corpus/$t" $(seeds_of "$t") \
    > "$out/long-$t.log" 2>&1 ||
    { echo "fuzz: $t FAILED, see $out/long-$t.log"; return 1; }
  grep -E "stat::number_of_executed_units|Done" "$out/long-$t.log" | sed "s/^/fuzz: $t: /"
}

case "${1:-}" in
  --smoke)
    build
    ctest --test-dir build-fuzz -L fuzz --output-on-failure
    ;;
  --long)
    shift
    build
    targets=("$@")
    [ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
    failed=0
    for ((i = 0; i < ${#targets[@]}; i += 2)); do  # two at a time: the machine is shared
      pids=()
      for t in "${targets[@]:i:2}"; do
        long_one "$t" &
        pids+=($!)
      done
      for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    done
    exit $failed
    ;;
  --merge)
    shift
    targets=("$@")
    [ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
    for t in "${targets[@]}"; do
      fresh=$(mktemp -d)
      mkdir -p "build-fuzz/fuzz/work/$t"
      # shellcheck disable=SC2046
      "build-fuzz/fuzz/fuzz_$t" -merge=1 "$fresh" "fuzz/corpus/$t" "build-fuzz/fuzz/work/$t" \
        $(seeds_of "$t") > "build-fuzz/fuzz/merge-$t.log" 2>&1
      find "$fresh" -type f -size +16k -delete
      find "fuzz/corpus/$t" -maxdepth 1 -type f ! -name 'crash-*' -delete
      cp "$fresh"/* "fuzz/corpus/$t/"
      rm -rf "$fresh"
      echo "fuzz: $t: $(find "fuzz/corpus/$t" -type f | wc -l) inputs, $(du -sk "fuzz/corpus/$t" | cut -f1) KB"
    done
    ;;
  --seed)
    build
    find fuzz/corpus/command_capnp -maxdepth 1 -type f ! -name 'crash-*' -delete
    build-fuzz/fuzz/seed_capnp fuzz/corpus/command_json/*.json fuzz/corpus/command_capnp > /dev/null
    ;;
  *)
    echo "usage: scripts/fuzz.sh --smoke | --long [TARGET...] | --merge | --seed" >&2
    exit 2
    ;;
esac
