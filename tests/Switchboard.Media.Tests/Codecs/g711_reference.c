/* Exposes spandsp's G.711 (static inline in <spandsp/g711.h>) as plain functions, so the tests can
   compare Switchboard's codec with it through P/Invoke. Built by tests/setup/50-media.sh. */
#include <stdint.h>
#include <spandsp/telephony.h>
#include <spandsp/bit_operations.h>
#include <spandsp/g711.h>

uint8_t reference_linear_to_ulaw(int16_t linear) { return linear_to_ulaw(linear); }
int16_t reference_ulaw_to_linear(uint8_t code) { return ulaw_to_linear(code); }
uint8_t reference_linear_to_alaw(int16_t linear) { return linear_to_alaw(linear); }
int16_t reference_alaw_to_linear(uint8_t code) { return alaw_to_linear(code); }
