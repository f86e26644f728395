namespace Switchboard.Flows;

/// <summary>A call was mapped to an app whose type Switchboard does not know.</summary>
public sealed class UnknownAppException : Exception
{
    /// <summary>Creates the exception with a message naming the app and the known types.</summary>
    public UnknownAppException(string message) : base(message)
    {
    }
}
