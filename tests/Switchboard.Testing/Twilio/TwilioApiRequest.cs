namespace Switchboard.Testing.Twilio;

/// <summary>A request <see cref="TwilioApiServer"/> accepted: its form fields in the order sent.</summary>
public sealed record TwilioApiRequest(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The value of field <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>The field names, sorted, to check that nothing else was sent.</summary>
    public IEnumerable<string> Names => Fields.Select(f => f.Key).Order(StringComparer.Ordinal);
}
