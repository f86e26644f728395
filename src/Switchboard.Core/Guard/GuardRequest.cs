using Switchboard.Outbox;

namespace Switchboard.Guard;

/// <summary>What the guard judges: a destination for a channel, and who caused the message.</summary>
/// <param name="To">The destination as typed or received (E.164 or national).</param>
/// <param name="Channel">SMS or WhatsApp (e-mail is not guarded).</param>
/// <param name="Caller">The caller's E.164 number, for the per-caller limit; null when no caller (the CLI).</param>
public readonly record struct GuardRequest(string To, MessageChannel Channel, string? Caller = null);
