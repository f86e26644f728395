namespace Switchboard.Sip.Transports;

/// <summary>A message could not be handed to the network (connection refused, reset, timed out).</summary>
public sealed class SipTransportException(string message, Exception inner) : Exception(message, inner);
