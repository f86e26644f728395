# Kamailio: the record-routing proxy of tests/Switchboard.Sip.Tests/Interop/KamailioRouteSetTests.cs. Each test starts
# its own kamailio process on loopback with a generated config; the packaged system service is not wanted.
if ! command -v kamailio >/dev/null; then
  need_apt kamailio
  if command -v systemctl >/dev/null && systemctl is-active --quiet kamailio 2>/dev/null; then
    systemctl disable --now kamailio >/dev/null 2>&1 || true
  fi
fi
