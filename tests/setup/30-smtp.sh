# A real SMTP server (Debian's python3-aiosmtpd, driven by tests/setup/smtp_server.py) for the e-mail
# tests, on a free loopback port; it spools accepted mail into a temp folder the tests read.
need_apt python3-aiosmtpd
smtp_dir="$(mktemp -d /tmp/switchboard-smtp.XXXXXX)"
add_cleanup "rm -rf '$smtp_dir'"
smtp_port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
/usr/bin/python3 tests/setup/smtp_server.py --port "$smtp_port" --spool "$smtp_dir" \
  --user switchboard --password smtp-test-password >"$smtp_dir.log" 2>&1 &
smtp_pid=$!
add_cleanup "kill $smtp_pid; rm -f '$smtp_dir.log'"
for _ in $(seq 100); do
  grep -q ready "$smtp_dir.log" 2>/dev/null && break
  sleep 0.1
done
grep -q ready "$smtp_dir.log" || { cat "$smtp_dir.log" >&2; echo "test.sh: the SMTP server did not start" >&2; exit 1; }
export SWITCHBOARD_TEST_SMTP="127.0.0.1:$smtp_port" SWITCHBOARD_TEST_SMTP_SPOOL="$smtp_dir"
export SWITCHBOARD_TEST_SMTP_USER=switchboard SWITCHBOARD_TEST_SMTP_PASSWORD=smtp-test-password
echo "test.sh: SMTP server on 127.0.0.1:$smtp_port"
