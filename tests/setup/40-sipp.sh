# SIPp (Debian sip-tester): the real SIP peer of the Interop tests in tests/Switchboard.Sip.Tests/Interop.
command -v sipp >/dev/null || need_apt sip-tester
