"""A real SMTP server (aiosmtpd) for the e-mail tests.

Accepts mail on 127.0.0.1 and the given port, offers STARTTLS (with --tls-cert/--tls-key) and AUTH PLAIN/LOGIN (checked against --user and
--password), and writes each accepted message to --spool as <n>.eml with the envelope in X-Envelope-*
headers (and X-TLS: whether STARTTLS was used). Recipients starting with "nobody@" get a permanent 550, "busy@" a temporary 451; mail to
the domain auth.example.com needs a successful AUTH first (530 otherwise).
"""
import argparse
import itertools
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--spool", required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--tls-cert", required=True)
parser.add_argument("--tls-key", required=True)
args = parser.parse_args()
counter = itertools.count(1)


class Spool:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if address.startswith("busy@"):
            return "451 4.3.0 mailbox busy, try again later"
        if address.endswith("@auth.example.com") and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(args.spool, "%06d.eml" % next(counter))
        headers = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\nX-TLS: %s\r\nX-Auth-User: %s\r\n" % (
            envelope.mail_from, ",".join(envelope.rcpt_tos), "yes" if session.ssl else "no",
            session.auth_data.login.decode() if session.authenticated and session.auth_data else "")
        with open(name + ".tmp", "wb") as f:
            f.write(headers.encode() + envelope.original_content)
        os.rename(name + ".tmp", name)
        return "250 2.0.0 queued as %s" % os.path.basename(name)


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
        and auth_data.password.decode() == args.password
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


class CaseInsensitiveAuth(SMTP):
    """Reads the SASL mechanism name case-insensitively, as Postfix and Dovecot do (.NET sends 'AUTH login')."""

    async def smtp_AUTH(self, arg):
        if arg:
            mechanism, _, rest = arg.partition(" ")
            arg = (mechanism.upper() + " " + rest).strip()
        return await super().smtp_AUTH(arg)


class SpoolController(Controller):
    def factory(self):
        return CaseInsensitiveAuth(self.handler, **self.SMTP_kwargs)


tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
tls.load_cert_chain(args.tls_cert, args.tls_key)
controller = SpoolController(Spool(), hostname="127.0.0.1", port=args.port, tls_context=tls, require_starttls=False,
                        authenticator=authenticate, auth_require_tls=False, auth_required=False)
controller.start()
print("ready", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
controller.stop()
