#!/usr/bin/env bash
# Calls per second of the SIP stack: SIPp as the caller (INVITE, 100, 180, 200, ACK, 20 ms, BYE, 200; signalling only)
# against bench/SipLoadUas on loopback UDP, at rising rates, each held for DURATION seconds; stops after the first rate
# with a failed call. Prints one table row per rate, the form docs/benchmarks.md shows.
#
#   bench/load/sip-cps.sh                      # rates 250 500 750 1000 1250 1500 1750 2000 2500 3000, 60 s each
#   RATES="1000 1200" DURATION=60 bench/load/sip-cps.sh
#
# The call flow is the interop tests' uac.xml, which matches each response to its transaction (response_txn): SIPp's
# built-in uac would take a 200 repeated for a lost ACK as the answer to its BYE and count a call the UAS never saw end.

# Needs sipp (Debian sip-tester, tests/setup/40-sipp.sh). SIPp runs on the same machine as the UAS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

RATES="${RATES:-250 500 750 1000 1250 1500 1750 2000 2500 3000}"
DURATION="${DURATION:-60}"
UAS_PORT="${UAS_PORT:-15070}"
SIPP_PORT="${SIPP_PORT:-15071}"
KEEP_GOING="${KEEP_GOING:-0}"

command -v sipp >/dev/null || { echo "sip-cps.sh: sipp is missing; run tests/setup/40-sipp.sh" >&2; exit 1; }
dotnet build bench/SipLoadUas -c Release -v q -nologo >/dev/null
uas_bin="bench/SipLoadUas/bin/Release/net10.0/SipLoadUas"
scenario="tests/Switchboard.Sip.Tests/Interop/Scenarios/uac.xml"
warmup_calls=1000

work="$(mktemp -d)"
uas_pid=""
stop_uas() {
  if [ -n "$uas_pid" ] && kill -0 "$uas_pid" 2>/dev/null; then
    kill -TERM "$uas_pid"
    wait "$uas_pid" || true
  fi
  uas_pid=""
}
trap 'stop_uas; rm -rf "$work"' EXIT

ticks=$(getconf CLK_TCK)
# cpu_ticks PID: user + system time of the process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# status_kib PID FIELD: a VmRSS/VmHWM line of /proc/PID/status, in KiB.
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
# stat_field FILE NAME: the named column of the last row of a SIPp -trace_stat file.
stat_field() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i } END { print $col }' "$1"
}
# seconds HH:MM:SS[:ffffff]: a SIPp time (the fraction has as many digits as its resolution) in seconds.
seconds() { awk -F: '{ s = $1 * 3600 + $2 * 60 + $3; if (NF > 3) s += $4 / (10 ^ length($4)); print s }' <<<"$1"; }

run_sipp() { # run_sipp RATE CALLS STATFILE: SIPp's exit code; its own CPU seconds (user+sys) in $work/sipp.time
  local rate="$1" calls="$2" stat="$3"
  local TIMEFORMAT='%U %S'
  set +e
  { time sipp -sf "$scenario" -nostdin -i 127.0.0.1 -p "$SIPP_PORT" -t u1 -r "$rate" -m "$calls" -l 15000 \
      -buff_size 4194304 -timeout $((DURATION + 60)) -timeout_error -trace_stat -stf "$stat" -fd 1 \
      -trace_err -error_file "$work/errors.log" "127.0.0.1:$UAS_PORT" >"$work/sipp.out" 2>&1; } 2>"$work/sipp.time"
  local rc=$?
  set -e
  return $rc
}

echo "SIP calls per second: SIPp $(sipp -v 2>&1 | awk '/SIPp v/ { print $2 }') ($scenario) against bench/SipLoadUas, udp loopback, ${DURATION} s per rate"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| offered cps | achieved cps | calls completed | failed | retransmissions | INVITE→200 mean ms | UAS answered / ended by BYE | UAS CPU % | SIPp CPU % | UAS RSS MiB (peak) | load avg 1 min |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

best=0
for rate in $RATES; do
  "$uas_bin" "udp:127.0.0.1:$UAS_PORT" >"$work/uas.out" 2>&1 &
  uas_pid=$!
  until grep -q '^listening on' "$work/uas.out" 2>/dev/null; do
    kill -0 "$uas_pid" 2>/dev/null || { cat "$work/uas.out" >&2; exit 1; }
    sleep 0.1
  done

  # Warm-up (JIT, thread pool), not measured; the UAS counters below leave it out.
  run_sipp 200 "$warmup_calls" "$work/warmup.csv" || { echo "warm-up failed:" >&2; tail -20 "$work/sipp.out" >&2; exit 1; }

  calls=$((rate * DURATION))
  cpu_before=$(cpu_ticks "$uas_pid")
  started=$(date +%s.%N)
  rc=0
  run_sipp "$rate" "$calls" "$work/run.csv" || rc=$?
  ended=$(date +%s.%N)
  cpu_after=$(cpu_ticks "$uas_pid")
  rss_peak=$(status_kib "$uas_pid" VmHWM)
  stop_uas

  elapsed=$(seconds "$(stat_field "$work/run.csv" 'ElapsedTime(C)')")
  ok=$(stat_field "$work/run.csv" 'SuccessfulCall(C)')
  failed=$(stat_field "$work/run.csv" 'FailedCall(C)')
  retrans=$(stat_field "$work/run.csv" 'Retransmissions(C)')
  response=$(seconds "$(stat_field "$work/run.csv" 'ResponseTime1(C)')")
  read -r sipp_user sipp_sys <"$work/sipp.time"
  uas_counts=$(awk -v w="$warmup_calls" '/^answered/ { print $2 - w " / " $4 - w }' "$work/uas.out")
  wall=$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')
  awk -v rate="$rate" -v ok="$ok" -v failed="$failed" -v retrans="$retrans" -v elapsed="$elapsed" -v uas="$uas_counts" \
      -v response="$response" -v cpu=$((cpu_after - cpu_before)) -v ticks="$ticks" -v wall="$wall" \
      -v su="$sipp_user" -v ss="$sipp_sys" -v rss="$rss_peak" -v calls="$calls" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "| %d | %.0f | %d/%d | %d | %d | %.1f | %s | %.0f | %.0f | %.0f | %s |\n", rate, ok / elapsed, ok, calls, failed, retrans,
      response * 1000, uas, 100 * cpu / ticks / wall, 100 * (su + ss) / wall, rss / 1024, load
  }'

  if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$ok" -ne "$calls" ]; then
    echo
    echo "At $rate cps SIPp exited $rc; its failure counters and first errors:"
    awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i }
      END { for (i = 1; i <= NF; i++) if (h[i] ~ /^Failed.*\(C\)$/ && $i != 0) print "    " h[i] " " $i }' "$work/run.csv"
    awk '!/Maximum number of open sockets/ && shown++ < 5 { print "    " $0 }' "$work/errors.log"
    [ "$KEEP_GOING" = 1 ] || break
  else
    best=$rate
  fi
done

echo
echo "Highest rate with zero failed calls over ${DURATION} s: ${best} cps; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
