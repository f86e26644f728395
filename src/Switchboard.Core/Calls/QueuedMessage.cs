namespace Switchboard.Calls;

/// <summary>A message a flow put in the outbox during the call, as the call's record lists it.</summary>
/// <param name="Id">The outbox message id.</param>
/// <param name="Channel">How it will be sent (<c>sms</c>, <c>whatsapp</c>, <c>email</c>).</param>
/// <param name="To">The destination (E.164 number or e-mail address).</param>
/// <param name="Body">The text.</param>
public sealed record QueuedMessage(string Id, string Channel, string To, string Body);
