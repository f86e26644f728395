# baresip, the softphone caller of tests/Switchboard.Interop.Tests (headless: baresip-core only, no GTK or X11 modules;
# the tests give it a temporary config folder with the aufile audio source and no sound card).
command -v baresip >/dev/null || need_apt baresip-core
