# Media: spandsp (G.711 reference, DTMF detector for the benchmarks), SIPp's RFC 4733 pcaps (sip-tester),
# espeak-ng and sox (speech for the DTMF talk-off suite), baresip-core (a softphone that calls an RtpSession).
# The G.711 reference shim is compiled into .build/native/ because spandsp's G.711 functions are static inline and
# cannot be called from the library.
need_apt libspandsp-dev sip-tester espeak-ng sox gcc libc6-dev
command -v baresip >/dev/null || need_apt baresip-core
mkdir -p .build/native
if [ ! -f .build/native/libg711reference.so ] || [ tests/Switchboard.Media.Tests/Codecs/g711_reference.c -nt .build/native/libg711reference.so ]; then
  gcc -O2 -shared -fPIC -o .build/native/libg711reference.so tests/Switchboard.Media.Tests/Codecs/g711_reference.c
fi
