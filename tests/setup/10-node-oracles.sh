# Node.js and the npm packages the tests use as oracles (libphonenumber-js, twilio),
# installed into tests/oracles/node_modules from the committed lock file.
command -v node >/dev/null && command -v npm >/dev/null || need_apt nodejs npm
if [ ! -d tests/oracles/node_modules ] || [ tests/oracles/package-lock.json -nt tests/oracles/node_modules ]; then
  echo "test.sh: installing the Node oracles"
  (cd tests/oracles && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch tests/oracles/node_modules
fi
