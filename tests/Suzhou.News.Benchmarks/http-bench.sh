#!/usr/bin/env bash
# HTTP benchmark for Suzhou.News: the site in Release against nginx serving saved copies of the same pages,
# measured with wrk in one run, interleaved, so every figure is also a ratio to nginx on this machine.
#
#   bash tests/Suzhou.News.Benchmarks/http-bench.sh [articles]      # default 10000; 0 = the 50 seed articles
#
# Needs: wrk and nginx (apt-get install -y wrk nginx-light). Loopback only. Bounded: ~11 targets x ROUNDS x DURATION.
# Settings by environment: DURATION (10s), CONNECTIONS (64), THREADS (2), ROUNDS (2), KEEP=1 keeps the temp folder,
# DATA=/some/dir generates into (and on later runs reuses) that folder instead of a temporary one — 100,000
# articles take ~5 minutes to generate.
set -euo pipefail
cd "$(dirname "$0")/../.."
ARTICLES="${1:-10000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"
SITE_PORT=5380
UNCACHED_PORT=5381
NGINX_PORT=5382
work="$(mktemp -d /tmp/suzhou-bench.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "需要 $tool：apt-get install -y wrk nginx-light curl" >&2; exit 69; }
done

echo "== build (Release)"
dotnet publish src/Suzhou.News -c Release -o "$work/app" -v q --nologo >/dev/null

data="${DATA:-$work/data}"
if [ "$ARTICLES" -gt 0 ]; then
    echo "== generate $ARTICLES articles"
    dotnet run --project tests/Suzhou.News.Benchmarks -c Release -- --count "$ARTICLES" --data "$data" --generate-only
fi

start_site() { # port, extra env...
    local port="$1"; shift
    (cd "$work/app" && exec env SUZHOU_DATA_DIR="$data" Serilog__MinimumLevel__Default=Warning \
        Bootstrap__AdminEmail=bench@localhost Bootstrap__AdminPassword="$BENCH_PASSWORD" "$@" \
        dotnet Suzhou.News.dll --urls "http://127.0.0.1:$port" >"$work/site-$port.log" 2>&1) &
    pids+=("$!")
}
wait_for() { # url -> seconds to the first 200
    local url="$1" t0 t1
    t0=$(date +%s.%N)
    for _ in $(seq 1 1200); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
            t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'; return 0
        fi
        sleep 0.05
    done
    echo "site did not answer: $url" >&2; exit 1
}

BENCH_PASSWORD="Bench-$(date +%Y)-pass"
echo "== cold start"
start_site "$SITE_PORT"
cold=$(wait_for "http://127.0.0.1:$SITE_PORT/")
site_pid="${pids[0]}"
start_site "$UNCACHED_PORT" OutputCache__Enabled=false
wait_for "http://127.0.0.1:$UNCACHED_PORT/" >/dev/null

base="http://127.0.0.1:$SITE_PORT"
article=$(curl -s "$base/" | grep -o '/xw/content/[0-9-]*/[0-9]*/content_[0-9]*\.html' | head -1)
channel="/channel/bendi"
last_page=$(curl -s "$base$channel" | { grep -o 'page=[0-9]*' || true; } | sed 's/page=//' | sort -n | tail -1)
deep_page=$(( ${last_page:-1} < 50 ? ${last_page:-1} : 50 ))
search_word="宿州"

# Many different articles for the uncached run, so no in-memory piece (neighbours, related) is reused.
for p in $(seq 2 26); do curl -s "$base/channel/bendi?page=$p"; done \
    | grep -o '/xw/content/[0-9-]*/[0-9]*/content_[0-9]*\.html' | sort -u >"$work/articles.txt"
{
    echo 'paths = {'; sed 's/.*/"&",/' "$work/articles.txt"; echo '}'
    echo 'i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
} >"$work/rotate.lua"

echo "== nginx serving saved copies"
mkdir -p "$work/www" "$work/nginx"
curl -s "$base/" >"$work/www/index.html"
curl -s "$base$article" >"$work/www/article.html"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $work/www;
        location = / { try_files /index.html =404; }
    }
}
EOF
chmod 755 "$work" && chmod -R a+rX "$work/www" # nginx workers run as an unprivileged user
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"

# name | url [| request header]
targets=(
    "nginx: home (static copy)|http://127.0.0.1:$NGINX_PORT/"
    "home (cached)|$base/"
    "home (cached, Brotli)|$base/|Accept-Encoding: br"
    "nginx: article (static copy)|http://127.0.0.1:$NGINX_PORT/article.html"
    "article (cached)|$base$article"
    "article (cached, Brotli)|$base$article|Accept-Encoding: br"
    "article (cache disabled)|http://127.0.0.1:$UNCACHED_PORT$article"
    "article (cache disabled, $(wc -l <"$work/articles.txt") different)|http://127.0.0.1:$UNCACHED_PORT/|X-Rotate: 1"
    "channel page 1|$base$channel"
    "channel page $deep_page (cache disabled)|http://127.0.0.1:$UNCACHED_PORT$channel?page=$deep_page"
    "search “$search_word”|$base/search?q=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))' "$search_word")"
    "RSS|$base/rss.xml"
)

results="$work/results.tsv"
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
    for entry in "${targets[@]}"; do
        IFS='|' read -r name url header <<<"$entry"
        header="${header:-X-Bench: 1}"
        code=$(curl -s -o /dev/null -H "$header" -w '%{http_code}' "$url")
        if [ "$code" != 200 ]; then echo "skip $name ($code)"; continue; fi
        bytes=$(curl -s -H "$header" "$url" | wc -c)
        script=()
        if [ "$header" = "X-Rotate: 1" ]; then
            script=(-s "$work/rotate.lua")
            bytes=$(curl -s "http://127.0.0.1:$UNCACHED_PORT$(head -1 "$work/articles.txt")" | wc -c)
        fi
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "${script[@]}" "$url")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1=="50%" {print $2}' <<<"$out")
        p99=$(awk '$1=="99%" {print $2}' <<<"$out")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p50" "$p99" "$bytes" | tee -a "$results"
    done
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$site_pid/status")

echo "== publish-to-visible while wrk loads the home page"
wrk -t1 -c32 -d30s "$base/" >"$work/publish-load.txt" &
load_pid=$!
sleep 1
latency=$(python3 tests/Suzhou.News.Benchmarks/publish-latency.py "$base" bench@localhost "$BENCH_PASSWORD" 5 | tee /dev/stderr | tail -1)
kill "$load_pid" 2>/dev/null || true

echo
echo "== results ($(date -u +%F), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, median of $ROUNDS rounds, $ARTICLES generated articles)"
python3 - "$results" <<'EOF'
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1], encoding="utf-8"):
    r, name, rps, p50, p99, size = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(rps), p50, p99, int(size)))
def med(name):
    return statistics.median(x[0] for x in rows[name]) if name in rows else None
nginx = {"home": med("nginx: home (static copy)"), "article": med("nginx: article (static copy)")}
print("| page | req/s | p50 | p99 | bytes | vs nginx |")
print("|---|---|---|---|---|---|")
for name, xs in rows.items():
    rps = statistics.median(x[0] for x in xs)
    mid = sorted(xs, key=lambda x: x[0])[len(xs) // 2]
    ref = nginx["home"] if "home" in name else nginx["article"] if "article" in name else None
    ratio = f"{rps / ref:.2f}×" if ref and not name.startswith("nginx") else ""
    print(f"| {name} | {rps:,.0f} | {mid[1]} | {mid[2]} | {mid[3]:,} | {ratio} |")
EOF
echo "cold start to first 200: ${cold}s; site RSS after the run: $((rss_kb / 1024)) MB; $latency"
