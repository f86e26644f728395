// Converts libphonenumber-js's metadata.max.json (Google libphonenumber's numbering plans,
// Apache-2.0) into the compact resource Switchboard.Numbers embeds:
// src/Switchboard.Numbers/Metadata/numbering-plans.json.gz.
//
//   node tools/numbers/convert-metadata.mjs     (after `cd tests/oracles && npm ci`)
//
// The output keeps only what parsing, classification and formatting read, with named fields
// instead of libphonenumber-js's positional arrays, and records the source package version.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageDir = join(root, 'tests', 'oracles', 'node_modules', 'libphonenumber-js');
const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const source = JSON.parse(readFileSync(join(packageDir, 'metadata.max.json'), 'utf8'));
if (source.version !== 4) {
  throw new Error(`metadata format version ${source.version} is not the expected 4`);
}

// libphonenumber-js's order of the type slots in a plan's type list.
const typeSlots = ['fixedLine', 'mobile', 'tollFree', 'premiumRate', 'personalNumber', 'voicemail', 'uan', 'pager', 'voip', 'sharedCost'];

const orNull = (value) => (value === undefined || value === 0 || value === '' ? null : value);

function convertFormat(f) {
  return {
    pattern: f[0],
    format: f[1],
    leadingDigits: f[2] ?? [],
    nationalPrefixRule: orNull(f[3]),
    nationalPrefixOptional: Boolean(f[4]),
    internationalFormat: orNull(f[5]),
  };
}

function convertPlan(id, p) {
  const types = {};
  (p[11] || []).forEach((t, i) => {
    // A present type with an empty pattern (US mobile) is kept: it means "same as fixed line".
    if (t) types[typeSlots[i]] = { pattern: t[0], lengths: t[1] ?? null };
  });
  return {
    id,
    callingCode: p[0],
    internationalPrefix: orNull(p[1]),
    nationalPattern: p[2],
    lengths: p[3] ?? null,
    formats: p[4] ? p[4].map(convertFormat) : null,
    nationalPrefix: orNull(p[5]),
    nationalPrefixRule: orNull(p[6]),
    nationalPrefixForParsing: orNull(p[7]),
    nationalPrefixTransform: orNull(p[8]),
    nationalPrefixOptional: Boolean(p[9]),
    leadingDigits: orNull(p[10]),
    types: p[11] ? types : null,
    defaultInternationalPrefix: orNull(p[12]),
  };
}

const output = {
  source: `libphonenumber-js ${packageVersion} metadata.max.json`,
  licence: 'Apache-2.0 (numbering data from Google libphonenumber; see NOTICE beside this file)',
  callingCodes: source.country_calling_codes,
  regions: Object.entries(source.countries).map(([id, p]) => convertPlan(id, p)),
  nonGeographic: Object.entries(source.nonGeographic).map(([cc, p]) => convertPlan(null, p)),
};

const json = JSON.stringify(output);
const target = join(root, 'src', 'Switchboard.Numbers', 'Metadata', 'numbering-plans.json.gz');
// mtime 0 in the header keeps the file byte-identical when nothing changed.
writeFileSync(target, gzipSync(Buffer.from(json, 'utf8'), { level: 9 }));
writeFileSync(join(root, 'src', 'Switchboard.Numbers', 'Metadata', 'SOURCE'), `${output.source}\n`);
console.log(`wrote ${target}: ${output.regions.length} regions, ${output.nonGeographic.length} non-geographic plans, ${json.length} bytes of JSON`);
