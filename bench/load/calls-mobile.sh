#!/usr/bin/env bash
# Concurrent whatsapp-link calls from Dutch mobiles: SIPp holds N calls at once against `./switchboard run`, each call hears
# the app's prompts over RTP and is hung up by the app. For each N it prints one table row: SIPp's successful and failed calls,
# the concurrency reached, the RTP send lateness over the plateau (from two GET /metrics snapshots), the server's CPU and
# memory, in total and per call (divided by N), the garbage collector's share, the links the app queued (held, as no
# provider is configured; counted over the whole run when sqlite3 is installed) and the load average. It stops after the
# first N that fails (a failed call, p99 >= 5 ms, or N not reached). docs/benchmarks.md has the results.
#
#   bench/load/calls-mobile.sh [N...]        (default: 250 500 1000 1500)
#
# Environment: CALLS_PER_N (calls per N, as a multiple of N; default 4), PLATEAU_SECONDS (default 15), CALL_SECONDS (the
# length of one call, for the call rate; default 10), SERVER_NICE (run the server at this nice value, e.g. -10, as systemd's
# Nice= would), KEEP=1 keeps the work folder (server log, SIPp statistics). DOTNET_* variables reach the server (for instance
# DOTNET_GCgen0size, see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(250 500 1000 1500)
calls_per_n="${CALLS_PER_N:-4}"
plateau="${PLATEAU_SECONDS:-15}"
call_seconds="${CALL_SECONDS:-10}"
for n in "${counts[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "calls-mobile.sh: '$n' is not a call count (a whole number above 0)" >&2; exit 2; }
done
command -v sipp >/dev/null || { echo "calls-mobile.sh: sipp is missing (apt-get install sip-tester)" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work="$(mktemp -d /tmp/switchboard-load.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"
    wait "$server" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, int(sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
sip_port="$(free_port 2)"
http_port="$(free_port 1)"
sipp_port="$(free_port 2)"
media_port="$(free_port 2)"
business="+31850000100"

cat >"$work/settings.json" <<JSON
{
  "Http": { "Urls": "http://127.0.0.1:$http_port" },
  "Sip": {
    "Listen": [ "udp:127.0.0.1:$sip_port" ],
    "RtpAddress": "127.0.0.1",
    "RtpPorts": "30000-39999",
    "RateLimit": { "RequestsPerSecond": 100000, "Burst": 100000 },
    "Routes": [ { "Match": "*", "App": "whatsapp-link" } ]
  },
  "Apps": { "whatsapp-link": { "Language": "nl", "WhatsAppNumber": "$business" } },
  "Guard": { "PerDestinationLimit": 1000000, "PerCallerLimit": 1000000, "HourlyBudget": 100000000 },
  "Storage": { "DataDirectory": "$work/data" },
  "Prompts": { "Root": "$root/prompts" },
  "Logging": { "LogLevel": { "Default": "Warning" } }
}
JSON

echo "== building ./switchboard" >&2
./switchboard --help >/dev/null
nice -n "${SERVER_NICE:-0}" ./switchboard run --config "$work/settings.json" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null || { echo "the server did not answer /healthz" >&2; exit 1; }

metric() { curl -sf "http://127.0.0.1:$http_port/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }
idle_rss="$(rss_kib)"
hz="$(getconf CLK_TCK)"
cores="$(nproc)"
echo "server pid $server (nice ${SERVER_NICE:-0}, ${DOTNET_GCgen0size:+DOTNET_GCgen0size=$DOTNET_GCgen0size, }$(date -u +%FT%TZ)), SIP udp:127.0.0.1:$sip_port, HTTP $http_port; $cores cores; idle RSS $((idle_rss / 1024)) MiB" >&2

# Dutch mobile numbers, a different one for every call of the whole run (the guard counts per caller and per destination).
next_caller=0
callers() {
  {
    echo SEQUENTIAL
    seq -f '+316%08.0f;' $((10000000 + next_caller)) $((10000000 + next_caller + $1 - 1))
  } >"$2"
  next_caller=$((next_caller + $1))
}

# Over the plateau, from two /metrics snapshots: the packets sent, p50/p99/p99.9 of their lateness (the upper bound of the
# bucket the rank falls in), the garbage collector's pauses (ms per second; collections of generation 0/1/2) and the
# allocations (MB per second).
plateau_stats() {
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
def read(path):
    found = {}
    for line in open(path):
        if not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            found[name] = float(value)
    return found
before, after, seconds = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3])
d = lambda name: after[name] - before[name]
buckets = sorted((float(m.group(1)), d(k)) for k in after if (m := re.fullmatch(r'switchboard_rtp_send_lateness_seconds_bucket\{le="([^"]+)"\}', k)))
total = buckets[-1][1]
def rank(q):
    if total == 0:
        return "n/a"
    bound = next(b for b, c in buckets if c >= q * total)
    return "> 100" if bound == float("inf") else "≤ %g" % (bound * 1000)
gc = "/".join("%d" % d('dotnet_gc_collections_total{generation="%d"}' % g) for g in range(3))
print("\t".join([
    "%d" % total, rank(0.5), rank(0.99), rank(0.999),
    "%.1f" % (1000 * d("dotnet_gc_pause_seconds_total") / seconds), gc,
    "%.1f" % (d("dotnet_gc_allocated_bytes_total") / seconds / 1e6)]))
PY
}

printf '| N | calls ok | failed | concurrent reached | RTP packets in the plateau | send lateness p50 / p99 / p99.9 (ms) | server CPU (%% of one core) | CPU per call (%% of a core) | RSS (MiB) | RSS per call (KiB) | GC pause ms/s (gen 0/1/2) | allocated MB/s | links held (run) | load before → after |\n'
printf '|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---|\n'
for n in "${counts[@]}"; do
  total=$((n * calls_per_n))
  rate=$(((n * 11 + call_seconds * 10 - 1) / (call_seconds * 10)))
  callers "$total" "$work/callers-$n.csv"
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  sipp 127.0.0.1:"$sip_port" -sf bench/load/scenarios/mobile-caller.xml -inf "$work/callers-$n.csv" -s "${business#+}" \
    -i 127.0.0.1 -p "$sipp_port" -mi 127.0.0.1 -mp "$media_port" -l "$n" -r "$rate" -m "$total" \
    -trace_stat -stf "$work/sipp-$n.csv" -fd 1 -trace_err -error_file "$work/sipp-$n-errors.log" \
    </dev/null >/dev/null 2>"$work/sipp-$n.stderr" &
  sipp_pid=$!

  # The plateau starts when the server holds 95% of N calls (or after the ramp should have ended), and lasts PLATEAU_SECONDS.
  deadline=$((SECONDS + 3 * call_seconds + 10))
  reached=0
  while [ "$SECONDS" -lt "$deadline" ]; do
    active="$(metric switchboard_sip_calls_active)"
    [ "${active:-0}" -ge $((n * 95 / 100)) ] && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$http_port/metrics" >"$work/metrics-$n-before.txt"
  cpu_before="$(cpu_ticks)"
  start_ns="$(date +%s%N)"
  for _ in $(seq $((plateau * 2))); do
    active="$(metric switchboard_sip_calls_active)"
    [ "${active:-0}" -gt "$reached" ] && reached="$active"
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$http_port/metrics" >"$work/metrics-$n-after.txt"
  cpu_after="$(cpu_ticks)"
  end_ns="$(date +%s%N)"
  rss="$(rss_kib)"

  wait "$sipp_pid" || true
  load_after="$(cut -d' ' -f1 /proc/loadavg)"
  stats="$(python3 - "$work/sipp-$n.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=';'))
last = rows[-1]
print(last["SuccessfulCall(C)"], last["FailedCall(C)"], max(int(r["CurrentCall"]) for r in rows))
PY
)"
  read -r ok failed sipp_max <<<"$stats"
  IFS=$'\t' read -r packets p50 p99 p999 gc_pause gc_counts allocated <<<"$(plateau_stats "$work/metrics-$n-before.txt" \
    "$work/metrics-$n-after.txt" "$(awk -v ns=$((end_ns - start_ns)) 'BEGIN { print ns / 1e9 }')")"
  cpu_percent="$(awk -v t=$((cpu_after - cpu_before)) -v hz="$hz" -v ns=$((end_ns - start_ns)) 'BEGIN { printf "%.1f", 100 * t / hz / (ns / 1e9) }')"
  per_call_cpu="$(awk -v c="$cpu_percent" -v n="$n" 'BEGIN { printf "%.3f", c / n }')"
  per_call_rss="$(awk -v r="$rss" -v i="$idle_rss" -v n="$n" 'BEGIN { printf "%.0f", (r - i) / n }')"
  queued="n/a"
  command -v sqlite3 >/dev/null && queued="$(sqlite3 "file:$work/data/switchboard.db?mode=ro" "SELECT count(*) FROM messages WHERE status = 'held'")"
  printf '| %d | %d | %d | %d (SIPp %d) | %d | %s / %s / %s | %s | %s | %d | %s | %s (%s) | %s | %s | %s → %s |\n' \
    "$n" "$ok" "$failed" "$reached" "$sipp_max" "$packets" "$p50" "$p99" "$p999" "$cpu_percent" "$per_call_cpu" \
    $((rss / 1024)) "$per_call_rss" "$gc_pause" "$gc_counts" "$allocated" "$queued" "$load_before" "$load_after"

  # Let the last calls end before the next N (or the end).
  for _ in $(seq 60); do
    [ "$(metric switchboard_sip_calls_active)" = 0 ] && [ "$(metric switchboard_rtp_ports_in_use)" = 0 ] && break
    sleep 1
  done
  p99_ok="$(awk -v p="${p99#≤ }" 'BEGIN { print (p != "n/a" && p != "> 100" && p + 0 < 5) ? 1 : 0 }')"
  if [ "$failed" -ne 0 ] || [ "$ok" -ne "$total" ] || [ "$reached" -lt $((n * 95 / 100)) ] || [ "$p99_ok" != 1 ]; then
    echo "N=$n fails (failed calls, p99 >= 5 ms or N not reached); stopping" >&2
    break
  fi
done
