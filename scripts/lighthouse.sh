#!/usr/bin/env bash
# Lighthouse scores for pages of a generated site.
#
# Usage: scripts/lighthouse.sh SITE_DIR URL_PATH...
#   e.g. scripts/lighthouse.sh target/site / /roles/x/ /404.html
#
# Serves SITE_DIR on 127.0.0.1 (free port), runs Lighthouse on each path with
# Debian's Chromium, prints the four category scores per page and exits 1 if
# any score is below MIN_SCORE or a page could not be audited.
#
# Needs: chromium (apt-get install -y chromium), node >= 18.16 with npm, python3.
#
# Environment:
#   MIN_SCORE       lowest passing score (default 0.95)
#   LH_PRESET       "mobile" (default) or "desktop"
#   LH_VERSION      Lighthouse version to install (default 12.8.2; 13.x needs node >= 22.19)
#   LH_HOME         where Lighthouse is installed (default ~/.cache/guidegen-lighthouse)
#   LH_REPORT_DIR   where the JSON reports go (default target/lighthouse)
#   CHROME_PATH     Chromium binary (default /usr/bin/chromium)
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 SITE_DIR URL_PATH..." >&2
  exit 2
fi
site_dir=$1
shift
[ -d "$site_dir" ] || { echo "no such directory: $site_dir" >&2; exit 2; }

MIN_SCORE=${MIN_SCORE:-0.95}
LH_PRESET=${LH_PRESET:-mobile}
LH_VERSION=${LH_VERSION:-12.8.2}
LH_HOME=${LH_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/guidegen-lighthouse}
LH_REPORT_DIR=${LH_REPORT_DIR:-target/lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

# Installed outside the work tree without package.json or lockfile, so nothing
# that names a registry host can end up in a commit. CHROMEDRIVER_SKIP_DOWNLOAD
# and PUPPETEER_SKIP_DOWNLOAD keep install scripts from fetching browsers.
lighthouse=$LH_HOME/$LH_VERSION/node_modules/.bin/lighthouse
if [ ! -x "$lighthouse" ]; then
  mkdir -p "$LH_HOME/$LH_VERSION"
  CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=true \
    npm install --prefix "$LH_HOME/$LH_VERSION" --no-save --no-package-lock \
    --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >&2
fi

work=$(mktemp -d)
server_pid=
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Port 0 lets the OS pick a free port; http.server prints the one it got.
python3 -u -m http.server --bind 127.0.0.1 0 --directory "$site_dir" >"$work/server.log" 2>&1 &
server_pid=$!
port=
for _ in $(seq 50); do
  port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "static server did not start:" >&2; cat "$work/server.log" >&2; exit 2; }

preset_args=()
[ "$LH_PRESET" = desktop ] && preset_args=(--preset=desktop)

mkdir -p "$LH_REPORT_DIR"
failed=0
for path in "$@"; do
  name=$(printf '%s' "$path" | tr -c 'A-Za-z0-9._-' '_')
  report=$LH_REPORT_DIR/${name}.json
  profile=$(mktemp -d -p "$work")
  chrome_flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
  chrome_flags+=" --disable-background-networking --disable-component-update --disable-sync"
  chrome_flags+=" --user-data-dir=$profile"
  if ! timeout 300 "$lighthouse" "http://127.0.0.1:$port$path" "${preset_args[@]}" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$chrome_flags" --output=json --output-path="$report" \
      --quiet >"$work/lighthouse.log" 2>&1; then
    echo "$path: lighthouse failed" >&2
    tail -n 20 "$work/lighthouse.log" >&2
    failed=1
    continue
  fi
  # Prints "path  performance=1.00 ..." and, for categories under the minimum,
  # the audits that cost points; exits 1 when the page fails.
  node - "$report" "$path" "$MIN_SCORE" <<'EOF' || failed=1
const [report, path, min] = process.argv.slice(2);
const lhr = require(require('path').resolve(report));
const ids = ['performance', 'accessibility', 'best-practices', 'seo'];
let ok = !lhr.runtimeError;
const scores = ids.map(id => {
  const score = lhr.categories[id] ? lhr.categories[id].score : null;
  if (score === null || score < Number(min)) ok = false;
  return `${id}=${score === null ? 'n/a' : score.toFixed(2)}`;
});
console.log(`${path}  ${scores.join('  ')}${ok ? '' : '  FAIL'}`);
if (lhr.runtimeError) console.log(`  ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
for (const id of ids) {
  const category = lhr.categories[id];
  if (!category || category.score === null || category.score >= Number(min)) continue;
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      console.log(`  ${id}: ${ref.id} (${audit.score}) ${audit.title}`);
    }
  }
}
process.exit(ok ? 0 : 1);
EOF
done

if [ "$failed" -ne 0 ]; then
  echo "lighthouse: some scores are below $MIN_SCORE (reports in $LH_REPORT_DIR)" >&2
fi
exit "$failed"
