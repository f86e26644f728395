#!/usr/bin/env bash
# Parse + classify throughput of Switchboard.Numbers and of libphonenumber-js (the same version's metadata)
# on the same corpus, on this machine, in one go; prints the table docs/benchmarks.md shows.
#
#   bench/numbers/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -d tests/oracles/node_modules/libphonenumber-js ]; then
  (cd tests/oracles && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.tsv"
node tests/oracles/numbers-oracle.mjs expect "$corpus"

# The machine may be shared: libphonenumber-js runs before and after BenchmarkDotNet, and the ratio is taken
# against its faster run (the conservative one).
echo "== libphonenumber-js (Node $(node --version)), before"
node tests/oracles/numbers-oracle.mjs bench "$corpus" | tee "$work/node-before.json"

echo "== Switchboard.Numbers (BenchmarkDotNet, short job)"
SWITCHBOARD_NUMBERS_CORPUS="$corpus" dotnet run -c Release --project bench/Switchboard.Benchmarks -- \
  --filter '*NumberPlanBenchmarks*' --job short --exporters json --artifacts "$work/bdn" >"$work/bdn.log" 2>&1 \
  || { cat "$work/bdn.log"; exit 1; }
sed -n '/^| Method/,/^$/p' "$work/bdn.log"

echo "== libphonenumber-js, after"
node tests/oracles/numbers-oracle.mjs bench "$corpus" | tee "$work/node-after.json"

node - "$work/node-before.json" "$work/node-after.json" "$work"/bdn/results/*.json <<'JS'
const fs = require('fs');
const [beforeFile, afterFile, bdnFile] = process.argv.slice(2);
const runs = [beforeFile, afterFile].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const js = runs.reduce((a, b) => (a.nanosecondsPerInput <= b.nanosecondsPerInput ? a : b));
const report = JSON.parse(fs.readFileSync(bdnFile, 'utf8'));
const row = (name) => report.Benchmarks.find((b) => b.Method === name);
console.log('\n| path | ns per input | inputs per second | bytes allocated per input | vs libphonenumber-js |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| libphonenumber-js parsePhoneNumberFromString + isValid + getType | ${js.nanosecondsPerInput.toFixed(0)} | ${Math.round(js.inputsPerSecond).toLocaleString('en-US')} | n/a | 1.0× |`);
for (const name of ['ReadCorpus', 'ClassifyCorpus', 'ClassifyE164', 'ReadE164']) {
  const b = row(name);
  const ns = b.Statistics.Mean;
  const bytes = b.Memory.BytesAllocatedPerOperation;
  const ratio = name.endsWith('Corpus') ? `${(js.nanosecondsPerInput / ns).toFixed(1)}×` : '(E.164 subset)';
  console.log(`| Switchboard ${name} | ${ns.toFixed(0)} | ${Math.round(1e9 / ns).toLocaleString('en-US')} | ${bytes} | ${ratio} |`);
}
JS
