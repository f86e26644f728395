# A real SMTP server (Debian's python3-aiosmtpd, driven by tests/setup/smtp_server.py) for the e-mail
# tests, on a free loopback port; it spools accepted mail into a temp folder the tests read.
# For STARTTLS it uses a throw-away self-signed certificate for localhost, which the test processes
# trust through SSL_CERT_DIR (the system's CA folder stays on the list).
need_apt python3-aiosmtpd openssl
smtp_dir="$(mktemp -d /tmp/switchboard-smtp.XXXXXX)"
smtp_ca="$(mktemp -d /tmp/switchboard-smtp-ca.XXXXXX)"
add_cleanup "rm -rf '$smtp_dir' '$smtp_ca'"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$smtp_ca/localhost.key" -out "$smtp_ca/localhost.pem" 2>/dev/null
mkdir "$smtp_ca/trusted"
cp "$smtp_ca/localhost.pem" "$smtp_ca/trusted/"
openssl rehash "$smtp_ca/trusted" 2>/dev/null || true
export SSL_CERT_DIR="${SSL_CERT_DIR:-/etc/ssl/certs}:$smtp_ca/trusted"
smtp_port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
/usr/bin/python3 tests/setup/smtp_server.py --port "$smtp_port" --spool "$smtp_dir" \
  --user switchboard --password smtp-test-password \
  --tls-cert "$smtp_ca/localhost.pem" --tls-key "$smtp_ca/localhost.key" >"$smtp_dir.log" 2>&1 &
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
