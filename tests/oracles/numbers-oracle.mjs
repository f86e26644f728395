// libphonenumber-js as the oracle for Switchboard.Numbers, and the corpus both are measured on.
//
//   node numbers-oracle.mjs expect FILE   write the corpus with libphonenumber-js's reading of each input (TSV)
//   node numbers-oracle.mjs bench FILE    time parse + classify over the corpus in FILE (first two columns)
//
// Corpus line: region <TAB> input. Expectation columns follow: valid (1/0), E.164, region, type,
// national format, international format; a single "-" when libphonenumber-js finds no number.
// The corpus is deterministic (fixed seed): every region's example mobile number and numbers generated from
// each of its type patterns, written in every way people and networks write them (E.164, international and
// national formats, international prefixes of several regions, country code without plus, tel: URIs, noise),
// then truncated, extended and mutated, plus random digit strings.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const require = createRequire(import.meta.url);
const metadata = require('libphonenumber-js/metadata.max.json');
const mobileExamples = require('libphonenumber-js/examples.mobile.json');

const SEED = 20261121;
const SAMPLES_PER_TYPE = 7;
const DIALLING_REGIONS = ['NL', 'US', 'DE', 'GB', 'FR', 'IT', 'RU', 'AU', 'JP', 'BR', 'AR', 'MX', 'IN', 'CN', 'ZA', 'GG', 'CA', 'KZ'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const pick = (items) => items[Math.floor(random() * items.length)];
const digit = () => String(Math.floor(random() * 10));

// --- Random numbers from the metadata's patterns (digits, \d, classes, groups, |, ?, {n}, {n,m}).
function parsePattern(p) {
  let i = 0;
  function alternation() {
    const options = [sequence()];
    while (p[i] === '|') { i++; options.push(sequence()); }
    return { kind: 'choice', options };
  }
  function sequence() {
    const parts = [];
    while (i < p.length && p[i] !== '|' && p[i] !== ')') parts.push(quantified(atom()));
    return { kind: 'seq', parts };
  }
  function atom() {
    const c = p[i++];
    if (c === '(') { if (p.startsWith('?:', i)) i += 2; const inner = alternation(); i++; return inner; }
    if (c === '\\') { i++; return { kind: 'set', digits: '0123456789' }; }
    if (c === '[') {
      let digits = '';
      while (p[i] !== ']') {
        if (p[i] === '\\') { digits += '0123456789'; i += 2; continue; }
        const low = p[i]; let high = low; i++;
        if (p[i] === '-' && p[i + 1] !== ']') { high = p[i + 1]; i += 2; }
        for (let d = low.charCodeAt(0); d <= high.charCodeAt(0); d++) digits += String.fromCharCode(d);
      }
      i++;
      return { kind: 'set', digits };
    }
    return { kind: 'set', digits: c };
  }
  function quantified(node) {
    if (p[i] === '?') { i++; return { kind: 'repeat', node, min: 0, max: 1 }; }
    if (p[i] === '{') {
      const end = p.indexOf('}', i);
      const [min, max] = p.slice(i + 1, end).split(',');
      i = end + 1;
      return { kind: 'repeat', node, min: Number(min), max: max === undefined ? Number(min) : Number(max) };
    }
    return node;
  }
  return alternation();
}
function generate(node) {
  switch (node.kind) {
    case 'choice': return generate(pick(node.options));
    case 'seq': return node.parts.map(generate).join('');
    case 'set': return pick(node.digits.split(''));
    case 'repeat': {
      const n = node.min + Math.floor(random() * (node.max - node.min + 1));
      let s = '';
      for (let k = 0; k < n; k++) s += generate(node.node);
      return s;
    }
  }
}
function samples(pattern, lengths, count) {
  const tree = parsePattern(pattern);
  const found = [];
  for (let attempt = 0; attempt < count * 20 && found.length < count; attempt++) {
    const s = generate(tree);
    if (!lengths || lengths.includes(s.length)) found.push(s);
  }
  return found;
}

// --- Ways of writing a number.
function noisy(text) {
  const separators = [' ', '-', '.', ' ', '  ', '/'];
  let out = '';
  for (const c of text) {
    out += c;
    if (random() < 0.25) out += pick(separators);
  }
  return out.trim();
}
function internationalPrefixOf(region) {
  const plan = metadata.countries[region];
  if (plan[12]) return plan[12];
  return /^\d+$/.test(plan[1]) ? plan[1] : null;
}

const sharing = (callingCode) => metadata.country_calling_codes[callingCode].filter((r) => r !== '001');
const FULL_WIDTH_DIGITS = '\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19';
const fullWidth = (text) => text.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);

function variants(region, callingCode, national, nationalPrefix) {
  const e164 = `+${callingCode}${national}`;
  const lines = [];
  const add = (dialledIn, input) => lines.push([dialledIn, input]);
  // Non-geographic numbers (+800, …) have no region of their own to be dialled in.
  const home = region === '001' ? pick(DIALLING_REGIONS) : region;
  const parsed = parsePhoneNumberFromString(e164);
  add(home, e164);
  add(pick(DIALLING_REGIONS), e164);
  add(home, `tel:${noisy(e164).replace(/ /g, '-')}`);
  if (parsed) {
    add(pick(DIALLING_REGIONS), parsed.formatInternational());
    if (region !== '001') add(region, parsed.formatNational());
  }
  if (region !== '001') {
    add(region, (nationalPrefix ?? '') + national);
    add(region, national);
    add(region, noisy((nationalPrefix ?? '') + national));
    add(region, `${callingCode}${national}`);
    add(region, `(${nationalPrefix ?? ''}${national.slice(0, 2)}) ${national.slice(2)}`);
  }
  for (const from of [pick(DIALLING_REGIONS), pick(DIALLING_REGIONS)]) {
    const idd = internationalPrefixOf(from);
    if (idd) add(from, noisy(`${idd}${callingCode}${national}`));
  }
  add(home, `${e164} ext. ${Math.floor(random() * 1000)}`);
  add(home, `${noisy(e164)}${pick([';ext=', ' x', ' #', ', ', ' ext '])}${Math.floor(random() * 100)}`);
  add(home, pick(['\uFF0B', '+']) + fullWidth(e164.slice(1)));
  add(home, e164.replace(/^\+/, '+\u00A0').replace(/(\d{3})/g, '$1\u00A0'));
  // The usual international prefixes, whatever the region dialled from.
  add('US', `011 ${callingCode} ${national}`);
  add('NL', `00${callingCode}${national}`);
  if (nationalPrefix) add(pick(DIALLING_REGIONS), `+${callingCode} (${nationalPrefix}) ${national}`);
  if (region !== '001') {
    // Dialled nationally from another region that shares the country code (+1, +7, +44, …).
    const neighbours = sharing(callingCode).filter((r) => r !== region);
    if (neighbours.length > 0) {
      const neighbour = pick(neighbours);
      add(neighbour, (nationalPrefix ?? '') + national);
      add(neighbour, national);
    }
    // Local dialling without the area code or leading digits (rewritten by some plans, e.g. NANP territories).
    for (let drop = 1; drop <= 4 && drop < national.length - 1; drop++) add(region, national.slice(drop));
  }
  // Truncated, extended and mutated.
  for (let cut = 1; cut <= 3 && cut < national.length; cut++) add(home, e164.slice(0, -cut));
  add(home, e164 + digit());
  const at = 1 + Math.floor(random() * (national.length - 1));
  add(home, `+${callingCode}${national.slice(0, at)}${digit()}${national.slice(at + 1)}`);
  if (region !== '001') add(region, (nationalPrefix ?? '') + national.slice(0, -1));
  return lines;
}

function buildCorpus() {
  const lines = [];
  const typeSlots = 10;
  const plans = [
    ...Object.entries(metadata.countries).map(([region, plan]) => [region, plan]),
    ...Object.entries(metadata.nonGeographic).map(([, plan]) => ['001', plan]),
  ];
  for (const [region, plan] of plans) {
    const [callingCode, , , lengths] = plan;
    const nationalPrefix = plan[5] || null;
    const nationals = [];
    if (mobileExamples[region]) nationals.push(mobileExamples[region]);
    const types = plan[11] || [];
    for (let slot = 0; slot < typeSlots; slot++) {
      const type = types[slot];
      if (type && type[0]) nationals.push(...samples(type[0], type[1] || lengths, SAMPLES_PER_TYPE));
    }
    nationals.push(...samples(plan[2], lengths, 3));
    for (const national of nationals) lines.push(...variants(region, callingCode, national, nationalPrefix));
  }
  console.error(`structured inputs before sampling: ${lines.length}`);
  // A fixed size, whatever the metadata version: a deterministic, evenly spread sample of the structured
  // inputs, then random digit strings, with and without plus, in random regions.
  const STRUCTURED = 235000;
  if (lines.length > STRUCTURED) {
    const all = lines.splice(0, lines.length);
    for (let i = 0; i < STRUCTURED; i++) lines.push(all[Math.floor((i * all.length) / STRUCTURED)]);
  }
  const regions = Object.keys(metadata.countries);
  while (lines.length < 260000) {
    const length = 3 + Math.floor(random() * 14);
    let s = '';
    for (let k = 0; k < length; k++) s += digit();
    lines.push([pick(regions), random() < 0.4 ? `+${s}` : s]);
  }
  return lines;
}

function expectation(region, input) {
  const n = parsePhoneNumberFromString(input, region);
  if (!n) return ['-'];
  const valid = n.isValid();
  n.ext = undefined; // extensions are not compared: Switchboard reads them as part of the input only
  return [valid ? '1' : '0', n.number, n.country ?? '', n.getType() ?? '', n.formatNational(), n.formatInternational()];
}

const [command, file] = process.argv.slice(2);
if (command === 'expect' && file) {
  const rows = buildCorpus().map(([region, input]) => [region, input, ...expectation(region, input)].join('\t'));
  writeFileSync(file, rows.join('\n') + '\n');
  console.log(`wrote ${rows.length} inputs to ${file}`);
} else if (command === 'bench' && file) {
  const corpus = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => line.split('\t', 2));
  const run = () => {
    let valid = 0;
    for (const [region, input] of corpus) {
      const n = parsePhoneNumberFromString(input, region);
      if (n && n.isValid() && n.getType()) valid++;
    }
    return valid;
  };
  for (let warm = 0; warm < 2; warm++) run();
  const rounds = 5;
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(rounds / 2)];
  const perOp = (median / corpus.length) * 1e9;
  console.log(JSON.stringify({ inputs: corpus.length, medianSeconds: median, nanosecondsPerInput: perOp, inputsPerSecond: corpus.length / median }));
} else {
  console.error('usage: node numbers-oracle.mjs expect FILE | bench FILE');
  process.exit(2);
}
