// Reads [{token, url, params}] as JSON on stdin, writes the signature the official twilio package
// computes for each (getExpectedTwilioSignature) and whether validateRequest accepts a given one.
const { getExpectedTwilioSignature, validateRequest } = require("twilio/lib/webhooks/webhooks");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const out = cases.map((c) => ({
    signature: getExpectedTwilioSignature(c.token, c.url, c.params),
    accepts: c.check === undefined ? null : validateRequest(c.token, c.check, c.url, c.params),
  }));
  process.stdout.write(JSON.stringify(out));
});
