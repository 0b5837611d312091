#!/usr/bin/env bash
# Build-speed figures on a generated corpus, with Hugo side by side when it is installed.
#
# Usage: scripts/bench.sh [GUIDES...]      (default: 1000 10000)
#
# For each size it generates the same corpus (dev.guidegen.bench.Corpus: about 1,500 words per
# guide, 4-6 questions, 5 of 40 skills, 3 related guides) as a guidegen site and as an equivalent
# Hugo site, then measures, with /usr/bin/time, wall time, peak RSS and CPU time (user and system) of:
#   cold         a full build in a new JVM with no build cache and no output, alternating with
#                Hugo's full build with no output;
#   warm         a full build again, with the build cache and the output of the previous build
#                (without what it left for a quick rebuild, which a build of nothing changed takes);
#   incremental  a build after editing one guide's body and one of its FAQ answers, the quick way;
#   serve        with `serve` running, how long an edited guide's page takes to come back rebuilt
#                (dev.guidegen.bench.ServeProbe): the first edit, and the median of RUNS more.
# Each figure is the median of RUNS runs (default 3); with Hugo, the ratio of each round's cold build
# to Hugo's build in the same round is printed too, with their median. It prints figures and has no
# pass mark.
# Before any is measured, an untimed build of the shipped site makes the jar's class data archive,
# which the first build after the jar is built makes once and every later build uses.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
runs=${RUNS:-3}

mvn -q -DskipTests package
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
jar="$PWD/target/guidegen.jar"
rm -rf target/bench/prime
java -jar "$jar" build --no-cache --out target/bench/prime >/dev/null
rm -rf target/bench/prime
have_hugo=false
command -v hugo >/dev/null && have_hugo=true

# measure OUTFILE CMD...: runs CMD, appends "wall_seconds peak_kb cpu_seconds" to OUTFILE; fails if CMD fails.
# What CMD printed is left in OUTFILE.said, for a caller that checks which way a build went.
measure() {
  local out=$1; shift
  local t
  t=$(mktemp)
  if ! /usr/bin/time -f "%e %M %U %S" -o "$t" "$@" >"$out.said" 2>"$t.err"; then
    cat "$t.err" >&2
    rm -f "$t" "$t.err"
    return 1
  fi
  tail -1 "$t" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >>"$out"
  rm -f "$t" "$t.err"
}

# median FILE COLUMN
median() { sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }

row() { printf '%-8s %-12s %8s s %8s MB %8s s\n' "$1" "$2" "$3" "$(awk -v k="$4" 'BEGIN {printf "%.0f", k/1024}')" "$5"; }

echo "guidegen $(java -jar "$jar" --version 2>/dev/null | head -1); $($have_hugo && hugo version | cut -d' ' -f1-2 || echo 'hugo not installed')"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); median of $runs runs"
echo
printf '%-8s %-12s %10s %11s %10s\n' guides build wall "peak RSS" CPU
for n in "${sizes[@]}"; do
  dir="target/bench/$n"
  java -cp "$cp" dev.guidegen.bench.Corpus "$n" "$dir"
  site="$dir/guidegen"
  res="$dir/results"
  mkdir -p "$res"
  rm -f "$res"/*
  # Outputs are moved aside, not deleted, before a cold build: on an ext4 file system without a
  # journal, files made within minutes of deleting tens of thousands are slow to make (the kernel
  # passes over every recently freed inode), and that would be charged to whichever build comes
  # next. What was moved aside is deleted when every size is measured. Builds that replace their own
  # output still pay for it, as they would in use.
  aside="target/bench/aside/$n"
  rm -rf "$aside"
  mkdir -p "$aside"
  for i in $(seq "$runs"); do
    [ -e "$site/site-output" ] && mv "$site/site-output" "$aside/site-output-$i"
    rm -rf "$site/.guidegen"
    measure "$res/cold" java -jar "$jar" build --root "$site"
    if [ "$i" = 1 ]; then
      # The page-size budgets: no HTML page over 300 KB, no JSON or feed file over 1 MB.
      largest_html=$(find "$site/site-output" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
      largest_data=$(find "$site/site-output" \( -name '*.json' -o -name 'feed.xml' \) -printf '%s %P\n' | sort -n | tail -1)
      echo "$n largest page: ${largest_html#* } ($(( ${largest_html%% *} / 1024 )) KB); largest JSON or feed: ${largest_data#* } ($(( ${largest_data%% *} / 1024 )) KB)" >"$res/budgets"
    fi
    if $have_hugo; then
      [ -e "$dir/hugo-out" ] && mv "$dir/hugo-out" "$aside/hugo-out-$i"
      measure "$res/hugo" hugo --source "$dir/hugo" --destination "$PWD/$dir/hugo-out" --quiet
    fi
  done
  # warm: a full build again, with the build cache and the output the cold build left. With nothing
  # changed it would go the quick way, so what the last build left for that is removed first.
  # incremental: the build after a one-guide edit, which goes the quick way.
  for i in $(seq "$runs"); do
    rm -f "$site/.guidegen/last-build.bin"
    measure "$res/warm" java -jar "$jar" build --root "$site"
    if grep -q -e 'made again only' -e 'nothing had changed' "$res/warm.said"; then
      echo "the warm build went the quick way: $(cat "$res/warm.said")" >&2
      exit 1
    fi
    guide="$site/content/guides/role-00001.md"
    cp "$guide" "$res/guide.bak"
    # One FAQ answer and the body's last paragraph change.
    sed -i "0,/^    a: \"/s//    a: \"Edited in run $i. /" "$guide"
    printf '\nAn edited closing paragraph, run %s.\n' "$i" >>"$guide"
    measure "$res/incremental" java -jar "$jar" build --root "$site"
    if ! grep -q 'made again only the 2 pages of 1 changed guide' "$res/incremental.said"; then
      echo "the build after a one-guide edit did not go the quick way: $(cat "$res/incremental.said")" >&2
      exit 1
    fi
    cp "$res/guide.bak" "$guide"
  done
  # serve: how long an edited guide's page takes to come back rebuilt, polled every 10 ms.
  read -r serve_first serve_median < <(java -cp "$cp" dev.guidegen.bench.ServeProbe "$jar" "$site" role-00001 "$runs")
  cat "$res/budgets"
  for kind in cold warm incremental; do
    row "$n" "$kind" "$(median "$res/$kind" 1)" "$(median "$res/$kind" 2)" "$(median "$res/$kind" 3)"
  done
  printf '%-8s %-12s first edit %s ms, median of %s more %s ms\n' "$n" "serve" "$serve_first" "$runs" "$serve_median"
  if $have_hugo; then
    row "$n" "hugo" "$(median "$res/hugo" 1)" "$(median "$res/hugo" 2)" "$(median "$res/hugo" 3)"
    awk -v gw="$(median "$res/cold" 1)" -v hw="$(median "$res/hugo" 1)" -v gm="$(median "$res/cold" 2)" \
        -v hm="$(median "$res/hugo" 2)" -v iw="$(median "$res/incremental" 1)" -v gc="$(median "$res/cold" 3)" \
        -v hc="$(median "$res/hugo" 3)" -v n="$n" \
        'BEGIN {printf "%-8s cold/hugo: wall %.2fx, peak RSS %.2fx, CPU %.2fx; incremental/hugo cold: %.2fx\n", n, gw/hw, gm/hm, gc/hc, iw/hw}'
    # Each round's cold build against the Hugo build right after it: the machine's speed drifts less
    # within a round than across rounds, so the median of these ratios moves less than the one above.
    paste -d' ' "$res/cold" "$res/hugo" | awk '{printf "%.2f\n", $1 / $4}' >"$res/rounds"
    printf '%-8s cold/hugo wall, round by round: %s (median %sx)\n' "$n" "$(tr '\n' ' ' <"$res/rounds" | sed 's/ $//')" \
        "$(sort -n "$res/rounds" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')"
  fi
  echo
done
rm -rf target/bench/aside
